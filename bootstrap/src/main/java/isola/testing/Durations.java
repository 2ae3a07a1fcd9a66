package isola.testing;

/** Durations as Deno's test reporters print them: 745µs, 12ms, 3s, 1m2s. */
final class Durations {
  private Durations() {}

  static String human(double millis) {
    if (millis < 1 && millis > 0) return Math.round(millis * 1000) + "µs";
    long ms = Math.round(millis);
    if (ms < 1000) return ms + "ms";
    long seconds = ms / 1000;
    if (seconds < 60) return seconds + "s";
    return (seconds / 60) + "m" + (seconds % 60) + "s";
  }
}
