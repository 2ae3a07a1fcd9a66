package isola.isolate;

import isola.ops.actors.ActorCall;
import isola.ops.actors.ActorRegistration;
import isola.protocol.ActorMail;
import isola.protocol.IsolateMessage;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.javadsl.ActorContext;
import org.apache.pekko.actor.typed.receptionist.Receptionist;
import org.graalvm.polyglot.proxy.ProxyExecutable;

/**
 * Ops of runtime/64_actors.js (the isola:actors module): a script's registrations under a name with
 * Pekko's receptionist, each its own actor, and its sends and asks, each a short-lived actor that finds
 * the receiver and waits for the answer.
 *
 * <p>Runs only on the isolate's thread.
 */
final class ActorsBinding {
  private final ActorContext<IsolateMessage> ctx;
  private final Map<Integer, Registered> registrations = new HashMap<>();
  private int lastId;

  private record Registered(String name, ActorRef<Object> actor) {}

  ActorsBinding(ActorContext<IsolateMessage> ctx) {
    this.ctx = ctx;
  }

  void register(Map<String, Object> ops) {
    ops.put("op_actor_register", (ProxyExecutable) a -> {
      int id = ++lastId;
      String name = a[0].asString();
      ActorRef<Object> actor = ctx.spawnAnonymous(ActorRegistration.create(name, id, ctx.getSelf().narrow()));
      ctx.getSystem().receptionist().tell(Receptionist.register(ActorMail.key(name), actor.narrow()));
      registrations.put(id, new Registered(name, actor));
      return id;
    });
    // (registrationId, replyId, body JSON or null, error or null)
    ops.put("op_actor_reply", (ProxyExecutable) a -> {
      Registered registration = registrations.get(a[0].asInt());
      if (registration != null) {
        registration.actor().tell(new ActorRegistration.Reply(a[1].asLong(),
            a[2].isNull() ? null : a[2].asString(), a[3].isNull() ? null : a[3].asString()));
      }
      return null;
    });
    ops.put("op_actor_close", (ProxyExecutable) a -> {
      Registered registration = registrations.remove(a[0].asInt());
      if (registration != null) {
        ctx.getSystem().receptionist().tell(
            Receptionist.deregister(ActorMail.key(registration.name()), registration.actor().narrow()));
        registration.actor().tell(new ActorRegistration.Close());
      }
      return null;
    });
    // (promiseId, name, body JSON, ask, timeout ms)
    ops.put("op_actor_call", (ProxyExecutable) a -> {
      ctx.spawnAnonymous(ActorCall.create(a[1].asString(), a[2].asString(), a[3].asBoolean(),
          Duration.ofMillis(a[4].asLong()), a[0].asInt(), ctx.getSelf().narrow()));
      return null;
    });
  }
}
