package isola.cli;

import isola.isolate.ProcessEnvironment;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/**
 * Flags of {@code deno run} (and its siblings) that scripts and tools pass as a matter of course.
 * isola takes them so that a Deno command line runs unchanged: {@code --env-file} loads variables as
 * Deno does; the others concern what isola does not have (type checking, remote modules, a lock file,
 * the inspector, V8, watch mode) and change nothing (docs/coverage.md, "Command line").
 */
final class DenoFlags {
  @Option(names = {"--env-file", "--env"}, arity = "0..1", fallbackValue = "", preprocessor = ValueAfterEquals.class,
      paramLabel = "FILE", description = "Load environment variables from a file (default .env)")
  List<String> envFiles = new ArrayList<>();

  @Option(names = {"-q", "--quiet"}, description = "Suppress diagnostic output") boolean quiet;

  @Option(names = "--check", arity = "0..1", fallbackValue = "", preprocessor = ValueAfterEquals.class, hidden = true)
  String check;

  @Option(names = "--no-check", arity = "0..1", fallbackValue = "", preprocessor = ValueAfterEquals.class, hidden = true)
  String noCheck;

  @Option(names = {"-r", "--reload"}, arity = "0..1", fallbackValue = "", preprocessor = ValueAfterEquals.class,
      hidden = true)
  String reload;

  @Option(names = "--lock", arity = "0..1", fallbackValue = "", preprocessor = ValueAfterEquals.class, hidden = true)
  String lock;

  @Option(names = {"--frozen", "--frozen-lockfile"}, arity = "0..1", fallbackValue = "",
      preprocessor = ValueAfterEquals.class, hidden = true)
  String frozen;

  @Option(names = "--node-modules-dir", arity = "0..1", fallbackValue = "", preprocessor = ValueAfterEquals.class,
      hidden = true)
  String nodeModulesDir;

  @Option(names = "--vendor", arity = "0..1", fallbackValue = "", preprocessor = ValueAfterEquals.class, hidden = true)
  String vendor;

  @Option(names = "--allow-scripts", arity = "0..1", fallbackValue = "", preprocessor = ValueAfterEquals.class,
      hidden = true)
  String allowScripts;

  @Option(names = "--unsafely-ignore-certificate-errors", arity = "0..1", fallbackValue = "",
      preprocessor = ValueAfterEquals.class, hidden = true)
  String ignoreCertificateErrors;

  @Option(names = {"--inspect", "--inspect-brk", "--inspect-wait"}, arity = "0..1", fallbackValue = "",
      preprocessor = ValueAfterEquals.class, hidden = true)
  String inspect;

  @Option(names = {"--watch", "--hmr", "--watch-hmr", "--watch-exclude"}, arity = "0..1", fallbackValue = "",
      preprocessor = ValueAfterEquals.class, hidden = true)
  List<String> watch;

  @Option(names = "--coverage", arity = "0..1", fallbackValue = "", preprocessor = ValueAfterEquals.class,
      hidden = true)
  String coverage;

  @Option(names = "--strace-ops", arity = "0..1", fallbackValue = "", preprocessor = ValueAfterEquals.class,
      hidden = true)
  String straceOps;

  @Option(names = "--v8-flags", arity = "0..1", fallbackValue = "", preprocessor = ValueAfterEquals.class, hidden = true)
  List<String> v8Flags;

  @Option(names = {"--cached-only", "--no-remote", "--no-npm", "--no-lock", "--no-code-cache", "--no-clear-screen",
      "--trace-leaks", "--use-env-proxy"}, hidden = true)
  List<Boolean> ignoredSwitches;

  @Option(names = {"--cert", "--log-level", "-L", "--ext", "--conditions", "--inspect-publish-uid",
      "--node-modules-linker", "--min-dep-age"}, hidden = true)
  List<String> ignoredValues;

  // Taken so that the error can name them: what they do matters and isola does not do it yet.
  @Option(names = "--location", hidden = true) String location;
  @Option(names = {"--preload", "--require"}, hidden = true) List<String> preload;
  @Option(names = "--import-map", hidden = true) String importMap;

  /** Refuses what isola cannot honour, then loads the env files (before any isolate starts). */
  void apply(Path cwd) {
    String unsupported = location != null ? "--location" : preload != null ? "--preload"
        : importMap != null ? "--import-map" : null;
    if (unsupported != null) throw new ProgramError("error: isola does not support " + unsupported + " yet");
    for (String given : envFiles) {
      String name = given.isEmpty() ? ".env" : given;
      Path file = cwd.resolve(name);
      if (!Files.isRegularFile(file)) {
        System.err.println("Warning The `--env-file` flag was used, but the environment file specified '" + name
            + "' was not found.");
        continue;
      }
      try {
        ProcessEnvironment.addFromFile(EnvFile.read(file));
      } catch (IOException e) {
        throw new ProgramError("error: Unable to load '" + name + "' environment variable file: " + e.getMessage());
      }
    }
  }
}
