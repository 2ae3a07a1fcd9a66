// Request (https://fetch.spec.whatwg.org/#request-class), with the checks and wording of Deno's.
// A request's record keeps its header list and makes the Headers object and the AbortSignal only when
// the script asks for them: Deno.serve builds one Request per HTTP request and most handlers read
// neither.
(function (binding, internal) {
  "use strict";
  const { webidl } = internal;
  const { attach, unwrap, defineInspect, of: slotOf } = internal.webSlot;
  const make = (cls, record) => internal.webSlot.make(cls, record).obj;
  const headers = internal.headers;
  const { extractBody, newBody, cloneBody, transferBody, install, takeForWire, unusable } = internal.body;

  const PREFIX = "Failed to construct 'Request'";
  const INIT = "'RequestInit' (Argument 2)";
  const TOKEN = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;
  const NORMALIZED = new Set(["DELETE", "GET", "HEAD", "OPTIONS", "POST", "PUT"]);
  const FORBIDDEN = new Set(["CONNECT", "TRACE", "TRACK"]);
  const ENUMS = {
    cache: ["RequestCache", new Set(["default", "no-store", "reload", "no-cache", "force-cache", "only-if-cached"])],
    credentials: ["RequestCredentials", new Set(["omit", "same-origin", "include"])],
    mode: ["RequestMode", new Set(["navigate", "same-origin", "no-cors", "cors"])],
    priority: ["RequestPriority", new Set(["high", "low", "auto"])],
    redirect: ["RequestRedirect", new Set(["follow", "error", "manual"])],
    referrerPolicy: ["ReferrerPolicy", new Set(["", "no-referrer", "no-referrer-when-downgrade", "same-origin",
      "origin", "strict-origin", "origin-when-cross-origin", "strict-origin-when-cross-origin", "unsafe-url"])],
  };
  // What a request reports for the members Deno keeps but never acts on, until init sets them.
  const DEFAULT_OPTIONS = Object.freeze({
    cache: "default", credentials: "same-origin", mode: "cors", referrer: "about:client", referrerPolicy: "",
    integrity: "", keepalive: false,
  });

  const request = (o) => unwrap(o, "Request");

  function record(method, url, headerList, body, redirect, signalSource, options) {
    return { kind: "Request", method, url, headerList, body, redirect, signalSource, signal: null, options };
  }

  function validMethod(m) {
    if (!TOKEN.test(m)) throw new TypeError("Method is not valid");
    const upper = m.toUpperCase();
    if (FORBIDDEN.has(upper)) throw new TypeError("Method is forbidden");
    return NORMALIZED.has(upper) ? upper : m;
  }

  /** RequestInit's members, read and converted in WebIDL's (alphabetical) order; absent ones stay undefined. */
  function convertInit(init) {
    const out = {};
    const member = (name) => `'${name}' of ${INIT}`;
    out.body = init.body;
    for (const name of ["cache", "credentials"]) {
      if (init[name] !== undefined) out[name] = webidl.enumValue(init[name], ENUMS[name][1], ENUMS[name][0], PREFIX);
    }
    if (init.duplex !== undefined) webidl.domString(init.duplex);
    if (init.headers !== undefined) {
      out.headers = headers.newRecord("request");
      headers.fill(out.headers, init.headers, PREFIX, member("headers"));
    }
    if (init.integrity !== undefined) out.integrity = webidl.domString(init.integrity);
    if (init.keepalive !== undefined) out.keepalive = !!init.keepalive;
    if (init.method !== undefined) out.method = webidl.byteString(init.method, PREFIX, member("method"));
    for (const name of ["mode", "priority", "redirect"]) {
      if (init[name] !== undefined) out[name] = webidl.enumValue(init[name], ENUMS[name][1], ENUMS[name][0], PREFIX);
    }
    if (init.referrer !== undefined) out.referrer = webidl.domString(init.referrer);
    if (init.referrerPolicy !== undefined) {
      out.referrerPolicy = webidl.enumValue(init.referrerPolicy, ENUMS.referrerPolicy[1], ENUMS.referrerPolicy[0], PREFIX);
    }
    if (init.signal !== undefined && init.signal !== null && !internal.abort.isSignal(init.signal)) {
      throw new TypeError(`${PREFIX}: ${member("signal")} is not of type AbortSignal`);
    }
    out.signal = init.signal;
    return out;
  }

  function parseReferrer(referrer) {
    // "" is the spec's no-referrer, which reads back as "".
    if (referrer === "" || referrer === "about:client") return referrer;
    try {
      return new internal.url.URL(referrer).href;
    } catch (e) {
      throw new TypeError(`Referrer "${referrer}" is not a valid URL.`, { cause: e });
    }
  }

  /** The options a request carries beyond method, URL, headers, body, redirect and signal. */
  function optionsOf(base, init) {
    let options = base;
    for (const name of ["cache", "credentials", "mode", "referrerPolicy", "integrity", "keepalive"]) {
      if (init[name] === undefined) continue;
      if (options === base) options = { ...base };
      options[name] = init[name];
    }
    if (init.referrer !== undefined) {
      if (options === base) options = { ...base };
      options.referrer = parseReferrer(init.referrer);
    }
    return options;
  }

  class Request {
    constructor(input, init = undefined) {
      webidl.requiredArguments(arguments.length, 1, PREFIX);
      const source = slotOf(input);
      const from = source !== undefined && source.kind === "Request" ? source : null;
      if (from === null) input = webidl.domString(input).toWellFormed();
      init = convertInit(webidl.dictionary(init, PREFIX, "Argument 2"));

      const r = from === null
        ? record("GET", new internal.url.URL(input).href, null, null, "follow", null, DEFAULT_OPTIONS)
        : record(from.method, from.url, null, null, from.redirect, from.signal ?? from.signalSource, from.options);
      attach(this, r);
      if (init.mode === "navigate") throw new TypeError("Request mode 'navigate' is not allowed");
      r.options = optionsOf(r.options, init);
      if (init.method !== undefined) r.method = validMethod(init.method);
      if (init.redirect !== undefined) r.redirect = init.redirect;
      if (init.signal !== undefined) r.signalSource = init.signal;
      r.headerList = init.headers ?? (from === null ? headers.newRecord("request") : headers.copy(from.headerList, "request"));

      const inputBody = from === null ? null : from.body;
      const hasInitBody = init.body !== undefined && init.body !== null;
      if ((hasInitBody || inputBody !== null) && (r.method === "GET" || r.method === "HEAD")) {
        throw new TypeError("Request with GET/HEAD method cannot have body");
      }
      if (hasInitBody) {
        const { body, type } = extractBody(init.body);
        r.body = body;
        if (type !== null) headers.appendIfMissing(r.headerList, "content-type", type);
      } else if (inputBody !== null) {
        if (unusable(inputBody)) throw new TypeError("Input request's body is unusable");
        r.body = transferBody(inputBody);
      }
    }

    get method() {
      return request(this).method;
    }

    get url() {
      return request(this).url;
    }

    get headers() {
      return headers.objectOf(request(this).headerList);
    }

    get redirect() {
      return request(this).redirect;
    }

    get signal() {
      return signalOf(request(this));
    }

    get cache() {
      return request(this).options.cache;
    }

    get credentials() {
      return request(this).options.credentials;
    }

    get mode() {
      return request(this).options.mode;
    }

    get referrer() {
      return request(this).options.referrer;
    }

    get referrerPolicy() {
      return request(this).options.referrerPolicy;
    }

    get integrity() {
      return request(this).options.integrity;
    }

    get keepalive() {
      return request(this).options.keepalive;
    }

    clone() {
      const r = request(this);
      if (r.body !== null && unusable(r.body)) throw new TypeError("Body is unusable");
      return make(Request, record(r.method, r.url, headers.copy(r.headerList), cloneBody(r.body), r.redirect,
        signalOf(r), r.options));
    }
  }
  install(Request, request);
  webidl.configureInterface(Request);
  defineInspect(Request, (o) => ({
    bodyUsed: o.bodyUsed,
    headers: o.headers,
    method: o.method,
    redirect: o.redirect,
    url: o.url,
  }));

  /** The request's own signal, made on first use; it follows the signal the request was made with. */
  function signalOf(r) {
    if (r.signal === null && r.makeSignal !== undefined) {
      r.signal = r.makeSignal();
    } else if (r.signal === null) {
      r.signal = r.signalSource === null
        ? internal.abort.newSignal()
        : internal.abort.AbortSignal.any([r.signalSource]);
    }
    return r.signal;
  }

  /**
   * A request that arrived over HTTP. `headerPairs` is a flat [name, value, ...] list with lowercase
   * names that the request takes over; `body` is null or a ReadableStream; `makeSignal` makes its
   * `signal` when first read. Nothing is validated.
   */
  function inboundRequest(method, url, headerPairs, body, makeSignal) {
    const r = record(method, url, headers.newRecord("request", headerPairs),
      body === null ? null : newBody(body), "follow", null, DEFAULT_OPTIONS);
    // Deno.serve makes the signal on first use, and only then watches the exchange's end.
    r.makeSignal = makeSignal;
    return make(Request, r);
  }

  /** What fetch sends; the body is taken (marked used). `signal` is null when nothing can abort it. */
  function requestParts(req) {
    const r = request(req);
    return {
      method: r.method,
      url: r.url,
      headerPairs: r.headerList.list.slice(),
      body: takeForWire(r.body),
      redirect: r.redirect,
      signal: r.signal ?? r.signalSource,
    };
  }

  internal.fetch = Object.assign(internal.fetch ?? {}, { inboundRequest, requestParts });
  internal.webApis = Object.assign(internal.webApis ?? {}, { Request });
})
