package isola.testing;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** {@code --reporter=junit}: JUnit XML as Deno writes it, to stdout or {@code --junit-path}. */
final class JunitReporter extends TestReporter {
  private record Case(String name, String classname, double millis, int line, int col, String error,
                      boolean skipped) {}

  private final Path junitPath;
  private final Map<String, List<Case>> suites = new LinkedHashMap<>();

  JunitReporter(PrintStream out, Path cwd, Path junitPath) {
    super(out, cwd);
    this.junitPath = junitPath;
  }

  @Override
  void print(String module, TestEvent e) {
    if (!e.type().equals("result")) {
      if (e.type().equals("plan")) suites.computeIfAbsent(display(module), k -> new ArrayList<>());
      return;
    }
    String suite = display(module);
    String status = e.text("status");
    suites.computeIfAbsent(suite, k -> new ArrayList<>()).add(new Case(
        e.text("name"), suite, e.number("durationMs"), e.siteLine(), e.siteColumn(),
        status.equals("failed") ? e.text("error") : status.equals("failedSteps") ? "Test failed due to failed steps" : null,
        status.equals("ignored")));
  }

  @Override
  void output(String module, String text) {
    // Kept out of the XML, which Deno writes to stdout as well.
  }

  @Override
  void finish(double millis) {
    StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    int tests = suites.values().stream().mapToInt(List::size).sum();
    long failures = suites.values().stream().flatMap(List::stream).filter(c -> c.error() != null).count();
    xml.append("<testsuites name=\"deno test\" tests=\"").append(tests).append("\" failures=\"")
        .append(failures).append("\" errors=\"0\" time=\"").append(seconds(millis)).append("\">\n");
    for (var suite : suites.entrySet()) {
      List<Case> cases = suite.getValue();
      long suiteFailures = cases.stream().filter(c -> c.error() != null).count();
      long disabled = cases.stream().filter(Case::skipped).count();
      xml.append("    <testsuite name=\"").append(escape(suite.getKey())).append("\" tests=\"").append(cases.size())
          .append("\" disabled=\"").append(disabled).append("\" errors=\"0\" failures=\"").append(suiteFailures)
          .append("\">\n");
      for (Case c : cases) {
        xml.append("        <testcase name=\"").append(escape(c.name())).append("\" classname=\"")
            .append(escape(c.classname())).append("\" time=\"").append(seconds(c.millis())).append("\" line=\"")
            .append(c.line()).append("\" col=\"").append(c.col()).append("\">\n");
        if (c.skipped()) {
          xml.append("            <skipped/>\n");
        } else if (c.error() != null) {
          String headline = c.error().split("\n", 2)[0];
          xml.append("            <failure message=\"").append(escape("Uncaught " + headline)).append("\">")
              .append(escape(c.error())).append("</failure>\n");
        }
        xml.append("        </testcase>\n");
      }
      xml.append("    </testsuite>\n");
    }
    xml.append("</testsuites>\n");
    if (junitPath == null) {
      out.print(xml);
      out.flush();
    } else {
      try {
        if (junitPath.getParent() != null) Files.createDirectories(junitPath.getParent());
        Files.writeString(junitPath, xml);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  private static String seconds(double millis) {
    return String.format(Locale.ROOT, "%.3f", millis / 1000.0);
  }

  private static String escape(String s) {
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;")
        .replace("'", "&apos;");
  }
}
