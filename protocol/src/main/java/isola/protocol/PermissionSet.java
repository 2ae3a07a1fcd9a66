package isola.protocol;

import java.util.List;

/**
 * The permissions of one isolate, as Deno's flags state them. For each kind: {@code null} means not
 * granted, an empty list means granted for everything, a non-empty list grants those entries only.
 * Denials always win over grants.
 */
public record PermissionSet(
    Grant read, Grant write, Grant net, Grant env, Grant run, Grant sys, Grant ffi, Grant imports)
    implements CborSerializable {

  /** Allowed and denied entries of one permission kind. */
  public record Grant(List<String> allow, List<String> deny) implements CborSerializable {
    public static final Grant NONE = new Grant(null, null);
    public static final Grant ALL = new Grant(List.of(), null);
  }

  public static PermissionSet none() {
    return new PermissionSet(
        Grant.NONE, Grant.NONE, Grant.NONE, Grant.NONE, Grant.NONE, Grant.NONE, Grant.NONE, Grant.NONE);
  }

  public static PermissionSet all() {
    return new PermissionSet(
        Grant.ALL, Grant.ALL, Grant.ALL, Grant.ALL, Grant.ALL, Grant.ALL, Grant.ALL, Grant.ALL);
  }
}
