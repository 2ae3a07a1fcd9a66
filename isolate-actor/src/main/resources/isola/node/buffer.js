// node:buffer: Buffer as Node has it, a Uint8Array subclass (FastBuffer) whose prototype Buffer
// shares, with Node's encodings, comparisons, integer/float accessors and range errors.
(function (binding, internal) {
  "use strict";
  const errors = internal.node.load("_errors");
  const { TextEncoder, TextDecoder } = internal.encoding;
  const utf8Encoder = new TextEncoder();
  const utf8Decoder = new TextDecoder("utf-8", { ignoreBOM: true });
  const kMaxLength = 2 ** 53 - 1;
  const kStringMaxLength = 536870888;
  const INSPECT_MAX_BYTES = 50;

  class FastBuffer extends Uint8Array {}

  // Buffer(arg) without `new` is deprecated in Node but works; with a number it allocates.
  function Buffer(arg, encodingOrOffset, length) {
    if (typeof arg === "number") return alloc(arg);
    return from(arg, encodingOrOffset, length);
  }
  Buffer.prototype = FastBuffer.prototype;
  Object.defineProperty(FastBuffer.prototype, "constructor", { value: Buffer, writable: true, configurable: true });
  Object.setPrototypeOf(Buffer, Uint8Array);

  // ---- encodings ----------------------------------------------------------------------------
  function normalizeEncoding(enc) {
    if (enc === undefined || enc === null || enc === "utf8" || enc === "utf-8") return "utf8";
    switch (String(enc).toLowerCase()) {
      case "utf8": case "utf-8": return "utf8";
      case "hex": return "hex";
      case "base64": return "base64";
      case "base64url": return "base64url";
      case "latin1": case "binary": return "latin1";
      case "ascii": return "ascii";
      case "ucs2": case "ucs-2": case "utf16le": case "utf-16le": return "utf16le";
      default: return undefined;
    }
  }
  function encodingOrThrow(enc) {
    const e = normalizeEncoding(enc);
    if (e === undefined) throw errors.nodeError(TypeError, "ERR_UNKNOWN_ENCODING", `Unknown encoding: ${enc}`);
    return e;
  }

  const b64chars = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  const b64urlChars = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
  const b64lookup = new Int8Array(256).fill(-1);
  for (let i = 0; i < 64; i++) {
    b64lookup[b64chars.charCodeAt(i)] = i;
    b64lookup[b64urlChars.charCodeAt(i)] = i;
  }

  function base64Encode(bytes, start, end, url) {
    const chars = url ? b64urlChars : b64chars;
    let out = "";
    let i = start;
    for (; i + 2 < end; i += 3) {
      const n = (bytes[i] << 16) | (bytes[i + 1] << 8) | bytes[i + 2];
      out += chars[n >> 18] + chars[(n >> 12) & 63] + chars[(n >> 6) & 63] + chars[n & 63];
    }
    if (end - i === 1) {
      const n = bytes[i] << 16;
      out += chars[n >> 18] + chars[(n >> 12) & 63] + (url ? "" : "==");
    } else if (end - i === 2) {
      const n = (bytes[i] << 16) | (bytes[i + 1] << 8);
      out += chars[n >> 18] + chars[(n >> 12) & 63] + chars[(n >> 6) & 63] + (url ? "" : "=");
    }
    return out;
  }

  // Node's decoder is lenient: characters outside either alphabet are skipped, "=" ends the data.
  function base64Decode(string) {
    const out = new Uint8Array(Math.ceil(string.length * 3 / 4));
    let n = 0;
    let bits = 0;
    let count = 0;
    for (let i = 0; i < string.length; i++) {
      const c = string.charCodeAt(i);
      if (c === 61) break;
      const v = c < 256 ? b64lookup[c] : -1;
      if (v < 0) continue;
      bits = (bits << 6) | v;
      count += 6;
      if (count >= 8) {
        count -= 8;
        out[n++] = (bits >> count) & 0xff;
      }
    }
    return out.subarray(0, n);
  }

  function hexDecode(string) {
    const out = new Uint8Array(string.length >>> 1);
    let n = 0;
    for (; n < out.length; n++) {
      const hi = hexValue(string.charCodeAt(2 * n));
      const lo = hexValue(string.charCodeAt(2 * n + 1));
      if (hi < 0 || lo < 0) break;
      out[n] = (hi << 4) | lo;
    }
    return out.subarray(0, n);
  }
  function hexValue(c) {
    if (c >= 48 && c <= 57) return c - 48;
    if (c >= 97 && c <= 102) return c - 87;
    if (c >= 65 && c <= 70) return c - 55;
    return -1;
  }

  function latin1Decode(bytes, start, end, mask) {
    let out = "";
    for (let i = start; i < end; i += 8192) {
      const chunk = bytes.subarray(i, Math.min(end, i + 8192));
      out += String.fromCharCode.apply(null, mask ? chunk.map((b) => b & 0x7f) : chunk);
    }
    return out;
  }

  function stringToBytes(string, encoding) {
    switch (encoding) {
      case "utf8": return utf8Encoder.encode(string);
      case "hex": return hexDecode(string);
      case "base64": case "base64url": return base64Decode(string);
      case "latin1": case "ascii": {
        const out = new Uint8Array(string.length);
        for (let i = 0; i < string.length; i++) out[i] = string.charCodeAt(i);
        return out;
      }
      case "utf16le": {
        const out = new Uint8Array(string.length * 2);
        for (let i = 0; i < string.length; i++) {
          const c = string.charCodeAt(i);
          out[2 * i] = c & 0xff;
          out[2 * i + 1] = c >> 8;
        }
        return out;
      }
    }
  }

  function bytesToString(bytes, encoding, start, end) {
    switch (encoding) {
      case "utf8": return utf8Decoder.decode(bytes.subarray(start, end));
      case "hex": {
        let out = "";
        for (let i = start; i < end; i++) out += (bytes[i] < 16 ? "0" : "") + bytes[i].toString(16);
        return out;
      }
      case "base64": return base64Encode(bytes, start, end, false);
      case "base64url": return base64Encode(bytes, start, end, true);
      case "latin1": return latin1Decode(bytes, start, end, false);
      case "ascii": return latin1Decode(bytes, start, end, true);
      case "utf16le": {
        let out = "";
        for (let i = start; i + 1 < end; i += 2) out += String.fromCharCode(bytes[i] | (bytes[i + 1] << 8));
        return out;
      }
    }
  }

  // ---- construction -------------------------------------------------------------------------
  function validateSize(size) {
    if (typeof size !== "number") throw errors.invalidArgType("size", "number", size);
    if (!(size >= 0 && size <= kMaxLength)) throw errors.outOfRange("size", `>= 0 && <= ${kMaxLength}`, size);
  }

  function alloc(size, fill, encoding) {
    validateSize(size);
    const buf = new FastBuffer(size);
    if (fill !== undefined && fill !== 0 && size > 0) buf.fill(fill, 0, buf.length, encoding);
    return buf;
  }

  function allocUnsafe(size) {
    validateSize(size);
    return new FastBuffer(size);
  }

  function fromString(string, encoding) {
    const bytes = stringToBytes(string, encodingOrThrow(encoding));
    return new FastBuffer(bytes.buffer, bytes.byteOffset, bytes.length);
  }

  function from(value, encodingOrOffset, length) {
    if (typeof value === "string") return fromString(value, encodingOrOffset);
    if (typeof value === "object" && value !== null) {
      if (value instanceof ArrayBuffer || (typeof SharedArrayBuffer !== "undefined" && value instanceof SharedArrayBuffer)) {
        const offset = encodingOrOffset === undefined ? 0 : +encodingOrOffset || 0;
        if (offset > value.byteLength) throw errors.nodeError(RangeError, "ERR_BUFFER_OUT_OF_BOUNDS", '"offset" is outside of buffer bounds');
        const len = length === undefined ? value.byteLength - offset : +length || 0;
        if (offset + len > value.byteLength) throw errors.nodeError(RangeError, "ERR_BUFFER_OUT_OF_BOUNDS", '"length" is outside of buffer bounds');
        return new FastBuffer(value, offset, len);
      }
      if (ArrayBuffer.isView(value)) {
        const copy = new FastBuffer(value.byteLength);
        copy.set(new Uint8Array(value.buffer, value.byteOffset, value.byteLength));
        return copy;
      }
      const primitive = value.valueOf?.();
      if (primitive != null && primitive !== value && (typeof primitive === "string" || typeof primitive === "object")) {
        return from(primitive, encodingOrOffset, length);
      }
      if (typeof value.length === "number" || Array.isArray(value)) return fromArrayLike(value);
      if (value.type === "Buffer" && Array.isArray(value.data)) return fromArrayLike(value.data);
      if (typeof value[Symbol.toPrimitive] === "function") {
        const p = value[Symbol.toPrimitive]("string");
        if (typeof p === "string") return fromString(p, encodingOrOffset);
      }
    }
    throw errors.invalidArgType("first argument",
      ["string", "Buffer", "ArrayBuffer", "Array", "Array-like Object"], value);
  }

  function fromArrayLike(array) {
    const length = array.length >>> 0;
    const buf = new FastBuffer(length);
    for (let i = 0; i < length; i++) buf[i] = array[i];
    return buf;
  }

  function isBuffer(value) {
    return value instanceof Buffer;
  }

  function byteLength(string, encoding) {
    if (typeof string !== "string") {
      if (ArrayBuffer.isView(string) || string instanceof ArrayBuffer) return string.byteLength;
      throw errors.invalidArgType("string", ["string", "Buffer", "ArrayBuffer"], string);
    }
    const enc = normalizeEncoding(encoding) ?? "utf8";
    switch (enc) {
      case "utf8": {
        let n = 0;
        for (let i = 0; i < string.length; i++) {
          const c = string.charCodeAt(i);
          if (c < 0x80) n += 1;
          else if (c < 0x800) n += 2;
          else if (c >= 0xd800 && c <= 0xdbff && i + 1 < string.length &&
              (string.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
            n += 4;
            i++;
          } else n += 3;
        }
        return n;
      }
      case "hex": return string.length >>> 1;
      case "utf16le": return string.length * 2;
      case "latin1": case "ascii": return string.length;
      default: return base64Decode(string).length;
    }
  }

  function checkBufferish(value, name) {
    if (!(value instanceof Uint8Array)) throw errors.invalidArgType(name, ["Buffer", "Uint8Array"], value);
  }

  function compare(a, b) {
    checkBufferish(a, "buf1");
    checkBufferish(b, "buf2");
    return compareRange(a, 0, a.length, b, 0, b.length);
  }
  function compareRange(a, aStart, aEnd, b, bStart, bEnd) {
    const n = Math.min(aEnd - aStart, bEnd - bStart);
    for (let i = 0; i < n; i++) {
      const x = a[aStart + i];
      const y = b[bStart + i];
      if (x !== y) return x < y ? -1 : 1;
    }
    const la = aEnd - aStart;
    const lb = bEnd - bStart;
    return la < lb ? -1 : la > lb ? 1 : 0;
  }

  function concat(list, totalLength) {
    if (!Array.isArray(list)) throw errors.invalidArgType("list", "Array", list);
    if (list.length === 0) return new FastBuffer(0);
    if (totalLength === undefined) {
      totalLength = 0;
      for (let i = 0; i < list.length; i++) {
        if (!(list[i] instanceof Uint8Array)) throw errors.invalidArgType(`list[${i}]`, ["Buffer", "Uint8Array"], list[i]);
        totalLength += list[i].length;
      }
    }
    const out = alloc(totalLength);
    let pos = 0;
    for (let i = 0; i < list.length && pos < totalLength; i++) {
      const item = list[i];
      if (!(item instanceof Uint8Array)) throw errors.invalidArgType(`list[${i}]`, ["Buffer", "Uint8Array"], item);
      const part = item.length > totalLength - pos ? item.subarray(0, totalLength - pos) : item;
      out.set(part, pos);
      pos += part.length;
    }
    return out;
  }

  Object.assign(Buffer, {
    poolSize: 8192,
    from,
    of: (...items) => fromArrayLike(items),
    alloc,
    allocUnsafe,
    allocUnsafeSlow: allocUnsafe,
    isBuffer,
    compare,
    concat,
    byteLength,
    isEncoding: (enc) => typeof enc === "string" && enc.length !== 0 && normalizeEncoding(enc) !== undefined,
    copyBytesFrom(view, offset = 0, length = view.length - offset) {
      const bytes = new Uint8Array(view.buffer, view.byteOffset, view.byteLength);
      const size = view.BYTES_PER_ELEMENT;
      return from(bytes.slice(offset * size, (offset + length) * size));
    },
  });

  // ---- prototype ----------------------------------------------------------------------------
  const proto = Buffer.prototype;

  function clampIndex(value, length, fallback) {
    if (value === undefined) return fallback;
    value = Math.trunc(+value) || 0;
    if (value < 0) return Math.max(length + value, 0);
    return Math.min(value, length);
  }

  proto.toString = function toString(encoding, start, end) {
    if (arguments.length === 0) return utf8Decoder.decode(this);
    const len = this.length;
    start = start === undefined || start <= 0 ? 0 : Math.min(Math.trunc(start) || 0, len);
    end = end === undefined || end > len ? len : Math.trunc(end) || 0;
    if (end <= start) return "";
    return bytesToString(this, encodingOrThrow(encoding), start, end);
  };
  proto.toLocaleString = proto.toString;

  proto.toJSON = function toJSON() {
    return { type: "Buffer", data: Array.from(this) };
  };

  proto.equals = function equals(other) {
    checkBufferish(other, "otherBuffer");
    if (this === other) return true;
    return this.length === other.length && compareRange(this, 0, this.length, other, 0, other.length) === 0;
  };

  proto.compare = function compareMethod(target, targetStart = 0, targetEnd = target.length,
    sourceStart = 0, sourceEnd = this.length) {
    checkBufferish(target, "target");
    return compareRange(this, sourceStart, sourceEnd, target, targetStart, targetEnd);
  };

  proto.copy = function copy(target, targetStart = 0, sourceStart = 0, sourceEnd = this.length) {
    checkBufferish(target, "target");
    targetStart = Math.max(0, Math.trunc(targetStart) || 0);
    sourceStart = Math.max(0, Math.trunc(sourceStart) || 0);
    sourceEnd = Math.min(this.length, Math.trunc(sourceEnd) || 0);
    if (targetStart >= target.length || sourceStart >= sourceEnd) return 0;
    const n = Math.min(sourceEnd - sourceStart, target.length - targetStart);
    target.set(this.subarray(sourceStart, sourceStart + n), targetStart);
    return n;
  };

  proto.slice = function slice(start, end) {
    const len = this.length;
    start = clampIndex(start, len, 0);
    end = clampIndex(end, len, len);
    return new FastBuffer(this.buffer, this.byteOffset + start, Math.max(end - start, 0));
  };
  proto.subarray = proto.slice;

  proto.write = function write(string, offset, length, encoding) {
    if (typeof string !== "string") throw errors.invalidArgType("argument", "string", string);
    if (typeof offset === "string") {
      encoding = offset;
      offset = 0;
      length = this.length;
    } else if (typeof length === "string") {
      encoding = length;
      length = undefined;
    }
    offset = offset === undefined ? 0 : offset >>> 0;
    const remaining = this.length - offset;
    length = length === undefined || length > remaining ? remaining : length >>> 0;
    const enc = encodingOrThrow(encoding);
    let bytes = stringToBytes(string, enc);
    if (bytes.length > length) {
      bytes = bytes.subarray(0, length);
      // Node writes whole UTF-8 characters only.
      if (enc === "utf8") {
        let end = length;
        let i = end - 1;
        while (i >= 0 && (bytes[i] & 0xc0) === 0x80) i--;
        if (i >= 0) {
          const lead = bytes[i];
          const need = lead >= 0xf0 ? 4 : lead >= 0xe0 ? 3 : lead >= 0xc0 ? 2 : 1;
          if (i + need > end) end = i;
        }
        bytes = bytes.subarray(0, end);
      }
    }
    this.set(bytes, offset);
    return bytes.length;
  };

  proto.fill = function fill(value, offset = 0, end = this.length, encoding) {
    if (typeof offset === "string") {
      encoding = offset;
      offset = 0;
      end = this.length;
    } else if (typeof end === "string") {
      encoding = end;
      end = this.length;
    }
    if (typeof value === "number") {
      Uint8Array.prototype.fill.call(this, value & 255, offset, end);
      return this;
    }
    if (typeof value === "boolean") {
      Uint8Array.prototype.fill.call(this, +value, offset, end);
      return this;
    }
    const bytes = typeof value === "string" ? stringToBytes(value, encodingOrThrow(encoding)) : value;
    if (bytes.length === 0) {
      if (typeof value === "string" && value.length > 0) {
        throw errors.invalidArgValue("value", value);
      }
      Uint8Array.prototype.fill.call(this, 0, offset, end);
      return this;
    }
    for (let i = offset, j = 0; i < end; i++, j = (j + 1) % bytes.length) this[i] = bytes[j];
    return this;
  };

  function indexOf(buf, value, byteOffset, encoding, last) {
    if (typeof byteOffset === "string") {
      encoding = byteOffset;
      byteOffset = undefined;
    }
    const len = buf.length;
    let from = byteOffset === undefined ? (last ? len : 0) : Math.trunc(+byteOffset) || 0;
    if (from < 0) from = Math.max(len + from, last ? -1 : 0);
    if (typeof value === "number") value = [value & 255];
    else if (typeof value === "string") value = stringToBytes(value, encodingOrThrow(encoding));
    else if (!(value instanceof Uint8Array)) {
      throw errors.invalidArgType("value", ["number", "string", "Buffer", "Uint8Array"], value);
    }
    const n = value.length;
    if (n === 0) return last ? Math.min(from, len) : Math.min(from, len);
    if (last) {
      for (let i = Math.min(from, len - n); i >= 0; i--) if (matchesAt(buf, value, i)) return i;
    } else {
      for (let i = from; i <= len - n; i++) if (matchesAt(buf, value, i)) return i;
    }
    return -1;
  }
  function matchesAt(buf, value, at) {
    for (let j = 0; j < value.length; j++) if (buf[at + j] !== value[j]) return false;
    return true;
  }
  proto.indexOf = function indexOfMethod(value, byteOffset, encoding) {
    return indexOf(this, value, byteOffset, encoding, false);
  };
  proto.lastIndexOf = function lastIndexOf(value, byteOffset, encoding) {
    return indexOf(this, value, byteOffset, encoding, true);
  };
  proto.includes = function includes(value, byteOffset, encoding) {
    return indexOf(this, value, byteOffset, encoding, false) !== -1;
  };

  for (const [name, size] of [["swap16", 2], ["swap32", 4], ["swap64", 8]]) {
    proto[name] = function () {
      if (this.length % size !== 0) {
        throw errors.nodeError(RangeError, "ERR_INVALID_BUFFER_SIZE", `Buffer size must be a multiple of ${size * 8}-bits`);
      }
      for (let i = 0; i < this.length; i += size) {
        for (let a = i, b = i + size - 1; a < b; a++, b--) {
          const t = this[a];
          this[a] = this[b];
          this[b] = t;
        }
      }
      return this;
    };
  }

  // ---- numbers ------------------------------------------------------------------------------
  function checkOffset(buf, offset, size) {
    if (offset === undefined) offset = 0;
    if (typeof offset !== "number") throw errors.invalidArgType("offset", "number", offset);
    if (!Number.isInteger(offset)) throw errors.outOfRange("offset", "an integer", offset);
    const max = buf.length - size;
    if (max < 0) throw errors.nodeError(RangeError, "ERR_BUFFER_OUT_OF_BOUNDS", "Attempt to access memory outside buffer bounds");
    if (offset < 0 || offset > max) throw errors.outOfRange("offset", `>= 0 and <= ${max}`, offset);
    return offset;
  }

  function checkValue(value, min, max, size) {
    if (typeof value !== "number" && typeof value !== "bigint") throw errors.invalidArgType("value", "number", value);
    if (value > max || value < min) {
      const n = typeof min === "bigint" ? "n" : "";
      let range;
      if (size > 4) {
        range = min === 0 || min === 0n
          ? `>= 0${n} and < 2${n} ** ${size * 8}${n}`
          : `>= -(2${n} ** ${size * 8 - 1}${n}) and < 2 ** ${size * 8 - 1}${n}`;
      } else {
        range = `>= ${min}${n} and <= ${max}${n}`;
      }
      throw errors.outOfRange("value", range, value);
    }
  }

  function checkByteLength(byteLength) {
    if (typeof byteLength !== "number") throw errors.invalidArgType("byteLength", "number", byteLength);
    if (!Number.isInteger(byteLength) || byteLength < 1 || byteLength > 6) {
      throw errors.outOfRange("byteLength", ">= 1 and <= 6", byteLength);
    }
  }

  function readUnsigned(buf, offset, size, le) {
    offset = checkOffset(buf, offset, size);
    let v = 0;
    for (let i = 0; i < size; i++) v = v * 256 + buf[offset + (le ? size - 1 - i : i)];
    return v;
  }
  function readSigned(buf, offset, size, le) {
    const v = readUnsigned(buf, offset, size, le);
    const limit = 2 ** (size * 8 - 1);
    return v >= limit ? v - limit * 2 : v;
  }
  function writeInteger(buf, value, offset, size, le, signed) {
    const max = signed ? 2 ** (size * 8 - 1) - 1 : 2 ** (size * 8) - 1;
    const min = signed ? -(2 ** (size * 8 - 1)) : 0;
    checkValue(value, min, max, size);
    offset = checkOffset(buf, offset, size);
    let v = value < 0 ? value + 2 ** (size * 8) : value;
    for (let i = 0; i < size; i++) {
      buf[offset + (le ? i : size - 1 - i)] = v % 256;
      v = Math.floor(v / 256);
    }
    return offset + size;
  }

  const intAccessors = [["UInt8", 1, false], ["UInt16", 2, false], ["UInt32", 4, false],
    ["Int8", 1, true], ["Int16", 2, true], ["Int32", 4, true]];
  for (const [name, size, signed] of intAccessors) {
    const read = signed ? readSigned : readUnsigned;
    for (const [suffix, le] of size === 1 ? [["", false]] : [["LE", true], ["BE", false]]) {
      proto[`read${name}${suffix}`] = function (offset = 0) {
        return read(this, offset, size, le);
      };
      proto[`write${name}${suffix}`] = function (value, offset = 0) {
        return writeInteger(this, value, offset, size, le, signed);
      };
    }
  }
  for (const [suffix, le] of [["LE", true], ["BE", false]]) {
    proto[`readUInt${suffix}`] = function (offset, byteLength) {
      checkByteLength(byteLength);
      return readUnsigned(this, offset, byteLength, le);
    };
    proto[`readInt${suffix}`] = function (offset, byteLength) {
      checkByteLength(byteLength);
      return readSigned(this, offset, byteLength, le);
    };
    proto[`writeUInt${suffix}`] = function (value, offset, byteLength) {
      checkByteLength(byteLength);
      return writeInteger(this, value, offset, byteLength, le, false);
    };
    proto[`writeInt${suffix}`] = function (value, offset, byteLength) {
      checkByteLength(byteLength);
      return writeInteger(this, value, offset, byteLength, le, true);
    };
  }

  const float32 = new Float32Array(1);
  const float64 = new Float64Array(1);
  const f32Bytes = new Uint8Array(float32.buffer);
  const f64Bytes = new Uint8Array(float64.buffer);
  const bigScratch = new BigUint64Array(1);
  const bigBytes = new Uint8Array(bigScratch.buffer);
  const bigSigned = new BigInt64Array(bigScratch.buffer);
  // The scratch arrays are little-endian (x86 and ARM both are).
  function readScratch(buf, offset, bytes, le) {
    offset = checkOffset(buf, offset, bytes.length);
    for (let i = 0; i < bytes.length; i++) bytes[i] = buf[offset + (le ? i : bytes.length - 1 - i)];
  }
  function writeScratch(buf, offset, bytes, le) {
    offset = checkOffset(buf, offset, bytes.length);
    for (let i = 0; i < bytes.length; i++) buf[offset + (le ? i : bytes.length - 1 - i)] = bytes[i];
    return offset + bytes.length;
  }
  for (const [suffix, le] of [["LE", true], ["BE", false]]) {
    proto[`readFloat${suffix}`] = function (offset = 0) {
      readScratch(this, offset, f32Bytes, le);
      return float32[0];
    };
    proto[`readDouble${suffix}`] = function (offset = 0) {
      readScratch(this, offset, f64Bytes, le);
      return float64[0];
    };
    proto[`writeFloat${suffix}`] = function (value, offset = 0) {
      float32[0] = +value;
      return writeScratch(this, offset, f32Bytes, le);
    };
    proto[`writeDouble${suffix}`] = function (value, offset = 0) {
      float64[0] = +value;
      return writeScratch(this, offset, f64Bytes, le);
    };
    proto[`readBigUInt64${suffix}`] = function (offset = 0) {
      readScratch(this, offset, bigBytes, le);
      return bigScratch[0];
    };
    proto[`readBigInt64${suffix}`] = function (offset = 0) {
      readScratch(this, offset, bigBytes, le);
      return bigSigned[0];
    };
    proto[`writeBigUInt64${suffix}`] = function (value, offset = 0) {
      if (typeof value !== "bigint") throw errors.invalidArgType("value", "bigint", value);
      checkValue(value, 0n, 2n ** 64n - 1n, 8);
      bigScratch[0] = value;
      return writeScratch(this, offset, bigBytes, le);
    };
    proto[`writeBigInt64${suffix}`] = function (value, offset = 0) {
      if (typeof value !== "bigint") throw errors.invalidArgType("value", "bigint", value);
      checkValue(value, -(2n ** 63n), 2n ** 63n - 1n, 8);
      bigSigned[0] = value;
      return writeScratch(this, offset, bigBytes, le);
    };
  }
  // Node's lower-case aliases (readUint8, writeBigUint64LE, ...).
  for (const key of Object.keys(proto)) {
    if (key.includes("UInt")) proto[key.replace("UInt", "Uint")] = proto[key];
  }

  for (const key of Object.keys(proto)) {
    Object.defineProperty(proto, key, { enumerable: false });
  }
  Object.defineProperties(proto, {
    parent: { get() { return this instanceof Buffer ? this.buffer : undefined; }, enumerable: true, configurable: true },
    offset: { get() { return this instanceof Buffer ? this.byteOffset : undefined; }, enumerable: true, configurable: true },
  });

  // console.log(buf): "<Buffer 68 69>", at most INSPECT_MAX_BYTES bytes.
  Object.defineProperty(proto, Symbol.for("nodejs.util.inspect.custom"), {
    value: function inspect() {
      const max = exports.INSPECT_MAX_BYTES;
      const shown = Math.min(max, this.length);
      let str = bytesToString(this, "hex", 0, shown).replace(/(.{2})/g, "$1 ").trim();
      const remaining = this.length - max;
      if (remaining > 0) str += ` ... ${remaining} more byte${remaining > 1 ? "s" : ""}`;
      return `<${this.constructor.name} ${str}>`;
    },
    writable: true, configurable: true,
  });

  const { Blob, File } = internal.blob;
  const exports = {
    Blob,
    Buffer,
    File,
    INSPECT_MAX_BYTES,
    SlowBuffer: Buffer,
    atob: internal.encoding.atob,
    btoa: internal.encoding.btoa,
    constants: { MAX_LENGTH: kMaxLength, MAX_STRING_LENGTH: kStringMaxLength },
    isAscii: (input) => (ArrayBuffer.isView(input)
      ? new Uint8Array(input.buffer, input.byteOffset, input.byteLength)
      : new Uint8Array(input)).every((b) => b < 0x80),
    isUtf8(input) {
      try {
        new TextDecoder("utf-8", { fatal: true }).decode(input);
        return true;
      } catch {
        return false;
      }
    },
    kMaxLength,
    kStringMaxLength,
    // isola has no blob: URL store, so no URL resolves to a Blob.
    resolveObjectURL: () => undefined,
    transcode(source, fromEnc, toEnc) {
      return fromString(bytesToString(source, encodingOrThrow(fromEnc), 0, source.length), toEnc);
    },
  };
  internal.node.isBuffer = isBuffer;
  return exports;
})
