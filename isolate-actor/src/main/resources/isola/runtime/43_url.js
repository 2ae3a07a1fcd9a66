// URL and URLSearchParams: the WHATWG URL Standard's parser (https://url.spec.whatwg.org/), state by
// state, with the percent-encode sets Deno (ada) uses. Non-ASCII and punycode hosts go through
// UTS #46 (op_url_domain_to_ascii, ICU); everything else stays in JS, where parsing is cheapest.
(function (binding, internal) {
  "use strict";
  const { webidl, ops } = internal;

  const specialPorts = { "ftp": 21, "file": null, "http": 80, "https": 443, "ws": 80, "wss": 443 };
  const isSpecialScheme = (s) => Object.hasOwn(specialPorts, s);

  // Percent-encode sets, defined as predicates on a code point and used as 128-entry tables (1 = encode):
  // every set encodes all non-ASCII code points, and one table lookup per character is the same code
  // at every call site, where a predicate argument made each encoding loop call a different function.
  const c0Control = (c) => c < 0x20 || c > 0x7e;
  const fragmentSet = (c) => c0Control(c) || c === 0x20 || c === 0x22 || c === 0x3c || c === 0x3e || c === 0x60;
  const querySet = (c) => c0Control(c) || c === 0x20 || c === 0x22 || c === 0x23 || c === 0x3c || c === 0x3e;
  const specialQuerySet = (c) => querySet(c) || c === 0x27;
  const pathSet = (c) => querySet(c) || c === 0x3f || c === 0x60 || c === 0x7b || c === 0x7d;
  const userinfoSet = (c) => pathSet(c) || c === 0x2f || c === 0x3a || c === 0x3b || c === 0x3d || c === 0x40 ||
    (c >= 0x5b && c <= 0x5e) || c === 0x7c;
  const componentSet = (c) => userinfoSet(c) || (c >= 0x24 && c <= 0x26) || c === 0x2b || c === 0x2c;
  const formSet = (c) => componentSet(c) || c === 0x21 || (c >= 0x27 && c <= 0x29) || c === 0x7e;

  function tableOf(set) {
    const table = new Uint8Array(128);
    for (let c = 0; c < 128; c++) table[c] = set(c) ? 1 : 0;
    return table;
  }
  const C0_CONTROL_SET = tableOf(c0Control);
  const FRAGMENT_SET = tableOf(fragmentSet);
  const QUERY_SET = tableOf(querySet);
  const SPECIAL_QUERY_SET = tableOf(specialQuerySet);
  const PATH_SET = tableOf(pathSet);
  const USERINFO_SET = tableOf(userinfoSet);
  const FORM_SET = tableOf(formSet);

  // Characters that end a run the parser's states copy or encode as a whole (1 = stop): a state's "otherwise"
  // branch takes input up to the next character any other branch of it looks at, at once. Stopping early
  // is always safe (the state machine then sees that character itself).
  function stopsAt(chars) {
    const table = new Uint8Array(128);
    for (const ch of chars) table[ch.charCodeAt(0)] = 1;
    return table;
  }
  const AUTHORITY_STOPS = stopsAt("@/\\?#");
  const HOST_STOPS = stopsAt(":/\\?#[]");
  const PATH_STOPS = stopsAt("/\\?#");
  const QUERY_OR_FRAGMENT_STOPS = stopsAt("?#");
  const FRAGMENT_STOPS = stopsAt("#");

  /** The end of the run starting at s[from]: the index of the next stop character after it, or s.length. */
  function runEnd(s, from, stops) {
    let i = from + 1;
    const len = s.length;
    while (i < len) {
      const c = s.charCodeAt(i);
      if (c < 0x80 && stops[c] === 1) break;
      i++;
    }
    return i;
  }

  const hex = "0123456789ABCDEF";
  function pctByte(b) {
    return "%" + hex[b >> 4] + hex[b & 15];
  }

  function utf8Percent(c) {
    if (c >= 0xd800 && c <= 0xdfff) c = 0xfffd;
    if (c < 0x80) return pctByte(c);
    if (c < 0x800) return pctByte(0xc0 | (c >> 6)) + pctByte(0x80 | (c & 63));
    if (c < 0x10000) {
      return pctByte(0xe0 | (c >> 12)) + pctByte(0x80 | ((c >> 6) & 63)) + pctByte(0x80 | (c & 63));
    }
    return pctByte(0xf0 | (c >> 18)) + pctByte(0x80 | ((c >> 12) & 63)) + pctByte(0x80 | ((c >> 6) & 63)) +
      pctByte(0x80 | (c & 63));
  }

  /**
   * UTF-8 percent-encodes the code points of s[from, to) that `table` selects (all non-ASCII ones). Runs
   * that need no encoding are copied as slices, and a string that needs none comes back as it is.
   */
  function percentEncode(s, table, from = 0, to = s.length, spaceAsPlus = false) {
    let i = from;
    while (i < to) {
      const c = s.charCodeAt(i);
      if (c >= 0x80 || table[c] === 1 || (spaceAsPlus && c === 0x20)) break;
      i++;
    }
    if (i === to) return from === 0 && to === s.length ? s : s.slice(from, to);
    let out = s.slice(from, i);
    let run = i;
    while (i < to) {
      const c = s.charCodeAt(i);
      if (c < 0x80) {
        if (table[c] === 0 && !(spaceAsPlus && c === 0x20)) {
          i++;
          continue;
        }
        out += s.slice(run, i) + (spaceAsPlus && c === 0x20 ? "+" : pctByte(c));
        i++;
      } else {
        const cp = s.codePointAt(i);
        out += s.slice(run, i) + utf8Percent(cp);
        i += cp > 0xffff ? 2 : 1;
      }
      run = i;
    }
    return out + s.slice(run, to);
  }

  const hexValue = (c) => (c >= 0x30 && c <= 0x39 ? c - 0x30 : c >= 0x41 && c <= 0x46 ? c - 0x37
    : c >= 0x61 && c <= 0x66 ? c - 0x57 : -1);

  const utf8Decoder = new internal.encoding.TextDecoder();
  const utf8Encoder = new internal.encoding.TextEncoder();

  /** Percent-decodes to bytes, then UTF-8 decodes them (with replacement). */
  function percentDecode(s) {
    if (s.indexOf("%") < 0) return s;
    const bytes = utf8Encoder.encode(s);
    const out = new Uint8Array(bytes.length);
    let n = 0;
    for (let i = 0; i < bytes.length; i++) {
      const b = bytes[i];
      if (b === 0x25 && i + 2 < bytes.length) {
        const h = hexValue(bytes[i + 1]);
        const l = hexValue(bytes[i + 2]);
        if (h >= 0 && l >= 0) {
          out[n++] = h * 16 + l;
          i += 2;
          continue;
        }
      }
      out[n++] = b;
    }
    return utf8Decoder.decode(out.subarray(0, n));
  }

  const isAsciiAlpha = (c) => (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a);
  const isAsciiDigit = (c) => c >= 0x30 && c <= 0x39;
  const isAsciiHex = (c) => hexValue(c) >= 0;
  const isSchemeChar = (c) => isAsciiAlpha(c) || isAsciiDigit(c) || c === 0x2b || c === 0x2d || c === 0x2e;

  function isForbiddenHost(c) {
    return c === 0x00 || c === 0x09 || c === 0x0a || c === 0x0d || c === 0x20 || c === 0x23 || c === 0x2f ||
      c === 0x3a || c === 0x3c || c === 0x3e || c === 0x3f || c === 0x40 || c === 0x5b || c === 0x5c ||
      c === 0x5d || c === 0x5e || c === 0x7c;
  }
  function isForbiddenDomain(c) {
    return isForbiddenHost(c) || c <= 0x1f || c === 0x25 || c === 0x7f;
  }

  const FAILURE = null;

  // ---- hosts ----

  // One RegExp object each, not a new one per call (a literal in a function body is re-created per call).
  const decimalDigits = /^[0-9]+$/;
  const digitsOfRadix = { 8: /^[0-7]+$/, 10: decimalDigits, 16: /^[0-9a-fA-F]+$/ };

  function parseIPv4Number(s) {
    if (s === "") return NaN;
    let radix = 10;
    if (s.length >= 2 && s[0] === "0" && (s[1] === "x" || s[1] === "X")) {
      s = s.slice(2);
      radix = 16;
    } else if (s.length >= 2 && s[0] === "0") {
      s = s.slice(1);
      radix = 8;
    }
    if (s === "") return 0;
    if (!digitsOfRadix[radix].test(s)) return NaN;
    return parseInt(s, radix);
  }

  function endsInNumber(s) {
    if (s === "") return false;
    // The last label, ignoring one trailing dot.
    const stop = s.charCodeAt(s.length - 1) === 0x2e ? s.length - 1 : s.length;
    const last = s.slice(s.lastIndexOf(".", stop - 1) + 1, stop);
    // Most hosts end in a name: neither a digit nor a hex number ("0x..."), whose last character may be a letter.
    const end = last.charCodeAt(last.length - 1);
    if (!(end >= 0x30 && end <= 0x39) && !(last[0] === "0" && (last[1] === "x" || last[1] === "X"))) return false;
    if (last !== "" && decimalDigits.test(last)) return true;
    return !Number.isNaN(parseIPv4Number(last));
  }

  function parseIPv4(s) {
    const parts = s.split(".");
    if (parts[parts.length - 1] === "" && parts.length > 1) parts.pop();
    if (parts.length > 4) return FAILURE;
    const numbers = [];
    for (const part of parts) {
      const n = parseIPv4Number(part);
      if (Number.isNaN(n)) return FAILURE;
      numbers.push(n);
    }
    for (let i = 0; i < numbers.length - 1; i++) if (numbers[i] > 255) return FAILURE;
    if (numbers[numbers.length - 1] >= 256 ** (5 - numbers.length)) return FAILURE;
    let ipv4 = numbers[numbers.length - 1];
    for (let i = 0; i < numbers.length - 1; i++) ipv4 += numbers[i] * 256 ** (3 - i);
    return { ipv4 };
  }

  function parseIPv6(s) {
    const address = [0, 0, 0, 0, 0, 0, 0, 0];
    let pieceIndex = 0;
    let compress = null;
    let p = 0;
    const c = (i) => (i < s.length ? s.charCodeAt(i) : -1);
    if (c(p) === 0x3a) {
      if (c(p + 1) !== 0x3a) return FAILURE;
      p += 2;
      pieceIndex++;
      compress = pieceIndex;
    }
    while (c(p) !== -1) {
      if (pieceIndex === 8) return FAILURE;
      if (c(p) === 0x3a) {
        if (compress !== null) return FAILURE;
        p++;
        pieceIndex++;
        compress = pieceIndex;
        continue;
      }
      let value = 0;
      let length = 0;
      while (length < 4 && isAsciiHex(c(p))) {
        value = value * 16 + hexValue(c(p));
        p++;
        length++;
      }
      if (c(p) === 0x2e) {
        if (length === 0) return FAILURE;
        p -= length;
        if (pieceIndex > 6) return FAILURE;
        let numbersSeen = 0;
        while (c(p) !== -1) {
          let ipv4Piece = null;
          if (numbersSeen > 0) {
            if (c(p) === 0x2e && numbersSeen < 4) p++;
            else return FAILURE;
          }
          if (!isAsciiDigit(c(p))) return FAILURE;
          while (isAsciiDigit(c(p))) {
            const number = c(p) - 0x30;
            if (ipv4Piece === null) ipv4Piece = number;
            else if (ipv4Piece === 0) return FAILURE;
            else ipv4Piece = ipv4Piece * 10 + number;
            if (ipv4Piece > 255) return FAILURE;
            p++;
          }
          address[pieceIndex] = address[pieceIndex] * 0x100 + ipv4Piece;
          numbersSeen++;
          if (numbersSeen === 2 || numbersSeen === 4) pieceIndex++;
        }
        if (numbersSeen !== 4) return FAILURE;
        break;
      } else if (c(p) === 0x3a) {
        p++;
        if (c(p) === -1) return FAILURE;
      } else if (c(p) !== -1) {
        return FAILURE;
      }
      address[pieceIndex] = value;
      pieceIndex++;
    }
    if (compress !== null) {
      let swaps = pieceIndex - compress;
      pieceIndex = 7;
      while (pieceIndex !== 0 && swaps > 0) {
        const t = address[pieceIndex];
        address[pieceIndex] = address[compress + swaps - 1];
        address[compress + swaps - 1] = t;
        pieceIndex--;
        swaps--;
      }
    } else if (pieceIndex !== 8) {
      return FAILURE;
    }
    return { ipv6: address };
  }

  function serializeIPv6(address) {
    // The first longest run of two or more zero pieces is compressed.
    let bestStart = -1;
    let bestLen = 1;
    for (let i = 0; i < 8;) {
      if (address[i] !== 0) {
        i++;
        continue;
      }
      let j = i;
      while (j < 8 && address[j] === 0) j++;
      if (j - i > bestLen) {
        bestStart = i;
        bestLen = j - i;
      }
      i = j;
    }
    let out = "";
    let ignore0 = false;
    for (let i = 0; i < 8; i++) {
      if (ignore0 && address[i] === 0) continue;
      ignore0 = false;
      if (bestStart === i) {
        out += i === 0 ? "::" : ":";
        ignore0 = true;
        continue;
      }
      out += address[i].toString(16);
      if (i !== 7) out += ":";
    }
    return out;
  }

  function serializeHost(host) {
    if (typeof host === "string") return host;
    if (host.ipv4 !== undefined) {
      const n = host.ipv4;
      return `${Math.floor(n / 16777216) % 256}.${Math.floor(n / 65536) % 256}.${Math.floor(n / 256) % 256}.${n % 256}`;
    }
    return `[${serializeIPv6(host.ipv6)}]`;
  }

  function domainToASCII(domain) {
    let ascii = true;
    for (let i = 0; i < domain.length; i++) {
      if (domain.charCodeAt(i) >= 0x80) {
        ascii = false;
        break;
      }
    }
    if (ascii) {
      const lower = domain.toLowerCase();
      // Punycode labels must be validated by UTS #46; plain ASCII labels only lower-case.
      if (!lower.startsWith("xn--") && lower.indexOf(".xn--") < 0) return lower === "" ? FAILURE : lower;
    }
    const result = ops.op_url_domain_to_ascii(domain);
    return result === null || result === "" ? FAILURE : result;
  }

  function parseOpaqueHost(input) {
    for (let i = 0; i < input.length; i++) {
      const c = input.charCodeAt(i);
      if (c !== 0x25 && isForbiddenHost(c)) return FAILURE;
    }
    return percentEncode(input, C0_CONTROL_SET);
  }

  function parseHost(input, isOpaque) {
    if (input.startsWith("[")) {
      if (!input.endsWith("]")) return FAILURE;
      return parseIPv6(input.slice(1, -1));
    }
    if (isOpaque) return parseOpaqueHost(input);
    const domain = percentDecode(input);
    const asciiDomain = domainToASCII(domain);
    if (asciiDomain === FAILURE) return FAILURE;
    for (let i = 0; i < asciiDomain.length; i++) {
      if (isForbiddenDomain(asciiDomain.charCodeAt(i))) return FAILURE;
    }
    if (endsInNumber(asciiDomain)) return parseIPv4(asciiDomain);
    return asciiDomain;
  }

  // ---- the basic URL parser ----

  const S = {
    SCHEME_START: 1, SCHEME: 2, NO_SCHEME: 3, SPECIAL_RELATIVE_OR_AUTHORITY: 4, PATH_OR_AUTHORITY: 5,
    RELATIVE: 6, RELATIVE_SLASH: 7, SPECIAL_AUTHORITY_SLASHES: 8, SPECIAL_AUTHORITY_IGNORE_SLASHES: 9,
    AUTHORITY: 10, HOST: 11, HOSTNAME: 12, PORT: 13, FILE: 14, FILE_SLASH: 15, FILE_HOST: 16,
    PATH_START: 17, PATH: 18, OPAQUE_PATH: 19, QUERY: 20, FRAGMENT: 21,
  };

  function newRecord() {
    return {
      scheme: "", username: "", password: "", host: null, port: null, path: [], opaque: false,
      query: null, fragment: null,
    };
  }

  const isWindowsDriveLetter = (s) => s.length === 2 && isAsciiAlpha(s.charCodeAt(0)) &&
    (s[1] === ":" || s[1] === "|");
  const isNormalizedWindowsDriveLetter = (s) => s.length === 2 && isAsciiAlpha(s.charCodeAt(0)) && s[1] === ":";
  function startsWithWindowsDriveLetter(s, p) {
    if (s.length - p < 2) return false;
    if (!isWindowsDriveLetter(s.slice(p, p + 2))) return false;
    if (s.length - p === 2) return true;
    const c = s[p + 2];
    return c === "/" || c === "\\" || c === "?" || c === "#";
  }

  function shortenPath(url) {
    const path = url.path;
    if (url.scheme === "file" && path.length === 1 && isNormalizedWindowsDriveLetter(path[0])) return;
    path.pop();
  }

  function isSingleDot(s) {
    return s === "." || (s.length === 3 && s.toLowerCase() === "%2e");
  }
  function isDoubleDot(s) {
    switch (s.length === 2 || s.length === 4 || s.length === 6 ? s.toLowerCase() : "") {
      case "..": case ".%2e": case "%2e.": case "%2e%2e": return true;
    }
    return false;
  }

  const includesCredentials = (url) => url.username !== "" || url.password !== "";
  const cannotHaveUserPassPort = (url) => url.host === null || url.host === "" || url.scheme === "file";

  function trimControlAndSpace(s) {
    let start = 0;
    let end = s.length;
    while (start < end && s.charCodeAt(start) <= 0x20) start++;
    while (end > start && s.charCodeAt(end - 1) <= 0x20) end--;
    return start === 0 && end === s.length ? s : s.slice(start, end);
  }

  /**
   * The basic URL parser. Without `url` it parses `input` against `base` and returns a new record or
   * FAILURE; with `url` and `stateOverride` it updates `url` in place (the setters) and returns
   * whether it did.
   */
  function basicParse(input, base, url, stateOverride) {
    if (url === undefined) {
      url = newRecord();
      input = trimControlAndSpace(input);
    }
    if (/[\t\n\r]/.test(input)) input = input.replace(/[\t\n\r]/g, "");
    let state = stateOverride ?? S.SCHEME_START;
    let buffer = "";
    let atSignSeen = false;
    let insideBrackets = false;
    let passwordTokenSeen = false;
    const len = input.length;
    let p = 0;

    // The pointer may step back (p--) or restart (p = -1); at p === len it points at EOF.
    for (; p <= len; p++) {
      const c = p < len ? input.charCodeAt(p) : -1; // -1 is the EOF code point
      switch (state) {
        case S.SCHEME_START:
          if (isAsciiAlpha(c)) {
            buffer += String.fromCharCode(c).toLowerCase();
            state = S.SCHEME;
          } else if (stateOverride === undefined) {
            state = S.NO_SCHEME;
            p--;
          } else {
            return false;
          }
          break;

        case S.SCHEME:
          if (isSchemeChar(c)) {
            let end = p + 1;
            while (end < len && isSchemeChar(input.charCodeAt(end))) end++;
            buffer += input.slice(p, end).toLowerCase();
            p = end - 1;
          } else if (c === 0x3a) {
            if (stateOverride !== undefined) {
              if (isSpecialScheme(url.scheme) !== isSpecialScheme(buffer)) return false;
              if ((includesCredentials(url) || url.port !== null) && buffer === "file") return false;
              if (url.scheme === "file" && url.host === "") return false;
            }
            url.scheme = buffer;
            if (stateOverride !== undefined) {
              if (url.port === specialPorts[url.scheme]) url.port = null;
              return true;
            }
            buffer = "";
            if (url.scheme === "file") {
              state = S.FILE;
            } else if (isSpecialScheme(url.scheme) && base !== null && base.scheme === url.scheme) {
              state = S.SPECIAL_RELATIVE_OR_AUTHORITY;
            } else if (isSpecialScheme(url.scheme)) {
              state = S.SPECIAL_AUTHORITY_SLASHES;
            } else if (input.charCodeAt(p + 1) === 0x2f) {
              state = S.PATH_OR_AUTHORITY;
              p++;
            } else {
              url.path = "";
              url.opaque = true;
              state = S.OPAQUE_PATH;
            }
          } else if (stateOverride === undefined) {
            buffer = "";
            state = S.NO_SCHEME;
            p = -1;
          } else {
            return false;
          }
          break;

        case S.NO_SCHEME:
          if (base === null || (base.opaque && c !== 0x23)) return FAILURE;
          if (base.opaque && c === 0x23) {
            url.scheme = base.scheme;
            url.path = base.path;
            url.opaque = true;
            url.query = base.query;
            url.fragment = "";
            state = S.FRAGMENT;
          } else if (base.scheme !== "file") {
            state = S.RELATIVE;
            p--;
          } else {
            state = S.FILE;
            p--;
          }
          break;

        case S.SPECIAL_RELATIVE_OR_AUTHORITY:
          if (c === 0x2f && input.charCodeAt(p + 1) === 0x2f) {
            state = S.SPECIAL_AUTHORITY_IGNORE_SLASHES;
            p++;
          } else {
            state = S.RELATIVE;
            p--;
          }
          break;

        case S.PATH_OR_AUTHORITY:
          if (c === 0x2f) {
            state = S.AUTHORITY;
          } else {
            state = S.PATH;
            p--;
          }
          break;

        case S.RELATIVE:
          url.scheme = base.scheme;
          if (c === 0x2f) {
            state = S.RELATIVE_SLASH;
          } else if (isSpecialScheme(url.scheme) && c === 0x5c) {
            state = S.RELATIVE_SLASH;
          } else {
            url.username = base.username;
            url.password = base.password;
            url.host = base.host;
            url.port = base.port;
            url.path = base.path.slice();
            url.query = base.query;
            if (c === 0x3f) {
              url.query = "";
              state = S.QUERY;
            } else if (c === 0x23) {
              url.fragment = "";
              state = S.FRAGMENT;
            } else if (c !== -1) {
              url.query = null;
              shortenPath(url);
              state = S.PATH;
              p--;
            }
          }
          break;

        case S.RELATIVE_SLASH:
          if (isSpecialScheme(url.scheme) && (c === 0x2f || c === 0x5c)) {
            state = S.SPECIAL_AUTHORITY_IGNORE_SLASHES;
          } else if (c === 0x2f) {
            state = S.AUTHORITY;
          } else {
            url.username = base.username;
            url.password = base.password;
            url.host = base.host;
            url.port = base.port;
            state = S.PATH;
            p--;
          }
          break;

        case S.SPECIAL_AUTHORITY_SLASHES:
          if (c === 0x2f && input.charCodeAt(p + 1) === 0x2f) {
            state = S.SPECIAL_AUTHORITY_IGNORE_SLASHES;
            p++;
          } else {
            state = S.SPECIAL_AUTHORITY_IGNORE_SLASHES;
            p--;
          }
          break;

        case S.SPECIAL_AUTHORITY_IGNORE_SLASHES:
          if (c !== 0x2f && c !== 0x5c) {
            state = S.AUTHORITY;
            p--;
          }
          break;

        case S.AUTHORITY:
          if (c === 0x40) {
            if (atSignSeen) buffer = "%40" + buffer;
            atSignSeen = true;
            const colon = passwordTokenSeen ? -1 : buffer.indexOf(":");
            if (colon >= 0) {
              passwordTokenSeen = true;
              url.username += percentEncode(buffer, USERINFO_SET, 0, colon);
              url.password += percentEncode(buffer, USERINFO_SET, colon + 1);
            } else if (passwordTokenSeen) {
              url.password += percentEncode(buffer, USERINFO_SET);
            } else {
              url.username += percentEncode(buffer, USERINFO_SET);
            }
            buffer = "";
          } else if (c === -1 || c === 0x2f || c === 0x3f || c === 0x23 ||
            (isSpecialScheme(url.scheme) && c === 0x5c)) {
            if (atSignSeen && buffer === "") return FAILURE;
            p -= buffer.length + 1;
            buffer = "";
            state = S.HOST;
          } else {
            const end = runEnd(input, p, AUTHORITY_STOPS);
            buffer += input.slice(p, end);
            p = end - 1;
          }
          break;

        case S.HOST:
        case S.HOSTNAME:
          if (stateOverride !== undefined && url.scheme === "file") {
            p--;
            state = S.FILE_HOST;
          } else if (c === 0x3a && !insideBrackets) {
            if (buffer === "") return stateOverride === undefined ? FAILURE : false;
            if (stateOverride === S.HOSTNAME) return false;
            const host = parseHost(buffer, !isSpecialScheme(url.scheme));
            if (host === FAILURE) return stateOverride === undefined ? FAILURE : false;
            url.host = host;
            buffer = "";
            state = S.PORT;
          } else if (c === -1 || c === 0x2f || c === 0x3f || c === 0x23 ||
            (isSpecialScheme(url.scheme) && c === 0x5c)) {
            p--;
            if (isSpecialScheme(url.scheme) && buffer === "") {
              return stateOverride === undefined ? FAILURE : false;
            } else if (stateOverride !== undefined && buffer === "" &&
              (includesCredentials(url) || url.port !== null)) {
              return false;
            }
            const host = parseHost(buffer, !isSpecialScheme(url.scheme));
            if (host === FAILURE) return stateOverride === undefined ? FAILURE : false;
            url.host = host;
            buffer = "";
            state = S.PATH_START;
            if (stateOverride !== undefined) return true;
          } else {
            if (c === 0x5b) insideBrackets = true;
            if (c === 0x5d) insideBrackets = false;
            const end = runEnd(input, p, HOST_STOPS);
            buffer += input.slice(p, end);
            p = end - 1;
          }
          break;

        case S.PORT:
          if (isAsciiDigit(c)) {
            buffer += input[p];
          } else if (c === -1 || c === 0x2f || c === 0x3f || c === 0x23 ||
            (isSpecialScheme(url.scheme) && c === 0x5c) || stateOverride !== undefined) {
            if (buffer !== "") {
              const port = parseInt(buffer, 10);
              if (port > 65535) return stateOverride === undefined ? FAILURE : false;
              url.port = specialPorts[url.scheme] === port ? null : port;
              buffer = "";
              if (stateOverride !== undefined) return true;
            }
            if (stateOverride !== undefined) return false;
            state = S.PATH_START;
            p--;
          } else {
            return stateOverride === undefined ? FAILURE : false;
          }
          break;

        case S.FILE:
          url.scheme = "file";
          url.host = "";
          if (c === 0x2f || c === 0x5c) {
            state = S.FILE_SLASH;
          } else if (base !== null && base.scheme === "file") {
            url.host = base.host;
            url.path = base.path.slice();
            url.query = base.query;
            if (c === 0x3f) {
              url.query = "";
              state = S.QUERY;
            } else if (c === 0x23) {
              url.fragment = "";
              state = S.FRAGMENT;
            } else if (c !== -1) {
              url.query = null;
              if (!startsWithWindowsDriveLetter(input, p)) shortenPath(url);
              else url.path = [];
              state = S.PATH;
              p--;
            }
          } else {
            state = S.PATH;
            p--;
          }
          break;

        case S.FILE_SLASH:
          if (c === 0x2f || c === 0x5c) {
            state = S.FILE_HOST;
          } else {
            if (base !== null && base.scheme === "file") {
              url.host = base.host;
              if (!startsWithWindowsDriveLetter(input, p) && base.path.length > 0 &&
                isNormalizedWindowsDriveLetter(base.path[0])) {
                url.path.push(base.path[0]);
              }
            }
            state = S.PATH;
            p--;
          }
          break;

        case S.FILE_HOST:
          if (c === -1 || c === 0x2f || c === 0x5c || c === 0x3f || c === 0x23) {
            p--;
            if (stateOverride === undefined && isWindowsDriveLetter(buffer)) {
              state = S.PATH;
            } else if (buffer === "") {
              url.host = "";
              if (stateOverride !== undefined) return true;
              state = S.PATH_START;
            } else {
              let host = parseHost(buffer, false);
              if (host === FAILURE) return stateOverride === undefined ? FAILURE : false;
              if (host === "localhost") host = "";
              url.host = host;
              if (stateOverride !== undefined) return true;
              buffer = "";
              state = S.PATH_START;
            }
          } else {
            const end = runEnd(input, p, PATH_STOPS);
            buffer += input.slice(p, end);
            p = end - 1;
          }
          break;

        case S.PATH_START:
          if (isSpecialScheme(url.scheme)) {
            state = S.PATH;
            if (c !== 0x2f && c !== 0x5c) p--;
          } else if (stateOverride === undefined && c === 0x3f) {
            url.query = "";
            state = S.QUERY;
          } else if (stateOverride === undefined && c === 0x23) {
            url.fragment = "";
            state = S.FRAGMENT;
          } else if (c !== -1) {
            state = S.PATH;
            if (c !== 0x2f) p--;
          } else if (stateOverride !== undefined && url.host === null) {
            url.path.push("");
          }
          break;

        case S.PATH: {
          const special = isSpecialScheme(url.scheme);
          if (c === -1 || c === 0x2f || (special && c === 0x5c) ||
            (stateOverride === undefined && (c === 0x3f || c === 0x23))) {
            if (isDoubleDot(buffer)) {
              shortenPath(url);
              if (c !== 0x2f && !(special && c === 0x5c)) url.path.push("");
            } else if (isSingleDot(buffer) && c !== 0x2f && !(special && c === 0x5c)) {
              url.path.push("");
            } else if (!isSingleDot(buffer)) {
              if (url.scheme === "file" && url.path.length === 0 && isWindowsDriveLetter(buffer)) {
                buffer = buffer[0] + ":";
              }
              url.path.push(buffer);
            }
            buffer = "";
            if (c === 0x3f) {
              url.query = "";
              state = S.QUERY;
            } else if (c === 0x23) {
              url.fragment = "";
              state = S.FRAGMENT;
            }
          } else {
            const end = runEnd(input, p, PATH_STOPS);
            buffer += percentEncode(input, PATH_SET, p, end);
            p = end - 1;
          }
          break;
        }

        case S.OPAQUE_PATH:
          if (c === 0x3f) {
            url.query = "";
            state = S.QUERY;
          } else if (c === 0x23) {
            url.fragment = "";
            state = S.FRAGMENT;
          } else if (c !== -1) {
            const end = runEnd(input, p, QUERY_OR_FRAGMENT_STOPS);
            url.path += percentEncode(input, C0_CONTROL_SET, p, end);
            p = end - 1;
          }
          break;

        case S.QUERY:
          if ((stateOverride === undefined && c === 0x23) || c === -1) {
            url.query += percentEncode(buffer, isSpecialScheme(url.scheme) ? SPECIAL_QUERY_SET : QUERY_SET);
            buffer = "";
            if (c === 0x23) {
              url.fragment = "";
              state = S.FRAGMENT;
            }
          } else {
            const end = runEnd(input, p, FRAGMENT_STOPS);
            buffer += input.slice(p, end);
            p = end - 1;
          }
          break;

        case S.FRAGMENT:
          if (c !== -1) {
            url.fragment += percentEncode(input, FRAGMENT_SET, p);
            p = len - 1;
          }
          break;
      }
    }
    return stateOverride === undefined ? url : true;
  }

  function serializePath(url) {
    if (url.opaque) return url.path;
    const path = url.path;
    let out = "";
    for (let i = 0; i < path.length; i++) out += "/" + path[i];
    return out;
  }

  function serialize(url, excludeFragment = false) {
    let out = url.scheme + ":";
    if (url.host !== null) {
      out += "//";
      if (includesCredentials(url)) {
        out += url.username;
        if (url.password !== "") out += ":" + url.password;
        out += "@";
      }
      out += serializeHost(url.host);
      if (url.port !== null) out += ":" + url.port;
    }
    // A path starting with an empty segment must not read as an authority ("/.//p", not "//p").
    if (url.host === null && !url.opaque && url.path.length > 1 && url.path[0] === "") out += "/.";
    out += serializePath(url);
    if (url.query !== null) out += "?" + url.query;
    if (!excludeFragment && url.fragment !== null) out += "#" + url.fragment;
    return out;
  }

  // Absolute URLs of the special schemes but file, in the shape nearly every URL a program sees has:
  // "scheme://[user[:password]@]host[:port][/path][?query][#fragment]" made only of characters that no
  // percent-encode set of their component selects, the host plain ASCII (or an IPv6 literal). One
  // regular expression (native code, fast even before the JIT compiles any JS) splits them; only case,
  // ports, dot segments and IPv4 hosts are left to do. Anything else goes to the state machine below,
  // which costs several times more per URL, most of all while still interpreted.
  const SIMPLE_URL = new RegExp(
    "^([A-Za-z][A-Za-z0-9+.-]*)://" +
    "(?:([A-Za-z0-9!$%&'()*+,._~-]*)(?::([A-Za-z0-9!$%&'()*+,._~-]*))?@)?" + // userinfo: no USERINFO_SET character
    "([A-Za-z0-9.-]+|\\[[0-9A-Fa-f:.]+\\])" + // host
    "(?::([0-9]*))?" +
    "((?:/[!$-.0-;=@-\\[\\]-_a-z|~]*)*)" + // path: no PATH_SET character, nor "\\"
    "(?:\\?([!$-&(-;=?-~]*))?" + // query: no SPECIAL_QUERY_SET character
    "(?:#([!#-;=?-_a-~]*))?$"); // fragment: no FRAGMENT_SET character

  function parseSimple(input) {
    const m = SIMPLE_URL.exec(input);
    if (m === null) return FAILURE;
    const scheme = m[1].toLowerCase();
    if (scheme === "file" || !isSpecialScheme(scheme)) return FAILURE;
    let host = m[4].toLowerCase();
    if (host.charCodeAt(0) === 0x5b) {
      host = parseIPv6(host.slice(1, -1));
    } else if (host.includes("xn--")) {
      return FAILURE; // punycode labels need UTS #46 validation
    } else if (endsInNumber(host)) {
      host = parseIPv4(host);
    }
    if (host === FAILURE) return FAILURE;
    let port = null;
    if (m[5] !== undefined && m[5] !== "") {
      port = Number(m[5]);
      if (port > 65535) return FAILURE;
      if (port === specialPorts[scheme]) port = null;
    }
    const url = newRecord();
    url.scheme = scheme;
    if (m[2] !== undefined) {
      url.username = m[2];
      if (m[3] !== undefined) url.password = m[3];
    }
    url.host = host;
    url.port = port;
    url.path = simplePath(m[6]);
    url.query = m[7] === undefined ? null : m[7];
    url.fragment = m[8] === undefined ? null : m[8];
    return url;
  }

  /** The path state's segments for a special, non-file URL's path with no character to encode. */
  function simplePath(text) {
    if (text === "") return [""];
    const segments = text.split("/");
    // segments[0] is the empty string before the leading "/".
    if (segments.length === 2 && !isSingleDot(segments[1]) && !isDoubleDot(segments[1])) return [segments[1]];
    const path = [];
    const last = segments.length - 1;
    for (let i = 1; i <= last; i++) {
      const segment = segments[i];
      if (isDoubleDot(segment)) {
        path.pop();
        if (i === last) path.push("");
      } else if (isSingleDot(segment)) {
        if (i === last) path.push("");
      } else {
        path.push(segment);
      }
    }
    return path;
  }

  function parseUrl(input, baseText) {
    let base = null;
    if (baseText !== undefined) {
      base = parseSimple(baseText) ?? basicParse(baseText, null);
      if (base === FAILURE) return FAILURE;
    }
    return parseSimple(input) ?? basicParse(input, base);
  }

  const toUSV = (v) => `${v}`.toWellFormed();

  // ---- URLSearchParams ----

  function parseForm(input) {
    const list = [];
    for (const sequence of input.split("&")) {
      if (sequence === "") continue;
      const eq = sequence.indexOf("=");
      const name = eq < 0 ? sequence : sequence.slice(0, eq);
      const value = eq < 0 ? "" : sequence.slice(eq + 1);
      list.push([percentDecode(name.replaceAll("+", " ")), percentDecode(value.replaceAll("+", " "))]);
    }
    return list;
  }

  function serializeForm(list) {
    let out = "";
    for (let i = 0; i < list.length; i++) {
      if (i > 0) out += "&";
      out += percentEncode(list[i][0], FORM_SET, 0, list[i][0].length, true) + "=" +
        percentEncode(list[i][1], FORM_SET, 0, list[i][1].length, true);
    }
    return out;
  }

  function requireArgs(given, needed) {
    if (given >= needed) return;
    throw webidl.withCode(
      new TypeError(needed === 1 ? 'The "name" argument must be specified' : 'The "name" and "value" arguments must be specified'),
      "ERR_MISSING_ARGS");
  }

  const illegal = Symbol("isola.illegalConstructor");

  // URLSearchParams and URL keep their state in WeakMaps rather than private fields: GraalJS keys a
  // private field by its name across every context of the shared engine, so with many live isolates
  // each new instance searched a chain as long as their number (docs/architecture.md, "Private fields").
  const paramsStates = new WeakMap();

  function attachParams(p, url, list) {
    const state = paramsStates.get(p);
    state.url = url;
    state.list = list;
  }

  // Deno's URLSearchParams words its argument errors as Node does.
  function paramsState(self) {
    const state = self !== null && typeof self === "object" ? paramsStates.get(self) : undefined;
    if (state === undefined) {
      throw webidl.withCode(new TypeError('Value of "this" must be of type URLSearchParams'), "ERR_INVALID_THIS");
    }
    return state;
  }

  function updateParams(state) {
    const url = state.url;
    if (url === null) return;
    const query = serializeForm(state.list);
    url.record.query = query === "" ? null : query;
    if (query === "") stripTrailingSpacesFromOpaquePath(url.record);
  }

  class URLSearchParams {
    constructor(init = "") {
      const state = { list: [], url: null };
      paramsStates.set(this, state);
      if (init === illegal) return;
      if (init !== null && (typeof init === "object" || typeof init === "function")) {
        if (typeof init[Symbol.iterator] === "function") {
          for (const pair of init) {
            if (pair === null || typeof pair !== "object" || typeof pair[Symbol.iterator] !== "function") {
              throw webidl.withCode(
                new TypeError("Each query pair must be an iterable [name, value] tuple"), "ERR_INVALID_TUPLE");
            }
            const items = [...pair];
            if (items.length !== 2) {
              throw webidl.withCode(
                new TypeError("Each query pair must be an iterable [name, value] tuple"), "ERR_INVALID_TUPLE");
            }
            state.list.push([toUSV(items[0]), toUSV(items[1])]);
          }
        } else {
          for (const key of Reflect.ownKeys(init)) {
            const desc = Reflect.getOwnPropertyDescriptor(init, key);
            if (desc === undefined || !desc.enumerable) continue;
            if (typeof key === "symbol") throw new TypeError("Cannot convert a Symbol value to a string");
            state.list.push([toUSV(key), toUSV(init[key])]);
          }
        }
      } else {
        let text = toUSV(init);
        if (text.startsWith("?")) text = text.slice(1);
        state.list = parseForm(text);
      }
    }

    append(name, value) {
      const state = paramsState(this);
      requireArgs(arguments.length, 2);
      state.list.push([toUSV(name), toUSV(value)]);
      updateParams(state);
    }

    delete(name, value = undefined) {
      const state = paramsState(this);
      requireArgs(arguments.length, 1);
      name = toUSV(name);
      if (value !== undefined) {
        value = toUSV(value);
        state.list = state.list.filter(([n, v]) => !(n === name && v === value));
      } else {
        state.list = state.list.filter(([n]) => n !== name);
      }
      updateParams(state);
    }

    getAll(name) {
      const state = paramsState(this);
      requireArgs(arguments.length, 1);
      name = toUSV(name);
      return state.list.filter(([n]) => n === name).map(([, v]) => v);
    }

    get(name) {
      const state = paramsState(this);
      requireArgs(arguments.length, 1);
      name = toUSV(name);
      const entry = state.list.find(([n]) => n === name);
      return entry === undefined ? null : entry[1];
    }

    has(name, value = undefined) {
      const state = paramsState(this);
      requireArgs(arguments.length, 1);
      name = toUSV(name);
      if (value !== undefined) {
        value = toUSV(value);
        return state.list.some(([n, v]) => n === name && v === value);
      }
      return state.list.some(([n]) => n === name);
    }

    set(name, value) {
      const state = paramsState(this);
      requireArgs(arguments.length, 2);
      name = toUSV(name);
      value = toUSV(value);
      const i = state.list.findIndex(([n]) => n === name);
      if (i < 0) {
        state.list.push([name, value]);
      } else {
        state.list[i][1] = value;
        state.list = state.list.filter(([n], j) => j <= i || n !== name);
      }
      updateParams(state);
    }

    sort() {
      const state = paramsState(this);
      // Stable, by UTF-16 code units, as the standard says.
      state.list.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
      updateParams(state);
    }

    toString() {
      const state = paramsState(this);
      return serializeForm(state.list);
    }

    get size() {
      const state = paramsState(this);
      return state.list.length;
    }

    entries() {
      const state = paramsState(this);
      return iterate(state.list, (e) => [e[0], e[1]]);
    }

    keys() {
      const state = paramsState(this);
      return iterate(state.list, (e) => e[0]);
    }

    values() {
      const state = paramsState(this);
      return iterate(state.list, (e) => e[1]);
    }

    forEach(callback, thisArg = undefined) {
      const state = paramsState(this);
      if (typeof callback !== "function") {
        throw webidl.withCode(
          new TypeError(`The "callback" argument must be of type function. Received ${typeof callback}`),
          "ERR_INVALID_ARG_TYPE");
      }
      for (let i = 0; i < state.list.length; i++) {
        const [name, value] = state.list[i];
        Reflect.apply(callback, thisArg, [value, name, this]);
      }
    }
  }
  webidl.configureInterface(URLSearchParams);
  // Deno's layout: the pairs as a Map shows them, on one line when it fits in 80 columns, else one
  // pair per line with the brace closing the last.
  Object.defineProperty(URLSearchParams.prototype, Symbol.for("Deno.privateCustomInspect"), {
    value(inspect, options) {
      const name = (typeof this.constructor === "function" && this.constructor.name) || "URLSearchParams";
      const pairs = [];
      for (const [k, v] of this) pairs.push(`${inspect(k, options)} => ${inspect(v, options)}`);
      if (pairs.length === 0) return `${name} {}`;
      const line = `${name} { ${pairs.join(", ")} }`;
      return line.length <= 80 ? line : `${name} {\n  ${pairs.join(",\n  ")} }`;
    },
  });
  Object.defineProperty(URLSearchParams.prototype, Symbol.iterator, {
    value: URLSearchParams.prototype.entries, writable: true, configurable: true,
  });
  Object.defineProperty(URLSearchParams.prototype, webidl.hostObjectBrand, { value: true });

  const IteratorPrototype = Object.getPrototypeOf(Object.getPrototypeOf([][Symbol.iterator]()));
  const paramsIteratorPrototype = Object.create(IteratorPrototype, {
    next: {
      value: function next() {
        const state = this?.state;
        if (state === undefined) {
          throw webidl.withCode(
            new TypeError('Value of "this" must be of type URLSearchParamsIterator'), "ERR_INVALID_THIS");
        }
        if (state.index >= state.list.length) return { value: undefined, done: true };
        return { value: state.map(state.list[state.index++]), done: false };
      },
      writable: true, enumerable: true, configurable: true,
    },
    [Symbol.toStringTag]: { value: "URLSearchParams Iterator", configurable: true },
  });
  function iterate(list, map) {
    const it = Object.create(paramsIteratorPrototype);
    Object.defineProperty(it, "state", { value: { list, index: 0, map } });
    return it;
  }

  function stripTrailingSpacesFromOpaquePath(record) {
    if (!record.opaque || record.fragment !== null || record.query !== null) return;
    record.path = record.path.replace(/ +$/, "");
  }

  // ---- URL ----

  const urlStates = new WeakMap();

  function urlState(self) {
    const state = self !== null && typeof self === "object" ? urlStates.get(self) : undefined;
    if (state === undefined) throw webidl.illegalInvocation();
    return state;
  }

  const recordOf = (self) => urlState(self).record;

  /** Re-reads the query into the live URLSearchParams after the URL changed. */
  function syncParams(state) {
    if (state.params !== null) {
      const query = state.record.query;
      attachParams(state.params, { record: state.record }, query === null ? [] : parseForm(query));
    }
  }

  class URL {
    constructor(url, base = undefined) {
      webidl.requiredArguments(arguments.length, 1, "Failed to construct 'URL'");
      url = toUSV(url);
      if (base !== undefined) base = toUSV(base);
      const record = parseUrl(url, base);
      if (record === FAILURE) {
        throw new TypeError(base === undefined ? `Invalid URL: '${url}'` : `Invalid URL: '${url}' with base '${base}'`);
      }
      urlStates.set(this, { record, params: null });
    }

    static parse(url, base = undefined) {
      webidl.requiredArguments(arguments.length, 1, "Failed to execute 'URL.parse'");
      try {
        return base === undefined ? new URL(url) : new URL(url, base);
      } catch {
        return null;
      }
    }

    static canParse(url, base = undefined) {
      webidl.requiredArguments(arguments.length, 1, "Failed to execute 'URL.canParse'");
      return parseUrl(toUSV(url), base === undefined ? undefined : toUSV(base)) !== FAILURE;
    }

    /** A blob: URL for `blob`, good in this isolate until revoked (Deno's are good in the whole process). */
    static createObjectURL(blob) {
      const prefix = "Failed to execute 'createObjectURL' on 'URL'";
      webidl.requiredArguments(arguments.length, 1, prefix);
      if (!internal.blob.isBlob(blob)) {
        throw new TypeError(`${prefix}: The "blob" argument must be an instance of Blob`);
      }
      const url = `blob:null/${randomUuid()}`;
      blobUrls.set(url, blob);
      return url;
    }

    static revokeObjectURL(url) {
      webidl.requiredArguments(arguments.length, 1, "Failed to execute 'revokeObjectURL' on 'URL'");
      const parsed = parseUrl(toUSV(url), undefined);
      // Deno's message (and class) from its URL parser.
      if (parsed === FAILURE) throw new Error("relative URL without a base");
      blobUrls.delete(withoutFragment(serialize(parsed)));
    }

    get hash() {
      const r = recordOf(this);
      return r.fragment === null || r.fragment === "" ? "" : "#" + r.fragment;
    }
    set hash(value) {
      const r = recordOf(this);
      value = toUSV(value);
      if (value === "") {
        r.fragment = null;
        stripTrailingSpacesFromOpaquePath(r);
        return;
      }
      if (value.startsWith("#")) value = value.slice(1);
      r.fragment = "";
      updateWith(r, value, S.FRAGMENT);
    }

    get host() {
      const r = recordOf(this);
      if (r.host === null) return "";
      return r.port === null ? serializeHost(r.host) : serializeHost(r.host) + ":" + r.port;
    }
    set host(value) {
      const r = recordOf(this);
      if (r.opaque) return;
      updateWith(r, toUSV(value), S.HOST);
    }

    get hostname() {
      const r = recordOf(this);
      return r.host === null ? "" : serializeHost(r.host);
    }
    set hostname(value) {
      const r = recordOf(this);
      if (r.opaque) return;
      updateWith(r, toUSV(value), S.HOSTNAME);
    }

    get href() {
      return serialize(recordOf(this));
    }
    set href(value) {
      const state = urlState(this);
      value = toUSV(value);
      const record = parseUrl(value, undefined);
      if (record === FAILURE) throw new TypeError(`Invalid URL: '${value}'`);
      state.record = record;
      syncParams(state);
    }

    get origin() {
      return origin(recordOf(this));
    }

    get password() {
      return recordOf(this).password;
    }
    set password(value) {
      const r = recordOf(this);
      if (cannotHaveUserPassPort(r)) return;
      r.password = percentEncode(toUSV(value), USERINFO_SET);
    }

    get pathname() {
      return serializePath(recordOf(this));
    }
    set pathname(value) {
      const r = recordOf(this);
      if (r.opaque) return;
      r.path = [];
      basicParse(toUSV(value), null, r, S.PATH_START);
    }

    get port() {
      const r = recordOf(this);
      return r.port === null ? "" : String(r.port);
    }
    set port(value) {
      const r = recordOf(this);
      if (cannotHaveUserPassPort(r)) return;
      value = toUSV(value);
      if (value === "") r.port = null;
      else updateWith(r, value, S.PORT);
    }

    get protocol() {
      return recordOf(this).scheme + ":";
    }
    set protocol(value) {
      const r = recordOf(this);
      updateWith(r, toUSV(value) + ":", S.SCHEME_START);
    }

    get search() {
      const r = recordOf(this);
      return r.query === null || r.query === "" ? "" : "?" + r.query;
    }
    set search(value) {
      const state = urlState(this);
      const r = state.record;
      value = toUSV(value);
      if (value === "") {
        r.query = null;
        stripTrailingSpacesFromOpaquePath(r);
      } else {
        if (value.startsWith("?")) value = value.slice(1);
        r.query = "";
        updateWith(r, value, S.QUERY);
      }
      syncParams(state);
    }

    get username() {
      return recordOf(this).username;
    }
    set username(value) {
      const r = recordOf(this);
      if (cannotHaveUserPassPort(r)) return;
      r.username = percentEncode(toUSV(value), USERINFO_SET);
    }

    get searchParams() {
      const state = urlState(this);
      if (state.params === null) {
        const r = state.record;
        state.params = new URLSearchParams(illegal);
        attachParams(state.params, { record: r }, r.query === null ? [] : parseForm(r.query));
      }
      return state.params;
    }

    toString() {
      return serialize(recordOf(this));
    }

    toJSON() {
      return serialize(recordOf(this));
    }
  }
  webidl.configureInterface(URL);
  internal.defineInspect(URL, (u) => ({
    href: u.href, origin: u.origin, protocol: u.protocol, username: u.username, password: u.password,
    host: u.host, hostname: u.hostname, port: u.port, pathname: u.pathname, hash: u.hash, search: u.search,
  }));
  Object.defineProperty(URL.prototype, webidl.hostObjectBrand, { value: true });

  /** A setter's parse works in place: what it set before a failure stays set, as the standard says. */
  function updateWith(record, input, state) {
    basicParse(input, null, record, state);
  }

  function origin(r) {
    switch (r.scheme) {
      case "blob": {
        const inner = r.opaque ? basicParse(r.path, null) : FAILURE;
        if (inner !== FAILURE && (inner.scheme === "http" || inner.scheme === "https")) return origin(inner);
        return "null";
      }
      case "ftp": case "http": case "https": case "ws": case "wss":
        return r.scheme + "://" + serializeHost(r.host) + (r.port === null ? "" : ":" + r.port);
      default:
        return "null";
    }
  }

  /** blob: URL (without fragment) -> its Blob, for fetch, import() and workers. */
  const blobUrls = new Map();
  const withoutFragment = (url) => {
    const hash = url.indexOf("#");
    return hash < 0 ? url : url.slice(0, hash);
  };
  function randomUuid() {
    const hex = Array.from({ length: 32 }, () => Math.floor(Math.random() * 16).toString(16));
    hex[12] = "4";
    hex[16] = (8 + Math.floor(Math.random() * 4)).toString(16);
    const s = hex.join("");
    return `${s.slice(0, 8)}-${s.slice(8, 12)}-${s.slice(12, 16)}-${s.slice(16, 20)}-${s.slice(20)}`;
  }

  internal.url = {
    URL, URLSearchParams, parseUrl, serializeUrl: serialize, percentDecode,
    /** The Blob a blob: URL names, or undefined. */
    blobOf: (url) => blobUrls.get(withoutFragment(url)),
    // The state machine itself, for URLPattern's component canonicalization (44_urlpattern.js).
    basicParse, states: S, newRecord, serializeHost, serializePath, specialPorts,
    percentEncodeC0: (s) => percentEncode(s, C0_CONTROL_SET),
  };
  Object.assign(internal.webApis, { URL, URLSearchParams });
})
