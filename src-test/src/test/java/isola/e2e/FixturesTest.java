package isola.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import isola.cli.Main;
import isola.cli.ProgramError;
import isola.host.IsolaHost;
import isola.isolate.HostOutput;
import isola.protocol.IsolateSpec;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Runs every fixture under {@code src-test/fixtures} in one JVM, as isolates of one shared host (the
 * density isola is built for), a few at a time, and compares stdout, stderr and exit code with what
 * Deno 2.9.6 produced for the same script. {@link LauncherTest} covers the launcher itself.
 */
class FixturesTest {
  static final Path ROOT = Path.of(System.getProperty("isola.fixtures", "fixtures")).toAbsolutePath();
  private static final IsolaHost HOST = IsolaHost.start("fixtures");
  private static final Semaphore RUNNING = new Semaphore(4);

  record Result(int exitCode, String stdout, String stderr) {}

  @TestFactory
  Stream<DynamicTest> fixtures() throws IOException {
    List<Path> scripts;
    try (Stream<Path> files = Files.walk(ROOT)) {
      scripts = files.filter(p -> p.toString().matches(".*\\.[cm]?js$"))
          // Names starting with "_" are modules the fixtures use, not fixtures; so are packages.
          .filter(p -> java.util.stream.StreamSupport.stream(ROOT.relativize(p).spliterator(), false)
              .noneMatch(part -> part.toString().startsWith("_") || part.toString().equals("node_modules")))
          .sorted().toList();
    }
    // Start them all (bounded), then check each in order: slow fixtures overlap.
    List<CompletableFuture<Result>> results = scripts.stream().map(FixturesTest::start).toList();
    return java.util.stream.IntStream.range(0, scripts.size()).mapToObj(i -> {
      Path script = scripts.get(i);
      return DynamicTest.dynamicTest(ROOT.relativize(script).toString(), script.toUri(), () -> {
        Fixture fixture = Fixture.load(script);
        Result r = results.get(i).get(60, TimeUnit.SECONDS);
        if (fixture.stdout().contains("[WILDCARD]")) {
          assertTrue(Fixture.matches(fixture.stdout(), r.stdout()),
              () -> "stdout of " + fixture.name() + " does not match.\n--- expected pattern:\n"
                  + fixture.stdout() + "\n--- actual:\n" + r.stdout());
        } else {
          assertEquals(fixture.stdout(), r.stdout(), "stdout of " + fixture.name());
        }
        assertTrue(Fixture.matches(fixture.stderrPattern(), r.stderr()),
            () -> "stderr of " + fixture.name() + " does not match.\n--- expected pattern:\n"
                + fixture.stderrPattern() + "\n--- actual:\n" + r.stderr());
        assertEquals(fixture.exitCode(), r.exitCode(), "exit code of " + fixture.name());
      });
    });
  }

  private static CompletableFuture<Result> start(Path script) {
    Fixture fixture;
    try {
      fixture = Fixture.load(script);
    } catch (IOException e) {
      return CompletableFuture.failedFuture(e);
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    if (fixture.argv().get(0).equals("test")) {
      // isola test hosts its own isolates; run it beside the others.
      return CompletableFuture.supplyAsync(() -> {
        int code = Main.runTests(fixture.argv(), script.getParent(),
            new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
      });
    }
    IsolateSpec spec;
    try {
      spec = Main.programSpec(fixture.argv(), script.getParent());
    } catch (ProgramError e) {
      return CompletableFuture.completedFuture(new Result(1, "", e.getMessage() + "\n"));
    }
    RUNNING.acquireUninterruptibly();
    return HOST.run(spec, new HostOutput(out, err)).toCompletableFuture()
        .whenComplete((code, failure) -> RUNNING.release())
        .thenApply(code -> new Result(
            code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8)));
  }

  @AfterAll
  static void stopHost() {
    HOST.close();
  }
}
