package isola.protocol;

import org.apache.pekko.actor.typed.ActorRef;

/**
 * What a TCP listener's resource actor takes. Not sealed: the actor adds its own completion messages
 * to the same mailbox type.
 */
public interface ListenerRequest {
  /** The reply is the accepted socket, which the isolate adopts as a new connection resource. */
  record Accept(int promiseId, ActorRef<OpReply> replyTo) implements ListenerRequest {}

  /** Closes the listener (pending accepts fail) and stops the actor. */
  record Close() implements ListenerRequest {}
}
