package isola.testing;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;

/** {@code --reporter=tap}: TAP version 14, one "ok N - name" per test, steps as indented subtests. */
final class TapReporter extends TestReporter {
  private static final ObjectMapper JSON = new ObjectMapper();
  /** Per nesting level: how many tests or steps it numbered so far. */
  private final Deque<int[]> counters = new ArrayDeque<>();
  private boolean started;

  TapReporter(PrintStream out, Path cwd) {
    super(out, cwd);
  }

  @Override
  void print(String module, TestEvent e) {
    switch (e.type()) {
      case "plan" -> {
        if (!started) out.print("TAP version 14\n");
        started = true;
        out.print("# " + display(module) + "\n");
        counters.clear();
        counters.push(new int[1]);
      }
      case "stepWait" -> {
        int level = e.integer("level");
        if (counters.size() <= level) {
          out.print("    ".repeat(level - 1) + "# Subtest: " + e.text("parent") + "\n");
          counters.push(new int[1]);
        }
      }
      case "result", "stepResult" -> {
        int level = e.type().equals("result") ? 0 : e.integer("level");
        while (counters.size() > level + 1) {
          int[] inner = counters.pop();
          out.print("    ".repeat(counters.size()) + "1.." + inner[0] + "\n");
        }
        int n = ++counters.peek()[0];
        String indent = "    ".repeat(level);
        String status = e.text("status");
        if (status.equals("ok")) {
          out.print(indent + "ok " + n + " - " + e.text("name") + "\n");
        } else if (status.equals("ignored")) {
          out.print(indent + "ok " + n + " - " + e.text("name") + " # SKIP\n");
        } else {
          out.print(indent + "not ok " + n + " - " + e.text("name") + "\n");
          if (e.text("error") != null) {
            ObjectNode diag = JSON.createObjectNode();
            diag.put("message", e.text("error"));
            diag.put("severity", "fail");
            ObjectNode at = diag.putObject("at");
            at.put("file", e.siteFile() == null ? "" : display(e.siteFile()));
            at.put("line", e.siteLine());
            out.print(indent + "  ---\n" + indent + "  " + diag + "\n" + indent + "  ...\n");
          }
        }
      }
      case "end" -> {
        while (counters.size() > 1) counters.pop();
        if (!counters.isEmpty()) out.print("1.." + counters.peek()[0] + "\n");
      }
      default -> { }
    }
    out.flush();
  }

  @Override
  void output(String module, String text) {
    // TAP consumers read stdout: a test's own output would corrupt the stream.
  }

  @Override
  void finish(double millis) {
    out.flush();
  }
}
