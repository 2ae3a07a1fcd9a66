// node:url: the WHATWG URL classes, file URL <-> path conversion with Node's checks, and the legacy
// url.parse/format/resolve API (a simplified port of Node's parser: the common URL shapes).
(function (binding, internal) {
  "use strict";
  const errors = internal.node.load("_errors");
  const path = internal.node.builtin("path");
  const { URL, URLSearchParams } = internal.url;

  function fileURLToPath(input) {
    let url = input;
    if (typeof input === "string") url = new URL(input);
    else if (!(input instanceof URL)) throw errors.invalidArgType("path", ["string", "URL"], input);
    if (url.protocol !== "file:") throw errors.nodeError(TypeError, "ERR_INVALID_URL_SCHEME", "The URL must be of scheme file");
    if (url.hostname !== "" && url.hostname !== "localhost") {
      throw errors.nodeError(TypeError, "ERR_INVALID_FILE_URL_HOST", 'File URL host must be "localhost" or empty on linux');
    }
    const pathname = url.pathname;
    if (/%2f/i.test(pathname)) {
      throw errors.nodeError(TypeError, "ERR_INVALID_FILE_URL_PATH", "File URL path must not include encoded / characters");
    }
    return decodeURIComponent(pathname);
  }

  function pathToFileURL(filepath) {
    errors.validateString(filepath, "path");
    let resolved = path.resolve(filepath);
    if (filepath.endsWith("/") && !resolved.endsWith("/")) resolved += "/";
    const url = new URL("file://");
    url.pathname = resolved.replace(/%/g, "%25").replace(/\\/g, "%5C").replace(/\n/g, "%0A")
      .replace(/\r/g, "%0D").replace(/\t/g, "%09").replace(/\?/g, "%3F").replace(/#/g, "%23");
    return url;
  }

  function urlToHttpOptions(url) {
    const options = {
      protocol: url.protocol,
      hostname: url.hostname.startsWith("[") ? url.hostname.slice(1, -1) : url.hostname,
      hash: url.hash,
      search: url.search,
      pathname: url.pathname,
      path: `${url.pathname || ""}${url.search || ""}`,
      href: url.href,
    };
    if (url.port !== "") options.port = Number(url.port);
    if (url.username || url.password) options.auth = `${decodeURIComponent(url.username)}:${decodeURIComponent(url.password)}`;
    return options;
  }

  // ---- legacy API ---------------------------------------------------------------------------
  function Url() {
    this.protocol = null;
    this.slashes = null;
    this.auth = null;
    this.host = null;
    this.port = null;
    this.hostname = null;
    this.hash = null;
    this.search = null;
    this.query = null;
    this.pathname = null;
    this.path = null;
    this.href = null;
  }

  const slashedProtocols = new Set(["http:", "https:", "ftp:", "gopher:", "file:", "ws:", "wss:"]);

  function parse(url, parseQueryString = false, slashesDenoteHost = false) {
    if (url instanceof Url) return url;
    errors.validateString(url, "url");
    const result = new Url();
    let rest = url.trim();
    const hashAt = rest.indexOf("#");
    if (hashAt !== -1) {
      result.hash = rest.slice(hashAt);
      rest = rest.slice(0, hashAt);
    }
    const queryAt = rest.indexOf("?");
    if (queryAt !== -1) {
      result.search = rest.slice(queryAt);
      result.query = rest.slice(queryAt + 1);
      rest = rest.slice(0, queryAt);
    } else if (parseQueryString) {
      result.search = "";
      result.query = {};
    }
    if (parseQueryString && typeof result.query === "string") {
      result.query = internal.node.builtin("querystring").parse(result.query);
    }
    const proto = /^([a-zA-Z0-9.+-]+:)/.exec(rest);
    if (proto) {
      result.protocol = proto[1].toLowerCase();
      rest = rest.slice(proto[1].length);
    }
    if (slashesDenoteHost || proto || /^\/\/[^@/]+@[^@/]+/.test(rest)) {
      const slashes = rest.startsWith("//");
      if (slashes && !(proto && result.protocol === "javascript:")) {
        rest = rest.slice(2);
        result.slashes = true;
      }
    }
    if (result.slashes || (proto && !slashedProtocols.has(result.protocol) && false)) {
      let hostEnd = rest.search(/[/\\]/);
      if (hostEnd === -1) hostEnd = rest.length;
      let host = rest.slice(0, hostEnd);
      rest = rest.slice(hostEnd);
      const at = host.lastIndexOf("@");
      if (at !== -1) {
        result.auth = decodeURIComponent(host.slice(0, at));
        host = host.slice(at + 1);
      }
      const portMatch = /:(\d*)$/.exec(host);
      if (portMatch) {
        if (portMatch[1] !== "") result.port = portMatch[1];
        host = host.slice(0, host.length - portMatch[0].length);
      }
      result.hostname = host.toLowerCase().replace(/^\[|\]$/g, "");
      const ipv6 = host.startsWith("[");
      result.host = (ipv6 ? `[${result.hostname}]` : result.hostname) + (result.port ? `:${result.port}` : "");
    }
    if (rest !== "") result.pathname = rest;
    else if (result.slashes && slashedProtocols.has(result.protocol)) result.pathname = "/";
    if (result.pathname !== null || result.search !== null) {
      result.path = `${result.pathname ?? ""}${result.search ?? ""}`;
    }
    result.href = format(result);
    return result;
  }

  function format(urlObject, options) {
    if (typeof urlObject === "string") urlObject = parse(urlObject);
    else if (urlObject instanceof URL) {
      const opts = { auth: true, fragment: true, search: true, unicode: false, ...options };
      let out = `${urlObject.protocol}${urlObject.host || urlObject.protocol === "file:" ? "//" : ""}`;
      if (opts.auth && (urlObject.username || urlObject.password)) {
        out += `${urlObject.username}${urlObject.password ? `:${urlObject.password}` : ""}@`;
      }
      out += `${urlObject.host}${urlObject.pathname}`;
      if (opts.search) out += urlObject.search;
      if (opts.fragment) out += urlObject.hash;
      return out;
    } else if (typeof urlObject !== "object" || urlObject === null) {
      throw errors.invalidArgType("urlObject", ["Object", "string"], urlObject);
    }
    let auth = urlObject.auth || "";
    if (auth) auth = `${encodeURIComponent(auth).replace(/%3A/i, ":")}@`;
    let protocol = urlObject.protocol || "";
    let pathname = urlObject.pathname || "";
    let hash = urlObject.hash || "";
    let host = "";
    let query = "";
    if (urlObject.host) {
      host = auth + urlObject.host;
    } else if (urlObject.hostname) {
      host = auth + (urlObject.hostname.includes(":") ? `[${urlObject.hostname}]` : urlObject.hostname);
      if (urlObject.port) host += `:${urlObject.port}`;
    }
    if (urlObject.query !== null && typeof urlObject.query === "object") {
      query = internal.node.builtin("querystring").stringify(urlObject.query);
    }
    let search = urlObject.search || (query && `?${query}`) || "";
    if (protocol && !protocol.endsWith(":")) protocol += ":";
    if (urlObject.slashes || ((!protocol || slashedProtocols.has(protocol)) && host !== "")) {
      host = `//${host}`;
      if (pathname && pathname[0] !== "/") pathname = `/${pathname}`;
    }
    if (hash && hash[0] !== "#") hash = `#${hash}`;
    if (search && search[0] !== "?") search = `?${search}`;
    pathname = pathname.replace(/[?#]/g, encodeURIComponent);
    search = search.replace(/#/g, "%23");
    return `${protocol}${host}${pathname}${search}${hash}`;
  }

  function resolve(from, to) {
    const resolved = new URL(to, new URL(from, "resolve://"));
    if (resolved.protocol === "resolve:") {
      const { pathname, search, hash } = resolved;
      return pathname + search + hash;
    }
    return resolved.toString();
  }

  Url.prototype.parse = function (url, parseQueryString, slashesDenoteHost) {
    return Object.assign(this, parse(url, parseQueryString, slashesDenoteHost));
  };
  Url.prototype.format = function () {
    return format(this);
  };
  Url.prototype.resolve = function (relative) {
    return resolve(format(this), relative);
  };

  return {
    URL,
    URLSearchParams,
    Url,
    domainToASCII: (domain) => internal.ops.op_url_domain_to_ascii(String(domain)) ?? "",
    domainToUnicode: (domain) => String(domain),
    fileURLToPath,
    fileURLToPathBuffer: (url) => internal.node.builtin("buffer").Buffer.from(fileURLToPath(url)),
    format,
    parse,
    pathToFileURL,
    resolve,
    resolveObject: (from, to) => parse(resolve(from, to)),
    urlToHttpOptions,
  };
})
