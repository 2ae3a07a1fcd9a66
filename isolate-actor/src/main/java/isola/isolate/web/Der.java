package isola.isolate.web;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;

/** The little DER that EC private keys need: writing TLVs and listing a constructed value's children. */
final class Der {
  private Der() {}

  record Tlv(int tag, byte[] source, int contentStart, int contentEnd) {
    byte[] content() {
      return java.util.Arrays.copyOfRange(source, contentStart, contentEnd);
    }

    List<Tlv> children() {
      return Der.read(source, contentStart, contentEnd);
    }
  }

  static byte[] tlv(int tag, byte[]... parts) {
    ByteArrayOutputStream content = new ByteArrayOutputStream();
    for (byte[] p : parts) content.writeBytes(p);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(tag);
    int n = content.size();
    if (n < 0x80) {
      out.write(n);
    } else if (n < 0x100) {
      out.write(0x81);
      out.write(n);
    } else {
      out.write(0x82);
      out.write(n >> 8);
      out.write(n);
    }
    out.writeBytes(content.toByteArray());
    return out.toByteArray();
  }

  static byte[] sequence(byte[]... parts) {
    return tlv(0x30, parts);
  }

  /** The TLVs in {@code b[from, to)}; throws IllegalArgumentException on malformed input. */
  static List<Tlv> read(byte[] b, int from, int to) {
    List<Tlv> out = new ArrayList<>();
    int at = from;
    while (at < to) {
      int tag = b[at++] & 0xff;
      if (at >= to) throw new IllegalArgumentException("truncated DER");
      int len = b[at++] & 0xff;
      if (len >= 0x80) {
        int count = len & 0x7f;
        if (count == 0 || count > 3 || at + count > to) throw new IllegalArgumentException("bad DER length");
        len = 0;
        for (int i = 0; i < count; i++) len = len << 8 | (b[at++] & 0xff);
      }
      if (at + len > to) throw new IllegalArgumentException("truncated DER");
      out.add(new Tlv(tag, b, at, at + len));
      at += len;
    }
    return out;
  }
}
