package isola.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code isola test}'s flags with an optional value take it only attached ({@code --fail-fast=2}); a
 * bare {@code --fail-fast a_test.js} must not swallow the file, so bare forms are rewritten to their
 * default value before parsing. (Permission flags do the same with a picocli preprocessor, see
 * {@link PermissionFlags}.) For {@code run} and {@code eval} this stops at the first positional
 * argument: what follows belongs to the program ({@code Deno.args}).
 */
final class ArgvNormalizer {
  /** Flag (short forms by their long name) to the value a bare flag means. */
  private static final Map<String, String> OPTIONAL_VALUE = Map.of("--fail-fast", "1", "--shuffle", "");

  private ArgvNormalizer() {}

  static String[] normalize(String[] argv) {
    List<String> out = new ArrayList<>(argv.length);
    String subcommand = null;
    boolean passThrough = false;
    for (String arg : argv) {
      if (passThrough) {
        out.add(arg);
        continue;
      }
      if (subcommand == null && !arg.startsWith("-")) {
        subcommand = arg;
        out.add(arg);
        continue;
      }
      String bare = OPTIONAL_VALUE.get(arg);
      if (bare != null) {
        out.add(arg + "=" + bare);
        continue;
      }
      if (arg.equals("--")) {
        passThrough = true;
      } else if (!arg.startsWith("-") && !"test".equals(subcommand)) {
        passThrough = true;
      }
      out.add(arg);
    }
    return out.toArray(String[]::new);
  }
}
