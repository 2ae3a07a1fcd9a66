package isola.ops.permissions;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Turns a path a script gives into the one the permission check (and then the op) uses: absolute
 * against the isolate's working directory, normalized, and with every symlink resolved, so neither
 * {@code ..} nor a link can lead out of a granted directory. A path that does not exist yet is resolved
 * through its nearest existing ancestor.
 */
public final class RealPaths {
  private RealPaths() {}

  /**
   * {@code followLast}: false for ops that act on a link itself ({@code lstat}, {@code remove},
   * {@code readLink}, {@code rename}, the new name of {@code symlink} and {@code link}); then only the
   * directory it sits in is resolved.
   */
  public static Path resolve(Path cwd, String path, boolean followLast) {
    Path abs = cwd.resolve(path);
    if (SymlinkFreePaths.test(abs.toString(), followLast)) return abs.normalize();
    Path name = abs.getFileName();
    if (followLast || name == null || name.toString().equals("..") || name.toString().equals(".")) {
      return real(abs);
    }
    return real(abs.getParent()).resolve(name);
  }

  /** The real path of {@code p}, or of its nearest existing ancestor with the rest appended. */
  static Path real(Path p) {
    try {
      return p.toRealPath();
    } catch (IOException | SecurityException e) {
      Path parent = p.getParent();
      if (parent == null) return p.normalize();
      return real(parent).resolve(p.getFileName()).normalize();
    }
  }
}
