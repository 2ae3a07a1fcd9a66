// The WebIDL conventions Deno's web classes follow, shared by the Web API files: branded receivers
// ("Illegal invocation"), argument count and conversion errors worded as Deno words them, and the
// property shape of an interface (enumerable members, a configurable @@toStringTag).
(function (binding, internal) {
  "use strict";

  function withCode(error, code) {
    error.code = code;
    return error;
  }

  /** Deno's WebIDL brand-check error (`message` defaults to Deno's usual wording). */
  function invalidThis(message = "Illegal invocation") {
    return withCode(new TypeError(message), "ERR_INVALID_THIS");
  }
  const illegalInvocation = () => invalidThis();

  /** Throws "Illegal invocation" unless `self` carries `brand` (a private symbol of its class). */
  function assertBranded(self, brand) {
    if (self === null || (typeof self !== "object" && typeof self !== "function") || !(brand in self)) {
      throw illegalInvocation();
    }
  }

  function requiredArguments(length, required, prefix) {
    if (length < required) {
      throw withCode(
        new TypeError(
          `${prefix}: ${required} argument${required === 1 ? "" : "s"} required, but only ${length} present`,
        ),
        "ERR_MISSING_ARGS",
      );
    }
  }

  /** WebIDL [EnforceRange] unsigned long long. */
  function enforceRangeULL(value, prefix, context) {
    const x = Number(value);
    if (!Number.isFinite(x)) throw new TypeError(`${prefix}: ${context} is not a finite number`);
    const n = Math.trunc(x);
    if (n < 0 || n > Number.MAX_SAFE_INTEGER) {
      throw new TypeError(
        `${prefix}: ${context} is outside the accepted range of 0 to ${Number.MAX_SAFE_INTEGER}, inclusive`,
      );
    }
    return n;
  }

  const TypedArrayPrototype = Object.getPrototypeOf(Uint8Array.prototype);
  const typedArrayTag = Object.getOwnPropertyDescriptor(TypedArrayPrototype, Symbol.toStringTag).get;

  function isArrayBuffer(v) {
    return v instanceof ArrayBuffer || (typeof SharedArrayBuffer !== "undefined" && v instanceof SharedArrayBuffer);
  }

  /** BufferSource as a Uint8Array over the same memory. */
  function bufferSourceBytes(value, prefix, context) {
    if (ArrayBuffer.isView(value)) {
      return typedArrayTag.call(value) === "Uint8Array"
        ? value
        : new Uint8Array(value.buffer, value.byteOffset, value.byteLength);
    }
    if (isArrayBuffer(value)) return new Uint8Array(value);
    throw new TypeError(`${prefix}: ${context} is not an ArrayBuffer, SharedArrayBuffer, or a view on one`);
  }

  /**
   * Gives a class the shape WebIDL interfaces have in Deno: prototype members enumerable, a
   * configurable non-enumerable @@toStringTag, and static members enumerable.
   */
  function configureInterface(cls, name = cls.name) {
    // Indexed loops: see 00_infra.js (start-up code and the array iterator).
    for (const target of [cls.prototype, cls]) {
      const keys = Reflect.ownKeys(target);
      for (let i = 0; i < keys.length; i++) {
        const key = keys[i];
        if (typeof key !== "string" || key === "constructor" || key === "prototype" || key === "length" ||
          key === "name") continue;
        const d = Object.getOwnPropertyDescriptor(target, key);
        if (!d.enumerable) Object.defineProperty(target, key, { ...d, enumerable: true });
      }
    }
    Object.defineProperty(cls.prototype, Symbol.toStringTag, { value: name, configurable: true });
  }

  /**
   * An `on<type>` event handler attribute, as Deno defines them: one listener, added on first set,
   * when `init(target)` runs too.
   */
  function defineEventHandler(proto, type, init = undefined) {
    const handlers = new WeakMap();
    Object.defineProperty(proto, `on${type}`, {
      get() {
        return handlers.get(this)?.handler ?? null;
      },
      set(value) {
        let entry = handlers.get(this);
        const handler = typeof value === "function" || (typeof value === "object" && value !== null) ? value : null;
        if (entry === undefined) {
          entry = { handler };
          handlers.set(this, entry);
          const self = this;
          // Named as Deno's wrapper, which stack traces show (01_errors.js).
          this.addEventListener(type, function wrappedHandler(event) {
            const h = entry.handler;
            if (typeof h !== "function") return;
            const result = Reflect.apply(h, self, [event]);
            if (result === false) event.preventDefault();
          });
          init?.(this);
        } else {
          entry.handler = handler;
        }
      },
      enumerable: true,
      configurable: true,
    });
  }

  /** WebIDL DOMString: ToString, which refuses a Symbol ("Cannot convert a Symbol value to a string"). */
  function domString(value) {
    return typeof value === "string" ? value : `${value}`;
  }

  // Deno words a conversion error "<prefix>: <context> <problem>", with "Value" when neither is known.
  function conversionError(prefix, context, problem) {
    const where = prefix ? `${prefix}: ${context ?? "Value"}` : (context ?? "Value");
    return new TypeError(`${where} ${problem}`);
  }

  const NON_LATIN1 = /[^\x00-\xff]/;

  /** WebIDL ByteString: a string of code units up to 0xFF. */
  function byteString(value, prefix, context) {
    const s = domString(value);
    if (NON_LATIN1.test(s)) throw conversionError(prefix, context, "is not a valid ByteString");
    return s;
  }

  /** WebIDL unsigned short (no [EnforceRange]): ToNumber, then modulo 2^16. */
  function unsignedShort(value) {
    const x = +value;
    if (!Number.isFinite(x)) return 0;
    const n = Math.trunc(x) % 65536;
    return n < 0 ? n + 65536 : n;
  }

  /** A dictionary argument: undefined and null read as {}, any other non-object is refused. */
  function dictionary(value, prefix, context) {
    if (value === undefined || value === null) return {};
    if (typeof value !== "object" && typeof value !== "function") {
      throw conversionError(prefix, context, "can not be converted to a dictionary");
    }
    return value;
  }

  /** A WebIDL enum value; `values` is a Set of the allowed strings. */
  function enumValue(value, values, type, prefix) {
    const s = domString(value);
    if (!values.has(s)) {
      throw new TypeError(`${prefix}: The provided value '${s}' is not a valid enum value of type ${type}`);
    }
    return s;
  }

  const IteratorPrototype = Object.getPrototypeOf(Object.getPrototypeOf([][Symbol.iterator]()));

  /**
   * The prototype of a WebIDL pair iterator named `name` ("Headers" gives "Headers Iterator"). An
   * iterator is made with `pairIterator(proto, target, kind)`; `pairsOf(target)` is read on every
   * step, so changes to the target during iteration show, as in Deno. Deno inspects an iterator as
   * the entries it has left.
   */
  function pairIteratorPrototype(name, pairsOf) {
    const proto = Object.create(IteratorPrototype, {
      next: {
        value: function next() {
          const state = this?.[iteratorState];
          if (state === undefined || state.proto !== proto) {
            throw withCode(new TypeError(`Value of "this" must be of type ${name}Iterator`), "ERR_INVALID_THIS");
          }
          const pairs = pairsOf(state.target);
          if (state.index >= pairs.length) return { value: undefined, done: true };
          return { value: pick(pairs[state.index++], state.kind), done: false };
        },
        writable: true, enumerable: true, configurable: true,
      },
      [Symbol.toStringTag]: { value: `${name} Iterator`, configurable: true },
      [Symbol.for("Deno.privateCustomInspect")]: {
        value: function (inspect, options) {
          const state = this[iteratorState];
          const shown = pairsOf(state.target).slice(state.index).map((pair) => inspect(pick(pair, state.kind), options));
          const head = `${name} Iterator {`;
          // Deno's layout: one line when it fits in 80 columns, else one entry per line (indented
          // by two whatever the nesting, the closing brace on the last line).
          let width = shown.length * 2 + head.length + 10;
          for (const entry of shown) width += entry.length;
          return width <= 80 ? `${head} ${shown.join(", ")} }` : `${head}\n  ${shown.join(",\n  ")} }`;
        },
      },
    });
    return proto;
  }
  const iteratorState = Symbol("isola.iteratorState");
  const pick = (pair, kind) => (kind === "key" ? pair[0] : kind === "value" ? pair[1] : [pair[0], pair[1]]);

  function pairIterator(proto, target, kind) {
    const it = Object.create(proto);
    Object.defineProperty(it, iteratorState, { value: { proto, target, kind, index: 0 } });
    return it;
  }

  /** Marks platform objects Deno refuses to structuredClone ("Cannot clone object of unsupported type."). */
  const hostObjectBrand = Symbol("isola.hostObject");

  internal.webidl = {
    hostObjectBrand,
    illegalInvocation,
    assertBranded,
    requiredArguments,
    enforceRangeULL,
    bufferSourceBytes,
    isArrayBuffer,
    configureInterface,
    defineEventHandler,
    withCode,
    domString,
    conversionError,
    byteString,
    unsignedShort,
    dictionary,
    enumValue,
    pairIteratorPrototype,
    pairIterator,
  };

  // Hidden slots: each public object of the Web API files (streams, blobs, crypto keys, fetch) carries one
  // private field, stamped on by `Slot`, that points at its internal record; the abstract operations
  // work on those records, the public classes only unwrap them.
  class Stamp { constructor(target) { return target; } }
  class Slot extends Stamp {
    #record;
    constructor(target, record) { super(target); this.#record = record; }
    static of(o) { return (typeof o === "object" || typeof o === "function") && o !== null && #record in o ? o.#record : undefined; }
  }
  function attach(obj, record) { new Slot(obj, record); record.obj = obj; return record; }
  /** The record behind `o` if it is a `kind`, else a TypeError (WebIDL's brand check). */
  function unwrap(o, kind, message = "Illegal invocation") {
    const r = Slot.of(o);
    if (r === undefined || r.kind !== kind) throw invalidThis(message);
    return r;
  }
  function illegalConstructor() {
    return withCode(new TypeError("Illegal constructor"), "ERR_ILLEGAL_CONSTRUCTOR");
  }
  function isKind(o, kind) { const r = Slot.of(o); return r !== undefined && r.kind === kind; }
  /** Creates a public object of `cls` without running its user-facing constructor. */
  function make(cls, record) { return attach(Object.create(cls.prototype), record); }
  internal.webSlot = {
    attach, unwrap, isKind, of: (o) => Slot.of(o), make, invalidThis, illegalConstructor,
    defineInspect: internal.defineInspect,
  };
})
