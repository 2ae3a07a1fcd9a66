// Headers (https://fetch.spec.whatwg.org/#headers-class), with Deno's checks and wording.
// A header list is a record {kind, list, guard, sorted}: `list` is flat [name0, value0, name1, ...]
// with lowercased names, the shape the HTTP ops carry, so a request that arrives or a response that
// leaves never converts it. Request and Response hold such a record and make the Headers object only
// when the script asks for `.headers` (see objectOf).
(function (binding, internal) {
  "use strict";
  const { webidl } = internal;
  const { attach, unwrap } = internal.webSlot;

  const TOKEN = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;
  const HTTP_WHITESPACE = /^[\t\n\r ]+|[\t\n\r ]+$/g;
  const INVALID_VALUE = /[\0\r\n]/;
  const INIT_TYPE = "'(sequence<sequence<ByteString>> or record<ByteString, ByteString>)'";

  function newRecord(guard, list = []) {
    return { kind: "Headers", list, guard, sorted: null };
  }

  function validName(name) {
    if (!TOKEN.test(name)) throw new TypeError(`Invalid header name: "${name}"`);
    return name.toLowerCase();
  }

  function normalizeValue(value) {
    value = value.replace(HTTP_WHITESPACE, "");
    if (INVALID_VALUE.test(value)) throw new TypeError(`Invalid header value: "${value}"`);
    return value;
  }

  function indexOf(list, name, from = 0) {
    for (let i = from; i < list.length; i += 2) if (list[i] === name) return i;
    return -1;
  }

  function changed(r) {
    r.sorted = null;
  }

  /** The spec's append, after the WebIDL conversions. */
  function append(r, name, value, message = "Cannot change header: headers are immutable") {
    const n = validName(name);
    const v = normalizeValue(value);
    if (r.guard === "immutable") throw new TypeError(message);
    r.list.push(n, v);
    changed(r);
  }

  function appendIfMissing(r, name, value) {
    if (indexOf(r.list, name) < 0) {
      r.list.push(name, value);
      changed(r);
    }
  }

  function combinedValue(r, name) {
    const list = r.list;
    let value = null;
    for (let i = 0; i < list.length; i += 2) {
      if (list[i] === name) value = value === null ? list[i + 1] : `${value}, ${list[i + 1]}`;
    }
    return value;
  }

  /** Sorted by name, repeated names combined with ", " except set-cookie (the spec's "sort and combine"). */
  function sortedAndCombined(r) {
    if (r.sorted !== null) return r.sorted;
    const list = r.list;
    const names = [];
    for (let i = 0; i < list.length; i += 2) if (!names.includes(list[i])) names.push(list[i]);
    names.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    const out = [];
    for (const name of names) {
      if (name === "set-cookie") {
        for (let i = 0; i < list.length; i += 2) if (list[i] === name) out.push([name, list[i + 1]]);
      } else {
        out.push([name, combinedValue(r, name)]);
      }
    }
    r.sorted = out;
    return out;
  }

  /**
   * Converts a HeadersInit (WebIDL: sequence<sequence<ByteString>> or record<ByteString, ByteString>)
   * and appends it to `r`. All of it is converted before anything is appended, as in Deno.
   */
  function fill(r, init, prefix, context) {
    if (init === undefined) return;
    if (init === null || (typeof init !== "object" && typeof init !== "function")) {
      throw webidl.conversionError(prefix, context, `The provided value is not of type ${INIT_TYPE}`);
    }
    const other = internal.webSlot.of(init);
    if (other !== undefined && other.kind === "Headers") {
      for (let i = 0; i < other.list.length; i++) r.list.push(other.list[i]);
      changed(r);
      return;
    }
    const pairs = [];
    if (init[Symbol.iterator] !== undefined) {
      let i = 0;
      for (const item of init) {
        if (item === null || typeof item !== "object" || typeof item[Symbol.iterator] !== "function") {
          throw webidl.conversionError(prefix, `${context}, index ${i}`, "can not be converted to sequence.");
        }
        let j = 0;
        const pair = [];
        for (const part of item) pair.push(webidl.byteString(part, prefix, `${context}, index ${i}, index ${j++}`));
        pairs.push(pair);
        i++;
      }
    } else {
      for (const key of Reflect.ownKeys(init)) {
        if (typeof key === "symbol") continue;
        const desc = Reflect.getOwnPropertyDescriptor(init, key);
        if (desc === undefined || !desc.enumerable) continue;
        pairs.push([webidl.byteString(key, prefix, context), webidl.byteString(init[key], prefix, context)]);
      }
    }
    for (const pair of pairs) {
      if (pair.length !== 2) throw new TypeError(`Invalid header: length must be 2, but is ${pair.length}`);
      append(r, pair[0], pair[1]);
    }
  }

  const record = (o) => unwrap(o, "Headers");

  function argument(method, value, index) {
    return webidl.byteString(value, `Failed to execute '${method}' on 'Headers'`, `Argument ${index}`);
  }

  function required(method, length, count) {
    webidl.requiredArguments(length, count, `Failed to execute '${method}' on 'Headers'`);
  }

  class Headers {
    constructor(init = undefined) {
      fill(attach(this, newRecord("none")), init, "Failed to construct 'Headers'", "Argument 1");
    }

    append(name, value) {
      const r = record(this);
      required("append", arguments.length, 2);
      append(r, argument("append", name, 1), argument("append", value, 2));
    }

    delete(name) {
      const r = record(this);
      required("delete", arguments.length, 1);
      const n = validName(argument("delete", name, 1));
      if (r.guard === "immutable") throw new TypeError("Cannot change headers: headers are immutable");
      const list = r.list;
      let kept = 0;
      for (let i = 0; i < list.length; i += 2) {
        if (list[i] !== n) {
          list[kept++] = list[i];
          list[kept++] = list[i + 1];
        }
      }
      list.length = kept;
      changed(r);
    }

    get(name) {
      const r = record(this);
      required("get", arguments.length, 1);
      return combinedValue(r, validName(argument("get", name, 1)));
    }

    getSetCookie() {
      const list = record(this).list;
      const out = [];
      for (let i = 0; i < list.length; i += 2) if (list[i] === "set-cookie") out.push(list[i + 1]);
      return out;
    }

    has(name) {
      const r = record(this);
      required("has", arguments.length, 1);
      return indexOf(r.list, validName(argument("has", name, 1))) >= 0;
    }

    set(name, value) {
      const r = record(this);
      required("set", arguments.length, 2);
      const n = validName(argument("set", name, 1));
      const v = normalizeValue(argument("set", value, 2));
      if (r.guard === "immutable") throw new TypeError("Cannot change headers: headers are immutable");
      const list = r.list;
      const first = indexOf(list, n);
      if (first < 0) {
        list.push(n, v);
      } else {
        list[first + 1] = v;
        let kept = first + 2;
        for (let i = first + 2; i < list.length; i += 2) {
          if (list[i] !== n) {
            list[kept++] = list[i];
            list[kept++] = list[i + 1];
          }
        }
        list.length = kept;
      }
      changed(r);
    }

    forEach(callback, thisArg = undefined) {
      const r = record(this);
      if (typeof callback !== "function") {
        const received = callback === null ? "null" : typeof callback;
        throw new TypeError(`The "callback" argument must be of type function. Received ${received}`);
      }
      for (let i = 0; i < sortedAndCombined(r).length; i++) {
        const [n, v] = sortedAndCombined(r)[i];
        callback.call(thisArg, v, n, this);
      }
    }

    keys() {
      return webidl.pairIterator(iteratorPrototype, record(this), "key");
    }

    values() {
      return webidl.pairIterator(iteratorPrototype, record(this), "value");
    }

    entries() {
      return webidl.pairIterator(iteratorPrototype, record(this), "key+value");
    }
  }
  webidl.configureInterface(Headers);
  Object.defineProperty(Headers.prototype, Symbol.iterator, {
    value: Headers.prototype.entries, writable: true, configurable: true,
  });
  const iteratorPrototype = webidl.pairIteratorPrototype("Headers", sortedAndCombined);

  // Deno prints "Headers " and then the combined values as a plain object (so depth -1 gives
  // "Headers [Object]").
  Object.defineProperty(Headers.prototype, Symbol.for("Deno.privateCustomInspect"), {
    value: function (inspect, options) {
      const r = record(this);
      const shown = {};
      for (const [n] of sortedAndCombined(r)) shown[n] = combinedValue(r, n);
      return `Headers ${inspect(shown, options)}`;
    },
  });

  /** The Headers object over header list `r`, made on first use. */
  function objectOf(r) {
    return r.obj ?? internal.webSlot.make(Headers, r).obj;
  }

  internal.headers = {
    Headers,
    newRecord,
    objectOf,
    fill,
    appendIfMissing,
    /** The record behind a Headers object, or undefined. */
    recordOf: (o) => {
      const r = internal.webSlot.of(o);
      return r !== undefined && r.kind === "Headers" ? r : undefined;
    },
    copy: (r, guard = r.guard) => newRecord(guard, r.list.slice()),
    get: (r, name) => combinedValue(r, name),
  };
  internal.webApis = Object.assign(internal.webApis ?? {}, { Headers });
})
