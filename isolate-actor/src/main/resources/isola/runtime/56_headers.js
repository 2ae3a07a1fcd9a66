// Headers (https://fetch.spec.whatwg.org/#headers-class): an ordered header list with lowercased
// names; iteration is sorted and combines repeated names, except set-cookie, as Deno does.
(function (binding, internal) {
  "use strict";
  const { attach, unwrap, defineInspect } = internal.webSlot;
  const make = (cls, record) => internal.webSlot.make(cls, record).obj;

  const TOKEN = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;
  const HTTP_WHITESPACE = /^[\t\n\r ]+|[\t\n\r ]+$/g;
  const INVALID_VALUE = /[\0\r\n]/;

  function checkName(name) {
    if (!TOKEN.test(name)) throw new TypeError(`Invalid header name: "${name}"`);
    return name.toLowerCase();
  }

  function normalizeValue(value) {
    value = String(value).replace(HTTP_WHITESPACE, "");
    if (INVALID_VALUE.test(value)) throw new TypeError(`Invalid header value: "${value}"`);
    return value;
  }

  function headers(o) {
    return unwrap(o, "Headers");
  }

  function checkMutable(r) {
    if (r.guard === "immutable") throw new TypeError("Cannot change headers: headers are immutable");
  }

  function changed(r) {
    r.sorted = null;
  }

  function append(r, name, value) {
    r.list.push([checkName(String(name)), normalizeValue(value)]);
    changed(r);
  }

  /** Sorted by name, repeated names combined with ", " except set-cookie (the spec's "sort and combine"). */
  function sortedAndCombined(r) {
    if (r.sorted !== null) return r.sorted;
    const names = [...new Set(r.list.map(([n]) => n))].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    const out = [];
    for (const name of names) {
      if (name === "set-cookie") {
        for (const [n, v] of r.list) if (n === name) out.push([n, v]);
      } else {
        out.push([name, combinedValue(r, name)]);
      }
    }
    r.sorted = out;
    return out;
  }

  function combinedValue(r, name) {
    let value = null;
    for (const [n, v] of r.list) {
      if (n === name) value = value === null ? v : `${value}, ${v}`;
    }
    return value;
  }

  const initTypeError = () => new TypeError(
    "Failed to construct 'Headers': Argument 1 The provided value is not of type " +
    "'(sequence<sequence<ByteString>> or record<ByteString, ByteString>)'");

  function fill(r, init) {
    if (init === undefined) return;
    if (init === null || (typeof init !== "object" && typeof init !== "function")) throw initTypeError();
    const other = internal.webSlot.of(init);
    if (other !== undefined && other.kind === "Headers") {
      for (const [n, v] of other.list) r.list.push([n, v]);
      return;
    }
    if (typeof init[Symbol.iterator] === "function") {
      for (const pair of init) {
        if (pair === null || typeof pair !== "object" || typeof pair[Symbol.iterator] !== "function") {
          throw initTypeError();
        }
        const items = [...pair];
        if (items.length !== 2) throw new TypeError(`Invalid header: length must be 2, but is ${items.length}`);
        append(r, items[0], items[1]);
      }
      return;
    }
    for (const key of Reflect.ownKeys(init)) {
      const desc = Reflect.getOwnPropertyDescriptor(init, key);
      if (desc === undefined || !desc.enumerable || typeof key === "symbol") continue;
      append(r, key, init[key]);
    }
  }

  function newRecord(guard) {
    return { kind: "Headers", list: [], guard, sorted: null };
  }

  class Headers {
    constructor(init = undefined) {
      const r = attach(this, newRecord("none"));
      fill(r, init);
    }

    append(name, value) {
      const r = headers(this);
      internal.webidl.requiredArguments(arguments.length, 2, "Failed to execute 'append' on 'Headers'");
      checkMutable(r);
      append(r, name, value);
    }

    delete(name) {
      const r = headers(this);
      internal.webidl.requiredArguments(arguments.length, 1, "Failed to execute 'delete' on 'Headers'");
      const n = checkName(String(name));
      checkMutable(r);
      r.list = r.list.filter(([k]) => k !== n);
      changed(r);
    }

    get(name) {
      const r = headers(this);
      internal.webidl.requiredArguments(arguments.length, 1, "Failed to execute 'get' on 'Headers'");
      return combinedValue(r, checkName(String(name)));
    }

    getSetCookie() {
      return headers(this).list.filter(([n]) => n === "set-cookie").map(([, v]) => v);
    }

    has(name) {
      const r = headers(this);
      internal.webidl.requiredArguments(arguments.length, 1, "Failed to execute 'has' on 'Headers'");
      const n = checkName(String(name));
      return r.list.some(([k]) => k === n);
    }

    set(name, value) {
      const r = headers(this);
      internal.webidl.requiredArguments(arguments.length, 2, "Failed to execute 'set' on 'Headers'");
      const n = checkName(String(name));
      const v = normalizeValue(value);
      checkMutable(r);
      const i = r.list.findIndex(([k]) => k === n);
      if (i < 0) {
        r.list.push([n, v]);
      } else {
        r.list[i] = [n, v];
        r.list = r.list.filter(([k], j) => j <= i || k !== n);
      }
      changed(r);
    }

    forEach(callback, thisArg = undefined) {
      const r = headers(this);
      if (typeof callback !== "function") {
        throw new TypeError("Failed to execute 'forEach' on 'Headers': Argument 1 is not a function");
      }
      for (let i = 0; i < sortedAndCombined(r).length; i++) {
        const [n, v] = sortedAndCombined(r)[i];
        callback.call(thisArg, v, n, this);
      }
    }

    keys() {
      return iterator(headers(this), "key");
    }

    values() {
      return iterator(headers(this), "value");
    }

    entries() {
      return iterator(headers(this), "key+value");
    }
  }
  Object.defineProperty(Headers.prototype, Symbol.iterator, {
    value: Headers.prototype.entries, writable: true, configurable: true,
  });
  Object.defineProperty(Headers.prototype, Symbol.toStringTag, { value: "Headers", configurable: true });

  const iteratorPrototype = Object.create(Object.getPrototypeOf(Object.getPrototypeOf([][Symbol.iterator]())), {
    next: {
      value: function next() {
        const it = this[iteratorState];
        if (it === undefined) throw internal.webSlot.invalidThis();
        const pairs = sortedAndCombined(it.record);
        if (it.index >= pairs.length) return { value: undefined, done: true };
        const [n, v] = pairs[it.index++];
        return { value: it.kind === "key" ? n : it.kind === "value" ? v : [n, v], done: false };
      },
      writable: true,
      configurable: true,
    },
    [Symbol.toStringTag]: { value: "Headers Iterator", configurable: true },
  });
  const iteratorState = Symbol("isola.headersIterator");

  function iterator(record, kind) {
    const it = Object.create(iteratorPrototype);
    it[iteratorState] = { record, kind, index: 0 };
    return it;
  }

  defineInspect(Headers, (o) => {
    const shown = {};
    const r = headers(o);
    for (const [n] of sortedAndCombined(r)) shown[n] = combinedValue(r, n);
    return shown;
  });

  /** A Headers from a flat [name, value, ...] list the host already validated (lowercase names). */
  function fromPairs(pairs, guard) {
    const r = newRecord(guard);
    for (let i = 0; i + 1 < pairs.length; i += 2) r.list.push([pairs[i], pairs[i + 1]]);
    return make(Headers, r);
  }

  /** The header list as the wire carries it: a flat [name, value, ...] list, in insertion order. */
  function toPairs(h) {
    const out = [];
    for (const [n, v] of headers(h).list) out.push(n, v);
    return out;
  }

  internal.headers = {
    Headers,
    fromPairs,
    toPairs,
    fill: (h, init) => fill(headers(h), init),
    setGuard: (h, guard) => { headers(h).guard = guard; },
    create: (guard) => make(Headers, newRecord(guard)),
    appendIfMissing: (h, name, value) => {
      const r = headers(h);
      if (!r.list.some(([k]) => k === name)) {
        r.list.push([name, value]);
        changed(r);
      }
    },
  };
  internal.webApis = Object.assign(internal.webApis ?? {}, { Headers });
})
