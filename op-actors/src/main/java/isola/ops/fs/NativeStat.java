package isola.ops.fs;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;
import static java.lang.foreign.ValueLayout.JAVA_SHORT;

import isola.ops.NativeCalls;
import isola.protocol.FileInfo;
import java.io.IOException;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.MemorySegment;
import java.lang.invoke.MethodHandle;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Map;

/**
 * {@code Deno.stat}'s facts. Linux's {@code statx(2)} through the FFM API gives all of them (the JDK's
 * "unix:*" view lacks {@code blksize}, {@code blocks} and a reliable birth time); where statx is
 * missing, the JDK's attributes stand in and {@code blksize}/{@code blocks} read 0.
 */
final class NativeStat {
  private static final int AT_FDCWD = -100;
  private static final int AT_SYMLINK_NOFOLLOW = 0x100;
  private static final int STATX_BASIC_AND_BTIME = 0x7ff | 0x800;
  private static final int STATX_BTIME = 0x800;

  private static final MethodHandle STATX = NativeCalls.downcall("statx",
      FunctionDescriptor.of(JAVA_INT, JAVA_INT, ADDRESS, JAVA_INT, JAVA_INT, ADDRESS));

  private NativeStat() {}

  /**
   * Stats {@code path}. {@code verb} and {@code shown} make the error's context ({@code stat '<p>'});
   * a null verb gives none (an open file's stat). The context is only built when the call fails.
   */
  static FileInfo stat(String path, boolean followLinks, String verb, String shown)
      throws isola.ops.OpException {
    if (STATX == null) return viaJdk(Path.of(path), followLinks, context(verb, shown));
    NativeCalls.Scratch scratch = NativeCalls.scratch();
    try {
      MemorySegment buf = scratch.out;
      int rc = (int) STATX.invokeExact(scratch.errnoState, AT_FDCWD, scratch.cString(path),
          followLinks ? 0 : AT_SYMLINK_NOFOLLOW, STATX_BASIC_AND_BTIME, buf);
      if (rc != 0) {
        int errno = scratch.errno();
        Errno known = Errno.ofNumber(errno);
        if (known == null) throw FsErrors.of(new IOException("os error " + errno), context(verb, shown));
        throw FsErrors.of(known, context(verb, shown));
      }
      return fromStatx(buf);
    } catch (isola.ops.OpException e) {
      throw e;
    } catch (Throwable e) {
      throw FsErrors.of(e, context(verb, shown));
    }
  }

  private static String context(String verb, String shown) {
    return verb == null ? null : FsErrors.context(verb, shown);
  }

  private static FileInfo fromStatx(MemorySegment b) {
    int mask = b.get(JAVA_INT, 0);
    long blksize = Integer.toUnsignedLong(b.get(JAVA_INT, 4));
    long nlink = Integer.toUnsignedLong(b.get(JAVA_INT, 16));
    int uid = b.get(JAVA_INT, 20);
    int gid = b.get(JAVA_INT, 24);
    int mode = Short.toUnsignedInt(b.get(JAVA_SHORT, 28));
    long ino = b.get(JAVA_LONG, 32);
    long size = b.get(JAVA_LONG, 40);
    long blocks = b.get(JAVA_LONG, 48);
    Double atime = millis(b, 64);
    Double btime = (mask & STATX_BTIME) != 0 ? millis(b, 80) : null;
    // Deno reports ctime in whole seconds (it reads st_ctime without the nanoseconds).
    Double ctime = (double) (b.get(JAVA_LONG, 96) * 1000);
    Double mtime = millis(b, 112);
    long rdev = makedev(b.get(JAVA_INT, 128), b.get(JAVA_INT, 132));
    long dev = makedev(b.get(JAVA_INT, 136), b.get(JAVA_INT, 140));
    return info(mode, size, mtime, atime, btime, ctime, dev, ino, nlink, uid, gid, rdev, blksize, blocks);
  }

  private static Double millis(MemorySegment b, long offset) {
    long sec = b.get(JAVA_LONG, offset);
    long nsec = Integer.toUnsignedLong(b.get(JAVA_INT, offset + 8));
    return (double) (sec * 1000 + nsec / 1_000_000);
  }

  /** glibc's encoding of a device number, as {@code st_dev} holds it. */
  private static long makedev(int major, int minor) {
    long ma = Integer.toUnsignedLong(major);
    long mi = Integer.toUnsignedLong(minor);
    return ((ma & 0xfffff000L) << 32) | ((ma & 0xfffL) << 8) | ((mi & 0xffffff00L) << 12) | (mi & 0xffL);
  }

  private static FileInfo info(int mode, long size, Double mtime, Double atime, Double btime,
      Double ctime, long dev, long ino, long nlink, int uid, int gid, long rdev, long blksize,
      long blocks) {
    int type = mode & 0170000;
    return new FileInfo(type == 0100000, type == 0040000, type == 0120000, size, mtime, atime, btime,
        ctime, dev, ino, mode, nlink, uid, gid, rdev, blksize, blocks, type == 0060000,
        type == 0020000, type == 0010000, type == 0140000);
  }

  private static FileInfo viaJdk(Path path, boolean followLinks, String context)
      throws isola.ops.OpException {
    try {
      LinkOption[] opts = followLinks ? new LinkOption[0] : new LinkOption[] {LinkOption.NOFOLLOW_LINKS};
      Map<String, Object> a = Files.readAttributes(path, "unix:*", opts);
      FileTime birth = (FileTime) a.get("creationTime");
      return info((Integer) a.get("mode"), (Long) a.get("size"),
          (double) ((FileTime) a.get("lastModifiedTime")).toMillis(),
          (double) ((FileTime) a.get("lastAccessTime")).toMillis(),
          birth == null ? null : (double) birth.toMillis(),
          (double) (((FileTime) a.get("ctime")).toMillis() / 1000 * 1000),
          (Long) a.get("dev"), (Long) a.get("ino"), ((Integer) a.get("nlink")).longValue(),
          (Integer) a.get("uid"), (Integer) a.get("gid"), (Long) a.get("rdev"), 0, 0);
    } catch (IOException e) {
      throw FsErrors.of(e, context);
    }
  }
}
