package isola.isolate;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;

/**
 * An isolate's channels to its host: stdout, stderr and, under {@code isola test}, test events. Writes are buffered for the length of one turn and flushed when the
 * turn ends (or the buffer grows large), so a loop of {@code console.log} costs one system write, not
 * one per line. Runs only on the isolate's thread.
 */
public final class HostOutput {
  private static final int FLUSH_AT = 64 * 1024;

  private final OutputStream out;
  private final OutputStream err;
  private final StringBuilder outBuf = new StringBuilder();
  private final StringBuilder errBuf = new StringBuilder();

  private final Consumer<String> testEvents;

  public HostOutput(OutputStream out, OutputStream err) {
    this(out, err, event -> {});
  }

  /** {@code testEvents} receives the JSON test events of {@code isola test}, in order with the output. */
  public HostOutput(OutputStream out, OutputStream err, Consumer<String> testEvents) {
    this.out = out;
    this.err = err;
    this.testEvents = testEvents;
  }

  /** Output for another isolate (a worker) to the same streams, with its own per-turn buffers. */
  HostOutput sibling() {
    return new HostOutput(out, err, testEvents);
  }

  void testEvent(String json) {
    flush();
    testEvents.accept(json);
  }

  void print(String text, boolean toStderr) {
    if (toStderr) {
      // stdout first, so an error line never overtakes the output printed before it.
      flush(outBuf, out);
      errBuf.append(text);
      if (errBuf.length() >= FLUSH_AT) flush(errBuf, err);
    } else {
      // And the other way round: what went to stderr before stays before this line.
      flush(errBuf, err);
      outBuf.append(text);
      if (outBuf.length() >= FLUSH_AT) flush(outBuf, out);
    }
  }

  /** Raw bytes ({@code Deno.stdout.write}): written through, after the text buffered before them. */
  void write(byte[] bytes, boolean toStderr) {
    flush(outBuf, out);
    if (toStderr) flush(errBuf, err);
    try {
      OutputStream stream = toStderr ? err : out;
      stream.write(bytes);
      stream.flush();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  void flush() {
    flush(outBuf, out);
    flush(errBuf, err);
  }

  private static void flush(StringBuilder buf, OutputStream stream) {
    if (buf.isEmpty()) return;
    try {
      stream.write(buf.toString().getBytes(StandardCharsets.UTF_8));
      stream.flush();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      buf.setLength(0);
    }
  }
}
