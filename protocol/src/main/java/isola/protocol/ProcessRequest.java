package isola.protocol;

import org.apache.pekko.actor.typed.ActorRef;

/**
 * What a child process's resource actor takes from its isolate. Not sealed: the actor adds its own
 * completion messages to the same mailbox type.
 */
public interface ProcessRequest {
  /** Reads up to {@code length} bytes of stdout (fd 1) or stderr (fd 2); the reply is null at its end. */
  record Read(int promiseId, int fd, int length, ActorRef<OpReply> replyTo) implements ProcessRequest {}

  /** Reads stdout or stderr to its end; the reply is all of it. */
  record ReadAll(int promiseId, int fd, ActorRef<OpReply> replyTo) implements ProcessRequest {}

  /** Writes all of {@code data} to stdin, after the writes sent before it; the reply is its length. */
  record Write(int promiseId, byte[] data, ActorRef<OpReply> replyTo) implements ProcessRequest {}

  /** Closes stdin (the child sees its end) once the writes sent before it are done. */
  record CloseStdin() implements ProcessRequest {}

  /** Answers {@code [code, signal name or null]} once the child ended and its inherited output is out. */
  record Wait(int promiseId, ActorRef<OpReply> replyTo) implements ProcessRequest {}

  /** Releases the pipes and stops the actor; a child still running is killed. */
  record Close() implements ProcessRequest {}
}
