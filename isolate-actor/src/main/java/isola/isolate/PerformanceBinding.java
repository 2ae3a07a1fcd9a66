package isola.isolate;

import java.time.Instant;
import java.util.Map;
import org.graalvm.polyglot.proxy.ProxyExecutable;

/**
 * Sync ops of 46_performance.js. {@code performance.now()} is op_now (TimerBinding); this adds the
 * wall-clock time of that clock's origin, in fractional milliseconds as Deno gives it.
 */
final class PerformanceBinding {
  private final TimerBinding timers;

  PerformanceBinding(TimerBinding timers) {
    this.timers = timers;
  }

  void register(Map<String, Object> ops) {
    ops.put("op_performance_time_origin", (ProxyExecutable) args -> timeOrigin());
  }

  private double timeOrigin() {
    Instant wall = Instant.now();
    double sinceOrigin = timers.now();
    double wallMillis = wall.getEpochSecond() * 1000.0 + wall.getNano() / 1_000_000.0;
    return wallMillis - sinceOrigin;
  }
}
