package isola.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Deno's flags with an optional value take it only attached ({@code --allow-read=/tmp},
 * {@code --fail-fast=2}); a bare {@code --allow-read script.js} must not swallow the script. picocli
 * would, so bare forms are rewritten to their attached empty (or default) value before parsing.
 * For {@code run} and {@code eval} this stops at the first positional argument: what follows belongs
 * to the program ({@code Deno.args}).
 */
final class ArgvNormalizer {
  /** Flag (short forms by their long name) to the value a bare flag means. */
  private static final Map<String, String> OPTIONAL_VALUE = Map.ofEntries(
      Map.entry("--allow-read", ""), Map.entry("-R", "--allow-read="),
      Map.entry("--allow-write", ""), Map.entry("-W", "--allow-write="),
      Map.entry("--allow-net", ""), Map.entry("-N", "--allow-net="),
      Map.entry("--allow-env", ""), Map.entry("-E", "--allow-env="),
      Map.entry("--allow-run", ""),
      Map.entry("--allow-sys", ""), Map.entry("-S", "--allow-sys="),
      Map.entry("--allow-ffi", ""), Map.entry("--allow-import", ""), Map.entry("-I", "--allow-import="),
      Map.entry("--deny-read", ""), Map.entry("--deny-write", ""), Map.entry("--deny-net", ""),
      Map.entry("--deny-env", ""), Map.entry("--deny-run", ""), Map.entry("--deny-sys", ""),
      Map.entry("--deny-ffi", ""), Map.entry("--deny-import", ""),
      Map.entry("--fail-fast", "1"), Map.entry("--shuffle", ""));

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
        out.add(bare.startsWith("--") ? bare : arg + "=" + bare);
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
