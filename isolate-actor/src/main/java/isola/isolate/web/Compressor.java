package isola.isolate.web;

import java.io.ByteArrayOutputStream;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

/**
 * The compressing half of CompressionStream: each chunk is deflated and sync-flushed, so every write
 * yields output at once (as Deno's flate2-backed stream does), and {@link #finish} ends the stream.
 * gzip framing (RFC 1952) is written here because the JDK's GZIPOutputStream has no sync flush.
 */
public final class Compressor {
  private static final byte[] GZIP_HEADER = {0x1f, (byte) 0x8b, 8, 0, 0, 0, 0, 0, 0, (byte) 0xff};

  private final CompressionFormat format;
  private final Deflater deflater;
  private final CRC32 crc = new CRC32();
  private final byte[] buffer = new byte[16 * 1024];
  private boolean headerWritten;

  public Compressor(CompressionFormat format) {
    this.format = format;
    this.deflater = new Deflater(Deflater.DEFAULT_COMPRESSION, format != CompressionFormat.DEFLATE);
  }

  public byte[] write(byte[] chunk) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(chunk.length / 2 + 64);
    header(out);
    crc.update(chunk);
    deflater.setInput(chunk);
    int n;
    do {
      n = deflater.deflate(buffer, 0, buffer.length, Deflater.SYNC_FLUSH);
      out.write(buffer, 0, n);
    } while (n == buffer.length || !deflater.needsInput());
    return out.toByteArray();
  }

  public byte[] finish() {
    ByteArrayOutputStream out = new ByteArrayOutputStream(64);
    header(out);
    deflater.finish();
    while (!deflater.finished()) {
      out.write(buffer, 0, deflater.deflate(buffer));
    }
    if (format == CompressionFormat.GZIP) {
      writeIntLe(out, (int) crc.getValue());
      writeIntLe(out, (int) deflater.getBytesRead());
    }
    deflater.end();
    return out.toByteArray();
  }

  public void close() {
    deflater.end();
  }

  private void header(ByteArrayOutputStream out) {
    if (!headerWritten && format == CompressionFormat.GZIP) out.writeBytes(GZIP_HEADER);
    headerWritten = true;
  }

  static void writeIntLe(ByteArrayOutputStream out, int v) {
    out.write(v);
    out.write(v >>> 8);
    out.write(v >>> 16);
    out.write(v >>> 24);
  }
}
