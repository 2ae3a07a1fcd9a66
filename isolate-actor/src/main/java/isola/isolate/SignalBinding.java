package isola.isolate;

import isola.ops.process.SignalListeners;
import isola.protocol.SignalEvent;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.apache.pekko.actor.typed.ActorRef;
import org.graalvm.polyglot.proxy.ProxyExecutable;

/**
 * Ops of 33_signals.js ({@code Deno.addSignalListener}): the isolate listens for a signal while its
 * script has a listener for it. A signal reaches the isolate as a {@link SignalEvent}; listening does
 * not keep the program alive, as in Deno.
 *
 * <p>Runs only on the isolate's thread.
 */
final class SignalBinding {
  private final ActorRef<SignalEvent> self;
  private final JsErrors errors;
  private final Set<String> listening = new HashSet<>();

  SignalBinding(ActorRef<SignalEvent> self, JsErrors errors) {
    this.self = self;
    this.errors = errors;
  }

  void register(Map<String, Object> ops) {
    ops.put("op_signal_bind", (ProxyExecutable) a -> errors.guard(() -> {
      String name = a[0].asString();
      if (listening.add(name)) {
        try {
          SignalListeners.listen(name, self);
        } catch (isola.ops.OpException e) {
          listening.remove(name);
          throw e;
        }
      }
      return null;
    }));
    ops.put("op_signal_unbind", (ProxyExecutable) a -> {
      String name = a[0].asString();
      if (listening.remove(name)) SignalListeners.unlisten(name, self);
      return null;
    });
  }

  void closeAll() {
    listening.forEach(name -> SignalListeners.unlisten(name, self));
    listening.clear();
  }
}
