package isola.protocol;

/**
 * A file system operation on paths, one record per Deno op. Paths are absolute, normalized and already
 * permission-checked by the isolate; {@code shown} fields are the paths as the script wrote them, which
 * Deno's error messages quote ({@code readfile 'a.txt'}).
 */
public sealed interface FsOp extends CborSerializable {
  /** The reply is the bytes, or with {@code text} a string decoded as UTF-8 (invalid bytes replaced). */
  record ReadFile(String path, String shown, boolean text) implements FsOp {}

  /** Opens a file ({@code Deno.open}); the options were validated by the JS side as Deno does. */
  record Open(String path, String shown, boolean read, boolean write, boolean append,
      boolean truncate, boolean create, boolean createNew, Integer mode) implements FsOp {}

  /** {@code mode} is null when not given; {@code createNew} implies {@code create}. */
  record WriteFile(String path, String shown, byte[] data, boolean append, boolean create,
      boolean createNew, Integer mode) implements FsOp {}

  record Stat(String path, String shown, boolean followLinks) implements FsOp {}

  record ReadDir(String path, String shown) implements FsOp {}

  record Mkdir(String path, String shown, boolean recursive, Integer mode) implements FsOp {}

  record Remove(String path, String shown, boolean recursive) implements FsOp {}

  record Rename(String from, String shownFrom, String to, String shownTo) implements FsOp {}

  record CopyFile(String from, String shownFrom, String to, String shownTo) implements FsOp {}

  /** {@code target} is stored in the link as given (it may be relative to the link's directory). */
  record Symlink(String target, String shownTarget, String path, String shownPath) implements FsOp {}

  record Link(String existing, String shownExisting, String path, String shownPath) implements FsOp {}

  record ReadLink(String path, String shown) implements FsOp {}

  record RealPath(String path, String shown) implements FsOp {}

  record Truncate(String path, String shown, long length) implements FsOp {}

  record Chmod(String path, String shown, int mode) implements FsOp {}

  /** A null id leaves that owner unchanged. */
  record Chown(String path, String shown, Integer uid, Integer gid) implements FsOp {}

  /** Times in milliseconds since the epoch (fractions kept). */
  record Utime(String path, String shown, double atimeMillis, double mtimeMillis) implements FsOp {}

  /**
   * Creates a uniquely named file or directory in {@code dir} (absolute); the reply is its path written
   * the way the script wrote {@code shownDir} (Deno returns {@code t/abc} for {@code dir: "t"}).
   */
  record MakeTemp(String dir, String shownDir, String prefix, String suffix, boolean directory)
      implements FsOp {}
}
