package isola.cli;

import isola.testing.TestDiscovery;
import isola.testing.TestReporter;
import isola.testing.TestRun;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code isola test [flags] [FILES|DIRS...]}: Deno's test runner, each module an isolate of one JVM. */
@Command(name = "test", description = "Run tests", mixinStandardHelpOptions = true)
final class TestCommand implements Callable<Integer> {
  @Mixin PermissionFlags permissions;
  @Mixin DenoFlags denoFlags;

  @Option(names = "--filter", paramLabel = "FILTER", description = "Run tests whose name contains FILTER, or matches /REGEX/")
  String filter;

  @Option(names = "--fail-fast", arity = "0..1", preprocessor = ValueAfterEquals.class, paramLabel = "N",
      description = "Stop after N failed tests (default 1)")
  String failFast;

  @Option(names = "--permit-no-files", description = "Don't fail when no test modules are found")
  boolean permitNoFiles;

  @Option(names = "--reporter", defaultValue = "pretty", paramLabel = "REPORTER",
      description = "pretty (default), dot, junit or tap")
  String reporter;

  @Option(names = "--junit-path", paramLabel = "PATH", description = "Also write a JUnit XML report to PATH ('-': stdout)")
  Path junitPath;

  @Option(names = "--shuffle", arity = "0..1", preprocessor = ValueAfterEquals.class, paramLabel = "SEED",
      description = "Run tests in a random order (repeatable with SEED)")
  String shuffle;

  @Option(names = "--parallel", description = "Run test modules at the same time, each in its own isolate")
  boolean parallel;

  @Parameters(paramLabel = "FILES", description = "Test modules or directories (default: .)")
  List<String> paths = List.of();

  @Override
  public Integer call() {
    return run(Path.of("").toAbsolutePath(), System.out, System.err);
  }

  int run(Path cwd, PrintStream out, PrintStream err) {
    try {
      denoFlags.apply(cwd);
    } catch (ProgramError e) {
      err.println(e.getMessage());
      return 1;
    }
    List<Path> modules;
    try {
      modules = TestDiscovery.find(paths, cwd);
    } catch (TestDiscovery.NotFound e) {
      err.println(e.getMessage());
      return 1;
    }
    if (!TestReporter.NAMES.contains(reporter)) {
      err.println("error: invalid value '" + reporter + "' for '--reporter <reporter>'\n"
          + "  [possible values: " + String.join(", ", TestReporter.NAMES) + "]");
      return 2;
    }
    if (modules.isEmpty() && !permitNoFiles) {
      err.println("error: No test modules found");
      return 1;
    }
    Long seed = shuffle == null ? null
        : shuffle.isEmpty() ? (long) (Math.random() * Integer.MAX_VALUE) : Long.parseLong(shuffle);
    Integer failAfter = failFast == null ? null : failFast.isEmpty() ? 1 : Integer.parseInt(failFast);
    var settings = new TestRun.Settings(
        reporter, junitPath, filter, failAfter, seed, parallel, permissions.toPermissionSet());
    return new TestRun(settings, cwd, out, err).run(modules);
  }
}
