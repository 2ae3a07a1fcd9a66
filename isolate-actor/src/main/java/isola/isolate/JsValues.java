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
      case FileInfo info -> ProxyArray.fromArray(info.fields());
      case DirEntry e -> ProxyArray.fromArray(e.name(), e.isFile(), e.isDirectory(), e.isSymlink());
      case List<?> list -> ProxyArray.fromList(list.stream().map(JsValues::toJs).toList());
      case null, default -> value;
    };
  }

  /** A copy of the bytes of a Uint8Array (or any ArrayBuffer view, or an ArrayBuffer). */
  static byte[] bytes(Value view) {
    if (view.hasBufferElements()) {
      return copy(view, 0, Math.toIntExact(view.getBufferSize()));
    }
    Value buffer = view.getMember("buffer");
    return copy(buffer, view.getMember("byteOffset").asLong(), view.getMember("byteLength").asInt());
  }

  private static byte[] copy(Value buffer, long offset, int length) {
    byte[] out = new byte[length];
    if (length > 0) buffer.readBuffer(offset, out, 0, length);
    return out;
  }
}
