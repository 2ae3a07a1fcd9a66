// URLPattern (https://urlpattern.spec.whatwg.org/) as Deno 2.9 has it. Deno compiles patterns with the
// rust-urlpattern crate and matches them with JS regexps, so this file follows the crate where it
// departs from the standard: a pattern with regexp groups must also be valid Rust `regex` syntax
// ("regexp error"), regexps are written in Rust syntax ("/" unescaped), a port keeps its leading
// digits, and errors are worded as the crate words them, with the context Deno adds around them.
// Component values are canonicalized by 43_url.js's URL parser, as the standard asks.
(function (binding, internal) {
  "use strict";
  const { webidl } = internal;
  const { basicParse, states: S, newRecord, serializeHost, serializePath, specialPorts, parseUrl, percentEncodeC0 } =
    internal.url;

  const COMPONENTS = ["protocol", "username", "password", "hostname", "port", "pathname", "search", "hash"];
  // A WebIDL dictionary reads its members in lexicographic order; Deno's `inputs` keeps that order.
  const INIT_MEMBERS = [
    "baseURL", "hash", "hostname", "password", "pathname", "port", "protocol", "search", "username",
  ];
  const FULL_WILDCARD = ".*";
  const NAME_HINT = '\n\n  hint: ":" starts a named group and must be followed by a name (a letter or "_", then ' +
    'letters, digits or "_"). To match a literal ":", escape it as "\\:".';

  /** A pattern the crate refuses; the constructor words it with the context Deno adds. */
  class PatternSyntaxError {
    constructor(message, position = -1, hint = false) {
      this.message = message;
      this.position = position;
      this.hint = hint;
    }
  }

  const isAscii = (cp) => cp.charCodeAt(0) < 0x80;
  const isAsciiDigit = (ch) => ch !== undefined && ch >= "0" && ch <= "9";
  const NAME_START = /^[\p{ID_Start}$_]$/u;
  const NAME_PART = /^[\p{ID_Continue}$\u200c\u200d]$/u;

  // ---- tokenizer (positions count code points, as the crate reports them) ----

  function tokenize(input, strict) {
    const cps = Array.from(input);
    const n = cps.length;
    const tokens = [];
    let i = 0;
    const add = (type, next, start, end = next) => {
      tokens.push({ type, index: i, value: cps.slice(start, end).join("") });
      i = next;
    };
    const fail = (next, start, detail, hint = false) => {
      if (strict) throw new PatternSyntaxError(`tokenizer error: ${detail} (at char ${start})`, start, hint);
      add("InvalidChar", next, start);
    };
    while (i < n) {
      const c = cps[i];
      if (c === "*") {
        add("Asterisk", i + 1, i);
      } else if (c === "+" || c === "?") {
        add("OtherModifier", i + 1, i);
      } else if (c === "\\") {
        if (i === n - 1) fail(i + 1, i, "incomplete escape code");
        else add("EscapedChar", i + 2, i + 1);
      } else if (c === "\n" || c === "\r" || c === "\t") {
        i++;
      } else if (c === "{") {
        add("Open", i + 1, i);
      } else if (c === "}") {
        add("Close", i + 1, i);
      } else if (c === ":") {
        let p = i + 1;
        while (p < n && (p === i + 1 ? NAME_START : NAME_PART).test(cps[p])) p++;
        if (p === i + 1) fail(i + 1, i, "invalid name; must be at least length 1", true);
        else add("Name", p, i + 1);
      } else if (c === "(") {
        tokenizeRegexp(cps, i, add, fail);
      } else {
        add("Char", i + 1, i);
      }
    }
    add("End", i, i);
    return tokens;
  }

  function tokenizeRegexp(cps, i, add, fail) {
    const n = cps.length;
    const start = i + 1;
    let depth = 1;
    let p = start;
    while (p < n) {
      const c = cps[p];
      if (!isAscii(c) || (p === start && c === "?")) {
        return fail(start, i, "invalid regex: must not start with ?, and may only contain ascii");
      }
      if (c === "\\") {
        if (p === n - 1) return fail(start, i, "incomplete escape code");
        if (!isAscii(cps[p + 1])) return fail(start, i, "invalid regex: non ascii character was escaped");
        p += 2;
        continue;
      }
      if (c === ")") {
        if (--depth === 0) {
          p++;
          break;
        }
      } else if (c === "(") {
        depth++;
        if (p === n - 1) return fail(start, i, "invalid regex: nested groups not closed");
        if (cps[p + 1] !== "?") return fail(start, i, "invalid regex: nested groups must start with ?");
      }
      p++;
    }
    if (depth !== 0) return fail(start, i, "invalid regex: missing closing )");
    if (p - start - 1 === 0) return fail(start, i, "invalid regex: length must be > 0");
    add("Regexp", p, start, p - 1);
  }

  // ---- pattern parser ----

  const escapeRegexp = (s) => s.replace(/[.+*?^${}()[\]|\\]/g, "\\$&");
  const escapePattern = (s) => s.replace(/[+*?:{}()\\]/g, "\\$&");
  const segmentWildcard = (options) => (options.delimiter === "" ? ".+?" : `[^${escapeRegexp(options.delimiter)}]+?`);

  const DEFAULT_OPTIONS = { delimiter: "", prefix: "" };
  const HOSTNAME_OPTIONS = { delimiter: ".", prefix: "" };
  const PATHNAME_OPTIONS = { delimiter: "/", prefix: "/" };

  function parsePatternString(input, options, encode) {
    const tokens = tokenize(input, true);
    const parts = [];
    const wildcard = segmentWildcard(options);
    let pending = "";
    let index = 0;
    let nextNumericName = 0;

    const take = (type) => (tokens[index].type === type ? tokens[index++] : null);
    const takeRegexpOrWildcard = (name) => take("Regexp") ?? (name === null ? take("Asterisk") : null);
    const takeModifier = () => take("OtherModifier") ?? take("Asterisk");
    const takeText = () => {
      let text = "";
      for (let t = take("Char") ?? take("EscapedChar"); t !== null; t = take("Char") ?? take("EscapedChar")) {
        text += t.value;
      }
      return text;
    };
    const require = (type) => {
      const t = take(type);
      if (t !== null) return;
      const found = tokens[index];
      throw new PatternSyntaxError(`parser error: expected token ${type}, found '${found.value}' of type ${found.type}`);
    };
    const flushPending = () => {
      if (pending === "") return;
      const value = encode(pending);
      pending = "";
      parts.push({ type: "fixed", value, modifier: "", name: "", prefix: "", suffix: "" });
    };
    const addPart = (prefix, name, regexpOrWildcard, suffix, modifierToken) => {
      const modifier = modifierToken === null ? "" : modifierToken.value;
      if (name === null && regexpOrWildcard === null && modifier === "") {
        pending += prefix;
        return;
      }
      flushPending();
      if (name === null && regexpOrWildcard === null) {
        if (prefix !== "") parts.push({ type: "fixed", value: encode(prefix), modifier, name: "", prefix: "", suffix: "" });
        return;
      }
      let value = regexpOrWildcard === null ? wildcard
        : regexpOrWildcard.type === "Asterisk" ? FULL_WILDCARD : regexpOrWildcard.value;
      let type = "regexp";
      if (value === wildcard) {
        type = "segment";
        value = "";
      } else if (value === FULL_WILDCARD) {
        type = "full";
        value = "";
      }
      const partName = name !== null ? name.value : String(nextNumericName++);
      if (parts.some((p) => p.name === partName)) {
        throw new PatternSyntaxError(`parser error: pattern contains duplicate name ${partName}`);
      }
      parts.push({ type, value, modifier, name: partName, prefix: encode(prefix), suffix: encode(suffix) });
    };

    while (index < tokens.length) {
      const char = take("Char");
      let name = take("Name");
      let regexpOrWildcard = takeRegexpOrWildcard(name);
      if (name !== null || regexpOrWildcard !== null) {
        let prefix = char === null ? "" : char.value;
        if (prefix !== "" && prefix !== options.prefix) {
          pending += prefix;
          prefix = "";
        }
        flushPending();
        addPart(prefix, name, regexpOrWildcard, "", takeModifier());
        continue;
      }
      const fixed = char ?? take("EscapedChar");
      if (fixed !== null) {
        pending += fixed.value;
        continue;
      }
      if (take("Open") !== null) {
        const prefix = takeText();
        name = take("Name");
        regexpOrWildcard = takeRegexpOrWildcard(name);
        const suffix = takeText();
        require("Close");
        addPart(prefix, name, regexpOrWildcard, suffix, takeModifier());
        continue;
      }
      flushPending();
      require("End");
    }
    return parts;
  }

  function generateRegexp(parts, options) {
    let result = "^";
    const names = [];
    for (const part of parts) {
      if (part.type === "fixed") {
        result += part.modifier === "" ? escapeRegexp(part.value) : `(?:${escapeRegexp(part.value)})${part.modifier}`;
        continue;
      }
      names.push(part.name);
      const value = part.type === "segment" ? segmentWildcard(options) : part.type === "full" ? FULL_WILDCARD : part.value;
      const single = part.modifier === "" || part.modifier === "?";
      if (part.prefix === "" && part.suffix === "") {
        result += single ? `(${value})${part.modifier}` : `((?:${value})${part.modifier})`;
        continue;
      }
      const prefix = escapeRegexp(part.prefix);
      const suffix = escapeRegexp(part.suffix);
      if (single) {
        result += `(?:${prefix}(${value})${suffix})${part.modifier}`;
      } else {
        result += `(?:${prefix}((?:${value})(?:${suffix}${prefix}(?:${value}))*)${suffix})${part.modifier === "*" ? "?" : ""}`;
      }
    }
    return { regexpString: result + "$", names };
  }

  const startsWithNamePart = (s) => s !== "" && NAME_PART.test(String.fromCodePoint(s.codePointAt(0)));

  function generatePatternString(parts, options) {
    let result = "";
    for (let i = 0; i < parts.length; i++) {
      const part = parts[i];
      const prev = i > 0 ? parts[i - 1] : null;
      const next = i + 1 < parts.length ? parts[i + 1] : null;
      if (part.type === "fixed") {
        result += part.modifier === "" ? escapePattern(part.value) : `{${escapePattern(part.value)}}${part.modifier}`;
        continue;
      }
      const customName = !isAsciiDigit(part.name[0]);
      let grouped = part.suffix !== "" || (part.prefix !== "" && part.prefix !== options.prefix);
      if (!grouped && customName && part.type === "segment" && part.modifier === "" && next !== null &&
        next.prefix === "" && next.suffix === "") {
        grouped = next.type === "fixed" ? startsWithNamePart(next.value) : isAsciiDigit(next.name[0]);
      }
      if (!grouped && part.prefix === "" && prev !== null && prev.type === "fixed" && prev.value !== "" &&
        prev.value.at(-1) === options.prefix) {
        grouped = true;
      }
      if (grouped) result += "{";
      result += escapePattern(part.prefix);
      if (customName) result += ":" + part.name;
      if (part.type === "regexp") {
        result += `(${part.value})`;
      } else if (part.type === "segment") {
        if (!customName) result += `(${segmentWildcard(options)})`;
      } else if (!customName && (prev === null || prev.type === "fixed" || prev.modifier !== "" || grouped ||
        part.prefix !== "")) {
        result += "*";
      } else {
        result += `(${FULL_WILDCARD})`;
      }
      if (part.type === "segment" && customName && startsWithNamePart(part.suffix)) result += "\\";
      result += escapePattern(part.suffix);
      if (grouped) result += "}";
      result += part.modifier;
    }
    return result;
  }

  function compileComponent(input, encode, options) {
    const parts = parsePatternString(input ?? "*", options, encode);
    const { regexpString, names } = generateRegexp(parts, options);
    const hasRegExpGroups = parts.some((p) => p.type === "regexp");
    if (hasRegExpGroups && !rustRegexAccepts(regexpString)) throw new PatternSyntaxError("regexp error");
    return { patternString: generatePatternString(parts, options), regexpString, names, hasRegExpGroups };
  }

  // ---- the Rust `regex` syntax check ----
  // The crate compiles a pattern with regexp groups with Rust's `regex` before Deno hands it to V8, so
  // what Rust refuses fails as "regexp error" even where JS would accept it (look-around, back
  // references, `\c`, `[]`), and what only JS refuses fails later with V8's message.

  const ASCII_CLASSES = new Set(["alnum", "alpha", "ascii", "blank", "cntrl", "digit", "graph", "lower", "print",
    "punct", "space", "upper", "word", "xdigit"]);

  /** Parses the escape at s[i] ("\\..."); returns [end, literal code point or -1 for a class], or null. */
  function rustEscape(s, i, inClass) {
    const c = s[i + 1];
    if (c === undefined || isAsciiDigit(c)) return null;
    if (!/[A-Za-z<>]/.test(c)) return [i + 2, c.codePointAt(0)];
    const hex = (len) => {
      if (s[i + 2] === "{") {
        const m = /^\{([0-9A-Fa-f]{1,8})\}/.exec(s.slice(i + 2));
        if (m === null) return null;
        const cp = parseInt(m[1], 16);
        return cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff) ? null : [i + 2 + m[0].length, cp];
      }
      const digits = s.slice(i + 2, i + 2 + len);
      if (!new RegExp(`^[0-9A-Fa-f]{${len}}$`).test(digits)) return null;
      const cp = parseInt(digits, 16);
      return cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff) ? null : [i + 2 + len, cp];
    };
    switch (c) {
      case "a": return [i + 2, 7];
      case "f": return [i + 2, 12];
      case "t": return [i + 2, 9];
      case "n": return [i + 2, 10];
      case "r": return [i + 2, 13];
      case "v": return [i + 2, 11];
      case "x": return hex(2);
      case "u": return hex(4);
      case "U": return hex(8);
      case "d": case "D": case "s": case "S": case "w": case "W":
        return [i + 2, -1];
      case "p": case "P": {
        const m = s[i + 2] === "{" ? /^\{([^}]*)\}/.exec(s.slice(i + 2)) : /^[A-Za-z]/.exec(s.slice(i + 2));
        if (m === null) return null;
        const name = m[1] ?? m[0];
        try {
          new RegExp(`\\p{${name}}`, "u");
        } catch {
          return null;
        }
        return [i + 2 + m[0].length, -1];
      }
      case "b": {
        if (inClass) return null;
        const m = /^\{(start|end|start-half|end-half)\}/.exec(s.slice(i + 2));
        return [i + 2 + (m === null ? 0 : m[0].length), -1];
      }
      case "B": case "A": case "z": case "<": case ">":
        return inClass ? null : [i + 2, -1];
    }
    return null;
  }

  /** Parses the class opening at s[i] ("["); returns the index after its "]", or -1. */
  function rustClass(s, i) {
    i++;
    if (s[i] === "^") i++;
    let first = true;
    while (i < s.length) {
      const c = s[i];
      if (c === "]" && !first) return i + 1;
      first = false;
      if ((c === "&" && s[i + 1] === "&") || (c === "-" && s[i + 1] === "-") || (c === "~" && s[i + 1] === "~")) {
        i += 2;
        continue;
      }
      let item = classItem(s, i);
      if (item === null) return -1;
      if (s[item[0]] === "-" && s[item[0] + 1] !== "]" && s[item[0] + 1] !== "-" && item[0] + 1 < s.length) {
        const end = classItem(s, item[0] + 1);
        if (end === null || item[1] < 0 || end[1] < 0 || item[1] > end[1]) return -1;
        item = end;
      }
      i = item[0];
    }
    return -1;
  }

  function classItem(s, i) {
    const c = s[i];
    if (c === "[") {
      const ascii = /^\[:\^?([a-z]+):\]/.exec(s.slice(i));
      if (ascii !== null) return ASCII_CLASSES.has(ascii[1]) ? [i + ascii[0].length, -1] : null;
      const end = rustClass(s, i);
      return end < 0 ? null : [end, -1];
    }
    if (c === "\\") return rustEscape(s, i, true);
    return [i + 1, c.codePointAt(0)];
  }

  function rustRegexAccepts(s) {
    let depth = 0;
    let repeatable = false;
    let i = 0;
    while (i < s.length) {
      const c = s[i];
      if (c === "(") {
        if (s[i + 1] === "?") {
          const rest = s.slice(i + 2);
          const named = /^P?<([A-Za-z_][A-Za-z0-9_.[\]]*)>/.exec(rest);
          const flags = /^-?[imsuxR]+(?:-[imsuxR]*)?[:)]|^:/.exec(rest);
          const open = named ?? flags;
          if (open === null) return false;
          i += 2 + open[0].length;
          repeatable = false;
          if (open[0].endsWith(")")) continue;
        } else {
          i++;
        }
        depth++;
        repeatable = false;
      } else if (c === ")") {
        if (depth-- === 0) return false;
        i++;
        repeatable = true;
      } else if (c === "|") {
        i++;
        repeatable = false;
      } else if (c === "*" || c === "+" || c === "?") {
        if (!repeatable) return false;
        i += s[i + 1] === "?" ? 2 : 1;
      } else if (c === "{") {
        const m = /^\{([0-9]+)(?:(,)([0-9]*))?\}\??/.exec(s.slice(i));
        if (!repeatable || m === null || (m[3] !== undefined && m[3] !== "" && Number(m[1]) > Number(m[3]))) {
          return false;
        }
        i += m[0].length;
      } else if (c === "[") {
        i = rustClass(s, i);
        if (i < 0) return false;
        repeatable = true;
      } else if (c === "\\") {
        const escape = rustEscape(s, i, false);
        if (escape === null) return false;
        i = escape[0];
        repeatable = true;
      } else {
        i++;
        repeatable = true;
      }
    }
    return depth === 0;
  }

  const SPECIAL_SCHEMES = ["ftp", "file", "http", "https", "ws", "wss"];
  const isSpecialScheme = (s) => SPECIAL_SCHEMES.includes(s);

  function matchesSpecialScheme(component) {
    let re;
    try {
      re = new RegExp(component.regexpString, "u");
    } catch {
      return false;
    }
    return SPECIAL_SCHEMES.some((s) => re.test(s));
  }

  // ---- canonicalization (through the URL parser of 43_url.js) ----

  const urlError = (message) => new PatternSyntaxError(message);
  // The record of "http://dummy.test", the URL the crate canonicalizes components against.
  function dummy() {
    const url = newRecord();
    url.scheme = "http";
    url.host = "dummy.test";
    url.path = [""];
    return url;
  }

  function canonicalizeProtocol(value) {
    if (value === "") return "";
    const url = parseUrl(`${value}://dummy.test`);
    if (url === null) throw urlError("relative URL without a base");
    return url.scheme;
  }

  function canonicalizeUserinfo(value, field) {
    if (value === "") return "";
    const url = new internal.url.URL("http://dummy.test");
    url[field] = value;
    return url[field];
  }

  function canonicalizeHostname(value) {
    if (value === "") return "";
    const url = dummy();
    if (!basicParse(value, null, url, S.HOSTNAME)) throw urlError("invalid domain character");
    return serializeHost(url.host);
  }

  function canonicalizeIPv6Hostname(value) {
    if (!/^[0-9a-fA-F[\]:]*$/.test(value)) throw urlError("invalid IPv6 address");
    return value.toLowerCase();
  }

  // The crate sets the port as the `url` crate's setter does: leading digits count, the rest is
  // dropped, and no digit at all is an error.
  function canonicalizePort(value, protocol) {
    if (value === "") return "";
    const digits = /^[0-9]*/.exec(value.replace(/[\t\n\r]/g, ""))[0];
    if (digits === "" || protocol === "file") throw urlError("invalid port number");
    const port = Number(digits);
    if (port > 65535) throw urlError("invalid port number");
    return protocol !== undefined && specialPorts[protocol] === port ? "" : String(port);
  }

  function canonicalizePathname(value) {
    if (value === "") return "";
    const leadingSlash = value[0] === "/";
    const url = dummy();
    url.path = [];
    basicParse(leadingSlash ? value : "/-" + value, null, url, S.PATH_START);
    const path = serializePath(url);
    return !leadingSlash && path.startsWith("/-") ? path.slice(2) : path;
  }

  // The `url` crate's path setter on an opaque-path URL: a leading "/" becomes "%2F" (so the URL
  // does not read as hierarchical), "?" and "#" stay, C0 controls and non-ASCII are percent-encoded.
  function canonicalizeOpaquePathname(value) {
    if (value === "") return "";
    const slash = value.startsWith("/");
    return (slash ? "%2F" : "") + percentEncodeC0((slash ? value.slice(1) : value).replace(/[\t\n\r]/g, ""));
  }

  function canonicalizeSearch(value) {
    if (value === "") return "";
    const url = dummy();
    url.query = "";
    basicParse(value, null, url, S.QUERY);
    return url.query;
  }

  function canonicalizeHash(value) {
    if (value === "") return "";
    const url = dummy();
    url.fragment = "";
    basicParse(value, null, url, S.FRAGMENT);
    return url.fragment;
  }

  // ---- URLPatternInit processing ----

  function baseComponents(url) {
    return {
      protocol: url.scheme,
      username: url.username,
      password: url.password,
      hostname: url.host === null ? "" : serializeHost(url.host),
      port: url.port === null ? "" : String(url.port),
      pathname: serializePath(url),
      search: url.query ?? "",
      hash: url.fragment ?? "",
    };
  }

  function isAbsolutePathname(value, forPattern) {
    if (value === "") return false;
    if (value[0] === "/") return true;
    if (!forPattern) return false;
    return value.startsWith("\\/") || value.startsWith("{/");
  }

  /**
   * Fills the components of `init` from `base` (a parsed URL record or null) as the standard's
   * "process a URLPatternInit" does; for a URL (not a pattern) the values are canonicalized too.
   */
  function processInit(init, base, forPattern) {
    const result = forPattern ? {} : { protocol: "", username: "", password: "", hostname: "", port: "",
      pathname: "", search: "", hash: "" };
    const has = (key) => init[key] !== undefined;
    if (base !== null) {
      const b = baseComponents(base);
      const inherit = (value) => (forPattern ? escapePattern(value) : value);
      // Each component comes from the base URL unless the init sets it or one before it.
      let given = has("protocol");
      if (!given) result.protocol = inherit(b.protocol);
      if (!forPattern && !given && !has("hostname") && !has("port") && !has("username")) {
        result.username = inherit(b.username);
      }
      if (!forPattern && !given && !has("hostname") && !has("port") && !has("username") && !has("password")) {
        result.password = inherit(b.password);
      }
      given ||= has("hostname");
      if (!given) result.hostname = inherit(b.hostname);
      given ||= has("port");
      if (!given) result.port = inherit(b.port);
      given ||= has("pathname");
      if (!given) result.pathname = inherit(b.pathname);
      given ||= has("search");
      if (!given) result.search = inherit(b.search);
      given ||= has("hash");
      if (!given) result.hash = inherit(b.hash);
    }
    if (has("protocol")) {
      const value = init.protocol.endsWith(":") ? init.protocol.slice(0, -1) : init.protocol;
      result.protocol = forPattern ? value : canonicalizeProtocol(value);
    }
    if (has("username")) result.username = forPattern ? init.username : canonicalizeUserinfo(init.username, "username");
    if (has("password")) result.password = forPattern ? init.password : canonicalizeUserinfo(init.password, "password");
    if (has("hostname")) result.hostname = forPattern ? init.hostname : canonicalizeHostname(init.hostname);
    if (has("port")) {
      result.port = forPattern ? init.port : canonicalizePort(init.port, result.protocol || undefined);
    }
    if (has("pathname")) {
      let pathname = init.pathname;
      if (base !== null && !base.opaque && !isAbsolutePathname(pathname, forPattern)) {
        const basePath = serializePath(base);
        const slash = basePath.lastIndexOf("/");
        if (slash >= 0) pathname = basePath.slice(0, slash + 1) + pathname;
      }
      if (forPattern) {
        result.pathname = pathname;
      } else {
        const protocol = result.protocol;
        const nonOpaque = protocol === "" || isSpecialScheme(protocol) || pathname.startsWith("/");
        result.pathname = nonOpaque ? canonicalizePathname(pathname) : canonicalizeOpaquePathname(pathname);
      }
    }
    if (has("search")) {
      const value = init.search.startsWith("?") ? init.search.slice(1) : init.search;
      result.search = forPattern ? value : canonicalizeSearch(value);
    }
    if (has("hash")) {
      const value = init.hash.startsWith("#") ? init.hash.slice(1) : init.hash;
      result.hash = forPattern ? value : canonicalizeHash(value);
    }
    return result;
  }

  /** The `url` crate's wording for a URL it cannot parse (43_url.js only says that it failed). */
  function urlFailure(text) {
    const m = /^[\x00-\x20]*([A-Za-z][A-Za-z0-9+.-]*):(.*)$/s.exec(text);
    if (m === null) return "relative URL without a base";
    const scheme = m[1].toLowerCase();
    if (!isSpecialScheme(scheme) || scheme === "file") return "invalid domain character";
    const authority = /^[/\\]*([^/\\?#]*)/.exec(m[2])[1];
    const host = authority.slice(authority.lastIndexOf("@") + 1);
    if (host.startsWith("[")) return "invalid IPv6 address";
    const colon = host.lastIndexOf(":");
    const hostname = colon >= 0 ? host.slice(0, colon) : host;
    if (hostname === "") return "empty host";
    if (colon >= 0 && !/^[0-9]*$/.test(host.slice(colon + 1)) || Number(host.slice(colon + 1)) > 65535) {
      return "invalid port number";
    }
    if (/(^|\.)(0x[0-9a-f]*|[0-9]+)\.?$/i.test(hostname)) return "invalid IPv4 address";
    if (/[\s\u0080-\uffff]/.test(hostname)) return "invalid international domain name";
    return "invalid domain character";
  }

  function parseBase(text) {
    const url = parseUrl(text, undefined);
    if (url === null) throw urlError(urlFailure(text));
    return url;
  }

  // ---- the constructor string parser ----

  function parseConstructorString(input) {
    const tokens = tokenize(input, false);
    const cps = Array.from(input);
    const result = {};
    let state = "init";
    let componentStart = 0;
    let index = 0;
    let increment = 1;
    let groupDepth = 0;
    let ipv6Depth = 0;
    let specialScheme = false;

    const safeToken = (i) => (i < tokens.length ? tokens[i] : tokens[tokens.length - 1]);
    const isChar = (i, value) => {
      const t = safeToken(i);
      return t.value === value && (t.type === "Char" || t.type === "EscapedChar" || t.type === "InvalidChar");
    };
    const isSearchPrefix = () => {
      if (isChar(index, "?")) return true;
      if (tokens[index].value !== "?") return false;
      if (index === 0) return true;
      const prev = safeToken(index - 1).type;
      return prev !== "Name" && prev !== "Regexp" && prev !== "Close" && prev !== "Asterisk";
    };
    const componentString = () => cps.slice(safeToken(componentStart).index, tokens[index].index).join("");
    const rewind = () => {
      index = componentStart;
      increment = 0;
    };
    const AUTHORITY_STATES = ["protocol", "authority", "username", "password"];
    const changeState = (next, skip) => {
      if (state !== "init" && state !== "authority" && state !== "done") result[state] = componentString();
      if (state !== "init" && next !== "done") {
        if (AUTHORITY_STATES.includes(state) && ["port", "pathname", "search", "hash"].includes(next) &&
          result.hostname === undefined) {
          result.hostname = "";
        }
        if ((AUTHORITY_STATES.includes(state) || state === "hostname" || state === "port") &&
          (next === "search" || next === "hash") && result.pathname === undefined) {
          result.pathname = specialScheme ? "/" : "";
        }
        if ((AUTHORITY_STATES.includes(state) || state === "hostname" || state === "port" || state === "pathname") &&
          next === "hash" && result.search === undefined) {
          result.search = "";
        }
      }
      state = next;
      index += skip;
      componentStart = index;
      increment = 0;
    };

    while (index < tokens.length) {
      increment = 1;
      const token = tokens[index];
      if (token.type === "End") {
        if (state === "init") {
          rewind();
          if (isChar(index, "#")) changeState("hash", 1);
          else if (isSearchPrefix()) changeState("search", 1);
          else changeState("pathname", 0);
          index += increment;
          continue;
        }
        if (state === "authority") {
          rewind();
          state = "hostname";
          index += increment;
          continue;
        }
        changeState("done", 0);
        break;
      }
      if (token.type === "Open") {
        groupDepth++;
        index += increment;
        continue;
      }
      if (groupDepth > 0) {
        if (token.type !== "Close") {
          index += increment;
          continue;
        }
        groupDepth--;
      }
      switch (state) {
        case "init":
          if (isChar(index, ":")) {
            rewind();
            state = "protocol";
          }
          break;
        case "protocol":
          if (isChar(index, ":")) {
            if (matchesSpecialScheme(compileComponent(componentString(), canonicalizeProtocol, DEFAULT_OPTIONS))) {
              specialScheme = true;
            }
            if (isChar(index + 1, "/") && isChar(index + 2, "/")) changeState("authority", 3);
            else changeState(specialScheme ? "authority" : "pathname", 1);
          }
          break;
        case "authority":
          if (isChar(index, "@")) {
            rewind();
            state = "username";
          } else if (isChar(index, "/") || isSearchPrefix() || isChar(index, "#")) {
            rewind();
            state = "hostname";
          }
          break;
        case "username":
          if (isChar(index, ":")) changeState("password", 1);
          else if (isChar(index, "@")) changeState("hostname", 1);
          break;
        case "password":
          if (isChar(index, "@")) changeState("hostname", 1);
          break;
        case "hostname":
          if (isChar(index, "[")) ipv6Depth++;
          else if (isChar(index, "]")) ipv6Depth--;
          else if (isChar(index, ":") && ipv6Depth === 0) changeState("port", 1);
          else if (isChar(index, "/")) changeState("pathname", 0);
          else if (isSearchPrefix()) changeState("search", 1);
          else if (isChar(index, "#")) changeState("hash", 1);
          break;
        case "port":
          if (isChar(index, "/")) changeState("pathname", 0);
          else if (isSearchPrefix()) changeState("search", 1);
          else if (isChar(index, "#")) changeState("hash", 1);
          break;
        case "pathname":
          if (isSearchPrefix()) changeState("search", 1);
          else if (isChar(index, "#")) changeState("hash", 1);
          break;
        case "search":
          if (isChar(index, "#")) changeState("hash", 1);
          break;
      }
      index += increment;
    }
    if (result.hostname !== undefined && result.port === undefined) result.port = "";
    return result;
  }

  // ---- compiling a pattern ----

  function compilePattern(init, base, ignoreCase) {
    const processed = processInit(init, base, true);
    const protocol = processed.protocol;
    if (protocol !== undefined && isSpecialScheme(protocol) &&
      (protocol === "file" ? undefined : String(specialPorts[protocol])) === processed.port) {
      processed.port = "";
    }
    const components = {};
    components.protocol = compileComponent(protocol, canonicalizeProtocol, DEFAULT_OPTIONS);
    const hostname = processed.hostname;
    const ipv6 = hostname !== undefined && hostname.length >= 2 &&
      (hostname.startsWith("[") || hostname.startsWith("{[") || hostname.startsWith("\\["));
    components.hostname = compileComponent(hostname, ipv6 ? canonicalizeIPv6Hostname : canonicalizeHostname,
      HOSTNAME_OPTIONS);
    const nonOpaque = protocol === "" || matchesSpecialScheme(components.protocol) ||
      (processed.pathname !== undefined && processed.pathname.startsWith("/"));
    components.pathname = nonOpaque
      ? compileComponent(processed.pathname, canonicalizePathname, PATHNAME_OPTIONS)
      : compileComponent(processed.pathname, canonicalizeOpaquePathname, DEFAULT_OPTIONS);
    components.username = compileComponent(processed.username, (v) => canonicalizeUserinfo(v, "username"),
      DEFAULT_OPTIONS);
    components.password = compileComponent(processed.password, (v) => canonicalizeUserinfo(v, "password"),
      DEFAULT_OPTIONS);
    components.port = compileComponent(processed.port, (v) => canonicalizePort(v, undefined), DEFAULT_OPTIONS);
    components.search = compileComponent(processed.search, canonicalizeSearch, DEFAULT_OPTIONS);
    components.hash = compileComponent(processed.hash, canonicalizeHash, DEFAULT_OPTIONS);
    const flags = ignoreCase ? "ui" : "u";
    for (const key of COMPONENTS) {
      const component = components[key];
      // Deno skips the regexp for the two patterns that need none.
      component.kind = component.regexpString === "^$" ? EMPTY : component.regexpString === "^(.*)$" ? ANY : REGEXP;
      try {
        component.regexp = new RegExp(component.regexpString, flags);
      } catch (e) {
        throw new TypeError(`Failed to construct 'URLPattern': ${key} is invalid; ` +
          `Invalid regular expression: /${component.regexpString}/${flags}: ${v8RegExpMessage(e.message)}`);
      }
    }
    return components;
  }

  // GraalJS words a regexp syntax error in its own terms; Deno's message is V8's. Only errors that can
  // get past the Rust check above need a translation.
  const V8_REGEXP_MESSAGES = new Map([
    ["Quantifier without target", "Nothing to repeat"],
    ["Invalid modifier", "Invalid group"],
    ["Invalid Unicode property escape", "Invalid property name"],
    ["Unmatched ']'", "Lone quantifier brackets"],
    ["Unmatched '}'", "Lone quantifier brackets"],
    ["Numbers out of order in {} quantifier", "numbers out of order in {} quantifier"],
    ["Multiple named capture groups with the same name", "Duplicate capture group name"],
    ["Invalid character at start of group name", "Invalid capture group name"],
  ]);
  function v8RegExpMessage(message) {
    if (message.startsWith("Unsupported Unicode character property")) return "Invalid property name";
    return V8_REGEXP_MESSAGES.get(message) ?? message;
  }

  const DATA = (value) => ({ value, writable: true, enumerable: true, configurable: true });
  const EMPTY = 0;
  const ANY = 1;
  const REGEXP = 2;

  /** The crate's error with the context Deno 2.9 puts around it. */
  function describe(error, input) {
    if (typeof input === "string") {
      return `Failed to parse URLPattern from "${input}": ${error.message}${error.hint ? NAME_HINT : ""}`;
    }
    const given = COMPONENTS.filter((key) => input[key] !== undefined);
    if (given.length !== 1) return error.message;
    const value = input[given[0]];
    let message = `Failed to parse ${given[0]} from "${value}": ${error.message}`;
    if (error.position >= 0) message += `\n\n  ${value}\n  ${" ".repeat(error.position)}^`;
    return error.hint ? message + NAME_HINT : message;
  }

  // ---- WebIDL conversions ----

  const usv = (value) => `${value}`.toWellFormed();

  function convertInit(value) {
    const init = Object.create(null);
    if (value === null || value === undefined) return init;
    for (const key of INIT_MEMBERS) {
      const member = value[key];
      if (member !== undefined) init[key] = usv(member);
    }
    return init;
  }

  const convertInput = (value) => (typeof value === "object" ? convertInit(value) : usv(value));

  function convertOptions(value, prefix, context) {
    if (value === undefined || value === null) return { ignoreCase: false };
    if (typeof value !== "object" && typeof value !== "function") {
      throw webidl.withCode(webidl.conversionError(prefix, context, "can not be converted to a dictionary"),
        "ERR_INVALID_ARG_TYPE");
    }
    return { ignoreCase: !!value.ignoreCase };
  }

  const BASE_WITH_INIT = "specifying both an init object, and a separate base URL is not valid";

  const inOrder = (components) => COMPONENTS.map((key) => components[key]);

  // Deno keeps the components of recently matched URL strings (a router tests one URL against many
  // patterns); so does isola, in a map that forgets its oldest entry when full.
  const MATCH_CACHE_SIZE = 4096;
  const matchCache = new Map();

  let lastInput;
  let lastValues;

  function urlValues(input) {
    if (input === lastInput) return lastValues;
    let values = matchCache.get(input);
    if (values === undefined) {
      const url = parseUrl(input, undefined);
      values = url === null ? null : inOrder(baseComponents(url));
      if (matchCache.size >= MATCH_CACHE_SIZE) matchCache.delete(matchCache.keys().next().value);
      matchCache.set(input, values);
    }
    lastInput = input;
    lastValues = values;
    return values;
  }

  /** The eight component values of a URL or URLPatternInit to match (in COMPONENTS order), or null. */
  function matchValues(input, baseURL) {
    if (typeof input === "string") {
      if (baseURL === undefined) return urlValues(input);
      if (parseUrl(baseURL, undefined) === null) return null;
      const url = parseUrl(input, baseURL);
      return url === null ? null : inOrder(baseComponents(url));
    }
    if (baseURL !== undefined) throw new TypeError(BASE_WITH_INIT);
    let base = null;
    if (input.baseURL !== undefined) {
      base = parseUrl(input.baseURL, undefined);
      if (base === null) return null;
    }
    try {
      return inOrder(processInit(input, base, false));
    } catch (e) {
      if (e instanceof PatternSyntaxError) return null;
      throw e;
    }
  }

  class URLPattern {
    #own = internal.ownShape(this);
    #components;
    #ordered;
    #hasRegExpGroups;

    constructor(input, baseURLOrOptions = undefined, maybeOptions = undefined) {
      const prefix = "Failed to construct 'URLPattern'";
      let baseURL;
      let options;
      if (typeof baseURLOrOptions === "string") {
        input = convertInput(input);
        baseURL = usv(baseURLOrOptions);
        options = convertOptions(maybeOptions, prefix, "Argument 3");
      } else {
        input = input === undefined ? Object.create(null) : convertInput(input);
        options = convertOptions(baseURLOrOptions, prefix, "Argument 2");
      }
      try {
        let init;
        let base = null;
        if (typeof input === "string") {
          if (baseURL !== undefined) base = parseBase(baseURL);
          init = parseConstructorString(input);
          if (base === null && init.protocol === undefined) {
            throw new PatternSyntaxError("a relative input without a base URL is not valid");
          }
        } else {
          if (baseURL !== undefined) throw new TypeError(BASE_WITH_INIT);
          if (input.baseURL !== undefined) base = parseBase(input.baseURL);
          init = input;
        }
        this.#components = compilePattern(init, base, options.ignoreCase);
        this.#ordered = inOrder(this.#components);
      } catch (e) {
        if (e instanceof PatternSyntaxError) throw new TypeError(describe(e, input));
        throw e;
      }
      this.#hasRegExpGroups = COMPONENTS.some((key) => this.#components[key].hasRegExpGroups);
    }

    static #of(self) {
      if (!(self !== null && typeof self === "object" && #components in self)) throw webidl.illegalInvocation();
      return self.#components;
    }

    get protocol() {
      return URLPattern.#of(this).protocol.patternString;
    }

    get username() {
      return URLPattern.#of(this).username.patternString;
    }

    get password() {
      return URLPattern.#of(this).password.patternString;
    }

    get hostname() {
      return URLPattern.#of(this).hostname.patternString;
    }

    get port() {
      return URLPattern.#of(this).port.patternString;
    }

    get pathname() {
      return URLPattern.#of(this).pathname.patternString;
    }

    get search() {
      return URLPattern.#of(this).search.patternString;
    }

    get hash() {
      return URLPattern.#of(this).hash.patternString;
    }

    get hasRegExpGroups() {
      URLPattern.#of(this);
      return this.#hasRegExpGroups;
    }

    test(input, baseURL = undefined) {
      URLPattern.#of(this);
      if (arguments.length < 1) webidl.requiredArguments(0, 1, "Failed to execute 'test' on 'URLPattern'");
      const values = matchValues(convertInput(input), baseURL === undefined ? undefined : usv(baseURL));
      if (values === null) return false;
      const ordered = this.#ordered;
      for (let i = 0; i < 8; i++) {
        const component = ordered[i];
        const kind = component.kind;
        if (kind === ANY) continue;
        if (kind === EMPTY ? values[i] !== "" : !component.regexp.test(values[i])) return false;
      }
      return true;
    }

    exec(input, baseURL = undefined) {
      URLPattern.#of(this);
      if (arguments.length < 1) webidl.requiredArguments(0, 1, "Failed to execute 'exec' on 'URLPattern'");
      input = convertInput(input);
      if (baseURL !== undefined) baseURL = usv(baseURL);
      const values = matchValues(input, baseURL);
      if (values === null) return null;
      const ordered = this.#ordered;
      const results = [];
      for (let i = 0; i < 8; i++) {
        const component = ordered[i];
        const value = values[i];
        let groups;
        if (component.kind === EMPTY) {
          if (value !== "") return null;
          groups = {};
        } else if (component.kind === ANY) {
          groups = { 0: value };
        } else {
          const match = component.regexp.exec(value);
          if (match === null) return null;
          groups = {};
          const names = component.names;
          for (let j = 0; j < names.length; j++) {
            // A group named "__proto__" is an own property in Deno's result, not a prototype change.
            if (names[j] === "__proto__") Object.defineProperty(groups, names[j], DATA(match[j + 1]));
            else groups[names[j]] = match[j + 1];
          }
        }
        results.push({ input: value, groups });
      }
      const first = typeof input === "string" ? input : Object.assign(Object.create(null), input);
      return {
        inputs: baseURL === undefined || typeof input !== "string" ? [first] : [first, baseURL],
        protocol: results[0],
        username: results[1],
        password: results[2],
        hostname: results[3],
        port: results[4],
        pathname: results[5],
        search: results[6],
        hash: results[7],
      };
    }
  }

  // Deno's class defines its inspect hook in the class body, before the @@toStringTag is added.
  internal.defineInspect(URLPattern, (p) => ({
    protocol: p.protocol,
    username: p.username,
    password: p.password,
    hostname: p.hostname,
    port: p.port,
    pathname: p.pathname,
    search: p.search,
    hash: p.hash,
    hasRegExpGroups: p.hasRegExpGroups,
  }));
  webidl.configureInterface(URLPattern);

  internal.urlPattern = { URLPattern };
  internal.webApis.URLPattern = URLPattern;
})
