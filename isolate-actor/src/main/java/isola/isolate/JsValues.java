package isola.isolate;

import java.nio.ByteBuffer;
import org.graalvm.polyglot.Value;

/** Converts between plain Java op values and values a context can take without host access. */
final class JsValues {
  private JsValues() {}

  static Object toJs(Object value) {
    if (value instanceof byte[] bytes) {
      return ByteBuffer.wrap(bytes);
    }
    return value;
  }

  /**
   * Copies the bytes of a JS ArrayBuffer or ArrayBufferView. GraalJS exposes an ArrayBuffer as an
   * interop buffer but a view only as an object, so a view is read through its buffer, in one bulk copy.
   */
  static byte[] bytes(Value value) {
    if (value.hasBufferElements()) {
      int size = Math.toIntExact(value.getBufferSize());
      byte[] out = new byte[size];
      value.readBuffer(0, out, 0, size);
      return out;
    }
    Value buffer = value.getMember("buffer");
    if (buffer == null || !buffer.hasBufferElements()) {
      throw new IllegalArgumentException("expected an ArrayBuffer or a view, got " + value);
    }
    long offset = value.getMember("byteOffset").asLong();
    int length = value.getMember("byteLength").asInt();
    byte[] out = new byte[length];
    buffer.readBuffer(offset, out, 0, length);
    return out;
  }
}
