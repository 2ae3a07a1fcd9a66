// TextEncoder, TextDecoder, atob and btoa as Deno has them. GraalJS's own TextEncoder/TextDecoder
// (js.text-encoding) do the UTF-8 and UTF-16 work natively and fast, but know only those encodings
// and word their errors differently; so the public classes here resolve every WHATWG label, check
// arguments as Deno does, and hand the bytes to GraalJS (UTF-8/16), to a small table (windows-1252,
// x-user-defined), or to the JDK's charsets through op_encoding_decode (the other legacy encodings).
// TextEncoderStream/TextDecoderStream come with the streams.
(function (binding, internal) {
  "use strict";
  const { webidl, DOMException, ops } = internal;

  const { NativeEncoder, NativeDecoder } = internal.lazy;
  const nativeEncode = NativeEncoder.prototype.encode;
  const nativeEncodeInto = NativeEncoder.prototype.encodeInto;
  const nativeDecode = NativeDecoder.prototype.decode;
  const nativeEncoder = new NativeEncoder();

  // The WHATWG Encoding Standard's label table (https://encoding.spec.whatwg.org/#names-and-labels).
  const labelsByName = {
    "utf-8": "unicode-1-1-utf-8 unicode11utf8 unicode20utf8 utf-8 utf8 x-unicode20utf8",
    "ibm866": "866 cp866 csibm866 ibm866",
    "iso-8859-2": "csisolatin2 iso-8859-2 iso-ir-101 iso8859-2 iso88592 iso_8859-2 iso_8859-2:1987 l2 latin2",
    "iso-8859-3": "csisolatin3 iso-8859-3 iso-ir-109 iso8859-3 iso88593 iso_8859-3 iso_8859-3:1988 l3 latin3",
    "iso-8859-4": "csisolatin4 iso-8859-4 iso-ir-110 iso8859-4 iso88594 iso_8859-4 iso_8859-4:1988 l4 latin4",
    "iso-8859-5": "csisolatincyrillic cyrillic iso-8859-5 iso-ir-144 iso8859-5 iso88595 iso_8859-5 iso_8859-5:1988",
    "iso-8859-6": "arabic asmo-708 csiso88596e csiso88596i csisolatinarabic ecma-114 iso-8859-6 iso-8859-6-e " +
      "iso-8859-6-i iso-ir-127 iso8859-6 iso88596 iso_8859-6 iso_8859-6:1987",
    "iso-8859-7": "csisolatingreek ecma-118 elot_928 greek greek8 iso-8859-7 iso-ir-126 iso8859-7 iso88597 " +
      "iso_8859-7 iso_8859-7:1987 sun_eu_greek",
    "iso-8859-8": "csiso88598e csisolatinhebrew hebrew iso-8859-8 iso-8859-8-e iso-ir-138 iso8859-8 iso88598 " +
      "iso_8859-8 iso_8859-8:1988 visual",
    "iso-8859-8-i": "csiso88598i iso-8859-8-i logical",
    "iso-8859-10": "csisolatin6 iso-8859-10 iso-ir-157 iso8859-10 iso885910 l6 latin6",
    "iso-8859-13": "iso-8859-13 iso8859-13 iso885913",
    "iso-8859-14": "iso-8859-14 iso8859-14 iso885914",
    "iso-8859-15": "csisolatin9 iso-8859-15 iso8859-15 iso885915 iso_8859-15 l9",
    "iso-8859-16": "iso-8859-16",
    "koi8-r": "cskoi8r koi koi8 koi8-r koi8_r",
    "koi8-u": "koi8-ru koi8-u",
    "macintosh": "csmacintosh mac macintosh x-mac-roman",
    "windows-874": "dos-874 iso-8859-11 iso8859-11 iso885911 tis-620 windows-874",
    "windows-1250": "cp1250 windows-1250 x-cp1250",
    "windows-1251": "cp1251 windows-1251 x-cp1251",
    "windows-1252": "ansi_x3.4-1968 ascii cp1252 cp819 csisolatin1 ibm819 iso-8859-1 iso-ir-100 iso8859-1 " +
      "iso88591 iso_8859-1 iso_8859-1:1987 l1 latin1 us-ascii windows-1252 x-cp1252",
    "windows-1253": "cp1253 windows-1253 x-cp1253",
    "windows-1254": "cp1254 csisolatin5 iso-8859-9 iso-ir-148 iso8859-9 iso88599 iso_8859-9 iso_8859-9:1989 l5 " +
      "latin5 windows-1254 x-cp1254",
    "windows-1255": "cp1255 windows-1255 x-cp1255",
    "windows-1256": "cp1256 windows-1256 x-cp1256",
    "windows-1257": "cp1257 windows-1257 x-cp1257",
    "windows-1258": "cp1258 windows-1258 x-cp1258",
    "x-mac-cyrillic": "x-mac-cyrillic x-mac-ukrainian",
    "gbk": "chinese csgb2312 csiso58gb231280 gb2312 gb_2312 gb_2312-80 gbk iso-ir-58 x-gbk",
    "gb18030": "gb18030",
    "big5": "big5 big5-hkscs cn-big5 csbig5 x-x-big5",
    "euc-jp": "cseucpkdfmtjapanese euc-jp x-euc-jp",
    "iso-2022-jp": "csiso2022jp iso-2022-jp",
    "shift_jis": "csshiftjis ms932 ms_kanji shift-jis shift_jis sjis windows-31j x-sjis",
    "euc-kr": "cseuckr csksc56011987 euc-kr iso-ir-149 korean ks_c_5601-1987 ks_c_5601-1989 ksc5601 ksc_5601 " +
      "windows-949",
    "utf-16be": "unicodefffe utf-16be",
    "utf-16le": "csunicode iso-10646-ucs-2 ucs-2 unicode unicodefeff utf-16 utf-16le",
    "x-user-defined": "x-user-defined",
  };
  const encodingOfLabel = new Map();
  for (const [name, labels] of Object.entries(labelsByName)) {
    for (const label of labels.split(" ")) encodingOfLabel.set(label, name);
  }

  // windows-1252 differs from Latin-1 only in 0x80..0x9F.
  const cp1252High = [
    0x20ac, 0x81, 0x201a, 0x192, 0x201e, 0x2026, 0x2020, 0x2021, 0x2c6, 0x2030, 0x160, 0x2039, 0x152, 0x8d,
    0x17d, 0x8f, 0x90, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x2dc, 0x2122, 0x161,
    0x203a, 0x153, 0x9d, 0x17e, 0x178,
  ];

  function invalidData() {
    return new TypeError("The encoded data is not valid");
  }

  function singleByteString(bytes, map) {
    const chunk = 8192;
    let out = "";
    for (let start = 0; start < bytes.length; start += chunk) {
      const end = Math.min(bytes.length, start + chunk);
      const codes = new Array(end - start);
      for (let i = start; i < end; i++) codes[i - start] = map(bytes[i]);
      out += String.fromCharCode.apply(null, codes);
    }
    return out;
  }
  const windows1252 = (b) => (b >= 0x80 && b < 0xa0 ? cp1252High[b - 0x80] : b);
  const userDefined = (b) => (b < 0x80 ? b : 0xf780 + b - 0x80);

  function toDictionary(value, prefix) {
    if (value === undefined || value === null) return {};
    if (typeof value !== "object" && typeof value !== "function") {
      throw webidl.withCode(
        new TypeError(`${prefix}: Argument 2 can not be converted to a dictionary`), "ERR_INVALID_ARG_TYPE");
    }
    return value;
  }

  // Instances keep their state in WeakMaps rather than private fields: GraalJS keys a private field by
  // its name across every context of the shared engine, so with many live isolates each new instance
  // searched a chain as long as their number (docs/architecture.md, "Private fields").
  const decoders = new WeakMap();

  function decoderState(self) {
    const state = self !== null && typeof self === "object" ? decoders.get(self) : undefined;
    if (state === undefined) throw webidl.illegalInvocation();
    return state;
  }

  class TextDecoder {
    constructor(label = "utf-8", options = undefined) {
      const prefix = "Failed to construct 'TextDecoder'";
      label = `${label}`;
      const init = toDictionary(options, prefix);
      const encoding = encodingOfLabel.get(label.trim().toLowerCase());
      if (encoding === undefined) {
        throw webidl.withCode(
          new RangeError(`The encoding label provided ('${label}') is invalid.`), "ERR_ENCODING_NOT_SUPPORTED");
      }
      decoders.set(this, { encoding, fatal: !!init.fatal, ignoreBOM: !!init.ignoreBOM, native: null, pending: null });
    }

    get encoding() {
      return decoderState(this).encoding;
    }

    get fatal() {
      return decoderState(this).fatal;
    }

    get ignoreBOM() {
      return decoderState(this).ignoreBOM;
    }

    decode(input = new Uint8Array(), options = undefined) {
      const state = decoderState(this);
      const prefix = "Failed to execute 'decode' on 'TextDecoder'";
      const bytes = webidl.bufferSourceBytes(input, prefix, "Argument 1");
      const stream = !!toDictionary(options, prefix).stream;
      switch (state.encoding) {
        case "utf-8":
        case "utf-16le":
        case "utf-16be":
          return decodeNative(state, bytes, stream);
        case "windows-1252":
          return singleByteString(bytes, windows1252);
        case "x-user-defined":
          return singleByteString(bytes, userDefined);
        default:
          return decodeLegacy(state, bytes, stream);
      }
    }
  }
  webidl.configureInterface(TextDecoder);
  internal.defineInspect(TextDecoder, (d) => ({ encoding: d.encoding, fatal: d.fatal, ignoreBOM: d.ignoreBOM }));

  function decodeNative(state, bytes, stream) {
    // GraalJS decodes a view of shared memory poorly; the decoder reads a private copy then.
    if (typeof SharedArrayBuffer === "function" && bytes.buffer instanceof SharedArrayBuffer) {
      bytes = bytes.slice();
    }
    state.native ??= new NativeDecoder(state.encoding, { fatal: state.fatal, ignoreBOM: state.ignoreBOM });
    try {
      // A decode without `stream` ends the stream and resets the native decoder itself.
      return nativeDecode.call(state.native, bytes, { stream });
    } catch (e) {
      state.native = null;
      if (e instanceof TypeError) throw invalidData();
      throw e;
    }
  }

  function decodeLegacy(state, bytes, stream) {
    if (state.pending !== null) {
      const joined = new Uint8Array(state.pending.length + bytes.length);
      joined.set(state.pending);
      joined.set(bytes, state.pending.length);
      bytes = joined;
      state.pending = null;
    }
    const result = ops.op_encoding_decode(state.encoding, bytes.buffer, bytes.byteOffset, bytes.byteLength,
      stream, state.fatal);
    if (result === null) throw invalidData();
    const consumed = result[1];
    if (consumed < bytes.length) state.pending = bytes.slice(consumed);
    return result[0];
  }

  const encoders = new WeakSet();

  function checkEncoder(self) {
    if (!(self !== null && typeof self === "object" && encoders.has(self))) throw webidl.illegalInvocation();
  }

  class TextEncoder {
    constructor() {
      encoders.add(this);
    }

    get encoding() {
      checkEncoder(this);
      return "utf-8";
    }

    encode(input = "") {
      checkEncoder(this);
      return nativeEncode.call(nativeEncoder, `${input}`);
    }

    encodeInto(source, destination) {
      checkEncoder(this);
      if (!(ArrayBuffer.isView(destination) && destination instanceof Uint8Array)) {
        throw new TypeError("Failed to execute 'encodeInto' on 'TextEncoder': Argument 2 is not an Uint8Array object");
      }
      return nativeEncodeInto.call(nativeEncoder, `${source}`, destination);
    }
  }
  webidl.configureInterface(TextEncoder);
  internal.defineInspect(TextEncoder, (e) => ({ encoding: e.encoding }));

  // Forgiving-base64 (https://infra.spec.whatwg.org/#forgiving-base64-decode).
  const alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  const sextet = new Int8Array(128).fill(-1);
  for (let i = 0; i < 64; i++) sextet[alphabet.charCodeAt(i)] = i;

  function atob(data) {
    webidl.requiredArguments(arguments.length, 1, "Failed to execute 'atob'");
    data = `${data}`.replace(/[\t\n\f\r ]/g, "");
    if (data.length % 4 === 0) {
      if (data.endsWith("==")) data = data.slice(0, -2);
      else if (data.endsWith("=")) data = data.slice(0, -1);
    }
    if (data.length % 4 === 1) throw badBase64();
    const codes = [];
    let buffer = 0;
    let bits = 0;
    for (let i = 0; i < data.length; i++) {
      const c = data.charCodeAt(i);
      const v = c < 128 ? sextet[c] : -1;
      if (v < 0) throw badBase64();
      buffer = (buffer << 6) | v;
      bits += 6;
      if (bits >= 8) {
        bits -= 8;
        codes.push((buffer >> bits) & 0xff);
      }
    }
    return binaryString(codes);
  }

  function binaryString(codes) {
    let out = "";
    for (let i = 0; i < codes.length; i += 8192) {
      out += String.fromCharCode.apply(null, codes.slice(i, i + 8192));
    }
    return out;
  }

  function badBase64() {
    return new DOMException("Failed to decode base64", "InvalidCharacterError");
  }

  function btoa(data) {
    webidl.requiredArguments(arguments.length, 1, "Failed to execute 'btoa'");
    data = `${data}`;
    let out = "";
    const n = data.length;
    for (let i = 0; i < n; i += 3) {
      const a = data.charCodeAt(i);
      const b = i + 1 < n ? data.charCodeAt(i + 1) : 0;
      const c = i + 2 < n ? data.charCodeAt(i + 2) : 0;
      if (a > 0xff || b > 0xff || c > 0xff) {
        throw new DOMException(
          "Cannot encode string: string contains characters outside of the Latin1 range", "InvalidCharacterError");
      }
      const triple = (a << 16) | (b << 8) | c;
      out += alphabet[triple >> 18] + alphabet[(triple >> 12) & 63] +
        (i + 1 < n ? alphabet[(triple >> 6) & 63] : "=") + (i + 2 < n ? alphabet[triple & 63] : "=");
    }
    return out;
  }

  internal.encoding = { TextEncoder, TextDecoder, atob, btoa };
  Object.assign(internal.webApis, internal.encoding);
})
