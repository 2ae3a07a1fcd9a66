package isola.testing;

import java.util.ArrayList;
import java.util.List;

/** Counts across all test modules of a run, and the failures to list at the end. */
final class TestTally {
  /** A failed test or step: its title ("name => ./file.js:3:6") and Deno's error text. */
  record Failure(String title, String error) {}

  int passed;
  int failed;
  int ignored;
  int filteredOut;
  int passedSteps;
  int failedSteps;
  int ignoredSteps;
  boolean usedOnly;
  /** Modules that failed outside any test (a syntax error, an uncaught error while loading). */
  int brokenModules;
  final List<Failure> failures = new ArrayList<>();

  boolean ok() {
    return failed == 0 && brokenModules == 0;
  }

  /** "ok | 3 passed (2 steps) | 0 failed | 1 ignored | 2 filtered out (52ms)" */
  String summary(double millis) {
    StringBuilder s = new StringBuilder(ok() ? "ok" : "FAILED");
    s.append(" | ").append(passed).append(" passed").append(steps(passedSteps));
    s.append(" | ").append(failed).append(" failed").append(steps(failedSteps));
    if (ignored > 0 || ignoredSteps > 0) s.append(" | ").append(ignored).append(" ignored").append(steps(ignoredSteps));
    if (filteredOut > 0) s.append(" | ").append(filteredOut).append(" filtered out");
    return s.append(" (").append(Durations.human(millis)).append(")").toString();
  }

  private static String steps(int n) {
    if (n == 0) return "";
    return " (" + n + (n == 1 ? " step)" : " steps)");
  }
}
