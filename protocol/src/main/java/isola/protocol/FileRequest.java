package isola.protocol;

import org.apache.pekko.actor.typed.ActorRef;

/** What an open file's resource actor takes: an op to run, or the order to close and stop. */
public sealed interface FileRequest {
  record Call(int promiseId, FileOp op, ActorRef<OpReply> replyTo) implements FileRequest {}

  /** Closes the file after the calls queued before it, then stops the actor. */
  record Close() implements FileRequest {}
}
