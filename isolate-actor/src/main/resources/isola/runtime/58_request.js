// Request (https://fetch.spec.whatwg.org/#request-class), with the checks and wording of Deno's.
(function (binding, internal) {
  "use strict";
  const { attach, unwrap, defineInspect, of: slotOf } = internal.webSlot;
  const make = (cls, record) => internal.webSlot.make(cls, record).obj;
  const { Headers, fromPairs, fill } = internal.headers;
  const { extractBody, newBody, cloneBody, install, takeForWire, unusable } = internal.body;

  const TOKEN = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;
  const NORMALIZED = new Set(["DELETE", "GET", "HEAD", "OPTIONS", "POST", "PUT"]);
  const FORBIDDEN = new Set(["CONNECT", "TRACE", "TRACK"]);
  const REDIRECTS = new Set(["follow", "error", "manual"]);

  function request(o) {
    return unwrap(o, "Request");
  }

  function validMethod(m) {
    m = String(m);
    if (!TOKEN.test(m)) throw new TypeError("Method is not valid");
    const upper = m.toUpperCase();
    if (FORBIDDEN.has(upper)) throw new TypeError("Method is forbidden");
    return NORMALIZED.has(upper) ? upper : m;
  }

  function parseUrl(input) {
    const text = String(input);
    try {
      return new internal.url.URL(text).href;
    } catch {
      throw new TypeError(`Invalid URL: '${text}'`);
    }
  }

  class Request {
    constructor(input, init = {}) {
      internal.webidl.requiredArguments(arguments.length, 1, "Failed to construct 'Request'");
      init ??= {};
      const source = slotOf(input);
      const from = source !== undefined && source.kind === "Request" ? source : null;
      const r = attach(this, {
        kind: "Request",
        method: from ? from.method : "GET",
        url: from ? from.url : parseUrl(input),
        headers: null,
        body: null,
        redirect: from ? from.redirect : "follow",
        signal: from ? from.signal : null,
      });
      if (init.method !== undefined) r.method = validMethod(init.method);
      if (init.redirect !== undefined) {
        const redirect = String(init.redirect);
        if (!REDIRECTS.has(redirect)) {
          throw new TypeError(`Failed to construct 'Request': The provided value '${redirect}' is not a valid enum value of type RequestRedirect`);
        }
        r.redirect = redirect;
      }
      if (init.signal !== undefined) r.signal = init.signal;
      r.headers = internal.headers.create("request");
      if (init.headers !== undefined) fill(r.headers, init.headers);
      else if (from) fill(r.headers, from.headers);

      const hasInitBody = init.body !== undefined && init.body !== null;
      if ((hasInitBody || (from && from.body !== null && init.body === undefined)) &&
          (r.method === "GET" || r.method === "HEAD")) {
        throw new TypeError("Request with GET/HEAD method cannot have body");
      }
      if (hasInitBody) {
        const { body, type } = extractBody(init.body);
        r.body = body;
        if (type !== null) internal.headers.appendIfMissing(r.headers, "content-type", type);
      } else if (from && from.body !== null && init.body === undefined) {
        if (unusable(from.body)) throw new TypeError("Input request's body is unusable");
        // The body moves to the new request; the old one can no longer be read.
        r.body = newBody(internal.body.streamOf(from.body));
        from.body.used = true;
      }
    }

    get method() {
      return request(this).method;
    }

    get url() {
      return request(this).url;
    }

    get headers() {
      return request(this).headers;
    }

    get redirect() {
      return request(this).redirect;
    }

    get signal() {
      const r = request(this);
      r.signal ??= new internal.abort.AbortController().signal;
      return r.signal;
    }

    get cache() {
      request(this);
      return "default";
    }

    get credentials() {
      request(this);
      return "same-origin";
    }

    get mode() {
      request(this);
      return "cors";
    }

    get referrer() {
      request(this);
      return "about:client";
    }

    get integrity() {
      request(this);
      return "";
    }

    get keepalive() {
      request(this);
      return false;
    }

    clone() {
      const r = request(this);
      if (r.body !== null && unusable(r.body)) throw new TypeError("Body is unusable");
      return make(Request, {
        kind: "Request",
        method: r.method,
        url: r.url,
        headers: fromPairs(internal.headers.toPairs(r.headers), "request"),
        body: cloneBody(r.body),
        redirect: r.redirect,
        signal: r.signal,
      });
    }
  }
  install(Request, request);
  Object.defineProperty(Request.prototype, Symbol.toStringTag, { value: "Request", configurable: true });
  defineInspect(Request, (o) => ({
    bodyUsed: o.bodyUsed,
    headers: o.headers,
    method: o.method,
    redirect: o.redirect,
    url: o.url,
  }));

  /** A request that arrived over HTTP: names already lowercase, nothing to validate. */
  function inboundRequest(method, url, headerPairs, bodyStream) {
    return make(Request, {
      kind: "Request",
      method,
      url,
      headers: fromPairs(headerPairs, "request"),
      body: bodyStream === null ? null : newBody(bodyStream),
      redirect: "follow",
      signal: null,
    });
  }

  /** What fetch sends; the body is taken (marked used). */
  function requestParts(req) {
    const r = request(req);
    return {
      method: r.method,
      url: r.url,
      headerPairs: internal.headers.toPairs(r.headers),
      body: takeForWire(r.body),
      redirect: r.redirect,
      signal: r.signal,
    };
  }

  internal.fetch = Object.assign(internal.fetch ?? {}, { inboundRequest, requestParts });
  internal.webApis = Object.assign(internal.webApis ?? {}, { Request });
})
