package isola.protocol;

import org.apache.pekko.actor.typed.ActorRef;

/** An async path op for an isolate's {@code FsOps} actor; answered with one {@link OpReply}. */
public record FsRequest(int promiseId, FsOp op, ActorRef<OpReply> replyTo) {}
