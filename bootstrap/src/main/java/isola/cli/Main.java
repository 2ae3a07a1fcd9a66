package isola.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code isola}: runs Deno programs on the JVM. */
@Command(
    name = "isola",
    mixinStandardHelpOptions = true,
    versionProvider = Main.Version.class,
    description = "A Deno-compatible JavaScript runtime on the JVM.",
    subcommands = {RunCommand.class, ServeCommand.class, EvalCommand.class, TestCommand.class, CommandLine.HelpCommand.class})
public final class Main implements Runnable {
  public static final String VERSION = "0.1.0";

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(System.out);
  }

  public static void main(String[] args) {
    if (args.length > 0 && (args[0].equals("run") || args[0].equals("eval") || args[0].equals("test"))) {
      isola.isolate.SharedEngine.startPrewarm();
    }
    // Initialise logging before any actor thread logs, else SLF4J prints a replay warning.
    org.slf4j.LoggerFactory.getILoggerFactory();
    int code = commandLine().execute(DenoArgs.normalize(args));
    ProgramHost.exit(code);
  }

  /**
   * The spec of the program that {@code isola ARGV} started in {@code cwd} would run, for hosts that
   * run programs in-process (the end-to-end tests). Throws {@link ProgramError} as the CLI reports it.
   */
  public static isola.protocol.IsolateSpec programSpec(java.util.List<String> argv, java.nio.file.Path cwd) {
    CommandLine.ParseResult parsed = commandLine().parseArgs(DenoArgs.normalize(argv.toArray(String[]::new)));
    if (!parsed.hasSubcommand()
        || !(parsed.subcommand().commandSpec().userObject() instanceof ProgramCommand command)) {
      throw new IllegalArgumentException("not a program command: " + argv);
    }
    return command.spec(cwd);
  }

  /**
   * Runs {@code isola test ARGV} in this JVM with {@code cwd} as the working directory, for the
   * end-to-end tests; returns the exit code.
   */
  public static int runTests(
      java.util.List<String> argv, java.nio.file.Path cwd, java.io.PrintStream out, java.io.PrintStream err) {
    CommandLine.ParseResult parsed = commandLine().parseArgs(DenoArgs.normalize(argv.toArray(String[]::new)));
    if (!parsed.hasSubcommand()
        || !(parsed.subcommand().commandSpec().userObject() instanceof TestCommand command)) {
      throw new IllegalArgumentException("not a test command: " + argv);
    }
    return command.run(cwd, out, err);
  }

  static CommandLine commandLine() {
    CommandLine cl = new CommandLine(new Main()).setUnmatchedOptionsArePositionalParams(false);
    // Everything after the script is the program's own (Deno.args), options included.
    for (String program : new String[] {"run", "eval"}) {
      cl.getSubcommands().get(program).setStopAtPositional(true);
    }
    return cl;
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
