// The WebIDL conventions Deno's web classes follow, shared by the Web API files: branded receivers
// ("Illegal invocation"), argument count and conversion errors worded as Deno words them, and the
// property shape of an interface (enumerable members, a configurable @@toStringTag).
(function (binding, internal) {
  "use strict";

  function withCode(error, code) {
    error.code = code;
    return error;
  }

  function illegalInvocation() {
    return withCode(new TypeError("Illegal invocation"), "ERR_INVALID_THIS");
  }

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
    for (const target of [cls.prototype, cls]) {
      for (const key of Reflect.ownKeys(target)) {
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
          this.addEventListener(type, function (event) {
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
  };
})
