// The Body mixin of Request and Response (https://fetch.spec.whatwg.org/#body-mixin). A body keeps
// the source it was made from (a string, bytes, a Blob or a stream) and becomes a ReadableStream only
// when the script asks for `.body`: reading a string body with text(), or answering an HTTP request
// with one, never builds a stream.
(function (binding, internal) {
  "use strict";
  const { isKind, of: slotOf } = internal.webSlot;
  const { isBlob } = internal.blob;
  const encoder = new TextEncoder();
  const decoder = new TextDecoder();

  function isStream(o) {
    return isKind(o, "ReadableStream");
  }

  function streamRecord(stream) {
    return slotOf(stream);
  }

  /** A body record: {source, stream, used}; `source` is null, a string, a Uint8Array, a Blob or a stream. */
  function newBody(source) {
    return { source, stream: isStream(source) ? source : null };
  }

  function randomBoundary() {
    let digits = "";
    for (let i = 0; i < 28; i++) digits += Math.floor(Math.random() * 10);
    return `----${digits}`;
  }

  const escapeName = (s) => s.replace(/\n/g, "%0A").replace(/\r/g, "%0D").replace(/"/g, "%22");

  /** multipart/form-data as Deno writes it (no CRLF after the closing delimiter). */
  function encodeMultipart(formData) {
    const boundary = randomBoundary();
    const parts = [];
    for (const { name, value } of slotOf(formData).entries) {
      let head = `--${boundary}\r\nContent-Disposition: form-data; name="${escapeName(name)}"`;
      if (typeof value === "string") {
        parts.push(encoder.encode(`${head}\r\n\r\n${value.replace(/\r(?!\n)|(?<!\r)\n/g, "\r\n")}\r\n`));
      } else {
        head += `; filename="${escapeName(value.name)}"\r\nContent-Type: ${value.type || "application/octet-stream"}\r\n\r\n`;
        parts.push(encoder.encode(head), internal.blob.bytesOf(value), encoder.encode("\r\n"));
      }
    }
    parts.push(encoder.encode(`--${boundary}--`));
    let size = 0;
    for (const p of parts) size += p.byteLength;
    const out = new Uint8Array(size);
    let at = 0;
    for (const p of parts) {
      out.set(p, at);
      at += p.byteLength;
    }
    return { bytes: out, type: `multipart/form-data; boundary=${boundary}` };
  }

  /**
   * The spec's "extract a body": {body, type}. Bytes are copied (later changes to the caller's buffer
   * must not show through); a stream must be neither locked nor read.
   */
  function extractBody(object) {
    if (typeof object === "string") return { body: newBody(object), type: "text/plain;charset=UTF-8" };
    if (ArrayBuffer.isView(object)) {
      const view = new Uint8Array(object.buffer, object.byteOffset, object.byteLength);
      return { body: newBody(view.slice()), type: null };
    }
    if (internal.webidl.isArrayBuffer(object)) return { body: newBody(new Uint8Array(object).slice()), type: null };
    if (isBlob(object)) return { body: newBody(object), type: object.type === "" ? null : object.type };
    if (isKind(object, "URLSearchParams") || object instanceof internal.url.URLSearchParams) {
      return { body: newBody(object.toString()), type: "application/x-www-form-urlencoded;charset=UTF-8" };
    }
    if (isKind(object, "FormData")) {
      const { bytes, type } = encodeMultipart(object);
      return { body: newBody(bytes), type };
    }
    if (isStream(object)) {
      if (object.locked || streamRecord(object).disturbed) {
        throw new TypeError("ReadableStream is locked or disturbed");
      }
      return { body: newBody(object), type: null };
    }
    return { body: newBody(String(object)), type: "text/plain;charset=UTF-8" };
  }

  function sourceStream(source) {
    if (isBlob(source)) return source.stream();
    const bytes = typeof source === "string" ? encoder.encode(source) : source;
    return new internal.webApis.ReadableStream({
      start(controller) {
        if (bytes.byteLength > 0) controller.enqueue(bytes);
        controller.close();
      },
    });
  }

  /** The body's stream, made on first use. */
  function streamOf(body) {
    if (body.stream === null) body.stream = sourceStream(body.source);
    return body.stream;
  }

  function used(body) {
    if (body === null) return false;
    if (body.used) return true;
    return body.stream !== null && streamRecord(body.stream).disturbed;
  }

  function unusable(body) {
    return used(body) || (body.stream !== null && body.stream.locked);
  }

  async function readAll(stream) {
    const reader = stream.getReader();
    const chunks = [];
    let size = 0;
    for (;;) {
      const { value, done } = await reader.read();
      if (done) break;
      if (!(value instanceof Uint8Array)) {
        throw new TypeError("Failed to read body: expected Uint8Array chunks");
      }
      chunks.push(value);
      size += value.byteLength;
    }
    if (chunks.length === 1) return chunks[0];
    const out = new Uint8Array(size);
    let at = 0;
    for (const c of chunks) {
      out.set(c, at);
      at += c.byteLength;
    }
    return out;
  }

  /**
   * Consumes the body: a string (for text/json) or the bytes. A body made from a string or bytes and
   * never exposed as a stream is read without one.
   */
  async function consume(body, wantText) {
    if (body === null) return wantText ? "" : new Uint8Array(0);
    if (unusable(body)) throw new TypeError("Body already consumed");
    body.used = true;
    const source = body.source;
    if (body.stream === null || body.stream === source) {
      if (typeof source === "string") return wantText ? source : encoder.encode(source);
      if (source instanceof Uint8Array) return wantText ? decoder.decode(source) : source;
      if (isBlob(source)) {
        const bytes = internal.blob.bytesOf(source);
        return wantText ? decoder.decode(bytes) : bytes;
      }
    }
    const bytes = await readAll(streamOf(body));
    return wantText ? decoder.decode(bytes) : bytes;
  }

  function mimeEssence(type) {
    return type === null ? "" : type.split(";")[0].trim().toLowerCase();
  }

  function parseMultipart(bytes, contentType) {
    const match = /boundary=(?:"([^"]+)"|([^;]+))/i.exec(contentType);
    if (!match) throw new TypeError("Body can not be decoded as form data");
    const boundary = `--${match[1] ?? match[2].trim()}`;
    const text = new TextDecoder("latin1").decode(bytes);
    const form = new internal.formData.FormData();
    const sections = text.split(boundary);
    if (sections.length < 2) throw new TypeError("Body can not be decoded as form data");
    for (let i = 1; i < sections.length; i++) {
      let part = sections[i];
      if (part.startsWith("--")) break;
      part = part.replace(/^\r\n/, "").replace(/\r\n$/, "");
      const end = part.indexOf("\r\n\r\n");
      if (end < 0) throw new TypeError("Body can not be decoded as form data");
      const head = part.slice(0, end);
      const content = part.slice(end + 4);
      const disposition = /content-disposition:[^\r\n]*?\bname="([^"]*)"(?:[^\r\n]*?\bfilename="([^"]*)")?/i.exec(head);
      if (!disposition) throw new TypeError("Body can not be decoded as form data");
      const name = utf8(disposition[1]);
      const raw = Uint8Array.from(content, (c) => c.charCodeAt(0));
      if (disposition[2] !== undefined) {
        const type = /content-type:\s*([^\r\n]*)/i.exec(head)?.[1] ?? "";
        form.append(name, new internal.blob.File([raw], utf8(disposition[2]), { type }));
      } else {
        form.append(name, decoder.decode(raw));
      }
    }
    return form;
  }

  const utf8 = (latin1) => decoder.decode(Uint8Array.from(latin1, (c) => c.charCodeAt(0)));

  async function formDataOf(body, contentType) {
    const essence = mimeEssence(contentType);
    if (essence === "multipart/form-data") {
      return parseMultipart(await consume(body, false), contentType);
    }
    if (essence === "application/x-www-form-urlencoded") {
      const form = new internal.formData.FormData();
      for (const [k, v] of new internal.url.URLSearchParams(await consume(body, true))) form.append(k, v);
      return form;
    }
    throw new TypeError("Body can not be decoded as form data");
  }

  /** Tees a body for clone(): both copies read the same bytes; the original keeps one branch. */
  function cloneBody(body) {
    if (body === null) return null;
    if (unusable(body)) throw new TypeError("Body is unusable");
    if (body.stream === null) return { source: body.source, stream: null };
    const [a, b] = body.stream.tee();
    body.stream = a;
    body.source = a;
    return { source: b, stream: b };
  }

  /**
   * Installs the mixin on a class whose instances keep {body, headers} in the record `recordOf`
   * returns (the record of Request or Response).
   */
  function install(cls, recordOf) {
    const contentType = (o) => internal.headers.Headers.prototype.get.call(recordOf(o).headers, "content-type");
    const members = {
      get body() {
        const r = recordOf(this);
        return r.body === null ? null : streamOf(r.body);
      },
      get bodyUsed() {
        return used(recordOf(this).body);
      },
      async arrayBuffer() {
        const bytes = await consume(recordOf(this).body, false);
        return bytes.byteLength === bytes.buffer.byteLength ? bytes.buffer : bytes.slice().buffer;
      },
      async bytes() {
        const bytes = await consume(recordOf(this).body, false);
        return bytes.byteLength === bytes.buffer.byteLength ? bytes : bytes.slice();
      },
      async blob() {
        const bytes = await consume(recordOf(this).body, false);
        return new internal.blob.Blob([bytes], { type: contentType(this) ?? "" });
      },
      async formData() {
        return await formDataOf(recordOf(this).body, contentType(this));
      },
      async json() {
        return JSON.parse(await consume(recordOf(this).body, true));
      },
      async text() {
        return await consume(recordOf(this).body, true);
      },
    };
    for (const key of Object.getOwnPropertyNames(members)) {
      const desc = Object.getOwnPropertyDescriptor(members, key);
      desc.enumerable = true;
      Object.defineProperty(cls.prototype, key, desc);
    }
  }

  /**
   * The body for the wire: null, a string or Uint8Array (whole, cheap), or a ReadableStream; marks it
   * used, as sending does.
   */
  function takeForWire(body) {
    if (body === null) return null;
    if (unusable(body)) throw new TypeError("Body already consumed");
    body.used = true;
    const source = body.source;
    if (body.stream === null) {
      if (typeof source === "string" || source instanceof Uint8Array) return source;
      if (isBlob(source)) return internal.blob.bytesOf(source);
    }
    return streamOf(body);
  }

  internal.body = { extractBody, newBody, cloneBody, install, takeForWire, used, unusable, streamOf };
})
