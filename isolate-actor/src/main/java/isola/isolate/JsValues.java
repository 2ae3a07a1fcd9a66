package isola.isolate;

import isola.protocol.DirEntry;
import isola.protocol.FileInfo;
import java.nio.ByteBuffer;
import java.util.List;
import org.graalvm.polyglot.Value;
import org.graalvm.polyglot.proxy.ProxyArray;

/** Turns plain Java op results into values a context can take without host access, and back. */
final class JsValues {
  private JsValues() {}

  static Object toJs(Object value) {
    return switch (value) {
      case byte[] bytes -> ByteBuffer.wrap(bytes);
      case FileInfo info -> info.numbers();
      case DirEntry e -> ProxyArray.fromArray(e.name(), e.isFile(), e.isDirectory(), e.isSymlink());
      case List<?> list -> ProxyArray.fromList(list.stream().map(JsValues::toJs).toList());
      case null, default -> value;
    };
  }

  /** A JS array of strings (header name/value pairs, say). */
  static String[] strings(Value array) {
    String[] out = new String[(int) array.getArraySize()];
    for (int i = 0; i < out.length; i++) out[i] = array.getArrayElement(i).asString();
    return out;
  }

  /**
   * Copies the bytes of a JS ArrayBuffer or ArrayBufferView. GraalJS exposes an ArrayBuffer as an
   * interop buffer but a view only as an object, so a view is read through its buffer, in one bulk copy.
   */
  static byte[] bytes(Value value) {
    if (value.hasBufferElements()) {
      return copy(value, 0, Math.toIntExact(value.getBufferSize()));
    }
    Value buffer = value.getMember("buffer");
    if (buffer == null || !buffer.hasBufferElements()) {
      throw new IllegalArgumentException("expected an ArrayBuffer or a view, got " + value);
    }
    return copy(buffer, value.getMember("byteOffset").asLong(), value.getMember("byteLength").asInt());
  }

  private static byte[] copy(Value buffer, long offset, int length) {
    byte[] out = new byte[length];
    if (length > 0) buffer.readBuffer(offset, out, 0, length);
    return out;
  }
}
