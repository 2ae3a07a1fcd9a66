package isola.ops.permissions;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

import isola.ops.NativeCalls;
import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.invoke.MethodHandle;

/**
 * Asks Linux, in one path walk, whether a path reaches its file without following a symlink: then its
 * lexical normal form is its real path, and the per-name {@code readlink} calls of realpath(3) (one
 * per directory level; 4 µs of a 10 µs scoped {@code statSync}) are not needed. The walk is
 * {@code openat2(O_PATH, RESOLVE_NO_SYMLINKS)}, which also refuses /proc's magic links, and a
 * {@code close}; any failure (a link, a missing file, a kernel before 5.6) sends the caller to
 * realpath.
 */
final class SymlinkFreePaths {
  private static final long SYS_OPENAT2 = 437; // x86_64 and aarch64 alike
  private static final long AT_FDCWD = -100;
  private static final long O_PATH = 010000000L;
  private static final long O_NOFOLLOW = 0400000L;
  private static final long O_CLOEXEC = 02000000L;
  private static final long RESOLVE_NO_SYMLINKS = 0x04;
  private static final int ENOSYS = 38;

  private static final MethodHandle SYSCALL = NativeCalls.downcall("syscall",
      FunctionDescriptor.of(JAVA_LONG, JAVA_LONG, JAVA_LONG, ADDRESS, ADDRESS, JAVA_LONG),
      Linker.Option.firstVariadicArg(1));
  private static final MethodHandle CLOSE =
      NativeCalls.downcall("close", FunctionDescriptor.of(JAVA_INT, JAVA_INT));
  /** struct open_how {flags, mode, resolve}: one following the last name, one not. */
  private static final MemorySegment FOLLOW = openHow(O_PATH | O_CLOEXEC);
  private static final MemorySegment NOFOLLOW = openHow(O_PATH | O_CLOEXEC | O_NOFOLLOW);

  private static volatile boolean supported = SYSCALL != null && CLOSE != null;

  private SymlinkFreePaths() {}

  /**
   * Whether the absolute {@code path} exists and no name in it is a symlink ({@code followLast}
   * false: except the last, which is then not followed). False also when it cannot tell.
   */
  static boolean test(String path, boolean followLast) {
    if (!supported) return false;
    NativeCalls.Scratch scratch = NativeCalls.scratch();
    // A variable, not a ?: in the call: invokeExact would see the conditional as an Object.
    MemorySegment how = followLast ? FOLLOW : NOFOLLOW;
    try {
      long fd = (long) SYSCALL.invokeExact(scratch.errnoState, SYS_OPENAT2, AT_FDCWD,
          scratch.cString(path), how, 24L);
      if (fd < 0) {
        if (scratch.errno() == ENOSYS) supported = false;
        return false;
      }
      int ignored = (int) CLOSE.invokeExact(scratch.errnoState, (int) fd);
      return true;
    } catch (Throwable e) {
      return false;
    }
  }

  private static MemorySegment openHow(long flags) {
    MemorySegment how = Arena.global().allocate(24, 8);
    how.set(JAVA_LONG, 0, flags);
    how.set(JAVA_LONG, 8, 0L);
    how.set(JAVA_LONG, 16, RESOLVE_NO_SYMLINKS);
    return how;
  }
}
