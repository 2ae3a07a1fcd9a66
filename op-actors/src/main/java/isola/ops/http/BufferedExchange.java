package isola.ops.http;

import isola.protocol.ErrorKind;
import isola.protocol.HttpRequestData;
import isola.protocol.HttpResponseData;
import isola.protocol.OpError;
import isola.protocol.OpReply;
import java.io.ByteArrayOutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Consumer;
import org.apache.pekko.actor.typed.ActorRef;

/**
 * A request that another cluster node's front door took and read whole ({@link HttpRequestData}); the
 * response is collected whole too, streamed bodies included, and handed to {@code answer} once, as an
 * {@link HttpResponseData} for that node to write to its connection.
 */
public final class BufferedExchange extends ExchangeHead {
  private final byte[] body;
  private final Consumer<HttpResponseData> answer;

  // Guarded by this: the isolate's thread writes, a supervisor may respond from its own.
  private boolean bodyTaken;
  private int streamStatus;
  private List<String> streamHeaders;
  private ByteArrayOutputStream streamed;
  private boolean answered;
  private Runnable onCompleted;

  public BufferedExchange(HttpRequestData request, Consumer<HttpResponseData> answer) {
    super(request.method(), request.url(), request.headerPairs(), request.body().length > 0, remote(request));
    this.body = request.body();
    this.answer = answer;
  }

  private static InetSocketAddress remote(HttpRequestData request) {
    try {
      // An IP literal: no name lookup happens.
      return new InetSocketAddress(InetAddress.getByName(request.remoteHost()), request.remotePort());
    } catch (UnknownHostException e) {
      return InetSocketAddress.createUnresolved(request.remoteHost(), request.remotePort());
    }
  }

  @Override
  public synchronized void read(int promiseId, ActorRef<OpReply> replyTo) {
    boolean first = !bodyTaken && hasBody();
    bodyTaken = true;
    replyTo.tell(OpReply.ok(promiseId, first ? body : null));
  }

  @Override
  public synchronized void respond(int status, String[] headerPairs, Object body) {
    if (done || streamed != null) return;
    byte[] bytes = body == null ? null
        : body instanceof String s ? s.getBytes(StandardCharsets.UTF_8) : (byte[]) body;
    finishWhole(new HttpResponseData(status, List.of(headerPairs), bytes));
  }

  @Override
  public synchronized void startStream(int status, String[] headerPairs) {
    if (done || streamed != null) return;
    streamStatus = status;
    streamHeaders = List.of(headerPairs);
    streamed = new ByteArrayOutputStream();
  }

  @Override
  public synchronized void write(int promiseId, byte[] chunk, ActorRef<OpReply> replyTo) {
    if (done || streamed == null) {
      replyTo.tell(OpReply.err(promiseId, CONNECTION_LOST));
      return;
    }
    streamed.writeBytes(chunk);
    replyTo.tell(OpReply.ok(promiseId, null));
  }

  @Override
  public synchronized void end() {
    if (done || streamed == null) return;
    finishWhole(new HttpResponseData(streamStatus, streamHeaders, streamed.toByteArray()));
  }

  /**
   * The request came from another node, whose connection this node cannot take over: the client gets
   * a 501 and the script's socket an error event.
   */
  @Override
  public synchronized void upgradeWebSocket(int promiseId, String[] headerPairs, ActorRef<OpReply> replyTo) {
    replyTo.tell(OpReply.err(promiseId, OpError.of(ErrorKind.Http,
        "WebSocket upgrades are not carried between cluster nodes")));
    if (done) return;
    finish(new HttpResponseData(501, List.of("content-type", "text/plain;charset=UTF-8"),
        "WebSocket upgrades are not carried between cluster nodes".getBytes(StandardCharsets.UTF_8)));
  }

  /** A body that failed half-way must not pass for a whole one: the client gets a 502 instead. */
  @Override
  public synchronized void abort() {
    if (done) return;
    finish(new HttpResponseData(502, List.of("content-type", "text/plain;charset=UTF-8"),
        "Bad Gateway".getBytes(StandardCharsets.UTF_8)));
  }

  /** Complete once the answer is handed to the node that took the request (it writes it out). */
  @Override
  public synchronized void watch(Runnable completed) {
    if (answered) completed.run();
    else onCompleted = completed;
  }

  private void finish(HttpResponseData response) {
    done = true;
    answer.accept(response);
  }

  private void finishWhole(HttpResponseData response) {
    finish(response);
    answered = true;
    if (onCompleted != null) onCompleted.run();
  }
}
