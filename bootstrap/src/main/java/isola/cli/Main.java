package isola.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code isola}: runs Deno programs on the JVM. */
@Command(
    name = "isola",
    mixinStandardHelpOptions = true,
    versionProvider = Main.Version.class,
    description = "A Deno-compatible JavaScript runtime on the JVM.",
    subcommands = {RunCommand.class, EvalCommand.class, CommandLine.HelpCommand.class})
public final class Main implements Runnable {
  public static final String VERSION = "0.1.0";

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(System.out);
  }

  public static void main(String[] args) {
    // Initialise logging before any actor thread logs, else SLF4J prints a replay warning.
    org.slf4j.LoggerFactory.getILoggerFactory();
    int code = commandLine().execute(args);
    ProgramHost.exit(code);
  }

  static CommandLine commandLine() {
    return new CommandLine(new Main()).setUnmatchedOptionsArePositionalParams(false);
  }

  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      return new String[] {
        "isola " + VERSION + " (deno 2.9.6 compatible)",
        "graaljs " + org.graalvm.polyglot.Engine.class.getPackage().getImplementationVersion(),
        "java " + Runtime.version()
      };
    }
  }
}
