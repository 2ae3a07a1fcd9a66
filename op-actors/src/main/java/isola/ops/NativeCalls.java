package isola.ops;

import static java.lang.foreign.ValueLayout.JAVA_BYTE;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.StructLayout;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.VarHandle;
import java.nio.charset.StandardCharsets;

/**
 * What the system calls made through the FFM API share: looking a C function up, and native memory
 * for one call at a time per thread. A statSync is a few microseconds; allocating and freeing an
 * arena, the errno capture and the path's C string for every call was a tenth of it.
 */
public final class NativeCalls {
  private static final StructLayout CAPTURE = Linker.Option.captureStateLayout();
  private static final VarHandle ERRNO =
      CAPTURE.varHandle(MemoryLayout.PathElement.groupElement("errno"));
  /** PATH_MAX: longer paths get memory of their own (and the kernel refuses them anyway). */
  private static final int PATH_BYTES = 4096;
  private static final ThreadLocal<Scratch> SCRATCH = ThreadLocal.withInitial(Scratch::new);

  private NativeCalls() {}

  /**
   * A handle on libc's {@code name} that captures errno, or null where it cannot be had (another OS,
   * no native access): callers then fall back to the JDK.
   */
  public static MethodHandle downcall(String name, FunctionDescriptor descriptor,
      Linker.Option... options) {
    try {
      Linker linker = Linker.nativeLinker();
      var symbol = linker.defaultLookup().find(name);
      if (symbol.isEmpty()) return null;
      Linker.Option[] all = java.util.Arrays.copyOf(options, options.length + 1);
      all[options.length] = Linker.Option.captureCallState("errno");
      return linker.downcallHandle(symbol.get(), descriptor, all);
    } catch (RuntimeException | Error e) {
      return null;
    }
  }

  /** This thread's scratch memory; valid until the thread's next call that uses it. */
  public static Scratch scratch() {
    return SCRATCH.get();
  }

  /** Memory for one system call: the errno capture, a C string, and room for a result. */
  public static final class Scratch {
    /** First argument of every handle from {@link #downcall}. */
    public final MemorySegment errnoState;
    /** Big enough for a {@code struct statx} (256 bytes) or an {@code open_how}. */
    public final MemorySegment out;
    private final MemorySegment path;

    private Scratch() {
      // Freed with the thread's ThreadLocalMap entry, whichever thread it was.
      Arena arena = Arena.ofAuto();
      errnoState = arena.allocate(CAPTURE);
      out = arena.allocate(256, 8);
      path = arena.allocate(PATH_BYTES);
    }

    /** {@code s} as a NUL-terminated UTF-8 string. */
    public MemorySegment cString(String s) {
      byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
      MemorySegment target = bytes.length < PATH_BYTES ? path : Arena.ofAuto().allocate(bytes.length + 1);
      MemorySegment.copy(bytes, 0, target, JAVA_BYTE, 0, bytes.length);
      target.set(JAVA_BYTE, bytes.length, (byte) 0);
      return target;
    }

    /** The errno the last call through a {@link #downcall} handle left. */
    public int errno() {
      return (int) ERRNO.get(errnoState, 0L);
    }
  }
}
