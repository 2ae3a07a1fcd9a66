// The Body mixin of Request and Response (https://fetch.spec.whatwg.org/#body-mixin), with Deno's
// wording. A body keeps the source it was made from (a string, bytes, a Blob or a stream) and becomes a
// ReadableStream only when the script asks for `.body`: reading a string body with text(), or
// answering an HTTP request with one, never builds a stream.
(function (binding, internal) {
  "use strict";
  const { isKind, of: slotOf } = internal.webSlot;
  const { isBlob } = internal.blob;
  const encoder = new TextEncoder();
  const decoder = new TextDecoder();

  function isStream(o) {
    return isKind(o, "ReadableStream");
  }

  /** A body record: {source, stream, used}; `source` is a string, a Uint8Array, a Blob or a stream. */
  function newBody(source) {
    return { source, stream: isStream(source) ? source : null, used: false };
  }

  // ---- multipart/form-data out ------------------------------------------------------------------

  // Deno's boundary: dashes, then 28 random digits.
  function randomBoundary() {
    let digits = "";
    for (let i = 0; i < 28; i++) digits += Math.floor(Math.random() * 10);
    return `----${digits}`;
  }

  const toCrlf = (s) => s.replace(/\r(?!\n)|(?<!\r)\n/g, "\r\n");
  const escapeQuoted = (s) => s.replace(/\n/g, "%0A").replace(/\r/g, "%0D").replace(/"/g, "%22");

  /** multipart/form-data as Deno writes it: names get CRLF line ends, no CRLF after the last delimiter. */
  function encodeMultipart(formData) {
    const boundary = randomBoundary();
    const parts = [];
    for (const { name, value } of slotOf(formData).entries) {
      const head = `--${boundary}\r\nContent-Disposition: form-data; name="${escapeQuoted(toCrlf(name))}"`;
      if (typeof value === "string") {
        parts.push(encoder.encode(`${head}\r\n\r\n${toCrlf(value)}\r\n`));
      } else {
        const type = value.type || "application/octet-stream";
        parts.push(encoder.encode(`${head}; filename="${escapeQuoted(value.name)}"\r\nContent-Type: ${type}\r\n\r\n`),
          internal.blob.bytesOf(value), encoder.encode("\r\n"));
      }
    }
    parts.push(encoder.encode(`--${boundary}--`));
    return { bytes: concat(parts), type: `multipart/form-data; boundary=${boundary}` };
  }

  function concat(chunks) {
    if (chunks.length === 1) return chunks[0];
    let size = 0;
    for (const c of chunks) size += c.byteLength;
    const out = new Uint8Array(size);
    let at = 0;
    for (const c of chunks) {
      out.set(c, at);
      at += c.byteLength;
    }
    return out;
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
    if (isKind(object, "FormData")) {
      const { bytes, type } = encodeMultipart(object);
      return { body: newBody(bytes), type };
    }
    if (object instanceof internal.url.URLSearchParams) {
      return { body: newBody(object.toString()), type: "application/x-www-form-urlencoded;charset=UTF-8" };
    }
    if (isStream(object)) {
      if (object.locked || slotOf(object).disturbed) throw new TypeError("ReadableStream is locked or disturbed");
      return { body: newBody(object), type: null };
    }
    return { body: newBody(internal.webidl.domString(object)), type: "text/plain;charset=UTF-8" };
  }

  // ---- state --------------------------------------------------------------------------------------

  function sourceStream(source) {
    if (isBlob(source)) return source.stream();
    const bytes = typeof source === "string" ? encoder.encode(source) : source.slice();
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
    return body.used || (body.stream !== null && slotOf(body.stream).disturbed);
  }

  function unusable(body) {
    return used(body) || (body.stream !== null && body.stream.locked);
  }

  // ---- consuming ----------------------------------------------------------------------------------

  async function readAll(stream) {
    const reader = stream.getReader();
    const chunks = [];
    for (;;) {
      const { value, done } = await reader.read();
      if (done) break;
      if (!(value instanceof Uint8Array)) {
        throw new TypeError("Cannot convert value to Uint8Array while consuming the stream");
      }
      chunks.push(value);
    }
    return chunks.length === 0 ? new Uint8Array(0) : concat(chunks);
  }

  /**
   * Consumes the body: its string (when `wantText` and the body is one) or its bytes. A body never
   * exposed as a stream is read without making one.
   */
  async function consume(body, wantText) {
    if (body === null) return wantText ? "" : new Uint8Array(0);
    if (unusable(body)) throw new TypeError("Body already consumed");
    body.used = true;
    const source = body.source;
    if (body.stream === null || body.stream === source) {
      if (typeof source === "string") return wantText ? source : encoder.encode(source);
      if (source instanceof Uint8Array) return source;
      if (isBlob(source)) return internal.blob.bytesOf(source);
    }
    return await readAll(streamOf(body));
  }

  const asText = (value) => (typeof value === "string" ? value : decoder.decode(value));

  // ---- MIME types (https://mimesniff.spec.whatwg.org/#parsing-a-mime-type) -------------------------

  const TOKEN = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;
  const QUOTED_STRING_POINTS = /^[\t\x20-\x7e\x80-\xff]+$/;
  const isHttpWhitespace = (c) => c === "\t" || c === "\n" || c === "\r" || c === " ";
  const trimHttp = (s) => s.replace(/^[\t\n\r ]+|[\t\n\r ]+$/g, "");
  const trimHttpEnd = (s) => s.replace(/[\t\n\r ]+$/, "");

  /** Collects an HTTP quoted string starting at `at` (a '"'): [value, position after it]. */
  function quotedString(s, at) {
    let value = "";
    at++;
    for (;;) {
      while (at < s.length && s[at] !== '"' && s[at] !== "\\") value += s[at++];
      if (at >= s.length) break;
      const c = s[at++];
      if (c === "\\") {
        if (at >= s.length) {
          value += "\\";
          break;
        }
        value += s[at++];
      } else {
        break;
      }
    }
    return [value, at];
  }

  /** {type, subtype, parameters: Map} or null. */
  function parseMimeType(input) {
    const s = trimHttp(input);
    const slash = s.indexOf("/");
    if (slash < 0) return null;
    const type = s.slice(0, slash);
    let at = s.indexOf(";", slash);
    if (at < 0) at = s.length;
    const subtype = trimHttpEnd(s.slice(slash + 1, at));
    if (!TOKEN.test(type) || !TOKEN.test(subtype)) return null;
    const mime = { type: type.toLowerCase(), subtype: subtype.toLowerCase(), parameters: new Map() };
    while (at < s.length) {
      at++;
      while (at < s.length && isHttpWhitespace(s[at])) at++;
      let end = at;
      while (end < s.length && s[end] !== ";" && s[end] !== "=") end++;
      const name = s.slice(at, end).toLowerCase();
      at = end;
      if (at < s.length) {
        if (s[at] === ";") continue;
        at++;
      }
      if (at >= s.length) break;
      let value;
      if (s[at] === '"') {
        [value, at] = quotedString(s, at);
        while (at < s.length && s[at] !== ";") at++;
      } else {
        end = s.indexOf(";", at);
        if (end < 0) end = s.length;
        value = trimHttpEnd(s.slice(at, end));
        at = end;
        if (value === "") continue;
      }
      if (name !== "" && TOKEN.test(name) && QUOTED_STRING_POINTS.test(value) && !mime.parameters.has(name)) {
        mime.parameters.set(name, value);
      }
    }
    return mime;
  }

  function serializeMimeType(mime) {
    let out = `${mime.type}/${mime.subtype}`;
    for (const [name, value] of mime.parameters) {
      out += `;${name}=`;
      out += TOKEN.test(value) ? value : `"${value.replace(/(["\\])/g, "\\$1")}"`;
    }
    return out;
  }

  /** Splits a header value at commas outside quoted strings (the spec's "get, decode, and split"). */
  function splitHeaderValue(value) {
    const values = [];
    let at = 0;
    let current = "";
    while (at <= value.length) {
      while (at < value.length && value[at] !== '"' && value[at] !== ",") current += value[at++];
      if (at < value.length && value[at] === '"') {
        const [, next] = quotedString(value, at);
        current += value.slice(at, next);
        at = next;
        if (at < value.length) continue;
      }
      values.push(current.replace(/^[\t ]+|[\t ]+$/g, ""));
      current = "";
      at++;
    }
    return values;
  }

  /** The spec's "extract a MIME type" from a header list; null when there is none. */
  function extractMimeType(headers) {
    const header = internal.headers.get(headers, "content-type");
    if (header === null) return null;
    let charset = null;
    let essence = null;
    let mime = null;
    for (const value of splitHeaderValue(header)) {
      const parsed = parseMimeType(value);
      if (parsed === null || (parsed.type === "*" && parsed.subtype === "*")) continue;
      mime = parsed;
      const parsedEssence = `${parsed.type}/${parsed.subtype}`;
      if (parsedEssence !== essence) {
        charset = parsed.parameters.get("charset") ?? null;
        essence = parsedEssence;
      } else if (!parsed.parameters.has("charset") && charset !== null) {
        parsed.parameters.set("charset", charset);
      }
    }
    return mime;
  }

  // ---- form data in ---------------------------------------------------------------------------------

  const utf8FromLatin1 = (s) => decoder.decode(Uint8Array.from(s, (c) => c.charCodeAt(0)));

  /** Content-Disposition parameters as Deno reads them: split at ";" and "=", outer quotes removed. */
  function dispositionParameters(value) {
    const params = new Map();
    for (const item of value.split(";").slice(1)) {
      const parts = item.trim().split("=");
      if (parts.length > 1) params.set(parts[0], parts[1].replace(/^"([^"]*)"$/, "$1"));
    }
    return params;
  }

  function partHeaders(text) {
    const headers = new internal.headers.Headers();
    for (const line of text.split("\r\n")) {
      const colon = line.indexOf(":");
      if (colon >= 0) headers.set(line.slice(0, colon), line.slice(colon + 1));
    }
    return headers;
  }

  const CR = 13;
  const LF = 10;

  /**
   * multipart/form-data parsed as Deno's parser does: a part runs from the blank line after its
   * headers to the next delimiter, parts without a name are skipped, and a part that never reaches
   * a delimiter is dropped.
   */
  function parseMultipart(bytes, boundaryParam) {
    if (!boundaryParam) {
      throw new TypeError("Cannot construct MultipartParser: multipart/form-data must provide a boundary");
    }
    const boundary = encoder.encode(`--${boundaryParam}`);
    if (bytes.length < boundary.length * 2 + 4) {
      const text = decoder.decode(bytes);
      const last = `--${boundaryParam}--`;
      if (text === last || text === `${last}\r\n`) return new internal.formData.FormData();
      throw new TypeError("Unable to parse body as form data");
    }
    const form = new internal.formData.FormData();
    const BEFORE_PART = 0, HEADERS = 1, CONTENT = 2, AFTER_DELIMITER = 3;
    let state = BEFORE_PART;
    let headerText = "";
    let matched = 0;
    let contentStart = 0;
    for (let i = 0; i < bytes.length; i++) {
      const byte = bytes[i];
      const newLine = byte === LF && bytes[i - 1] === CR;
      if (state === HEADERS) headerText += String.fromCharCode(byte);
      if (state === BEFORE_PART) {
        if (newLine) state = HEADERS;
      } else if (state === HEADERS) {
        if (newLine && bytes[i + 1] === CR && bytes[i + 2] === LF) {
          state = CONTENT;
          contentStart = i + 3;
        }
      } else if (state === CONTENT) {
        matched = boundary[matched] === byte ? matched + 1 : 0;
        if (matched >= boundary.length) {
          const headers = partHeaders(headerText);
          const disposition = dispositionParameters(headers.get("content-disposition") ?? "");
          const content = bytes.subarray(contentStart, i - matched - 1);
          state = AFTER_DELIMITER;
          matched = 0;
          headerText = "";
          const name = disposition.get("name");
          if (!name) continue;
          const filename = disposition.get("filename");
          if (filename) {
            const type = headers.get("content-type") || "application/octet-stream";
            form.append(utf8FromLatin1(name), new internal.blob.Blob([content], { type }), utf8FromLatin1(filename));
          } else {
            form.append(utf8FromLatin1(name), decoder.decode(content));
          }
        }
      } else if (newLine) {
        state = HEADERS;
      }
    }
    return form;
  }

  function formDataOf(value, mime) {
    if (mime === null) throw new TypeError("Missing content type");
    const essence = `${mime.type}/${mime.subtype}`;
    if (essence === "multipart/form-data") {
      return parseMultipart(typeof value === "string" ? encoder.encode(value) : value, mime.parameters.get("boundary"));
    }
    if (essence === "application/x-www-form-urlencoded") {
      const form = new internal.formData.FormData();
      for (const [k, v] of new internal.url.URLSearchParams(asText(value))) form.append(k, v);
      return form;
    }
    throw new TypeError("Body can not be decoded as form data");
  }

  // ---- clone and the mixin --------------------------------------------------------------------------

  /** A copy for clone(): a body never streamed shares its source; a streamed one is tee'd. */
  function cloneBody(body) {
    if (body === null) return null;
    if (body.stream === null) return newBody(body.source);
    const [a, b] = body.stream.tee();
    body.stream = a;
    body.source = a;
    return newBody(b);
  }

  /** The body handed on to a Request made from another: the old one reads as used from then on. */
  function transferBody(body) {
    const moved = body.stream === null ? newBody(body.source) : newBody(body.stream);
    body.used = true;
    return moved;
  }

  function bytesResult(value) {
    return typeof value === "string" ? encoder.encode(value) : value;
  }

  /**
   * Installs the mixin on a class; `recordOf(o)` returns the instance's record, which keeps `body`
   * (a body record or null) and `headerList` (a header list record).
   */
  function install(cls, recordOf) {
    const members = {
      get body() {
        const r = recordOf(this);
        return r.body === null ? null : streamOf(r.body);
      },
      get bodyUsed() {
        return used(recordOf(this).body);
      },
      async arrayBuffer() {
        const bytes = bytesResult(await consume(recordOf(this).body, false));
        return bytes.byteLength === bytes.buffer.byteLength ? bytes.buffer : bytes.slice().buffer;
      },
      async blob() {
        const r = recordOf(this);
        const bytes = await consume(r.body, false);
        const mime = extractMimeType(r.headerList);
        return new internal.blob.Blob([bytes], { type: mime === null ? "" : serializeMimeType(mime) });
      },
      async bytes() {
        const bytes = bytesResult(await consume(recordOf(this).body, false));
        return bytes.byteLength === bytes.buffer.byteLength ? bytes : bytes.slice();
      },
      async formData() {
        const r = recordOf(this);
        const value = await consume(r.body, false);
        return formDataOf(value, extractMimeType(r.headerList));
      },
      async json() {
        return JSON.parse(asText(await consume(recordOf(this).body, true)));
      },
      async text() {
        return asText(await consume(recordOf(this).body, true));
      },
      textStream() {
        const body = recordOf(this).body;
        if (body === null) return new internal.webApis.ReadableStream({ start: (c) => c.close() });
        if (unusable(body)) throw new TypeError("Body already consumed.");
        const stream = streamOf(body).pipeThrough(new internal.webApis.TextDecoderStream());
        body.used = true;
        return stream;
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

  internal.body = {
    extractBody, newBody, cloneBody, transferBody, install, takeForWire, unusable, parseMimeType, serializeMimeType,
    concat,
  };
})
