package isola.isolate;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.util.Map;
import org.graalvm.polyglot.Value;
import org.graalvm.polyglot.proxy.ProxyArray;
import org.graalvm.polyglot.proxy.ProxyExecutable;

/**
 * Sync op of 42_encoding.js: decoding the legacy encodings of the WHATWG Encoding Standard with the
 * JDK's charsets (UTF-8, UTF-16 and windows-1252 are decoded in JS). Stateless: in streaming mode an
 * incomplete sequence at the end is left unconsumed and the JS side keeps those bytes for next time.
 */
final class EncodingBinding {
  /** WHATWG encoding name → JDK charset whose mapping is the closest to the standard's index. */
  private static final Map<String, String> CHARSETS = Map.ofEntries(
      Map.entry("ibm866", "IBM866"),
      Map.entry("iso-8859-2", "ISO-8859-2"),
      Map.entry("iso-8859-3", "ISO-8859-3"),
      Map.entry("iso-8859-4", "ISO-8859-4"),
      Map.entry("iso-8859-5", "ISO-8859-5"),
      Map.entry("iso-8859-6", "ISO-8859-6"),
      Map.entry("iso-8859-7", "ISO-8859-7"),
      Map.entry("iso-8859-8", "ISO-8859-8"),
      Map.entry("iso-8859-8-i", "ISO-8859-8"),
      Map.entry("iso-8859-10", "ISO-8859-10"),
      Map.entry("iso-8859-13", "ISO-8859-13"),
      Map.entry("iso-8859-14", "ISO-8859-14"),
      Map.entry("iso-8859-15", "ISO-8859-15"),
      Map.entry("iso-8859-16", "ISO-8859-16"),
      Map.entry("koi8-r", "KOI8-R"),
      Map.entry("koi8-u", "KOI8-U"),
      Map.entry("macintosh", "x-MacRoman"),
      Map.entry("windows-874", "x-windows-874"),
      Map.entry("windows-1250", "windows-1250"),
      Map.entry("windows-1251", "windows-1251"),
      Map.entry("windows-1253", "windows-1253"),
      Map.entry("windows-1254", "windows-1254"),
      Map.entry("windows-1255", "windows-1255"),
      Map.entry("windows-1256", "windows-1256"),
      Map.entry("windows-1257", "windows-1257"),
      Map.entry("windows-1258", "windows-1258"),
      Map.entry("x-mac-cyrillic", "x-MacCyrillic"),
      // The standard decodes gbk with the gb18030 decoder.
      Map.entry("gbk", "GB18030"),
      Map.entry("gb18030", "GB18030"),
      Map.entry("big5", "Big5-HKSCS"),
      Map.entry("euc-jp", "EUC-JP"),
      Map.entry("iso-2022-jp", "ISO-2022-JP"),
      Map.entry("shift_jis", "windows-31j"),
      Map.entry("euc-kr", "x-windows-949"));

  void register(Map<String, Object> ops) {
    ops.put("op_encoding_decode", (ProxyExecutable) args -> decode(
        args[0].asString(), args[1], args[2].asInt(), args[3].asInt(), args[4].asBoolean(), args[5].asBoolean()));
  }

  /** Returns [text, bytes consumed], or null when {@code fatal} and the input is malformed. */
  private static Object decode(String encoding, Value buffer, int offset, int length, boolean stream, boolean fatal) {
    byte[] bytes = new byte[length];
    buffer.readBuffer(offset, bytes, 0, length);
    String charsetName = CHARSETS.get(encoding);
    if (charsetName == null || !Charset.isSupported(charsetName)) charsetName = "ISO-8859-1";
    CodingErrorAction onError = fatal ? CodingErrorAction.REPORT : CodingErrorAction.REPLACE;
    CharsetDecoder decoder = Charset.forName(charsetName).newDecoder()
        .onMalformedInput(onError)
        .onUnmappableCharacter(onError)
        .replaceWith("\uFFFD");
    ByteBuffer in = ByteBuffer.wrap(bytes);
    CharBuffer out = CharBuffer.allocate((int) (length * (double) decoder.maxCharsPerByte()) + 16);
    CoderResult result = decoder.decode(in, out, !stream);
    if (result.isError()) return null;
    if (!stream) {
      result = decoder.flush(out);
      if (result.isError()) return null;
    }
    out.flip();
    return ProxyArray.fromArray(out.toString(), in.position());
  }
}
