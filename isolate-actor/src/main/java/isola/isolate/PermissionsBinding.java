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

  private final JsErrors errors;
  private final Map<Integer, Object> pledged = new java.util.HashMap<>();
  private int nextToken = 1;

  PermissionsBinding(Permissions permissions, WorkingDirectory cwd, JsErrors errors) {
    this.permissions = permissions;
    this.cwd = cwd;
    this.errors = errors;
  }

  void register(Map<String, Object> ops) {
    // Per-test permissions: {kind: true|false|"inherit"|[entries]} -> a token for op_permissions_restore.
    ops.put("op_permissions_pledge", (ProxyExecutable) args -> errors.guard(() -> {
      int token = nextToken++;
      pledged.put(token, permissions.pledge(narrowing(args[0])));
      return token;
    }));
    ops.put("op_permissions_restore", (ProxyExecutable) args -> {
      Object saved = pledged.remove(args[0].asInt());
      if (saved != null) permissions.restore(saved);
      return null;
    });
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

  /**
   * A narrowing as the runtime JS states it ({@code {kind: true|false|"inherit"|[entries]}}, already
   * validated) for {@link Permissions#pledge} and {@link Permissions#narrowed}.
   */
  static Map<PermissionKind, Object> narrowing(Value given) {
    Map<PermissionKind, Object> spec = new java.util.EnumMap<>(PermissionKind.class);
    for (String key : given.getMemberKeys()) {
      Value v = given.getMember(key);
      Object want = v.isBoolean() ? (Object) v.asBoolean()
          : v.isString() ? v.asString()
          : java.util.stream.LongStream.range(0, v.getArraySize())
              .mapToObj(i -> v.getArrayElement(i).asString()).toList();
      spec.put(PermissionKind.byName(key), want);
    }
    return spec;
  }

  private Object value(PermissionKind kind, Value v) {
    if (v.isNull()) return null;
    String text = v.asString();
    return kind.isPathKind() ? RealPaths.resolve(cwd.get(), text, true) : text;
  }
}
