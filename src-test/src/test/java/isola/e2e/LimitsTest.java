package isola.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import isola.cli.Main;
import isola.host.IsolaHost;
import isola.isolate.HostOutput;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Per-isolate limits: a runaway loop and a memory bomb each end their own isolate (exit 1, a clear
 * error) while another isolate of the same JVM keeps running its timers to the end.
 */
class LimitsTest {
  private static final IsolaHost HOST = IsolaHost.start("limits");

  record Run(CompletableFuture<Integer> exit, ByteArrayOutputStream out, ByteArrayOutputStream err) {
    String stdout() {
      return out.toString(StandardCharsets.UTF_8);
    }

    String stderr() {
      return err.toString(StandardCharsets.UTF_8);
    }
  }

  private static Run start(Path dir, String... argv) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    var exit = HOST.run(Main.programSpec(List.of(argv), dir), new HostOutput(out, err)).toCompletableFuture();
    return new Run(exit, out, err);
  }

  @AfterAll
  static void stop() {
    HOST.close();
  }

  @Test
  void aRunawayIsolateIsStoppedWhileItsNeighbourRuns(@TempDir Path dir) throws Exception {
    Files.writeString(dir.resolve("spin.js"), "console.log('spinning');\nwhile (true) {}\n");
    Files.writeString(dir.resolve("bomb.js"),
        "const keep = [];\nwhile (true) keep.push(new Array(100000).fill(1));\n");
    Files.writeString(dir.resolve("ticks.js"), """
        let n = 0;
        const id = setInterval(() => {
          if (++n === 10) { clearInterval(id); console.log("ticked", n); }
        }, 20);
        """);
    Run ticks = start(dir, "run", "ticks.js");
    Run spin = start(dir, "run", "--cpu-limit=200", "spin.js");
    Run bomb = start(dir, "run", "--memory-limit=64", "bomb.js");

    assertEquals(1, spin.exit().get(30, TimeUnit.SECONDS));
    assertEquals("spinning\n", spin.stdout());
    assertEquals("error: isolate \"main\" was stopped: one turn used more than its CPU time limit of 200 ms\n",
        spin.stderr());

    assertEquals(1, bomb.exit().get(30, TimeUnit.SECONDS));
    assertEquals("error: isolate \"main\" was stopped: one turn allocated more than its memory limit of 64 MiB\n",
        bomb.stderr());

    assertEquals(0, ticks.exit().get(30, TimeUnit.SECONDS));
    assertEquals("ticked 10\n", ticks.stdout());
    assertTrue(ticks.stderr().isEmpty(), ticks.stderr());
  }
}
