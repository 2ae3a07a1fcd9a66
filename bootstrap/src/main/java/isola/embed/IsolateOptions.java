package isola.embed;

import isola.protocol.IsolateLimits;
import isola.protocol.PermissionSet;
import java.nio.file.Path;
import java.util.List;

/**
 * What to host: a module (a file), its name (unique in the {@link Isola} instance), its permissions
 * (Deno's flags as a {@link PermissionSet}; none by default), limits, {@code Deno.args}, working
 * directory and restart policy (never, by default).
 */
public record IsolateOptions(
    String name, Path module, PermissionSet permissions, IsolateLimits limits, List<String> args, Path cwd,
    RestartPolicy restart) {
  public IsolateOptions {
    if (restart == null) restart = RestartPolicy.NEVER;
    if (name == null || name.isBlank()) throw new IllegalArgumentException("an isolate needs a name");
    module = module.toAbsolutePath().normalize();
    if (permissions == null) permissions = PermissionSet.none();
    if (limits == null) limits = IsolateLimits.NONE;
    args = args == null ? List.of() : List.copyOf(args);
    if (cwd == null) cwd = module.getParent();
  }

  public static IsolateOptions of(String name, Path module) {
    return new IsolateOptions(name, module, null, null, null, null, null);
  }

  public IsolateOptions withPermissions(PermissionSet p) {
    return new IsolateOptions(name, module, p, limits, args, cwd, restart);
  }

  public IsolateOptions withLimits(IsolateLimits l) {
    return new IsolateOptions(name, module, permissions, l, args, cwd, restart);
  }

  public IsolateOptions withArgs(List<String> a) {
    return new IsolateOptions(name, module, permissions, limits, a, cwd, restart);
  }

  public IsolateOptions withRestart(RestartPolicy r) {
    return new IsolateOptions(name, module, permissions, limits, args, cwd, r);
  }
}
