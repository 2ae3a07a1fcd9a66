package isola.testing;

import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Path;

/**
 * Turns the test events of every module into one report, as Deno's reporter of the same name
 * prints it. The tally (counts, failures) is kept here; subclasses print. Events of one module arrive
 * in order, modules one after another ({@link TestRun} replays parallel modules whole).
 */
public abstract class TestReporter {
  protected final PrintStream out;
  protected final Path cwd;
  protected final TestTally tally = new TestTally();

  TestReporter(PrintStream out, Path cwd) {
    this.out = out;
    this.cwd = cwd;
  }

  /** The --reporter values, as Deno names them. */
  public static final java.util.List<String> NAMES = java.util.List.of("pretty", "dot", "junit", "tap");

  static TestReporter create(String name, PrintStream out, Path cwd, Path junitPath) {
    return switch (name) {
      case "pretty" -> new PrettyReporter(out, cwd, false);
      case "dot" -> new PrettyReporter(out, cwd, true);
      case "tap" -> new TapReporter(out, cwd);
      case "junit" -> new JunitReporter(out, cwd, junitPath);
      default -> throw new IllegalArgumentException("unknown reporter " + name + ", not one of " + NAMES);
    };
  }

  /** "./dir/a_test.js" for a module under the working directory, else its URL. */
  String display(String url) {
    try {
      Path path = Path.of(URI.create(url));
      if (path.startsWith(cwd)) return "./" + cwd.relativize(path).toString().replace('\\', '/');
    } catch (IllegalArgumentException e) {
      // not a file: URL
    }
    return url;
  }

  /** "./a_test.js:5:6": where the event's test or step was declared. */
  String displaySite(TestEvent e) {
    if (e.siteFile() == null) return "";
    return display(e.siteFile()) + ":" + e.siteLine() + ":" + e.siteColumn();
  }

  final void event(String module, TestEvent e) {
    switch (e.type()) {
      case "plan" -> {
        tally.filteredOut += e.integer("filteredOut");
        tally.usedOnly |= e.flag("usedOnly");
      }
      case "result" -> {
        switch (e.text("status")) {
          case "ok" -> tally.passed++;
          case "ignored" -> tally.ignored++;
          default -> tally.failed++;
        }
        if ("failed".equals(e.text("status"))) fail(e.text("name"), e);
      }
      case "uncaught" -> {
        tally.failed++;
        tally.failures.add(new TestTally.Failure(display(e.text("origin")) + " (uncaught error)",
            e.text("error") + "\nThis error was not caught from a test and caused the test runner to fail on"
                + " the referenced module.\nIt most likely originated from a dangling promise,"
                + " event/timeout handler or top-level code."));
      }
      case "stepResult" -> {
        switch (e.text("status")) {
          case "ok" -> tally.passedSteps++;
          case "ignored" -> tally.ignoredSteps++;
          default -> tally.failedSteps++;
        }
        if ("failed".equals(e.text("status"))) {
          fail(String.join(" ... ", iterable(e.json().path("path"))), e);
        }
      }
      default -> { }
    }
    print(module, e);
  }

  private void fail(String name, TestEvent e) {
    tally.failures.add(new TestTally.Failure(name + " => " + displaySite(e), e.text("error")));
  }

  private static Iterable<String> iterable(com.fasterxml.jackson.databind.JsonNode array) {
    java.util.List<String> names = new java.util.ArrayList<>();
    array.forEach(n -> names.add(n.asText()));
    return names;
  }

  /** A module that ended without finishing its tests (its own error report is in its output). */
  void moduleFailed(String module) {
    tally.brokenModules++;
  }

  abstract void print(String module, TestEvent e);

  /** Output the module printed (stdout or stderr) while its tests ran. */
  abstract void output(String module, String text);

  /** Ends the report: error list, summary. */
  abstract void finish(double millis);

  boolean ok() {
    return tally.ok();
  }

  boolean usedOnly() {
    return tally.usedOnly;
  }
}
