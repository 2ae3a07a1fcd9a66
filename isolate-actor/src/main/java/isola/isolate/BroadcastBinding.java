package isola.isolate;

import isola.ops.messaging.Messaging;
import isola.protocol.BroadcastCommand;
import isola.protocol.IsolateMessage;
import java.util.Map;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.javadsl.ActorContext;
import org.graalvm.polyglot.proxy.ProxyExecutable;

/**
 * Ops of runtime/49_broadcast_channel.js. The isolate subscribes to a channel name at the JVM's
 * registry while it has a channel of that name open (the runtime counts them); messages for other
 * isolates go through the registry, those for this isolate's other channels never leave it.
 *
 * <p>Runs only on the isolate's thread.
 */
final class BroadcastBinding {
  private final ActorContext<IsolateMessage> ctx;
  private final PortBinding wire;
  private ActorRef<BroadcastCommand> registry;

  BroadcastBinding(ActorContext<IsolateMessage> ctx, PortBinding wire) {
    this.ctx = ctx;
    this.wire = wire;
  }

  void register(Map<String, Object> ops) {
    ops.put("op_broadcast_subscribe", (ProxyExecutable) args -> {
      registry().tell(new BroadcastCommand.Subscribe(args[0].asString(), ctx.getSelf()));
      return null;
    });
    ops.put("op_broadcast_unsubscribe", (ProxyExecutable) args -> {
      registry().tell(new BroadcastCommand.Unsubscribe(args[0].asString(), ctx.getSelf()));
      return null;
    });
    // (name, bytes, strings, buffers, portIds)
    ops.put("op_broadcast_post", (ProxyExecutable) args -> {
      registry().tell(new BroadcastCommand.Publish(args[0].asString(), ctx.getSelf(),
          wire.serialized(args[1], args[2], args[3], args[4])));
      return null;
    });
  }

  private ActorRef<BroadcastCommand> registry() {
    if (registry == null) registry = Messaging.get(ctx.getSystem()).broadcasts();
    return registry;
  }
}
