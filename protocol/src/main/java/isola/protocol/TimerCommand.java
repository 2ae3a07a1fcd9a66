package isola.protocol;

/**
 * Requests to an isolate's timer service. The JS side owns the timer list; the host only needs to know
 * the earliest deadline, so there is one armed wake-up per isolate at a time.
 */
public sealed interface TimerCommand {
  /** Wake the isolate with {@link TimersDue} at {@code deadlineNanos} ({@link System#nanoTime()} base). */
  record Arm(long deadlineNanos, long generation) implements TimerCommand {}

  /** Forget the armed wake-up, if any. */
  record Disarm() implements TimerCommand {}

  /** The service's own scheduled wake-up; not sent by isolates. */
  record Wake(long generation) implements TimerCommand {}
}
