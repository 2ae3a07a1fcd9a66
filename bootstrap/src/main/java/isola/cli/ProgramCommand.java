package isola.cli;

import isola.protocol.IsolateSpec;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/** A subcommand that runs a program: it turns its arguments into the main isolate's spec. */
abstract class ProgramCommand implements Callable<Integer> {
  abstract IsolateSpec spec(Path cwd);

  @Override
  public Integer call() {
    IsolateSpec spec;
    try {
      spec = spec(Path.of("").toAbsolutePath());
    } catch (ProgramError e) {
      System.err.println(e.getMessage());
      return 1;
    }
    return ProgramHost.run(spec);
  }
}
