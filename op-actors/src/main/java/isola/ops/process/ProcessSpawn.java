package isola.ops.process;

import isola.ops.OpException;
import isola.ops.fs.Errno;
import isola.protocol.ErrorKind;
import isola.protocol.OpError;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Starts a child process as Deno's {@code Deno.Command} describes it. The program is found first
 * (on the child's {@code PATH}, or against its working directory), so the permission check sees the
 * path that will run, and a failure names it as Deno does ({@code Failed to spawn '...': ...}).
 * Runs inline on the isolate's thread: spawning is synchronous in Deno too.
 */
public final class ProcessSpawn {
  private static final Pattern JDK_ERROR = Pattern.compile("error(?:=|: )(\\d+)");
  private static final ProcessBuilder.Redirect DEV_NULL =
      ProcessBuilder.Redirect.from(new File("/dev/null"));

  /** Deno's {@code "inherit"}, {@code "piped"} and {@code "null"}. */
  public enum Stdio {
    INHERIT, PIPED, NULL;

    public static Stdio of(String name) {
      return valueOf(name.toUpperCase(java.util.Locale.ROOT));
    }
  }

  /**
   * One spawn: {@code env} is the child's whole environment, {@code cwd} absolute. Output that is
   * inherited is piped here too: the isolate writes it through its own output.
   */
  public record Options(String command, List<String> args, Path cwd, Map<String, String> env,
      String searchPath, Stdio stdin, Stdio stdout, Stdio stderr) {}

  private ProcessSpawn() {}

  /**
   * Where {@code command} is: a name is looked up on {@code searchPath} (Deno's: the child's
   * {@code PATH} when the script gives one, else the parent's, even with {@code clearEnv}), a path is
   * taken against {@code cwd} (lexically, as Deno shows it). A name found nowhere fails with Deno's
   * NotFound.
   */
  public static Path resolve(String command, Path cwd, String pathVar) throws OpException {
    if (command.contains("/")) return cwd.resolve(command).normalize();
    if (pathVar != null && !command.isEmpty()) {
      for (String dir : pathVar.split(File.pathSeparator)) {
        if (dir.isEmpty()) continue;
        Path candidate = cwd.resolve(dir).resolve(command).normalize();
        if (Files.isExecutable(candidate) && !Files.isDirectory(candidate)) return candidate;
      }
    }
    throw new OpException(new OpError(ErrorKind.NotFound, "ENOENT",
        "Failed to spawn '" + command + "': entity not found"));
  }

  /** Starts the program {@code resolved} (from {@link #resolve}) with {@code options}. */
  public static Process start(Path resolved, Options options) throws OpException {
    List<String> argv = new ArrayList<>(options.args().size() + 1);
    argv.add(resolved.toString());
    argv.addAll(options.args());
    ProcessBuilder builder = new ProcessBuilder(argv).directory(options.cwd().toFile());
    builder.environment().clear();
    builder.environment().putAll(options.env());
    builder.redirectInput(switch (options.stdin()) {
      case INHERIT -> ProcessBuilder.Redirect.INHERIT;
      case PIPED -> ProcessBuilder.Redirect.PIPE;
      case NULL -> DEV_NULL;
    });
    builder.redirectOutput(output(options.stdout()));
    builder.redirectError(output(options.stderr()));
    try {
      return builder.start();
    } catch (IOException e) {
      throw new OpException(failed(resolved, e));
    }
  }

  private static ProcessBuilder.Redirect output(Stdio stdio) {
    return stdio == Stdio.NULL ? ProcessBuilder.Redirect.DISCARD : ProcessBuilder.Redirect.PIPE;
  }

  /** The JDK says {@code error=2, No such file or directory}; Deno says the OS error's text and number. */
  private static OpError failed(Path resolved, IOException e) {
    String message = String.valueOf(e.getMessage());
    Matcher m = JDK_ERROR.matcher(message);
    String prefix = "Failed to spawn '" + resolved + "': ";
    if (!m.find()) return OpError.of(ErrorKind.Error, prefix + message);
    int number = Integer.parseInt(m.group(1));
    Errno errno = Errno.ofNumber(number);
    if (errno == null) return OpError.of(ErrorKind.Error, prefix + message.substring(m.end()));
    return new OpError(errno.kind, errno.name(), prefix + errno.text + " (os error " + number + ")");
  }

  /** Deno's exit status: the JDK reports a child ended by signal N as code 128 + N, as Deno does. */
  public static List<Object> status(int code) {
    String signal = code > 128 ? Signals.name(code - 128) : null;
    return java.util.Arrays.asList(code, signal);
  }
}
