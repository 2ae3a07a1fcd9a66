// Blob and File (https://w3c.github.io/FileAPI/). A blob is an immutable list of byte parts; slicing shares
// the parts' bytes instead of copying them, and stream() yields one chunk per part, as Deno's does.
(function (binding, internal) {
  "use strict";
  const { attach, unwrap, isKind } = internal.webSlot;
  const encoder = new TextEncoder();

  function normalizeType(type) {
    const s = String(type);
    for (let i = 0; i < s.length; i++) {
      const c = s.charCodeAt(i);
      if (c < 0x20 || c > 0x7e) return "";
    }
    return s.toLowerCase();
  }

  /** Turns one BlobPart into byte parts appended to `out` (a Blob contributes its own parts). */
  function collectPart(part, endings, out) {
    if (part instanceof ArrayBuffer) {
      out.push(new Uint8Array(part.slice(0)));
    } else if (ArrayBuffer.isView(part)) {
      out.push(new Uint8Array(part.buffer.slice(part.byteOffset, part.byteOffset + part.byteLength)));
    } else if (isKind(part, "Blob")) {
      for (const p of unwrap(part, "Blob").parts) out.push(p);
    } else {
      let s = String(part);
      if (endings === "native") s = s.replace(/\r\n|\r/g, "\n");
      out.push(encoder.encode(s));
    }
  }

  function blobParts(blobParts, options, ctx) {
    const parts = [];
    if (blobParts !== undefined) {
      if (blobParts === null || typeof blobParts !== "object" && typeof blobParts !== "function" ||
        typeof blobParts[Symbol.iterator] !== "function") {
        throw new TypeError(`${ctx}: Argument 1 can not be converted to sequence.`);
      }
    }
    if (options !== undefined && options !== null && typeof options !== "object" && typeof options !== "function") {
      throw new TypeError(`${ctx}: Argument 2 can not be converted to a dictionary`);
    }
    let endings = options?.endings;
    if (endings === undefined) endings = "transparent";
    else {
      endings = String(endings);
      if (endings !== "transparent" && endings !== "native") {
        throw new TypeError(`${ctx}: The provided value '${endings}' is not a valid enum value of type EndingType`);
      }
    }
    const type = options?.type === undefined ? "" : normalizeType(options.type);
    if (blobParts !== undefined) {
      for (const part of Array.from(blobParts)) collectPart(part, endings, parts);
    }
    return { parts, type };
  }

  function sizeOf(parts) {
    let n = 0;
    for (const p of parts) n += p.byteLength;
    return n;
  }

  function initBlob(obj, parts, type, kind = "Blob") {
    return attach(obj, { kind, parts, type, size: sizeOf(parts) });
  }

  function concat(parts, size) {
    const out = new Uint8Array(size);
    let off = 0;
    for (const p of parts) { out.set(p, off); off += p.byteLength; }
    return out;
  }

  const decoder = new TextDecoder();
  // Lets File's constructor run Blob's without it reading the parts a second time.
  const fileToken = Symbol("file");

  class Blob {
    constructor(blobParts = undefined, options = undefined) {
      if (blobParts === fileToken) return;
      const { parts, type } = collectParts(blobParts, options, "Failed to construct 'Blob'");
      initBlob(this, parts, type);
    }
    get size() { return blob(this).size; }
    get type() { return blob(this).type; }
    slice(start = undefined, end = undefined, contentType = undefined) {
      const b = blob(this);
      const size = b.size;
      let relativeStart = start === undefined ? 0 : clampLongLong(start);
      let relativeEnd = end === undefined ? size : clampLongLong(end);
      relativeStart = relativeStart < 0 ? Math.max(size + relativeStart, 0) : Math.min(relativeStart, size);
      relativeEnd = relativeEnd < 0 ? Math.max(size + relativeEnd, 0) : Math.min(relativeEnd, size);
      const type = contentType === undefined ? "" : normalizeType(contentType);
      const span = Math.max(relativeEnd - relativeStart, 0);
      const parts = [];
      let skip = relativeStart, left = span;
      for (const p of b.parts) {
        if (left === 0) break;
        if (skip >= p.byteLength) { skip -= p.byteLength; continue; }
        const take = Math.min(p.byteLength - skip, left);
        parts.push(p.subarray(skip, skip + take));
        skip = 0;
        left -= take;
      }
      const result = Object.create(Blob.prototype);
      initBlob(result, parts, type);
      return result;
    }
    stream() {
      const parts = blob(this).parts;
      let i = 0;
      return internal.streams.readableByteStreamFromPull((c) => {
        while (i < parts.length && parts[i].byteLength === 0) i++;
        if (i >= parts.length) { c.close(); return; }
        c.enqueue(parts[i++].slice());
      });
    }
    textStream() {
      const stream = this.stream();
      const textDecoder = new TextDecoder();
      return stream.pipeThrough(new internal.streams.TransformStream({
        transform(chunk, c) {
          const s = textDecoder.decode(chunk, { stream: true });
          if (s !== "") c.enqueue(s);
        },
        flush(c) {
          const s = textDecoder.decode();
          if (s !== "") c.enqueue(s);
        },
      }));
    }
    text() {
      try {
        const b = blob(this);
        return Promise.resolve(decoder.decode(concat(b.parts, b.size)));
      } catch (e) {
        return Promise.reject(e);
      }
    }
    arrayBuffer() {
      try {
        const b = blob(this);
        return Promise.resolve(concat(b.parts, b.size).buffer);
      } catch (e) {
        return Promise.reject(e);
      }
    }
    bytes() {
      try {
        const b = blob(this);
        return Promise.resolve(concat(b.parts, b.size));
      } catch (e) {
        return Promise.reject(e);
      }
    }
  }
  const collectParts = blobParts;
  Object.defineProperty(Blob.prototype, Symbol.toStringTag, { value: "Blob", configurable: true });

  /** The record of a Blob or File (a File is a Blob with a name and a date). */
  function blob(o) {
    const r = internal.webSlot.of(o);
    if (r === undefined || r.kind !== "Blob" && r.kind !== "File") throw internal.webSlot.invalidThis();
    return r;
  }

  function clampLongLong(v) {
    const n = Number(v);
    if (!Number.isFinite(n)) return Number.isNaN(n) ? 0 : n;
    return Math.trunc(n);
  }

  class File extends Blob {
    constructor(fileBits, fileName, options = undefined) {
      const ctx = "Failed to construct 'File'";
      if (arguments.length < 2) {
        throw new TypeError(`${ctx}: 2 arguments required, but only ${arguments.length} present`);
      }
      const { parts, type } = collectParts(fileBits, options, ctx);
      const name = String(fileName);
      const lm = options?.lastModified;
      const lastModified = lm === undefined ? Date.now() : toLongLong(lm);
      super(fileToken);
      const r = initBlob(this, parts, type, "File");
      r.name = name;
      r.lastModified = lastModified;
    }
    get name() { return file(this).name; }
    get lastModified() { return file(this).lastModified; }
  }
  Object.defineProperty(File.prototype, Symbol.toStringTag, { value: "File", configurable: true });

  function file(o) {
    const r = internal.webSlot.of(o);
    if (r === undefined || r.kind !== "File") throw internal.webSlot.invalidThis();
    return r;
  }
  function toLongLong(v) {
    const n = Number(v);
    return Number.isFinite(n) ? Math.trunc(n) : 0;
  }

  /** A File with the given name over the bytes of `b` (FormData's "create an entry"). */
  function fileFromBlob(b, name) {
    const src = blob(b);
    const f = Object.create(File.prototype);
    const r = internal.webSlot.attach(f, { kind: "File", parts: src.parts, type: src.type, size: src.size });
    r.name = name;
    r.lastModified = src.kind === "File" ? src.lastModified : Date.now();
    return f;
  }

  function isBlob(o) {
    const r = internal.webSlot.of(o);
    return r !== undefined && (r.kind === "Blob" || r.kind === "File");
  }

  internal.webSlot.defineInspect(Blob, (o) => ({ size: o.size, type: o.type }));
  internal.webSlot.defineInspect(File, (o) => ({ name: o.name, size: o.size, type: o.type }));

  internal.blob = { Blob, File, isBlob, isFile: (o) => isKind(o, "File"), fileFromBlob, bytesOf: (b) => { const r = blob(b); return concat(r.parts, r.size); } };
  internal.webApis = Object.assign(internal.webApis ?? {}, { Blob, File });
})
