// fetch(): glue over the op_fetch_* ops (FetchBinding.java). Request and Response come from the
// fetch classes (internal.fetch); the host sends one request per op and never follows redirects,
// which happen here with the modes and limits of the Fetch standard, worded as Deno words them.
(function (binding, internal) {
  "use strict";
  const ops = internal.ops;
  const opAsync = internal.opAsync;

  const MAX_REDIRECTS = 20;
  const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);
  const NULL_BODY_STATUSES = new Set([101, 103, 204, 205, 304]);
  // The Fetch standard's "bad ports", which Deno refuses too.
  const BAD_PORTS = new Set([
    1, 7, 9, 11, 13, 15, 17, 19, 20, 21, 22, 23, 25, 37, 42, 43, 53, 69, 77, 79, 87, 95, 101, 102, 103,
    104, 109, 110, 111, 113, 115, 117, 119, 123, 135, 137, 139, 143, 161, 179, 389, 427, 465, 512, 513,
    514, 515, 526, 530, 531, 532, 540, 548, 554, 556, 563, 587, 601, 636, 989, 990, 993, 995, 1719, 1720,
    1723, 2049, 3659, 4045, 4190, 5060, 5061, 6000, 6566, 6665, 6666, 6667, 6668, 6669, 6679, 6697,
    10080,
  ]);

  // A response body nobody reads to the end still holds a connection: release it when the stream
  // is collected, as Deno does.
  const unread = new FinalizationRegistry((rid) => ops.op_fetch_close(rid));

  /** The response body: whole bytes as a one-chunk stream, or chunks read from the exchange. */
  function bodyOf(rid, bytes, streamed, status) {
    if (!streamed) {
      ops.op_fetch_close(rid);
      if (NULL_BODY_STATUSES.has(status)) return null;
      const chunk = bytes === null ? null : new Uint8Array(bytes);
      return new internal.webApis.ReadableStream({
        start(controller) {
          if (chunk !== null && chunk.byteLength > 0) controller.enqueue(chunk);
          controller.close();
        },
      });
    }
    if (NULL_BODY_STATUSES.has(status)) {
      ops.op_fetch_close(rid);
      return null;
    }
    const token = {};
    const stream = new internal.webApis.ReadableStream({
      async pull(controller) {
        const chunk = await opAsync("op_fetch_read", rid);
        if (chunk === null) {
          unread.unregister(token);
          ops.op_fetch_close(rid);
          controller.close();
        } else {
          controller.enqueue(new Uint8Array(chunk));
        }
      },
      cancel() {
        unread.unregister(token);
        ops.op_fetch_close(rid);
      },
    });
    unread.register(stream, rid, token);
    return stream;
  }

  /** Writes a streamed request body chunk by chunk, each once the connection took the one before. */
  async function pump(rid, stream) {
    const reader = stream.getReader();
    try {
      for (;;) {
        const { value, done } = await reader.read();
        if (done) break;
        await opAsync("op_fetch_write", rid, value);
      }
      ops.op_fetch_end(rid, true);
    } catch (error) {
      ops.op_fetch_end(rid, false);
    }
  }

  function withDefaults(headerPairs) {
    const present = new Set();
    for (let i = 0; i < headerPairs.length; i += 2) present.add(headerPairs[i]);
    const pairs = headerPairs.slice();
    const add = (name, value) => present.has(name) || pairs.push(name, value);
    add("accept", "*/*");
    add("accept-encoding", "gzip,br");
    add("accept-language", "*");
    add("user-agent", `Deno/${internal.denoVersion}`);
    return pairs;
  }

  /** A redirect that turns the request into a GET drops its body and the headers describing it. */
  function withoutContentHeaders(headerPairs) {
    const pairs = [];
    for (let i = 0; i < headerPairs.length; i += 2) {
      if (!headerPairs[i].startsWith("content-")) pairs.push(headerPairs[i], headerPairs[i + 1]);
    }
    return pairs;
  }

  // Scheme and explicit port of a serialized URL (Request.url is one): no second parse per fetch.
  const SCHEME_AND_PORT = /^([a-z][a-z0-9+.-]*):(?:\/\/(?:[^@\/?#]*@)?(?:\[[^\]]*\]|[^:\/?#]*)(?::(\d+))?)?/;

  function checkUrl(href) {
    const [, scheme, port] = SCHEME_AND_PORT.exec(href) ?? [, "", undefined];
    if (scheme !== "http" && scheme !== "https") {
      throw new TypeError(`Url scheme '${scheme}' not supported`);
    }
    if (port !== undefined && BAD_PORTS.has(Number(port))) {
      throw new TypeError(`Fetch failed: Requests to port ${port} are blocked`);
    }
  }

  /** One request on the wire, as resource `rid`: [status, statusText, headerPairs, bytes, streamed]. */
  function send(rid, method, url, headerPairs, body) {
    if (body instanceof internal.webApis.ReadableStream) {
      const sent = opAsync("op_fetch", rid, method, url, headerPairs, null, true);
      pump(rid, body);
      return sent;
    }
    return opAsync("op_fetch", rid, method, url, headerPairs, body, false);
  }

  /** Rejects with the signal's reason on abort, and then drops the exchange. */
  function abortable(promise, signal, rid) {
    if (!signal) return promise;
    return new Promise((resolve, reject) => {
      const onAbort = () => {
        ops.op_fetch_close(rid);
        reject(signal.reason);
      };
      signal.addEventListener("abort", onAbort, { once: true });
      promise.then((value) => {
        signal.removeEventListener("abort", onAbort);
        resolve(value);
      }, (error) => {
        signal.removeEventListener("abort", onAbort);
        reject(error);
      });
    });
  }

  const BASE64_SYMBOL = /[A-Za-z0-9+/]/;

  /**
   * The bytes of a data: URL's base64 body (the fetch spec's forgiving-base64 decode); failures are
   * worded as Deno's data-url crate words them.
   */
  function forgivingBase64(text) {
    const clean = text.replace(/[\t\n\f\r ]/g, "");
    let symbols = 0;
    let padding = 0;
    for (let i = 0; i < clean.length; i++) {
      const c = clean[i];
      if (c === "=") {
        padding++;
      } else if (BASE64_SYMBOL.test(c)) {
        if (padding > 0) throw new TypeError("InvalidBase64(AlphabetSymbolAfterPadding)");
        symbols++;
      } else {
        throw new TypeError(`InvalidBase64(UnexpectedSymbol(${clean.charCodeAt(i) & 0xff}))`);
      }
    }
    if (symbols % 4 === 1) throw new TypeError("InvalidBase64(LoneAlphabetSymbol)");
    if (padding > 0 && (padding > 2 || (symbols + padding) % 4 !== 0)) throw new TypeError("InvalidBase64(Padding)");
    const binary = internal.encoding.atob(clean.slice(0, symbols));
    return Uint8Array.from(binary, (ch) => ch.charCodeAt(0));
  }

  /** fetch of a data: URL (the fetch spec's data: URL processor), answered without a network. */
  function dataUrlResponse(href) {
    const hash = href.indexOf("#");
    const input = href.slice(5, hash < 0 ? href.length : hash);
    const comma = input.indexOf(",");
    if (comma < 0) throw new TypeError("NoComma");
    let mimeType = input.slice(0, comma).replace(/^[\t\n\f\r ]+|[\t\n\f\r ]+$/g, "");
    // Percent-decoded, one character per byte (the URL parser left only ASCII outside escapes).
    const decoded = input.slice(comma + 1)
      .replace(/%([0-9A-Fa-f]{2})/g, (_, hex) => String.fromCharCode(parseInt(hex, 16)));
    const base64 = /;[\t\n\f\r ]*base64[\t\n\f\r ]*$/i.exec(mimeType);
    let bytes;
    if (base64 !== null) {
      mimeType = mimeType.slice(0, base64.index);
      bytes = forgivingBase64(decoded);
    } else {
      bytes = Uint8Array.from(decoded, (ch) => ch.charCodeAt(0));
    }
    if (mimeType.startsWith(";")) mimeType = `text/plain${mimeType}`;
    const mime = internal.body.parseMimeType(mimeType);
    const contentType = mime === null ? "text/plain;charset=US-ASCII" : internal.body.serializeMimeType(mime);
    const body = new internal.webApis.ReadableStream({
      start(controller) {
        if (bytes.byteLength > 0) controller.enqueue(bytes);
        controller.close();
      },
    });
    return internal.fetch.newResponse(200, "OK", ["content-type", contentType], body, href, false);
  }

  /**
   * fetch of a file: URL, as Deno: GET only, the read permission of Deno.readFile, a 200 without
   * headers, and Deno's "Error fetching file" TypeError for a file that cannot be read.
   */
  async function fileUrlResponse(href, method) {
    if (method !== "GET") throw new TypeError(`Fetching files only supports the GET method: received ${method}`);
    let bytes;
    let bodyError = null;
    try {
      bytes = await internal.fs.readFile(new internal.url.URL(href));
    } catch (error) {
      if (error?.name === "NotCapable") throw error;
      // The fs error without its op suffix (": readfile '/path'").
      const message = String(error?.message ?? error).replace(/: readfile '.*'$/s, "");
      // A directory opens, as in Deno; reading its body is what fails.
      if (error?.name !== "IsADirectory") throw new TypeError(`Error fetching file '${href}': ${message}`);
      bodyError = new TypeError(message);
    }
    const body = new internal.webApis.ReadableStream({
      start(controller) {
        if (bodyError !== null) {
          controller.error(bodyError);
          return;
        }
        if (bytes.byteLength > 0) controller.enqueue(bytes);
        controller.close();
      },
    });
    return internal.fetch.newResponse(200, "OK", [], body, href, false);
  }

  /** fetch of a blob: URL made by URL.createObjectURL in this isolate. */
  function blobUrlResponse(href, method) {
    if (method !== "GET") throw new TypeError("Blob URL fetch only supports GET method");
    const blob = internal.url.blobOf(href);
    if (blob === undefined) throw new TypeError("Blob for the given URL not found.");
    const headerPairs = ["content-length", String(blob.size), "content-type", blob.type];
    return internal.fetch.newResponse(200, "OK", headerPairs, blob.stream(), href, false);
  }

  async function fetch(input, init = undefined) {
    internal.webidl.requiredArguments(arguments.length, 1, "Failed to execute 'fetch'");
    const request = new internal.webApis.Request(input, init);
    let { method, url, headerPairs, body, redirect, signal } = internal.fetch.requestParts(request);
    if (signal?.aborted) throw signal.reason;
    if (url.startsWith("data:")) return dataUrlResponse(url);
    if (url.startsWith("blob:")) return blobUrlResponse(url, method);
    if (url.startsWith("file:")) return fileUrlResponse(url, method);
    headerPairs = withDefaults(headerPairs);
    let current = url;
    for (let redirects = 0; ; redirects++) {
      checkUrl(current);
      const rid = ops.op_fetch_rid();
      let reply;
      try {
        reply = await abortable(send(rid, method, current, headerPairs, body), signal, rid);
      } catch (error) {
        if (signal?.aborted && error === signal.reason) throw error;
        if (error instanceof Error && error.constructor === Error) {
          const inFetch = "async fetch (ext:deno_fetch/26_fetch.js:2:7360)";
          internal.restack(error, ["mainFetch (ext:deno_fetch/26_fetch.js:2:3477)", inFetch]);
          throw internal.restack(new TypeError("fetch failed", { cause: error }),
            ["mainFetch (ext:deno_fetch/26_fetch.js:2:3449)", inFetch]);
        }
        throw error;
      }
      const [status, statusText, pairs, bytes, streamed] = reply;
      const location = REDIRECT_STATUSES.has(status) ? locationOf(pairs) : null;
      if (location === null || redirect === "manual") {
        return internal.fetch.newResponse(status, statusText, Array.from(pairs),
          bodyOf(rid, bytes, streamed, status), current, redirects > 0);
      }
      ops.op_fetch_close(rid);
      if (redirect === "error") {
        throw new TypeError("Fetch failed: Encountered redirect while redirect mode is set to 'error'");
      }
      if (redirects === MAX_REDIRECTS) {
        throw new TypeError(`Fetch failed: Maximum number of redirects (${MAX_REDIRECTS}) reached`);
      }
      if ((status === 303 && method !== "GET" && method !== "HEAD") ||
          ((status === 301 || status === 302) && method === "POST")) {
        method = "GET";
        body = null;
        headerPairs = withoutContentHeaders(headerPairs);
      } else if (body instanceof internal.webApis.ReadableStream) {
        throw new TypeError("Fetch failed: Cannot follow redirect with a streamed request body");
      }
      current = new internal.url.URL(location, current).href;
    }
  }

  function locationOf(pairs) {
    for (let i = 0; i < pairs.length; i += 2) {
      if (pairs[i] === "location") return pairs[i + 1];
    }
    return null;
  }

  internal.fetchApi = { fetch };
  internal.webApis.fetch = fetch;
})
