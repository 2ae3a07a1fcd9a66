package isola.cli;

import isola.protocol.IsolateSpec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code isola run [flags] FILE [ARGS...]}: runs a module as Deno does. */
@Command(name = "run", description = "Run a JavaScript program", mixinStandardHelpOptions = true)
class RunCommand extends ProgramCommand {
  @Mixin PermissionFlags permissions;

  @Parameters(index = "0", paramLabel = "FILE", description = "The module to run")
  String file;

  @Parameters(index = "1..*", paramLabel = "ARGS", description = "Arguments for the program (Deno.args)")
  List<String> args = List.of();

  @Override
  IsolateSpec spec(Path cwd) {
    String url = ModuleUrls.toUrl(file, cwd);
    if (url.startsWith("file:") && !Files.isRegularFile(Path.of(java.net.URI.create(url)))) {
      throw new ProgramError("error: Module not found \"" + url + "\".");
    }
    return new IsolateSpec("main", url, null, args, permissions.toPermissionSet(), cwd.toString());
  }
}
