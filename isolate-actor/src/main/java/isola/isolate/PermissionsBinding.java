package isola.isolate;

import isola.ops.permissions.PermissionKind;
import isola.ops.permissions.PermissionStatus;
import isola.ops.permissions.Permissions;
import isola.ops.permissions.RealPaths;
import java.util.Map;
import org.graalvm.polyglot.Value;
import org.graalvm.polyglot.proxy.ProxyArray;
import org.graalvm.polyglot.proxy.ProxyExecutable;

/**
 * The op of {@code Deno.permissions} (30_permissions.js): query, request or revoke one descriptor, all
 * answered at once from the isolate's {@link Permissions} (there is no prompt to wait for).
 *
 * <p>Runs only on the isolate's thread.
 */
final class PermissionsBinding {
  private final Permissions permissions;
  private final WorkingDirectory cwd;

  PermissionsBinding(Permissions permissions, WorkingDirectory cwd) {
    this.permissions = permissions;
    this.cwd = cwd;
  }

  void register(Map<String, Object> ops) {
    // (action, name, value|null) -> [state, partial]; the JS side has validated the descriptor.
    ops.put("op_permission", (ProxyExecutable) args -> {
      String action = args[0].asString();
      PermissionKind kind = PermissionKind.byName(args[1].asString());
      Object value = value(kind, args[2]);
      PermissionStatus status = switch (action) {
        case "query" -> permissions.query(kind, value);
        case "request" -> permissions.request(kind, value);
        case "revoke" -> permissions.revoke(kind, value);
        default -> throw new IllegalArgumentException(action);
      };
      return ProxyArray.fromArray(status.state().denoName(), status.partial());
    });
  }

  private Object value(PermissionKind kind, Value v) {
    if (v.isNull()) return null;
    String text = v.asString();
    return kind.isPathKind() ? RealPaths.resolve(cwd.get(), text, true) : text;
  }
}
