package isola.cli;

import isola.protocol.IsolateLimits;
import isola.protocol.IsolateSpec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code isola run [flags] FILE [ARGS...]}: runs a module as Deno does. */
@Command(name = "run", description = "Run a JavaScript program", mixinStandardHelpOptions = true)
class RunCommand extends ProgramCommand {
  @Mixin PermissionFlags permissions;
  @Mixin DenoFlags denoFlags;

  @Parameters(index = "0", paramLabel = "FILE", arity = "0..1", description = "The module to run")
  String file;

  @Parameters(index = "1..*", paramLabel = "ARGS", description = "Arguments for the program (Deno.args)")
  List<String> args = List.of();

  @Option(names = "--cpu-limit", paramLabel = "MS",
      description = "Stop the program when one turn of its event loop uses more CPU time than this (isola only)")
  long cpuLimitMillis;

  @Option(names = "--memory-limit", paramLabel = "MIB",
      description = "Stop the program when one turn of its event loop allocates more than this (isola only)")
  long memoryLimitMib;

  @Option(names = {"-c", "--config"}, paramLabel = "FILE",
      description = "Configure the project with this deno.json (its import map) instead of finding one")
  String config;

  @Option(names = "--no-config", description = "Disable automatic loading of the configuration file")
  boolean noConfig;

  @Option(names = "--ops-limit", paramLabel = "N",
      description = "Reject an async op (Deno.errors.Busy) while N are already in flight (isola only)")
  int opsLimit;

  @Option(names = "--unstable-worker-options",
      description = "Enable unstable Web Worker APIs (deno.permissions in new Worker)")
  boolean unstableWorkerOptions;

  IsolateLimits limits() {
    return new IsolateLimits(cpuLimitMillis, memoryLimitMib << 20, 0, opsLimit, 0);
  }

  @Override
  IsolateSpec spec(Path cwd) {
    if (file == null) throw new ProgramError("error: a module to run is required: isola run [flags] FILE [ARGS...]");
    String url = ModuleUrls.toUrl(file, cwd);
    if (url.startsWith("file:") && !Files.isRegularFile(Path.of(java.net.URI.create(url)))) {
      throw new ProgramError("error: Module not found \"" + url + "\".");
    }
    denoFlags.apply(cwd);
    if (config != null && noConfig) {
      throw new ProgramError("error: the argument '--no-config' cannot be used with '--config <config>'");
    }
    return new IsolateSpec("main", url, null, args, permissions.toPermissionSet(), cwd.toString())
        .withConfig(noConfig ? "" : config == null ? null : cwd.resolve(config).normalize().toString())
        .withLimits(limits())
        .withUnstable(unstableWorkerOptions ? List.of("worker-options") : List.of());
  }
}
