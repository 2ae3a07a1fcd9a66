package isola.testing;

import isola.host.IsolaHost;
import isola.isolate.HostOutput;
import isola.protocol.IsolateSpec;
import isola.protocol.PermissionSet;
import isola.protocol.TestOptions;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * One {@code isola test} run: each test module in its own isolate of one host (one warm JVM), one after
 * another, or all at once with {@code parallel} (a module's report is then replayed whole when it
 * ends, so reports never interleave).
 */
public final class TestRun {
  /** What the command line asked for. */
  public record Settings(String reporter, Path junitPath, String filter, Integer failFast, Long shuffleSeed,
                         boolean parallel, PermissionSet permissions) {}

  private final Settings settings;
  private final Path cwd;
  private final PrintStream out;
  private final PrintStream err;
  private final List<TestReporter> reporters = new ArrayList<>();

  public TestRun(Settings settings, Path cwd, PrintStream out, PrintStream err) {
    this.settings = settings;
    this.cwd = cwd;
    this.out = out;
    this.err = err;
    boolean junitMain = settings.reporter().equals("junit");
    reporters.add(TestReporter.create(settings.reporter(), out, cwd,
        junitMain && settings.junitPath() != null && !settings.junitPath().toString().equals("-")
            ? settings.junitPath() : null));
    if (!junitMain && settings.junitPath() != null) {
      Path junit = settings.junitPath().toString().equals("-") ? null : cwd.resolve(settings.junitPath());
      reporters.add(new JunitReporter(out, cwd, junit));
    }
  }

  /** Runs the modules and prints the report; returns the exit code. */
  public int run(List<Path> modules) {
    long started = System.nanoTime();
    try (IsolaHost host = IsolaHost.start("isola-test")) {
      // `isola test` started it in Main; test isolates started beside it would parse the runtime again.
      isola.isolate.SharedEngine.awaitPrewarm();
      if (settings.parallel()) {
        List<CompletableFuture<List<Consumer<TestReporter>>>> runs = new ArrayList<>();
        for (Path module : modules) runs.add(runModule(host, module, Integer.MAX_VALUE, false));
        for (var run : runs) run.join().forEach(this::replay);
      } else {
        for (Path module : modules) {
          int allowance = settings.failFast() == null ? Integer.MAX_VALUE
              : settings.failFast() - (int) reporters.get(0).tally.failed;
          if (allowance <= 0) break;
          runModule(host, module, allowance, true).join();
        }
      }
    }
    double millis = (System.nanoTime() - started) / 1e6;
    reporters.forEach(r -> r.finish(millis));
    TestReporter main = reporters.get(0);
    if (!main.ok()) {
      err.print("error: Test failed\n");
      return 1;
    }
    if (main.usedOnly()) {
      err.print("error: Test failed because the \"only\" option was used\n");
      return 1;
    }
    return 0;
  }

  private void replay(Consumer<TestReporter> step) {
    reporters.forEach(step);
  }

  /**
   * Runs one module. Live: its events reach the reporters as they happen. Otherwise they are
   * recorded and returned, for the caller to replay.
   */
  private CompletableFuture<List<Consumer<TestReporter>>> runModule(
      IsolaHost host, Path module, int failFast, boolean live) {
    String url = module.toUri().toString();
    List<Consumer<TestReporter>> recorded = new ArrayList<>();
    boolean[] ended = new boolean[1];
    Consumer<Consumer<TestReporter>> sink = live ? this::replay : recorded::add;
    Consumer<String> events = json -> {
      TestEvent e = TestEvent.parse(json);
      if (e.type().equals("end")) ended[0] = true;
      sink.accept(r -> r.event(url, e));
    };
    OutputStream output = new OutputStream() {
      @Override
      public void write(int b) {
        write(new byte[] {(byte) b}, 0, 1);
      }

      @Override
      public void write(byte[] b, int off, int len) {
        String text = new String(b, off, len, StandardCharsets.UTF_8);
        sink.accept(r -> r.output(url, text));
      }
    };
    IsolateSpec spec = new IsolateSpec("test", url, null, List.of(), settings.permissions(), cwd.toString(),
        new TestOptions(settings.filter(), settings.shuffleSeed(), failFast == Integer.MAX_VALUE ? null : failFast));
    return host.run(spec, new HostOutput(output, output, events)).toCompletableFuture().thenApply(code -> {
      if (!ended[0]) sink.accept(r -> r.moduleFailed(url));
      return recorded;
    });
  }
}
