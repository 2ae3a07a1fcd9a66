// Response (https://fetch.spec.whatwg.org/#response-class), with the checks and wording of Deno's.
// Like a request, a response keeps a header list record and makes its Headers object on first use, so
// a handler's `new Response("hi")` goes out without one.
(function (binding, internal) {
  "use strict";
  const { webidl } = internal;
  const { attach, unwrap, defineInspect } = internal.webSlot;
  const make = (cls, record) => internal.webSlot.make(cls, record).obj;
  const headers = internal.headers;
  const { extractBody, newBody, cloneBody, install, takeForWire, unusable } = internal.body;

  const PREFIX = "Failed to construct 'Response'";
  const NULL_BODY_STATUSES = new Set([101, 103, 204, 205, 304]);
  const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);
  const REASON_PHRASE = /^[\t\x20-\x7e\x80-\xff]*$/;

  const response = (o) => unwrap(o, "Response");

  function record(type, status, statusText, headerList, body) {
    return { kind: "Response", type, status, statusText, headerList, body, url: "", redirected: false };
  }

  /** ResponseInit's members in WebIDL's (alphabetical) order, converted. */
  function convertInit(init, prefix) {
    init = webidl.dictionary(init, prefix, "Argument 2");
    const out = { headers: undefined, status: 200, statusText: "" };
    if (init.headers !== undefined) {
      out.headers = headers.newRecord("response");
      headers.fill(out.headers, init.headers, prefix, "Argument 2");
    }
    if (init.status !== undefined) out.status = webidl.unsignedShort(init.status);
    if (init.statusText !== undefined) out.statusText = webidl.byteString(init.statusText);
    return out;
  }

  /** The spec's "initialize a response"; `extracted` is {body, type} or null. */
  function initialize(r, init, extracted) {
    const { status, statusText } = init;
    if ((status < 200 && status !== 101) || status > 599) {
      throw new RangeError(`The status provided (${status}) is not equal to 101 and outside the range [200, 599]`);
    }
    if (!REASON_PHRASE.test(statusText)) throw new TypeError(`Invalid status text: "${statusText}"`);
    r.status = status;
    r.statusText = statusText;
    if (init.headers !== undefined) r.headerList = init.headers;
    if (extracted !== null) {
      if (NULL_BODY_STATUSES.has(status)) throw new TypeError("Response with null body status cannot have body");
      r.body = extracted.body;
      if (extracted.type !== null) headers.appendIfMissing(r.headerList, "content-type", extracted.type);
    }
  }

  class Response {
    constructor(body = null, init = undefined) {
      const extracted = body === null ? null : extractBody(body);
      const r = attach(this, record("default", 200, "", headers.newRecord("response"), null));
      initialize(r, convertInit(init, PREFIX), extracted);
    }

    static error() {
      return make(Response, record("error", 0, "", headers.newRecord("immutable"), null));
    }

    static redirect(url, status = 302) {
      const href = new internal.url.URL(webidl.domString(url).toWellFormed()).href;
      status = webidl.unsignedShort(status);
      if (!REDIRECT_STATUSES.has(status)) throw new RangeError(`Invalid redirect status code: ${status}`);
      return make(Response, record("default", status, "", headers.newRecord("immutable", ["location", href]), null));
    }

    static json(data = undefined, init = undefined) {
      const converted = convertInit(init, "Failed to execute 'Response.json'");
      const text = JSON.stringify(data);
      if (text === undefined) throw new TypeError("Value is not JSON serializable");
      const r = record("default", 200, "", headers.newRecord("response"), null);
      const res = make(Response, r);
      initialize(r, converted, { body: newBody(text), type: "application/json" });
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
      return headers.objectOf(response(this).headerList);
    }

    clone() {
      const r = response(this);
      if (r.body !== null && unusable(r.body)) throw new TypeError("Body is unusable");
      const copy = record(r.type, r.status, r.statusText, headers.copy(r.headerList), cloneBody(r.body));
      copy.url = r.url;
      copy.redirected = r.redirected;
      return make(Response, copy);
    }
  }
  install(Response, response);
  webidl.configureInterface(Response);
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

  /**
   * What Deno.serve sends: the body whole (a string or bytes) when it can be, else its stream; the
   * body is marked used. `headerPairs` is a fresh flat [name, value, ...] list.
   */
  function responseParts(res) {
    const r = response(res);
    return {
      status: r.status,
      statusText: r.statusText,
      headerPairs: r.headerList.list.slice(),
      body: takeForWire(r.body),
    };
  }

  /**
   * A response fetch received: `headerPairs` (flat, lowercase names) is taken over and immutable, as
   * the spec's guard says; `body` is null or a ReadableStream. The URL is shown without its fragment.
   */
  function newResponse(status, statusText, headerPairs, body, url, redirected) {
    const r = record("basic", status, statusText, headers.newRecord("immutable", headerPairs),
      body === null ? null : newBody(body));
    const hash = url.indexOf("#");
    r.url = hash < 0 ? url : url.slice(0, hash);
    r.redirected = redirected;
    return make(Response, r);
  }

  internal.fetch = Object.assign(internal.fetch ?? {}, { responseParts, newResponse });
  internal.webApis = Object.assign(internal.webApis ?? {}, { Response });
})
