package isola.isolate;

import java.nio.ByteBuffer;

/** Turns plain Java op results into values a context can take without host access. */
final class JsValues {
  private JsValues() {}

  static Object toJs(Object value) {
    if (value instanceof byte[] bytes) {
      return ByteBuffer.wrap(bytes);
    }
    return value;
  }
}
