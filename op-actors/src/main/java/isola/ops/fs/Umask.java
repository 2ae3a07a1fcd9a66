package isola.ops.fs;

import static java.lang.foreign.ValueLayout.JAVA_INT;

import isola.ops.NativeCalls;
import java.lang.foreign.FunctionDescriptor;
import java.lang.invoke.MethodHandle;

/**
 * The process's file mode creation mask ({@code Deno.umask}), through {@code umask(2)}: the JDK has no
 * call for it. Reading it means setting it and putting it back, as Deno's umask does.
 */
public final class Umask {
  private Umask() {}

  private static final MethodHandle UMASK = NativeCalls.downcall("umask", FunctionDescriptor.of(JAVA_INT, JAVA_INT));

  /** Sets the mask to {@code mask} (or leaves it as it is, if null) and returns the previous one. */
  public static synchronized int swap(Integer mask) {
    if (UMASK == null) throw new UnsupportedOperationException("umask is not available");
    int previous = call(mask == null ? 0 : mask);
    if (mask == null) call(previous);
    return previous;
  }

  private static int call(int mask) {
    try {
      return (int) UMASK.invokeExact(NativeCalls.scratch().errnoState, mask);
    } catch (Throwable e) {
      throw new IllegalStateException(e);
    }
  }
}
