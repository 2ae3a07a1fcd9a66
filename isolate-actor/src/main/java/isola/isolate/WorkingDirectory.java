package isola.isolate;

import java.nio.file.Path;

/**
 * The isolate's working directory: relative paths of its ops resolve against it and
 * {@code Deno.chdir} moves it. Never the JVM's (one JVM runs many isolates).
 *
 * <p>Runs only on the isolate's thread.
 */
final class WorkingDirectory {
  private Path current;

  WorkingDirectory(Path start) {
    this.current = start.toAbsolutePath().normalize();
  }

  Path get() {
    return current;
  }

  void set(Path dir) {
    this.current = dir;
  }
}
