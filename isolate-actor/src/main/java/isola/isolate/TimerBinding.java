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
  private static final double SAME_MOMENT_MS = 50;

  private final ActorRef<TimerCommand> timers;
  private final long originNanos = System.nanoTime();
  /** Earliest deadline JS wants, in ms since {@link #originNanos}; negative: none. */
  private double wanted = -1;
  private double armed = -1;
  private long generation;
  /** Macrotasks begun: each turn of the isolate, and each timer callback within one. */
  private long task;
  private long baseTask = -1;
  private double base;

  TimerBinding(ActorRef<TimerCommand> timers) {
    this.timers = timers;
  }

  void register(Map<String, Object> ops) {
    ops.put("op_now", (ProxyExecutable) args -> now());
    // The moment a timer's delay counts from when ordering it among others. Deno creates timers in
    // microseconds; here a cold runtime can spend tens of milliseconds in the first setTimeout calls,
    // which would put setTimeout(a, 10); setTimeout(b, 1) in the wrong order. So the timers one task
    // creates within SAME_MOMENT_MS share the first one's start (a timer never fires before its own
    // deadline: the ordering only holds a later one back, by at most that much).
    ops.put("op_timer_base", (ProxyExecutable) args -> {
      double now = now();
      if (task != baseTask || now - base > SAME_MOMENT_MS) {
        baseTask = task;
        base = now;
      }
      return base;
    });
    ops.put("op_timer_task", (ProxyExecutable) args -> {
      task++;
      return null;
    });
    ops.put("op_timer_arm", (ProxyExecutable) args -> {
      wanted = args[0].asDouble();
      return null;
    });
  }

  /** A new turn of the isolate: a new macrotask. */
  void newTask() {
    task++;
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
