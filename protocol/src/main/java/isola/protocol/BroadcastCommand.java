package isola.protocol;

import org.apache.pekko.actor.typed.ActorRef;

/** Messages to the JVM's BroadcastChannel registry. */
public sealed interface BroadcastCommand extends CborSerializable {
  /** The isolate has an open channel named {@code name}. */
  record Subscribe(String name, ActorRef<IsolateMessage> isolate) implements BroadcastCommand {}

  /** The isolate closed its last channel named {@code name}. */
  record Unsubscribe(String name, ActorRef<IsolateMessage> isolate) implements BroadcastCommand {}

  /** For every other subscribed isolate; the sender's own channels are served by the sender. */
  record Publish(String name, ActorRef<IsolateMessage> from, SerializedValue data)
      implements BroadcastCommand {}

  /** A subscriber ended. */
  record SubscriberGone(ActorRef<IsolateMessage> isolate) implements BroadcastCommand {}
}
