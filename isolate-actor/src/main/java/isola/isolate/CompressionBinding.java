package isola.isolate;

import isola.isolate.web.CompressionFormat;
import isola.isolate.web.Compressor;
import isola.isolate.web.Decompressor;
import java.util.HashMap;
import java.util.Map;
import org.graalvm.polyglot.proxy.ProxyExecutable;

/**
 * Sync ops of 53_compression.js. A stream's codec lives here under an id until the stream finishes or
 * is closed; compressing a chunk is CPU work of the same order as copying it, so it runs inline.
 * A failure comes back as a string (the TypeError's message) instead of bytes.
 *
 * <p>Runs only on the isolate's thread.
 */
final class CompressionBinding {
  private sealed interface Codec permits Deflating, Inflating {}

  private record Deflating(Compressor compressor) implements Codec {}

  private record Inflating(Decompressor decompressor) implements Codec {}

  private final Map<Integer, Codec> codecs = new HashMap<>();
  private int nextId = 1;

  void register(Map<String, Object> ops) {
    ops.put("op_compression_new", (ProxyExecutable) args -> {
      CompressionFormat format = CompressionFormat.of(args[0].asString());
      int id = nextId++;
      codecs.put(id, args[1].asBoolean()
          ? new Inflating(new Decompressor(format))
          : new Deflating(new Compressor(format)));
      return id;
    });
    ops.put("op_compression_write", (ProxyExecutable) args -> {
      Codec codec = codecs.get(args[0].asInt());
      byte[] chunk = JsValues.bytes(args[1]);
      try {
        return JsValues.toJs(switch (codec) {
          case Deflating d -> d.compressor().write(chunk);
          case Inflating i -> i.decompressor().write(chunk);
        });
      } catch (Decompressor.CorruptInput e) {
        close(args[0].asInt());
        return e.getMessage();
      }
    });
    ops.put("op_compression_finish", (ProxyExecutable) args -> {
      Codec codec = codecs.remove(args[0].asInt());
      try {
        return JsValues.toJs(switch (codec) {
          case Deflating d -> d.compressor().finish();
          case Inflating i -> i.decompressor().finish();
        });
      } catch (Decompressor.CorruptInput e) {
        return e.getMessage();
      }
    });
    ops.put("op_compression_close", (ProxyExecutable) args -> {
      close(args[0].asInt());
      return null;
    });
  }

  private void close(int id) {
    Codec codec = codecs.remove(id);
    switch (codec) {
      case null -> { }
      case Deflating d -> d.compressor().close();
      case Inflating i -> i.decompressor().close();
    }
  }
}
