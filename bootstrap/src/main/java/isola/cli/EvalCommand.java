package isola.cli;

import isola.protocol.IsolateSpec;
import isola.protocol.PermissionSet;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code isola eval CODE [ARGS...]}: runs code given on the command line, with all permissions as Deno does. */
@Command(name = "eval", description = "Evaluate a script", mixinStandardHelpOptions = true)
final class EvalCommand extends ProgramCommand {
  @picocli.CommandLine.Mixin DenoFlags denoFlags;

  @Parameters(index = "0", paramLabel = "CODE", description = "The code to run")
  String code;

  @Parameters(index = "1..*", paramLabel = "ARGS", description = "Arguments for the program (Deno.args)")
  List<String> args = List.of();

  @Override
  IsolateSpec spec(Path cwd) {
    denoFlags.apply(cwd);
    String url = cwd.resolve("$deno$eval.mjs").toUri().toString();
    return new IsolateSpec("main", url, code, args, PermissionSet.all(), cwd.toString());
  }
}
