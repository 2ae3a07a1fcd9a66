package isola.isolate;

import isola.protocol.IsolateLimits;
import java.lang.management.ManagementFactory;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Stops turns that overrun their isolate's {@link IsolateLimits}: every few milliseconds one daemon
 * thread reads the CPU time and allocated bytes of each running turn's thread (the JVM counts both
 * per thread) and cancels the turn's context when it is over a limit. Only isolates with limits are
 * watched; the thread starts with the first of them.
 */
final class TurnWatchdog {
  private TurnWatchdog() {}

  /** How often running turns are checked. */
  static final long PERIOD_MILLIS = 2;

  private static final com.sun.management.ThreadMXBean THREADS =
      (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

  /** One running turn; {@code stop} is told which limit it broke ("cpu" or "memory"). */
  private record Turn(long threadId, long cpuStart, long allocatedStart, IsolateLimits limits,
      Consumer<String> stop) {}

  private static final ConcurrentHashMap<Object, Turn> RUNNING = new ConcurrentHashMap<>();

  private static final class Checker {
    static final ScheduledExecutorService THREAD = start();

    private static ScheduledExecutorService start() {
      ScheduledExecutorService s = Executors.newSingleThreadScheduledExecutor(
          Thread.ofPlatform().daemon().name("isola-watchdog").factory());
      s.scheduleAtFixedRate(TurnWatchdog::check, PERIOD_MILLIS, PERIOD_MILLIS, TimeUnit.MILLISECONDS);
      return s;
    }

    /** Loading this class starts the thread. */
    static void ensureRunning() {}
  }

  /** Watches the turn the calling thread starts now; returns the token for {@link #end}. */
  static Object begin(IsolateLimits limits, Consumer<String> stop) {
    Object token = new Object();
    long tid = Thread.currentThread().threadId();
    RUNNING.put(token, new Turn(tid, THREADS.getCurrentThreadCpuTime(), THREADS.getThreadAllocatedBytes(tid),
        limits, stop));
    Checker.ensureRunning();
    return token;
  }

  static void end(Object token) {
    RUNNING.remove(token);
  }

  private static void check() {
    for (var entry : RUNNING.entrySet()) {
      Turn t = entry.getValue();
      String broken = null;
      if (t.limits().cpuMillisPerTurn() > 0) {
        long cpu = THREADS.getThreadCpuTime(t.threadId()) - t.cpuStart();
        if (cpu > t.limits().cpuMillisPerTurn() * 1_000_000) broken = "cpu";
      }
      if (broken == null && t.limits().memoryBytesPerTurn() > 0) {
        long allocated = THREADS.getThreadAllocatedBytes(t.threadId()) - t.allocatedStart();
        if (allocated > t.limits().memoryBytesPerTurn()) broken = "memory";
      }
      if (broken != null && RUNNING.remove(entry.getKey(), t)) t.stop().accept(broken);
    }
  }
}
