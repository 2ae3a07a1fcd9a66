// Response (https://fetch.spec.whatwg.org/#response-class), with the checks and wording of Deno's.
(function (binding, internal) {
  "use strict";
  const { attach, unwrap, defineInspect } = internal.webSlot;
  const make = (cls, record) => internal.webSlot.make(cls, record).obj;
  const { fromPairs, fill } = internal.headers;
  const { extractBody, newBody, cloneBody, install, takeForWire, unusable } = internal.body;

  const NULL_BODY_STATUSES = new Set([101, 103, 204, 205, 304]);
  const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);
  const REASON_PHRASE = /^[\t\x20-\x7e\x80-\xff]*$/;

  function response(o) {
    return unwrap(o, "Response");
  }

  function record(type, status, statusText, headers, body) {
    return { kind: "Response", type, status, statusText, headers, body, url: "", redirected: false };
  }

  /** The spec's "initialize a response": status, statusText, headers, then the body and its type. */
  function initialize(r, init, extracted) {
    const status = init.status === undefined ? 200 : Number(init.status);
    if ((status < 200 && status !== 101) || status > 599 || !Number.isInteger(status)) {
      throw new RangeError(`The status provided (${init.status}) is not equal to 101 and outside the range [200, 599]`);
    }
    const statusText = init.statusText === undefined ? "" : String(init.statusText);
    if (!REASON_PHRASE.test(statusText)) throw new TypeError(`Invalid status text: "${statusText}"`);
    r.status = status;
    r.statusText = statusText;
    if (init.headers !== undefined) fill(r.headers, init.headers);
    if (extracted !== null) {
      if (NULL_BODY_STATUSES.has(status)) throw new TypeError("Response with null body status cannot have body");
      r.body = extracted.body;
      if (extracted.type !== null) internal.headers.appendIfMissing(r.headers, "content-type", extracted.type);
    }
  }

  class Response {
    constructor(body = null, init = undefined) {
      init ??= {};
      const r = attach(this, record("default", 200, "", internal.headers.create("response"), null));
      initialize(r, init, body === null || body === undefined ? null : extractBody(body));
    }

    static error() {
      return make(Response, record("error", 0, "", internal.headers.create("immutable"), null));
    }

    static redirect(url, status = 302) {
      let href;
      try {
        href = new internal.url.URL(String(url)).href;
      } catch {
        throw new TypeError(`Invalid URL: '${url}'`);
      }
      status = Number(status);
      if (!REDIRECT_STATUSES.has(status)) throw new RangeError(`Invalid redirect status code: ${status}`);
      return make(Response, record("default", status, "", fromPairs(["location", href], "immutable"), null));
    }

    static json(data = undefined, init = undefined) {
      const text = JSON.stringify(data);
      if (text === undefined) throw new TypeError("The data is not JSON serializable");
      const r = record("default", 200, "", internal.headers.create("response"), null);
      const res = make(Response, r);
      initialize(r, init ?? {}, { body: newBody(text), type: "application/json" });
      return res;
    }

    get type() {
      return response(this).type;
    }

    get url() {
      return response(this).url;
    }

    get redirected() {
      return response(this).redirected;
    }

    get status() {
      return response(this).status;
    }

    get ok() {
      const { status } = response(this);
      return status >= 200 && status <= 299;
    }

    get statusText() {
      return response(this).statusText;
    }

    get headers() {
      return response(this).headers;
    }

    clone() {
      const r = response(this);
      if (r.body !== null && unusable(r.body)) throw new TypeError("Body is unusable");
      const copy = record(r.type, r.status, r.statusText,
        fromPairs(internal.headers.toPairs(r.headers), r.type === "error" ? "immutable" : "response"),
        cloneBody(r.body));
      copy.url = r.url;
      copy.redirected = r.redirected;
      return make(Response, copy);
    }
  }
  install(Response, response);
  Object.defineProperty(Response.prototype, Symbol.toStringTag, { value: "Response", configurable: true });
  defineInspect(Response, (o) => ({
    body: o.body,
    bodyUsed: o.bodyUsed,
    headers: o.headers,
    ok: o.ok,
    redirected: o.redirected,
    status: o.status,
    statusText: o.statusText,
    url: o.url,
  }));

  /** What Deno.serve sends: the body whole (string or bytes) when it can be, else its stream. */
  function responseParts(res) {
    const r = response(res);
    return {
      status: r.status,
      statusText: r.statusText,
      headerPairs: internal.headers.toPairs(r.headers),
      body: takeForWire(r.body),
    };
  }

  /** A response fetch received; its headers are immutable, as the spec's guard "immutable" says. */
  function newResponse(status, statusText, headerPairs, bodyStream, url, redirected) {
    const r = record("basic", status, statusText, fromPairs(headerPairs, "immutable"),
      bodyStream === null ? null : newBody(bodyStream));
    r.url = url;
    r.redirected = redirected;
    return make(Response, r);
  }

  internal.fetch = Object.assign(internal.fetch ?? {}, { responseParts, newResponse });
  internal.webApis = Object.assign(internal.webApis ?? {}, { Response });
})
