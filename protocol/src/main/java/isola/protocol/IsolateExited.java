package isola.protocol;

/** Told to an isolate's watcher when it ends, with the process exit code Deno would use. */
public record IsolateExited(String name, int exitCode) implements CborSerializable {}
