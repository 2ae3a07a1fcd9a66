package isola.isolate;

import isola.ops.OpException;
import isola.ops.permissions.PermissionKind;
import isola.ops.permissions.Permissions;
import isola.ops.permissions.RealPaths;
import java.nio.file.Path;
import java.util.Map;
import org.graalvm.polyglot.proxy.ProxyExecutable;

/**
 * The read permission {@code require} needs, as Deno 2.9 checks it: a relative specifier needs read
 * access to the requiring file's directory (Node's loader looks there), an absolute one to the path
 * itself; nothing is checked for code inside {@code node_modules} nor for package names.
 */
final class RequirePermission {
  private final Permissions permissions;
  private final WorkingDirectory cwd;
  private final JsErrors errors;

  RequirePermission(Permissions permissions, WorkingDirectory cwd, JsErrors errors) {
    this.permissions = permissions;
    this.cwd = cwd;
    this.errors = errors;
  }

  void register(Map<String, Object> ops) {
    // (specifier, requiring file): throws NotCapable when denied.
    ops.put("op_cjs_check_read", (ProxyExecutable) args -> errors.guard(() -> {
      check(args[0].asString(), Path.of(args[1].asString()));
      return null;
    }));
  }

  private void check(String specifier, Path referrer) throws OpException {
    boolean relative = specifier.startsWith("./") || specifier.startsWith("../")
        || specifier.equals(".") || specifier.equals("..");
    if (!relative && !specifier.startsWith("/")) return;
    Path dir = referrer.getParent();
    if (dir == null || insideNodeModules(dir)) return;
    String shown = relative ? dir.toString() : specifier;
    permissions.checkPath(PermissionKind.READ, RealPaths.resolve(cwd.get(), shown, true), shown);
  }

  private static boolean insideNodeModules(Path dir) {
    for (Path part : dir) {
      if (part.toString().equals("node_modules")) return true;
    }
    return false;
  }
}
