package isola.protocol;

/**
 * Told to an isolate's watcher when it ends, with the process exit code Deno would use and why it
 * ended: {@code exited} (its program ended), {@code crashed} (the host failed), {@code cpu} or
 * {@code memory} (a limit stopped it), {@code terminated} (stopped from outside).
 */
public record IsolateExited(String name, int exitCode, String reason) implements CborSerializable {
  public IsolateExited(String name, int exitCode) {
    this(name, exitCode, "exited");
  }
}
