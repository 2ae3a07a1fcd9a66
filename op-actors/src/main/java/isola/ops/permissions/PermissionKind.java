package isola.ops.permissions;

/** Deno's permission kinds, by the names its flags and {@code Deno.permissions} use. */
public enum PermissionKind {
  READ("read", true),
  WRITE("write", true),
  NET("net", false),
  ENV("env", false),
  RUN("run", false),
  SYS("sys", false),
  FFI("ffi", true),
  IMPORT("import", false);

  private final String denoName;
  private final boolean paths;

  PermissionKind(String denoName, boolean paths) {
    this.denoName = denoName;
    this.paths = paths;
  }

  public String denoName() {
    return denoName;
  }

  /** Whether entries of this kind are file system paths. */
  public boolean isPathKind() {
    return paths;
  }

  /** Null for an unknown name. */
  public static PermissionKind byName(String name) {
    for (PermissionKind k : values()) {
      if (k.denoName.equals(name)) return k;
    }
    return null;
  }
}
