package isola.cli;

import isola.protocol.IsolateSpec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code isola run [flags] FILE [ARGS...]}: runs a module as Deno does. */
@Command(name = "run", description = "Run a JavaScript program", mixinStandardHelpOptions = true)
final class RunCommand implements Callable<Integer> {
  @Mixin PermissionFlags permissions;

  @Parameters(index = "0", paramLabel = "FILE", description = "The module to run")
  String file;

  @Parameters(index = "1..*", paramLabel = "ARGS", description = "Arguments for the program (Deno.args)")
  List<String> args = List.of();

  @Override
  public Integer call() {
    Path cwd = Path.of("").toAbsolutePath();
    String url = ModuleUrls.toUrl(file, cwd);
    if (url.startsWith("file:") && !Files.isRegularFile(Path.of(java.net.URI.create(url)))) {
      System.err.println("error: Module not found \"" + url + "\".");
      return 1;
    }
    IsolateSpec spec = new IsolateSpec(
        "main", url, null, args, permissions.toPermissionSet(), cwd.toString());
    return ProgramHost.run(spec);
  }
}
