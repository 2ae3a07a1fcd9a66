package isola.isolate;

import java.util.HashMap;
import java.util.Map;

/**
 * The environment scripts see as the process's: the JVM's, under which lie the variables of
 * {@code --env-file} (as in Deno, a variable the process already has keeps its value). Set once by
 * the launcher before the first isolate starts; each isolate's own changes sit on top (OsBinding).
 */
public final class ProcessEnvironment {
  private ProcessEnvironment() {}

  private static volatile Map<String, String> fromFiles = Map.of();

  /** Adds variables read from an env file; a later file's value wins over an earlier one's. */
  public static synchronized void addFromFile(Map<String, String> variables) {
    Map<String, String> merged = new HashMap<>(fromFiles);
    merged.putAll(variables);
    fromFiles = Map.copyOf(merged);
  }

  static String get(String key) {
    String value = System.getenv(key);
    return value != null ? value : fromFiles.get(key);
  }

  static Map<String, String> all() {
    Map<String, String> env = new HashMap<>(fromFiles);
    env.putAll(System.getenv());
    return env;
  }
}
