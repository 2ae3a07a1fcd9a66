// structuredClone, as a serialize/deserialize pair. `serialize` turns a value into a representation
// that holds nothing of the context it came from: a byte stream, a table of strings and a table of
// ArrayBuffers (copies, or buffers taken over by `transfer`). `deserialize` builds a fresh value
// from it, once. The same pair will carry postMessage between isolates and, as bytes, between JVMs.
// What clones and how, and the DataCloneError wording, follow V8's ValueSerializer as Deno uses it.
(function (binding, internal) {
  "use strict";
  const { webidl, DOMException } = internal;

  const T = {
    UNDEFINED: 0, NULL: 1, TRUE: 2, FALSE: 3, INT32: 4, DOUBLE: 5, BIGINT: 6, STRING: 7, REF: 8,
    OBJECT: 9, ARRAY: 10, SPARSE_ARRAY: 11, HOLE: 12, DATE: 14, REGEXP: 15, MAP: 16, SET: 17,
    ARRAY_BUFFER: 18, VIEW: 19, ERROR: 20, DOM_EXCEPTION: 21, NUMBER_OBJECT: 22, STRING_OBJECT: 23,
    BOOLEAN_OBJECT: 24, BIGINT_OBJECT: 25, SHARED_ARRAY_BUFFER: 26, MESSAGE_PORT: 27,
  };

  const viewTypes = [
    Int8Array, Uint8Array, Uint8ClampedArray, Int16Array, Uint16Array, Int32Array, Uint32Array,
    Float32Array, Float64Array, BigInt64Array, BigUint64Array, DataView,
  ];
  if (typeof Float16Array === "function") viewTypes.push(Float16Array);
  const viewTypeIndex = new Map(viewTypes.map((c, i) => [c.prototype, i]));

  const errorTypes = { Error, EvalError, RangeError, ReferenceError, SyntaxError, TypeError, URIError };
  const toStringTag = Object.prototype.toString;
  const fnToString = Function.prototype.toString;
  const dateValue = Date.prototype.getTime;
  const regexpSource = Object.getOwnPropertyDescriptor(RegExp.prototype, "source").get;
  const mapSize = Object.getOwnPropertyDescriptor(Map.prototype, "size").get;
  const setSize = Object.getOwnPropertyDescriptor(Set.prototype, "size").get;
  const abByteLength = Object.getOwnPropertyDescriptor(ArrayBuffer.prototype, "byteLength").get;
  const abDetached = Object.getOwnPropertyDescriptor(ArrayBuffer.prototype, "detached")?.get;
  const sabByteLength = typeof SharedArrayBuffer === "function"
    ? Object.getOwnPropertyDescriptor(SharedArrayBuffer.prototype, "byteLength").get
    : undefined;

  const { hostObjectBrand } = webidl;

  function cloneError(message) {
    return new DOMException(message, "DataCloneError");
  }

  /**
   * A value that cannot be cloned fails as deep in the walk as it sits in the value, and the walk's
   * frames would fill the stack the error keeps; as in Deno, its stack starts where the walk began
   * (serialize, structuredClone), under which 01_errors.js shows Deno's frames and then the caller.
   */
  function fromWalk(error) {
    if (error instanceof DOMException && error.name === "DataCloneError") Error.captureStackTrace(error, fromWalk);
    return error;
  }

  function isDetached(buffer) {
    if (abDetached !== undefined) return abDetached.call(buffer);
    try {
      new Uint8Array(buffer);
      return false;
    } catch {
      return true;
    }
  }

  // MessagePorts are transferable host objects: 48_message_port.js tells how to recognise, detach and
  // adopt one (internal.messagePorts).
  function isPort(v) {
    return internal.messagePorts?.isPort(v) ?? false;
  }

  class Writer {
    constructor(transferSlots, portSlots) {
      this.bytes = new Uint8Array(256);
      this.view = new DataView(this.bytes.buffer);
      this.pos = 0;
      this.strings = [];
      this.stringIndex = new Map();
      this.buffers = [];
      this.ids = new Map();
      this.transferSlots = transferSlots;
      this.portSlots = portSlots;
    }

    ensure(n) {
      if (this.pos + n <= this.bytes.length) return;
      let size = this.bytes.length * 2;
      while (size < this.pos + n) size *= 2;
      const bigger = new Uint8Array(size);
      bigger.set(this.bytes.subarray(0, this.pos));
      this.bytes = bigger;
      this.view = new DataView(bigger.buffer);
    }

    tag(t) {
      this.ensure(1);
      this.bytes[this.pos++] = t;
    }

    uint(n) {
      this.ensure(5);
      while (n >= 0x80) {
        this.bytes[this.pos++] = (n & 0x7f) | 0x80;
        n >>>= 7;
      }
      this.bytes[this.pos++] = n;
    }

    double(d) {
      this.ensure(8);
      this.view.setFloat64(this.pos, d);
      this.pos += 8;
    }

    string(s) {
      this.uint(this.stringAt(s));
    }

    stringAt(s) {
      let i = this.stringIndex.get(s);
      if (i === undefined) {
        i = this.strings.length;
        this.strings.push(s);
        this.stringIndex.set(s, i);
      }
      return i;
    }

    /** Registers an object for back-references; returns false if it was written before. */
    firstVisit(obj) {
      const id = this.ids.get(obj);
      if (id !== undefined) {
        this.tag(T.REF);
        this.uint(id);
        return false;
      }
      this.ids.set(obj, this.ids.size);
      return true;
    }

    value(v) {
      switch (typeof v) {
        case "undefined": return this.tag(T.UNDEFINED);
        case "boolean": return this.tag(v ? T.TRUE : T.FALSE);
        case "number":
          if ((v | 0) === v && !(v === 0 && 1 / v < 0)) {
            this.tag(T.INT32);
            this.ensure(4);
            this.view.setInt32(this.pos, v);
            this.pos += 4;
          } else {
            this.tag(T.DOUBLE);
            this.double(v);
          }
          return;
        case "string":
          this.tag(T.STRING);
          return this.string(v);
        case "bigint":
          this.tag(T.BIGINT);
          return this.string(v.toString(16));
        case "symbol":
          throw cloneError(`${String(v)} could not be cloned.`);
        case "function":
          throw cloneError(`${fnToString.call(v)} could not be cloned.`);
      }
      if (v === null) return this.tag(T.NULL);
      if (!this.firstVisit(v)) return;
      this.object(v);
    }

    object(v) {
      if (Array.isArray(v)) return this.array(v);
      if (ArrayBuffer.isView(v)) return this.arrayBufferView(v);
      if (v instanceof DOMException) return this.domException(v);
      if (isPort(v)) {
        const slot = this.portSlots.get(v);
        // V8's words; a postMessage reports it as a port missing from the transfer list.
        if (slot === undefined) throw cloneError("Unsupported object type");
        this.tag(T.MESSAGE_PORT);
        return this.uint(slot);
      }
      if (hostObjectBrand in v) throw cloneError("Cannot clone object of unsupported type.");
      const tag = toStringTag.call(v);
      switch (tag) {
        case "[object Object]":
          return this.plainObject(v, T.OBJECT);
        case "[object Date]":
          this.tag(T.DATE);
          return this.double(dateValue.call(v));
        case "[object RegExp]":
          this.tag(T.REGEXP);
          this.string(regexpSource.call(v));
          return this.string(v.flags);
        case "[object Map]":
          if (!isBranded(mapSize, v)) break;
          return this.collection(T.MAP, [...Map.prototype.entries.call(v)].flat());
        case "[object Set]":
          if (!isBranded(setSize, v)) break;
          return this.collection(T.SET, [...Set.prototype.values.call(v)]);
        case "[object ArrayBuffer]":
          if (!isBranded(abByteLength, v)) break;
          return this.arrayBuffer(v);
        case "[object SharedArrayBuffer]":
          if (sabByteLength === undefined || !isBranded(sabByteLength, v)) break;
          this.tag(T.SHARED_ARRAY_BUFFER);
          this.uint(this.buffers.length);
          this.buffers.push(v);
          return;
        case "[object Error]":
          return this.error(v);
        case "[object Number]":
          this.tag(T.NUMBER_OBJECT);
          return this.double(Number.prototype.valueOf.call(v));
        case "[object String]":
          this.tag(T.STRING_OBJECT);
          return this.string(String.prototype.valueOf.call(v));
        case "[object Boolean]":
          return this.tag(T.BOOLEAN_OBJECT), this.tag(Boolean.prototype.valueOf.call(v) ? T.TRUE : T.FALSE);
        case "[object BigInt]":
          this.tag(T.BIGINT_OBJECT);
          return this.string(BigInt.prototype.valueOf.call(v).toString(16));
        case "[object Promise]": case "[object WeakMap]": case "[object WeakSet]": case "[object WeakRef]":
        case "[object FinalizationRegistry]": case "[object Generator]": case "[object AsyncGenerator]":
          throw cloneError(`#<${tag.slice(8, -1)}> could not be cloned.`);
      }
      // Class instances and objects with a custom @@toStringTag clone as plain objects.
      return this.plainObject(v, T.OBJECT);
    }

    plainObject(v, t) {
      this.tag(t);
      this.properties(v, Object.keys(v), 0);
    }

    /**
     * `v`'s own keys from `from` on, each with its value, then an end mark. A key is its string's
     * index plus one and the end mark a zero: a key index can take any byte value, so an end mark that
     * is a tag byte ended an object early at the 14th distinct string (postMessage lost properties).
     */
    properties(v, keys, from) {
      for (let k = from; k < keys.length; k++) {
        const key = keys[k];
        if (!Object.prototype.hasOwnProperty.call(v, key)) continue;
        this.uint(this.stringAt(key) + 1);
        this.value(v[key]);
      }
      this.uint(0);
    }

    array(v) {
      const length = v.length;
      const keys = Object.keys(v);
      // Object.keys lists an array's indices first, in order: what follows them is the extra keys.
      let present = 0;
      if (keys.length >= length) {
        this.tag(T.ARRAY);
        this.uint(length);
        for (let i = 0; i < length; i++) {
          if (i in v) {
            present++;
            this.value(v[i]);
          } else {
            this.tag(T.HOLE);
          }
        }
      } else {
        this.tag(T.SPARSE_ARRAY);
        this.uint(length);
      }
      this.properties(v, keys, present);
    }

    collection(t, items) {
      this.tag(t);
      this.uint(items.length);
      for (const item of items) this.value(item);
    }

    arrayBuffer(v) {
      const slot = this.transferSlots.get(v);
      this.tag(T.ARRAY_BUFFER);
      if (slot !== undefined) {
        this.uint(slot);
        return;
      }
      if (isDetached(v)) throw cloneError("An ArrayBuffer is detached and could not be cloned.");
      this.uint(this.buffers.length);
      this.buffers.push(copyArrayBuffer(v));
    }

    arrayBufferView(v) {
      const type = viewTypeIndex.get(Object.getPrototypeOf(v)) ??
        viewTypeIndex.get(Object.getPrototypeOf(Object.getPrototypeOf(v))) ?? 1;
      this.tag(T.VIEW);
      this.uint(type);
      this.uint(v.byteOffset);
      this.uint(v instanceof DataView ? v.byteLength : v.length);
      this.value(v.buffer);
    }

    error(v) {
      this.tag(T.ERROR);
      const name = v.name;
      this.string(typeof name === "string" && Object.hasOwn(errorTypes, name) ? name : "Error");
      const message = Object.getOwnPropertyDescriptor(v, "message");
      if (message !== undefined) {
        this.tag(T.TRUE);
        this.string(String(v.message));
      } else {
        this.tag(T.FALSE);
      }
      const stack = v.stack;
      this.string(typeof stack === "string" ? stack : "");
      if (Object.hasOwn(v, "cause")) {
        this.tag(T.TRUE);
        this.value(v.cause);
      } else {
        this.tag(T.FALSE);
      }
    }

    domException(v) {
      this.tag(T.DOM_EXCEPTION);
      this.string(v.name);
      this.string(v.message);
      this.string(String(v.stack));
    }
  }

  /**
   * structuredClone without a transfer list: the same walk as Writer, in the same order (getters
   * run as they would), building the copy as it goes instead of bytes that Reader then decodes.
   * It halves the work of a clone; values that cross to another isolate still take Writer/Reader.
   */
  class Cloner {
    constructor() {
      this.copies = new Map();
    }

    value(v) {
      switch (typeof v) {
        case "undefined": case "boolean": case "number": case "string": case "bigint":
          return v;
        case "symbol":
          throw cloneError(`${String(v)} could not be cloned.`);
        case "function":
          throw cloneError(`${fnToString.call(v)} could not be cloned.`);
      }
      if (v === null) return null;
      const copy = this.copies.get(v);
      return copy !== undefined ? copy : this.object(v);
    }

    keep(v, copy) {
      this.copies.set(v, copy);
      return copy;
    }

    object(v) {
      if (Array.isArray(v)) return this.array(v);
      if (ArrayBuffer.isView(v)) return this.arrayBufferView(v);
      if (v instanceof DOMException) {
        const name = v.name;
        const e = this.keep(v, new DOMException(v.message, name));
        setStack(e, String(v.stack));
        return e;
      }
      if (isPort(v)) throw cloneError("Unsupported object type");
      if (hostObjectBrand in v) throw cloneError("Cannot clone object of unsupported type.");
      const tag = toStringTag.call(v);
      switch (tag) {
        case "[object Object]":
          return this.properties(v, this.keep(v, {}));
        case "[object Date]":
          return this.keep(v, new Date(dateValue.call(v)));
        case "[object RegExp]": {
          const source = regexpSource.call(v);
          return this.keep(v, new RegExp(source, v.flags));
        }
        case "[object Map]": {
          if (!isBranded(mapSize, v)) break;
          const items = [...Map.prototype.entries.call(v)].flat();
          const m = this.keep(v, new Map());
          for (let i = 0; i < items.length; i += 2) {
            const key = this.value(items[i]);
            m.set(key, this.value(items[i + 1]));
          }
          return m;
        }
        case "[object Set]": {
          if (!isBranded(setSize, v)) break;
          const items = [...Set.prototype.values.call(v)];
          const set = this.keep(v, new Set());
          for (const item of items) set.add(this.value(item));
          return set;
        }
        case "[object ArrayBuffer]":
          if (!isBranded(abByteLength, v)) break;
          if (isDetached(v)) throw cloneError("An ArrayBuffer is detached and could not be cloned.");
          return this.keep(v, copyArrayBuffer(v));
        case "[object SharedArrayBuffer]":
          if (sabByteLength === undefined || !isBranded(sabByteLength, v)) break;
          return this.keep(v, v);
        case "[object Error]":
          return this.error(v);
        case "[object Number]":
          return this.keep(v, Object(Number.prototype.valueOf.call(v)));
        case "[object String]":
          return this.keep(v, Object(String.prototype.valueOf.call(v)));
        case "[object Boolean]":
          return this.keep(v, Object(Boolean.prototype.valueOf.call(v)));
        case "[object BigInt]":
          return this.keep(v, Object(BigInt.prototype.valueOf.call(v)));
        case "[object Promise]": case "[object WeakMap]": case "[object WeakSet]": case "[object WeakRef]":
        case "[object FinalizationRegistry]": case "[object Generator]": case "[object AsyncGenerator]":
          throw cloneError(`#<${tag.slice(8, -1)}> could not be cloned.`);
      }
      return this.properties(v, this.keep(v, {}));
    }

    /** Copies `v`'s own enumerable string keys from `from` on (Object.keys order) into `target`. */
    properties(v, target, keys = Object.keys(v), from = 0) {
      for (let k = from; k < keys.length; k++) {
        const key = keys[k];
        if (!Object.prototype.hasOwnProperty.call(v, key)) continue;
        const value = this.value(v[key]);
        if (key === "__proto__") defineData(target, key, value);
        else target[key] = value;
      }
      return target;
    }

    array(v) {
      const length = v.length;
      const keys = Object.keys(v);
      const a = this.keep(v, new Array(length));
      if (keys.length < length) return this.properties(v, a, keys);
      let present = 0;
      for (let i = 0; i < length; i++) {
        if (i in v) {
          present++;
          a[i] = this.value(v[i]);
        }
      }
      return this.properties(v, a, keys, present);
    }

    arrayBufferView(v) {
      const type = viewTypes[viewTypeIndex.get(Object.getPrototypeOf(v)) ??
        viewTypeIndex.get(Object.getPrototypeOf(Object.getPrototypeOf(v))) ?? 1];
      const offset = v.byteOffset;
      const length = v instanceof DataView ? v.byteLength : v.length;
      return this.keep(v, new type(this.value(v.buffer), offset, length));
    }

    error(v) {
      const name = v.name;
      const ctor = errorTypes[typeof name === "string" && Object.hasOwn(errorTypes, name) ? name : "Error"];
      const message = Object.getOwnPropertyDescriptor(v, "message") !== undefined ? String(v.message) : undefined;
      const stack = v.stack;
      // Own properties in V8's order: stack, message, cause.
      const e = this.keep(v, new ctor());
      setStack(e, typeof stack === "string" ? stack : "");
      if (message !== undefined) defineData(e, "message", message);
      if (Object.hasOwn(v, "cause")) defineData(e, "cause", this.value(v.cause));
      return e;
    }
  }

  function copyArrayBuffer(v) {
    if (!v.resizable) return ArrayBuffer.prototype.slice.call(v, 0);
    const copy = new ArrayBuffer(v.byteLength, { maxByteLength: v.maxByteLength });
    new Uint8Array(copy).set(new Uint8Array(v));
    return copy;
  }

  function defineData(target, key, value) {
    Object.defineProperty(target, key, { value, writable: true, enumerable: key !== "message" && key !== "cause", configurable: true });
  }

  function isBranded(getter, v) {
    try {
      getter.call(v);
      return true;
    } catch {
      return false;
    }
  }

  class Reader {
    constructor(data) {
      this.bytes = data.bytes;
      this.view = new DataView(data.bytes.buffer, data.bytes.byteOffset, data.bytes.byteLength);
      this.pos = 0;
      this.strings = data.strings;
      this.buffers = data.buffers;
      this.ports = data.ports ?? [];
      this.objects = [];
    }

    uint() {
      let n = 0;
      let shift = 0;
      for (;;) {
        const b = this.bytes[this.pos++];
        n += (b & 0x7f) * 2 ** shift;
        if (b < 0x80) return n;
        shift += 7;
      }
    }

    double() {
      const d = this.view.getFloat64(this.pos);
      this.pos += 8;
      return d;
    }

    string() {
      return this.strings[this.uint()];
    }

    keep(obj) {
      this.objects.push(obj);
      return obj;
    }

    properties(target) {
      for (let key = this.uint(); key !== 0; key = this.uint()) {
        target[this.strings[key - 1]] = this.value();
      }
      return target;
    }

    value() {
      const t = this.bytes[this.pos++];
      switch (t) {
        case T.UNDEFINED: return undefined;
        case T.NULL: return null;
        case T.TRUE: return true;
        case T.FALSE: return false;
        case T.INT32: {
          const v = this.view.getInt32(this.pos);
          this.pos += 4;
          return v;
        }
        case T.DOUBLE: return this.double();
        case T.BIGINT: return parseBigInt(this.string());
        case T.STRING: return this.string();
        case T.REF: return this.objects[this.uint()];
        case T.OBJECT: return this.properties(this.keep({}));
        case T.ARRAY: {
          const length = this.uint();
          const a = this.keep(new Array(length));
          for (let i = 0; i < length; i++) {
            if (this.bytes[this.pos] === T.HOLE) this.pos++;
            else a[i] = this.value();
          }
          return this.properties(a);
        }
        case T.SPARSE_ARRAY: return this.properties(this.keep(new Array(this.uint())));
        case T.DATE: return this.keep(new Date(this.double()));
        case T.REGEXP: {
          const source = this.string();
          return this.keep(new RegExp(source, this.string()));
        }
        case T.MAP: {
          const m = this.keep(new Map());
          const n = this.uint();
          for (let i = 0; i < n; i += 2) {
            const k = this.value();
            m.set(k, this.value());
          }
          return m;
        }
        case T.SET: {
          const s = this.keep(new Set());
          const n = this.uint();
          for (let i = 0; i < n; i++) s.add(this.value());
          return s;
        }
        case T.ARRAY_BUFFER:
        case T.SHARED_ARRAY_BUFFER:
          return this.keep(this.buffers[this.uint()]);
        case T.VIEW: {
          const type = viewTypes[this.uint()];
          const offset = this.uint();
          const length = this.uint();
          const id = this.objects.length;
          this.objects.push(undefined);
          const view = new type(this.value(), offset, length);
          this.objects[id] = view;
          return view;
        }
        case T.ERROR: {
          const ctor = errorTypes[this.string()];
          // Own properties in V8's order: stack, message, cause.
          const e = this.keep(new ctor());
          const message = this.bytes[this.pos++] === T.TRUE ? this.string() : undefined;
          setStack(e, this.string());
          if (message !== undefined) {
            Object.defineProperty(e, "message", { value: message, writable: true, configurable: true });
          }
          if (this.bytes[this.pos++] === T.TRUE) {
            Object.defineProperty(e, "cause", { value: this.value(), writable: true, configurable: true });
          }
          return e;
        }
        case T.DOM_EXCEPTION: {
          const name = this.string();
          const e = this.keep(new DOMException(this.string(), name));
          setStack(e, this.string());
          return e;
        }
        case T.MESSAGE_PORT: return this.keep(this.ports[this.uint()]);
        case T.NUMBER_OBJECT: return this.keep(Object(this.double()));
        case T.STRING_OBJECT: return this.keep(Object(this.string()));
        case T.BOOLEAN_OBJECT: return this.keep(Object(this.bytes[this.pos++] === T.TRUE));
        case T.BIGINT_OBJECT: return this.keep(Object(parseBigInt(this.string())));
      }
      throw new Error(`corrupt serialized value: tag ${t} at ${this.pos - 1}`);
    }
  }

  function parseBigInt(hex) {
    return hex.startsWith("-") ? -BigInt("0x" + hex.slice(1)) : BigInt("0x" + hex);
  }

  function setStack(error, stack) {
    Object.defineProperty(error, "stack", { value: stack, writable: true, configurable: true });
  }

  /**
   * Serializes `value`; the ArrayBuffers in `transfer` are detached and their memory moves into the
   * result, the MessagePorts in it are detached and their ids listed in `ports` (only once the whole
   * value has serialized, so a failure detaches nothing).
   */
  function serialize(value, transfer = []) {
    const slots = new Map();
    const portSlots = new Map();
    let bufferIndex = 0;
    for (const item of transfer) {
      if (isPort(item)) {
        if (!portSlots.has(item)) portSlots.set(item, portSlots.size);
        continue;
      }
      if (toStringTag.call(item) !== "[object ArrayBuffer]" || !isBranded(abByteLength, item)) {
        throw cloneError("Value not transferable");
      }
      if (isDetached(item)) throw cloneError(`ArrayBuffer at index ${bufferIndex} is already detached`);
      bufferIndex++;
      if (!slots.has(item)) slots.set(item, slots.size);
    }
    const w = new Writer(slots, portSlots);
    w.buffers.length = slots.size;
    try {
      w.value(value);
    } catch (e) {
      throw fromWalk(e);
    }
    for (const [buffer, slot] of slots) w.buffers[slot] = buffer.transfer();
    const ports = [...portSlots.keys()].map((port) => internal.messagePorts.detach(port));
    return { bytes: w.bytes.subarray(0, w.pos), strings: w.strings, buffers: w.buffers, ports };
  }

  /** `serialize` for a message: Deno words a port missing from the transfer list this way. */
  function serializeMessage(value, transfer) {
    try {
      return serialize(value, transfer);
    } catch (e) {
      if (e instanceof DOMException && e.message === "Unsupported object type") {
        throw cloneError("Object that needs transfer was found in message but not listed in transferList");
      }
      throw e;
    }
  }

  /** Builds the value a `serialize` result describes; it takes over the result's buffers. */
  function deserialize(data) {
    return new Reader(data).value();
  }

  function structuredClone(value, options = undefined) {
    const prefix = "Failed to execute 'structuredClone'";
    webidl.requiredArguments(arguments.length, 1, prefix);
    let transfer = [];
    if (options !== undefined && options !== null) {
      if (typeof options !== "object" && typeof options !== "function") {
        throw webidl.withCode(
          new TypeError(`${prefix}: Argument 2 can not be converted to a dictionary`), "ERR_INVALID_ARG_TYPE");
      }
      const list = options.transfer;
      if (list !== undefined) {
        if (list === null || typeof list !== "object" || typeof list[Symbol.iterator] !== "function") {
          throw new TypeError(
            `${prefix}: 'transfer' of 'StructuredSerializeOptions' (Argument 2) can not be converted to sequence.`,
          );
        }
        transfer = [...list];
      }
    }
    if (transfer.length === 0) {
      try {
        return new Cloner().value(value);
      } catch (e) {
        throw fromWalk(e);
      }
    }
    const data = serializeMessage(value, transfer);
    // The ports stay in this isolate: new port objects over the same ports.
    data.ports = data.ports.map((id) => internal.messagePorts.adopt(id));
    return deserialize(data);
  }

  internal.structuredClone = structuredClone;
  internal.webApis.structuredClone = structuredClone;
  internal.serialization = { serialize, serializeMessage, deserialize };
})
