// node:string_decoder: decodes a byte stream chunk by chunk without splitting multi-byte characters
// (utf8 and utf16le keep the incomplete tail; base64 keeps the bytes short of a 3-byte group).
(function (binding, internal) {
  "use strict";
  const errors = internal.node.load("_errors");
  const { Buffer } = internal.node.builtin("buffer");

  function normalize(encoding) {
    const enc = String(encoding ?? "utf8").toLowerCase();
    switch (enc) {
      case "utf8": case "utf-8": return "utf8";
      case "ucs2": case "ucs-2": case "utf16le": case "utf-16le": return "utf16le";
      case "latin1": case "binary": return "latin1";
      case "base64": case "base64url": case "ascii": case "hex": return enc;
      default:
        throw errors.nodeError(TypeError, "ERR_UNKNOWN_ENCODING", `Unknown encoding: ${encoding}`);
    }
  }

  class StringDecoder {
    constructor(encoding) {
      this.encoding = normalize(encoding);
      this.pending = Buffer.alloc(0);
      if (this.encoding === "utf8") {
        this.decoder = new internal.encoding.TextDecoder("utf-8", { ignoreBOM: true });
      }
    }

    write(buf) {
      if (typeof buf === "string") return buf;
      if (!ArrayBuffer.isView(buf)) throw errors.invalidArgType("buf", ["Buffer", "TypedArray", "DataView"], buf);
      const bytes = new Uint8Array(buf.buffer, buf.byteOffset, buf.byteLength);
      if (this.decoder) return this.decoder.decode(bytes, { stream: true });
      const all = this.pending.length > 0 ? Buffer.concat([this.pending, bytes]) : Buffer.from(bytes);
      const unit = this.encoding === "utf16le" ? 2 : this.encoding.startsWith("base64") ? 3 : 1;
      let keep = all.length % unit;
      // A utf16le high surrogate waits for its pair.
      if (unit === 2 && keep === 0 && all.length >= 2) {
        const last = all[all.length - 2] | (all[all.length - 1] << 8);
        if (last >= 0xd800 && last <= 0xdbff) keep = 2;
      }
      this.pending = all.subarray(all.length - keep);
      return all.subarray(0, all.length - keep).toString(this.encoding);
    }

    end(buf) {
      let out = buf === undefined ? "" : this.write(buf);
      if (this.decoder) out += this.decoder.decode();
      else if (this.pending.length > 0) out += this.pending.toString(this.encoding);
      this.pending = Buffer.alloc(0);
      return out;
    }

    text(buf, offset) {
      return this.write(buf.subarray(offset));
    }
  }

  return { StringDecoder };
})
