package isola.isolate;

import isola.protocol.TimerCommand;
import java.util.Map;
import org.apache.pekko.actor.typed.ActorRef;
import org.graalvm.polyglot.proxy.ProxyExecutable;

/**
 * Sync ops of 03_timers.js. JS keeps the timer list and states the earliest deadline it needs; at the
 * end of each turn the isolate arms the {@code TimerService} for it, once, however many timers the turn
 * created. A generation number tells a stale wake-up from the current one.
 */
final class TimerBinding {
  private final ActorRef<TimerCommand> timers;
  private final long originNanos = System.nanoTime();
  /** Earliest deadline JS wants, in ms since {@link #originNanos}; negative: none. */
  private double wanted = -1;
  private double armed = -1;
  private long generation;

  TimerBinding(ActorRef<TimerCommand> timers) {
    this.timers = timers;
  }

  void register(Map<String, Object> ops) {
    ops.put("op_now", (ProxyExecutable) args -> now());
    ops.put("op_timer_arm", (ProxyExecutable) args -> {
      wanted = args[0].asDouble();
      return null;
    });
  }

  double now() {
    return (System.nanoTime() - originNanos) / 1_000_000.0;
  }

  boolean isCurrent(long gen) {
    return gen == generation && armed >= 0;
  }

  void fired() {
    armed = -1;
  }

  void armIfChanged() {
    if (wanted == armed) return;
    armed = wanted;
    generation++;
    if (wanted < 0) {
      timers.tell(new TimerCommand.Disarm());
    } else {
      timers.tell(new TimerCommand.Arm(originNanos + (long) (wanted * 1_000_000.0), generation));
    }
  }
}
