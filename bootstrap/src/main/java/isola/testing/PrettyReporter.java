package isola.testing;

import java.io.PrintStream;
import java.nio.file.Path;

/**
 * Deno's default reporter ({@code pretty}): "running N tests from ./a_test.js", "name ... ok (2ms)",
 * steps indented, a test's output framed by "------- output -------" lines; or, as {@code dot}, one
 * character per test or step. Both end with the ERRORS and FAILURES sections and the summary.
 */
final class PrettyReporter extends TestReporter {
  private final boolean dots;
  /** The line ends in "name ..." of this test or step, waiting for its result. */
  private String pending;
  private int pendingLevel;
  private boolean midLine;
  private boolean outputShown;
  private boolean inTest;
  /** Output of a module before its tests were planned (its top level), shown framed with the plan. */
  private final StringBuilder preTest = new StringBuilder();
  private boolean planned;

  PrettyReporter(PrintStream out, Path cwd, boolean dots) {
    super(out, cwd);
    this.dots = dots;
  }

  @Override
  void print(String module, TestEvent e) {
    if (dots) {
      printDot(e);
      return;
    }
    switch (e.type()) {
      case "plan" -> {
        if (!preTest.isEmpty()) {
          out.print("------- pre-test output -------\n" + preTest + "----- pre-test output end -----\n");
          preTest.setLength(0);
        }
        planned = true;
        int n = e.integer("total");
        out.print("running " + n + (n == 1 ? " test" : " tests") + " from " + display(module) + "\n");
      }
      case "wait" -> {
        out.print(e.text("name") + " ...");
        pending = e.text("name");
        pendingLevel = 0;
        midLine = true;
        outputShown = false;
        inTest = true;
      }
      case "uncaught" -> {
        newLine();
        out.print("Uncaught error from " + display(module) + " FAILED\n");
      }
      case "stepWait" -> {
        newLine();
        out.print("  ".repeat(e.integer("level")) + e.text("name") + " ...");
        pending = e.text("name");
        pendingLevel = e.integer("level");
        midLine = true;
      }
      case "result", "stepResult" -> {
        int level = e.type().equals("result") ? 0 : e.integer("level");
        if (level == 0 && outputShown) {
          out.print("----- output end -----\n");
          outputShown = false;
        }
        if (!(midLine && e.text("name").equals(pending) && level == pendingLevel)) {
          newLine();
          out.print("  ".repeat(level) + e.text("name") + " ...");
        }
        out.print(" " + status(e) + " (" + Durations.human(e.number("durationMs")) + ")\n");
        midLine = false;
        pending = null;
        if (level == 0) inTest = false;
      }
      case "end" -> planned = false;
      default -> { }
    }
    out.flush();
  }

  @Override
  void moduleFailed(String module) {
    super.moduleFailed(module);
    // A module that failed to load never planned: its error report is what it printed.
    if (!preTest.isEmpty()) {
      out.print(preTest);
      preTest.setLength(0);
    }
    planned = false;
  }

  private void printDot(TestEvent e) {
    String mark = switch (e.type()) {
      case "result", "stepResult" -> switch (e.text("status")) {
        case "ok" -> ".";
        case "ignored" -> ",";
        default -> "!";
      };
      default -> null;
    };
    if (mark != null) out.print(mark + "\n");
  }

  private static String status(TestEvent e) {
    return switch (e.text("status")) {
      case "ok" -> "ok";
      case "ignored" -> "ignored";
      case "cancelled" -> "cancelled";
      case "failedSteps" -> {
        int n = e.integer("failedSteps");
        yield "FAILED (due to " + n + " failed step" + (n == 1 ? "" : "s") + ")";
      }
      default -> "FAILED";
    };
  }

  private void newLine() {
    if (midLine) {
      out.print("\n");
      midLine = false;
    }
  }

  @Override
  void output(String module, String text) {
    if (dots) return;
    if (!planned) {
      preTest.append(text);
      return;
    }
    if (inTest && !outputShown) {
      newLine();
      out.print("------- output -------\n");
      outputShown = true;
    } else {
      newLine();
    }
    out.print(text);
    out.flush();
  }

  @Override
  void finish(double millis) {
    if (!tally.failures.isEmpty()) {
      out.print("\n ERRORS \n\n");
      for (TestTally.Failure f : tally.failures) {
        out.print(f.title() + "\n" + "error: " + f.error() + "\n\n");
      }
      out.print(" FAILURES \n\n");
      for (TestTally.Failure f : tally.failures) {
        out.print(f.title() + "\n");
      }
    }
    out.print("\n" + tally.summary(millis) + "\n\n");
    out.flush();
  }
}
