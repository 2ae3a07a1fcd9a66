package isola.ops.http;

import isola.protocol.ErrorKind;
import isola.protocol.OpError;
import isola.protocol.OpReply;
import java.net.InetSocketAddress;
import java.util.List;
import org.apache.pekko.actor.typed.ActorRef;

/**
 * One HTTP request and its response, as a serving isolate sees it: a connection of this JVM, or a
 * request another cluster node took ({@link BufferedExchange}). Every method may be called from any
 * thread; outcomes of asynchronous calls come back to the isolate as {@link OpReply} messages.
 */
public interface HttpExchange {
  /** Deno's error for a body read or write after the client went away. */
  OpError CONNECTION_LOST =
      OpError.of(ErrorKind.BadResource, "Cannot read body as underlying resource unavailable");

  /** Unique in the JVM. */
  int id();

  /** Whether the response is out (or the client gone): nothing is waiting on this exchange any more. */
  boolean done();

  String method();

  String url();

  /** Header names (lowercased) and values, alternating, in the order the client sent them. */
  List<String> headerPairs();

  boolean hasBody();

  InetSocketAddress remoteAddress();

  /** Reads the next body chunk: a byte[] reply, or null at the end of the body. */
  void read(int promiseId, ActorRef<OpReply> replyTo);

  /**
   * The whole response at once: {@code body} is a String (sent as UTF-8), a byte[] or null. Header
   * pairs come from the script's Headers; content-length and date are added as hyper adds them.
   */
  void respond(int status, String[] headerPairs, Object body);

  /** Starts a streamed response; chunks follow with {@link #write}, then {@link #end}. */
  void startStream(int status, String[] headerPairs);

  /** One chunk of a streamed body; the reply comes once it is taken (back-pressure). */
  void write(int promiseId, byte[] chunk, ActorRef<OpReply> replyTo);

  void end();

  /**
   * Answers 101 Switching Protocols with these headers and turns the connection into a WebSocket: the
   * reply carries its {@link isola.ops.websocket.WebSocketConnection}, or an error if the client left.
   */
  void upgradeWebSocket(int promiseId, String[] headerPairs, ActorRef<OpReply> replyTo);

  /** The body stream failed: the client must not take a truncated body for a whole one. */
  void abort();

  /**
   * Runs {@code completed} (on any thread) once the response has gone out whole, at once if it
   * already has; never if the client goes first or the response is aborted.
   */
  void watch(Runnable completed);
}
