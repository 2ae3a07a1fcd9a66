package isola.isolate.web;

import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import java.util.zip.CRC32;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/**
 * The decompressing half of DecompressionStream. Each write inflates what it can; corrupt input, bytes
 * after the end of the stream and a gzip member whose checksum does not match fail with the messages
 * Deno (flate2) reports. A truncated deflate stream ends quietly, as in Deno; a truncated gzip does not.
 */
public final class Decompressor {
  /** Input that cannot be decompressed; the message is the one Deno's TypeError carries. */
  public static final class CorruptInput extends Exception {
    CorruptInput(String message) {
      super(message, null, false, false);
    }
  }

  private static final String BAD_CHECKSUM = "corrupt gzip stream does not have a matching checksum";

  private final CompressionFormat format;
  private final Inflater inflater;
  private final CRC32 crc = new CRC32();
  private final byte[] buffer = new byte[32 * 1024];
  private byte[] header = new byte[0];
  private boolean headerDone;
  private final byte[] trailer = new byte[8];
  private int trailerLength;

  public Decompressor(CompressionFormat format) {
    this.format = format;
    this.inflater = new Inflater(format != CompressionFormat.DEFLATE);
    this.headerDone = format != CompressionFormat.GZIP;
  }

  public byte[] write(byte[] chunk) throws CorruptInput {
    if (!headerDone) {
      header = concat(header, chunk);
      int length = GzipHeader.length(header);
      if (length < 0) return new byte[0];
      chunk = Arrays.copyOfRange(header, length, header.length);
      header = null;
      headerDone = true;
    }
    if (inflater.finished()) {
      keepTrailer(chunk, 0);
      return new byte[0];
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream(chunk.length * 3 + 64);
    inflater.setInput(chunk);
    try {
      while (!inflater.finished()) {
        int n = inflater.inflate(buffer);
        if (n == 0) {
          if (inflater.needsInput()) break;
          if (inflater.needsDictionary()) throw new CorruptInput("corrupt deflate stream");
        }
        out.write(buffer, 0, n);
        crc.update(buffer, 0, n);
      }
    } catch (DataFormatException e) {
      throw new CorruptInput("corrupt deflate stream");
    }
    if (inflater.finished()) keepTrailer(chunk, chunk.length - inflater.getRemaining());
    return out.toByteArray();
  }

  public byte[] finish() throws CorruptInput {
    try {
      if (format == CompressionFormat.GZIP) {
        if (!inflater.finished() || trailerLength < 8) throw new CorruptInput(BAD_CHECKSUM);
        int storedCrc = intLe(trailer, 0);
        int storedSize = intLe(trailer, 4);
        if (storedCrc != (int) crc.getValue() || storedSize != (int) inflater.getBytesWritten()) {
          throw new CorruptInput(BAD_CHECKSUM);
        }
      }
      return new byte[0];
    } finally {
      inflater.end();
    }
  }

  public void close() {
    inflater.end();
  }

  /** Bytes after the deflate stream: gzip's 8-byte trailer, and nothing more for any format. */
  private void keepTrailer(byte[] chunk, int from) throws CorruptInput {
    int extra = chunk.length - from;
    int room = format == CompressionFormat.GZIP ? 8 - trailerLength : 0;
    if (extra > room) throw new CorruptInput("failed to write whole buffer");
    System.arraycopy(chunk, from, trailer, trailerLength, extra);
    trailerLength += extra;
  }

  private static int intLe(byte[] b, int at) {
    return (b[at] & 0xff) | (b[at + 1] & 0xff) << 8 | (b[at + 2] & 0xff) << 16 | (b[at + 3] & 0xff) << 24;
  }

  private static byte[] concat(byte[] a, byte[] b) {
    byte[] out = Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }

  /** RFC 1952 member header. */
  private static final class GzipHeader {
    private static final int FHCRC = 2, FEXTRA = 4, FNAME = 8, FCOMMENT = 16;

    /** The header's length, or -1 while it is incomplete. */
    static int length(byte[] h) throws CorruptInput {
      if (h.length >= 1 && (h[0] & 0xff) != 0x1f
          || h.length >= 2 && (h[1] & 0xff) != 0x8b
          || h.length >= 3 && h[2] != 8) {
        throw new CorruptInput("invalid gzip header");
      }
      if (h.length < 10) return -1;
      int flags = h[3] & 0xff;
      int at = 10;
      if ((flags & FEXTRA) != 0) {
        if (h.length < at + 2) return -1;
        at += 2 + ((h[at] & 0xff) | (h[at + 1] & 0xff) << 8);
        if (h.length < at) return -1;
      }
      for (int flag : new int[] {FNAME, FCOMMENT}) {
        if ((flags & flag) != 0) {
          while (at < h.length && h[at] != 0) at++;
          if (at >= h.length) return -1;
          at++;
        }
      }
      if ((flags & FHCRC) != 0) at += 2;
      return h.length < at ? -1 : at;
    }
  }
}
