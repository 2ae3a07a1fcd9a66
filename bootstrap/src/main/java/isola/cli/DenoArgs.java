package isola.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Deno flags that picocli cannot declare, handled before parsing: the {@code --unstable-*} family
 * (Deno keeps adding names; all enable APIs that isola either has or lacks regardless; only
 * {@code --unstable-worker-options} changes something here), the removed bare {@code --unstable}
 * (Deno warns), and {@code deno run --seed} (whose name {@code isola serve} uses for cluster seeds).
 * Only the flags before the program's path are looked at: what follows is the program's own.
 */
final class DenoArgs {
  private DenoArgs() {}

  /** Options whose value may follow as the next word, so that it is not taken for the program. */
  private static final Set<String> TAKE_A_VALUE = Set.of(
      "-c", "--config", "--cpu-limit", "--memory-limit", "--ops-limit", "--seed", "--cert", "--import-map",
      "--log-level", "-L", "--ext", "--conditions", "--inspect-publish-uid", "--node-modules-linker",
      "--min-dep-age", "--location", "--preload", "--require", "--filter", "--reporter", "--junit-path",
      "--port", "--host", "--manifest", "--cluster-config", "--node", "--role", "--management");

  static String[] normalize(String[] args) {
    if (args.length == 0) return args;
    String command = args[0];
    boolean program = command.equals("run") || command.equals("eval") || command.equals("serve");
    if (!program && !command.equals("test")) return args;
    List<String> out = new ArrayList<>(args.length);
    out.add(command);
    boolean flags = true;
    for (int i = 1; i < args.length; i++) {
      String arg = args[i];
      if (!flags || arg.equals("--")) {
        out.add(arg);
        if (program) flags = false;
        continue;
      }
      if (!arg.startsWith("-")) {
        out.add(arg);
        if (program) flags = false;
        continue;
      }
      if (arg.equals("--unstable")) {
        System.err.println("Warning The `--unstable` flag has been removed in Deno 2.0. Use granular `--unstable-*` flags"
            + " instead.\nLearn more at: https://docs.deno.com/runtime/manual/tools/unstable_flags");
        continue;
      }
      if (arg.startsWith("--unstable-") && !arg.equals("--unstable-worker-options")) continue;
      if (!command.equals("serve") && (arg.equals("--seed") || arg.startsWith("--seed="))) {
        if (arg.equals("--seed")) i++;
        continue;
      }
      out.add(arg);
      if (TAKE_A_VALUE.contains(arg) && i + 1 < args.length) out.add(args[++i]);
    }
    return out.toArray(String[]::new);
  }
}
