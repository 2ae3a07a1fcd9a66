package isola.protocol;

import org.apache.pekko.actor.typed.ActorRef;

/**
 * What a TCP connection's resource actor takes from its isolate. Not sealed: the actor adds its own
 * completion messages (from NIO's handler threads) to the same mailbox type.
 */
public interface TcpRequest {
  /** Reads up to {@code length} bytes; the reply is the bytes, or null at end of stream. */
  record Read(int promiseId, int length, ActorRef<OpReply> replyTo) implements TcpRequest {}

  /** Writes all of {@code data}, after the writes sent before it; the reply is its length. */
  record Write(int promiseId, byte[] data, ActorRef<OpReply> replyTo) implements TcpRequest {}

  /** Shuts down the sending side once the writes sent before it are done. */
  record CloseWrite(int promiseId, ActorRef<OpReply> replyTo) implements TcpRequest {}

  record SetNoDelay(boolean on) implements TcpRequest {}

  record SetKeepAlive(boolean on) implements TcpRequest {}

  /** Closes the socket (pending reads fail as Interrupted) and stops the actor. */
  record Close() implements TcpRequest {}
}
