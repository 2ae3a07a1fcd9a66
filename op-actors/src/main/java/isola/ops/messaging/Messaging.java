package isola.ops.messaging;

import isola.protocol.BroadcastCommand;
import isola.protocol.IsolateMessage;
import isola.protocol.PortCommand;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.Extension;
import org.apache.pekko.actor.typed.ExtensionId;
import org.apache.pekko.actor.typed.Props;

/**
 * The actors isolates message each other through, one set per actor system (Pekko creates an
 * extension once, thread-safely): the BroadcastChannel registry, and the MessagePort pairs, which are
 * system actors so that a pair outlives the isolate that created it.
 */
public final class Messaging implements Extension {
  public static final ExtensionId<Messaging> ID = new ExtensionId<>() {
    @Override
    public Messaging createExtension(ActorSystem<?> system) {
      return new Messaging(system);
    }
  };

  private final ActorSystem<?> system;
  private final ActorRef<BroadcastCommand> broadcasts;
  private final AtomicLong pairs = new AtomicLong();

  private Messaging(ActorSystem<?> system) {
    this.system = system;
    this.broadcasts = system.systemActorOf(BroadcastRegistry.create(), "broadcast-channels", Props.empty());
  }

  public static Messaging get(ActorSystem<?> system) {
    return system.registerExtension(ID);
  }

  public ActorRef<BroadcastCommand> broadcasts() {
    return broadcasts;
  }

  /** See {@link PortPair#create}. */
  public ActorRef<PortCommand> newPortPair(ActorRef<IsolateMessage> owner, int portId, long keptReceived,
      List<PortCommand.Queued> undelivered) {
    return system.systemActorOf(PortPair.create(owner, portId, keptReceived, undelivered),
        "port-pair-" + pairs.incrementAndGet(), Props.empty());
  }
}
