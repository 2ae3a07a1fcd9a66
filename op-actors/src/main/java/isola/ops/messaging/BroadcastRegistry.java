package isola.ops.messaging;

import isola.protocol.BroadcastCommand;
import isola.protocol.BroadcastMessage;
import isola.protocol.IsolateMessage;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.javadsl.AbstractBehavior;
import org.apache.pekko.actor.typed.javadsl.ActorContext;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.actor.typed.javadsl.Receive;

/**
 * Which isolates have an open BroadcastChannel of each name; one per actor system. A message posted
 * in one isolate reaches every other subscribed isolate as a {@link BroadcastMessage} in its mailbox,
 * in the order posted (one sender's messages are told in order, and this actor forwards in order).
 */
public final class BroadcastRegistry extends AbstractBehavior<BroadcastCommand> {
  private final Map<String, Set<ActorRef<IsolateMessage>>> subscribers = new HashMap<>();

  public static Behavior<BroadcastCommand> create() {
    return Behaviors.setup(BroadcastRegistry::new);
  }

  private BroadcastRegistry(ActorContext<BroadcastCommand> ctx) {
    super(ctx);
  }

  @Override
  public Receive<BroadcastCommand> createReceive() {
    return newReceiveBuilder()
        .onMessage(BroadcastCommand.Subscribe.class, this::onSubscribe)
        .onMessage(BroadcastCommand.Unsubscribe.class, this::onUnsubscribe)
        .onMessage(BroadcastCommand.Publish.class, this::onPublish)
        .onMessage(BroadcastCommand.SubscriberGone.class, this::onGone)
        .build();
  }

  private Behavior<BroadcastCommand> onSubscribe(BroadcastCommand.Subscribe s) {
    subscribers.computeIfAbsent(s.name(), n -> new LinkedHashSet<>()).add(s.isolate());
    getContext().watchWith(s.isolate(), new BroadcastCommand.SubscriberGone(s.isolate()));
    return this;
  }

  private Behavior<BroadcastCommand> onUnsubscribe(BroadcastCommand.Unsubscribe u) {
    Set<ActorRef<IsolateMessage>> set = subscribers.get(u.name());
    if (set != null && set.remove(u.isolate()) && set.isEmpty()) subscribers.remove(u.name());
    return this;
  }

  private Behavior<BroadcastCommand> onPublish(BroadcastCommand.Publish p) {
    Set<ActorRef<IsolateMessage>> set = subscribers.get(p.name());
    if (set == null) return this;
    BroadcastMessage message = new BroadcastMessage(p.name(), p.data());
    for (ActorRef<IsolateMessage> isolate : set) {
      if (!isolate.equals(p.from())) isolate.tell(message);
    }
    return this;
  }

  private Behavior<BroadcastCommand> onGone(BroadcastCommand.SubscriberGone g) {
    subscribers.values().removeIf(set -> set.remove(g.isolate()) && set.isEmpty());
    return this;
  }
}
