package isola.isolate;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;
import static java.lang.foreign.ValueLayout.JAVA_SHORT;

import isola.ops.NativeCalls;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.invoke.MethodHandle;
import org.graalvm.polyglot.proxy.ProxyArray;

/** The size of the terminal the process writes to, for {@code Deno.consoleSize}. */
final class Terminal {
  private static final long TIOCGWINSZ = 0x5413;
  private static final MethodHandle ISATTY =
      NativeCalls.downcall("isatty", FunctionDescriptor.of(JAVA_INT, JAVA_INT));
  private static final MethodHandle IOCTL = NativeCalls.downcall("ioctl",
      FunctionDescriptor.of(JAVA_INT, JAVA_INT, JAVA_LONG, ADDRESS), Linker.Option.firstVariadicArg(2));

  private Terminal() {}

  /** [columns, rows] of the first of stdout, stderr and stdin that is a terminal; null if none is. */
  static ProxyArray size() {
    if (ISATTY == null || IOCTL == null) return null;
    NativeCalls.Scratch scratch = NativeCalls.scratch();
    for (int fd : new int[] {1, 2, 0}) {
      try {
        if ((int) ISATTY.invokeExact(scratch.errnoState, fd) != 1) continue;
        // struct winsize { unsigned short ws_row, ws_col, ws_xpixel, ws_ypixel; }
        if ((int) IOCTL.invokeExact(scratch.errnoState, fd, TIOCGWINSZ, scratch.out) != 0) continue;
        int rows = Short.toUnsignedInt(scratch.out.get(JAVA_SHORT, 0));
        int columns = Short.toUnsignedInt(scratch.out.get(JAVA_SHORT, 2));
        return ProxyArray.fromArray(columns, rows);
      } catch (Throwable e) {
        return null;
      }
    }
    return null;
  }
}
