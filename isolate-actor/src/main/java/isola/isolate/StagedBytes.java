package isola.isolate;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * Bytes an op hands to JS, waiting to become a JS-owned ArrayBuffer.
 *
 * <p>A host {@code byte[]} reaches JS as an interop buffer: every element read from it is an interop
 * call, and until Graal has compiled the reader copying one MiB of it costs 70-160 ms (Deno: 0.3 ms).
 * GraalJS's shell built-in {@code readbuffer(path)} is the one way to make an ArrayBuffer over a
 * {@code byte[]} at memcpy speed: it reads a file through the context's file system and wraps the
 * array it read. So bytes are parked here under a path of their own, which {@link ModuleFileSystem}
 * serves, and the runtime (00_infra.js) turns the path into an ArrayBuffer with {@code readbuffer}.
 *
 * <p>One per isolate, used on its thread only: bytes are staged when a reply or a sync op's result
 * goes into JS and taken in the same call.
 */
final class StagedBytes {
  static final Path ROOT = Path.of("/$isola$/bytes");
  private static final String PREFIX = ROOT + "/";

  private final Map<String, byte[]> staged = new HashMap<>();
  private int next;

  /** Parks {@code bytes}; the returned path reads them back once. */
  String stage(byte[] bytes) {
    String path = PREFIX + next++;
    staged.put(path, bytes);
    return path;
  }

  static boolean isStaged(String path) {
    return path.startsWith(PREFIX);
  }

  static boolean isStaged(Path path) {
    return path.startsWith(ROOT);
  }

  /**
   * A sync op's result for JS: bytes staged (the runtime's internal.hostBytes turns the path into an
   * ArrayBuffer), anything else as {@link JsValues#toJs}.
   */
  Object toJs(Object value) {
    if (value instanceof byte[] bytes) return stage(bytes);
    if (value instanceof java.util.List<?> list) {
      return org.graalvm.polyglot.proxy.ProxyArray.fromList(list.stream().map(this::toJs).toList());
    }
    return JsValues.toJs(value);
  }

  /** The bytes parked under {@code path}, which are forgotten; null if there are none. */
  byte[] take(Path path) {
    return staged.remove(path.toString());
  }

  boolean has(Path path) {
    return staged.containsKey(path.toString());
  }
}
