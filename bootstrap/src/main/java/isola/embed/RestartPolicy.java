package isola.embed;

import java.time.Duration;

/**
 * How a hosted isolate that fails (an uncaught error, a broken limit, a crash) comes back: after
 * {@code minBackoff}, doubling per failure up to {@code maxBackoff}; after {@code maxRestarts}
 * restarts within {@code window} it is given up, with the last reason kept. A script that ends
 * cleanly ({@code self.close()}) or is terminated is not restarted.
 */
public record RestartPolicy(Duration minBackoff, Duration maxBackoff, int maxRestarts, Duration window) {
  public static final RestartPolicy NEVER = new RestartPolicy(Duration.ZERO, Duration.ZERO, 0, Duration.ZERO);

  public static RestartPolicy backoff(Duration min, Duration max, int maxRestarts, Duration window) {
    return new RestartPolicy(min, max, maxRestarts, window);
  }

  Duration delay(int consecutiveFailures) {
    long millis = minBackoff.toMillis() << Math.min(consecutiveFailures, 20);
    return Duration.ofMillis(Math.min(millis, maxBackoff.toMillis()));
  }
}
