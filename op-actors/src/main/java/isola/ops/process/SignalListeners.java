package isola.ops.process;

import isola.ops.OpException;
import isola.protocol.ErrorKind;
import isola.protocol.OpError;
import isola.protocol.SignalEvent;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArraySet;
import org.apache.pekko.actor.typed.ActorRef;
import sun.misc.Signal;
import sun.misc.SignalHandler;

/**
 * The process's signal handlers for {@code Deno.addSignalListener}, shared by every isolate of the
 * JVM: the first listener of a signal installs a handler that tells each listening isolate, the last
 * one to leave puts back what the JVM had (for SIGINT and SIGTERM, its orderly exit).
 */
public final class SignalListeners {
  private SignalListeners() {}

  /** Deno refuses these. */
  private static final Set<String> FORBIDDEN = Set.of("SIGKILL", "SIGSTOP", "SIGILL", "SIGFPE", "SIGSEGV");

  private record Installed(SignalHandler previous, Set<ActorRef<SignalEvent>> isolates) {}

  private static final Map<String, Installed> INSTALLED = new HashMap<>();

  /** Checks the name as Deno does (a TypeError), then makes sure the process's handler is in place. */
  public static synchronized void listen(String name, ActorRef<SignalEvent> isolate) throws OpException {
    Signals.number(name);
    if (FORBIDDEN.contains(name)) {
      throw new OpException(OpError.of(ErrorKind.TypeError, "Binding to signal '" + name + "' is not allowed"));
    }
    Installed installed = INSTALLED.get(name);
    if (installed == null) {
      Set<ActorRef<SignalEvent>> isolates = new CopyOnWriteArraySet<>();
      SignalHandler previous;
      try {
        previous = Signal.handle(new Signal(name.substring(3)), s -> {
          for (ActorRef<SignalEvent> to : isolates) to.tell(new SignalEvent(name));
        });
      } catch (IllegalArgumentException e) {
        throw new OpException(OpError.of(ErrorKind.TypeError,
            "Binding to signal '" + name + "' is not possible: the JVM uses it"));
      }
      installed = new Installed(previous, isolates);
      INSTALLED.put(name, installed);
    }
    installed.isolates().add(isolate);
  }

  /** The isolate no longer listens for {@code name}. */
  public static synchronized void unlisten(String name, ActorRef<SignalEvent> isolate) {
    Installed installed = INSTALLED.get(name);
    if (installed == null || !installed.isolates().remove(isolate) || !installed.isolates().isEmpty()) return;
    INSTALLED.remove(name);
    Signal.handle(new Signal(name.substring(3)), installed.previous());
  }
}
