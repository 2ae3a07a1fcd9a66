// node:querystring: Node's parse/stringify with its escaping rules (unreserved characters kept,
// "+" read as space, malformed escapes left as they are).
(function (binding, internal) {
  "use strict";

  // Node's escape leaves A-Z a-z 0-9 - . _ ~ ! ' ( ) * unescaped, as encodeURIComponent does.
  function escape(str) {
    return encodeURIComponent(typeof str === "string" ? str : String(str));
  }

  function unescape(s, decodeSpaces) {
    try {
      return decodeURIComponent(s);
    } catch {
      return unescapeBuffer(s, decodeSpaces).toString();
    }
  }

  function unescapeBuffer(s, decodeSpaces) {
    const { Buffer } = internal.node.builtin("buffer");
    const out = Buffer.alloc(Buffer.byteLength(s));
    let n = 0;
    const bytes = Buffer.from(s);
    for (let i = 0; i < bytes.length; i++) {
      const c = bytes[i];
      if (c === 43 && decodeSpaces) {
        out[n++] = 32;
      } else if (c === 37 && i + 2 < bytes.length && isHex(bytes[i + 1]) && isHex(bytes[i + 2])) {
        out[n++] = parseInt(String.fromCharCode(bytes[i + 1], bytes[i + 2]), 16);
        i += 2;
      } else {
        out[n++] = c;
      }
    }
    return out.subarray(0, n);
  }
  function isHex(c) {
    return (c >= 48 && c <= 57) || (c >= 65 && c <= 70) || (c >= 97 && c <= 102);
  }

  function stringifyPrimitive(v) {
    if (typeof v === "string") return v;
    if (typeof v === "number" && Number.isFinite(v)) return `${v}`;
    if (typeof v === "bigint") return `${v}`;
    if (typeof v === "boolean") return v ? "true" : "false";
    return "";
  }

  function stringify(obj, sep = "&", eq = "=", options) {
    const encode = options?.encodeURIComponent ?? exports.escape;
    if (obj === null || typeof obj !== "object") return "";
    const fields = [];
    for (const k of Object.keys(obj)) {
      const v = obj[k];
      const ks = `${encode(stringifyPrimitive(k))}${eq}`;
      if (Array.isArray(v)) {
        for (const item of v) fields.push(ks + encode(stringifyPrimitive(item)));
      } else {
        fields.push(ks + encode(stringifyPrimitive(v)));
      }
    }
    return fields.join(sep);
  }

  function parse(qs, sep = "&", eq = "=", options) {
    const obj = { __proto__: null };
    if (typeof qs !== "string" || qs.length === 0) return obj;
    const maxKeys = options?.maxKeys ?? 1000;
    const decode = options?.decodeURIComponent ?? exports.unescape;
    let parts = qs.split(sep || "&");
    if (maxKeys > 0) parts = parts.slice(0, maxKeys);
    for (const part of parts) {
      if (part.length === 0) continue;
      const idx = part.indexOf(eq || "=");
      const rawKey = idx >= 0 ? part.slice(0, idx) : part;
      const rawValue = idx >= 0 ? part.slice(idx + (eq || "=").length) : "";
      const key = decodePart(rawKey, decode);
      const value = decodePart(rawValue, decode);
      if (!Object.hasOwn(obj, key)) obj[key] = value;
      else if (Array.isArray(obj[key])) obj[key].push(value);
      else obj[key] = [obj[key], value];
    }
    return obj;
  }

  function decodePart(s, decode) {
    s = s.replace(/\+/g, " ");
    try {
      return decode(s);
    } catch {
      return unescape(s, true);
    }
  }

  const exports = {
    decode: parse,
    encode: stringify,
    escape,
    parse,
    stringify,
    unescape,
    unescapeBuffer,
  };
  return exports;
})
