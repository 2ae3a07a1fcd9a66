package isola.protocol;

/**
 * What an HTTP server started by {@code Deno.serve} tells its isolate. The exchange is a local handle
 * (an {@code isola.ops.http.HttpExchange}): these messages never leave the JVM, like the socket handles
 * some {@link OpReply} values carry.
 */
public sealed interface HttpEvent extends IsolateMessage {
  /** A request's head arrived; its body, if any, is read on demand through the exchange. */
  record RequestArrived(int serverRid, Object exchange) implements HttpEvent {}

  /** The client went away before the exchange's response was complete. */
  record ExchangeLost(int serverRid, int exchangeId) implements HttpEvent {}

  /** The response of a watched exchange (request.signal, info.completed) went out whole. */
  record ExchangeCompleted(int serverRid, int exchangeId) implements HttpEvent {}

  /**
   * No more requests will come to this server (a hosted script being replaced): its accept loop ends,
   * and the isolate ends once the requests it has are answered.
   */
  record Drain(int serverRid) implements HttpEvent {}

  /** The rid under which a hosted script's default export receives the front door's requests. */
  int FRONT_DOOR_RID = 0;
}
