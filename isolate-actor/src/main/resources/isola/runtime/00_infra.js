// Deno's binding layer: the ops table, the promise table for async ops, and the host's entry points.
// Each runtime file is a function of (binding, internal): `binding` holds the host's ops by Deno name,
// `internal` is the runtime's private namespace, never reachable from user code.
(function (binding, internal) {
  "use strict";

  // GraalJS's own globals: what the runtime needs is kept in `internal`, the rest of the host goes
  // (DESIGN.md rule 2: nothing of the host but ops). Removed first thing, newest first: deleting a
  // property from the middle of GraalJS's global object re-adds every property after it, which cost
  // ~0.5 ms per isolate when it ran after the runtime had added its ~150 globals (JFR,
  // bench/js/worker_density.js). TextEncoder, TextDecoder and performance come back as Deno's.
  internal.quit = globalThis.quit;
  // Turns a path of isola.isolate.StagedBytes into an ArrayBuffer that owns its bytes.
  const readbuffer = globalThis.readbuffer;
  internal.graal = globalThis.Graal;
  internal.nativeText = { TextEncoder: globalThis.TextEncoder, TextDecoder: globalThis.TextDecoder };
  const ecmaScriptGlobals = new Set([
    "Object", "Function", "Array", "String", "Date", "Number", "Boolean", "RegExp", "Math", "JSON", "NaN",
    "Infinity", "undefined", "isNaN", "isFinite", "parseFloat", "parseInt", "encodeURI", "encodeURIComponent",
    "decodeURI", "decodeURIComponent", "eval", "escape", "unescape", "Error", "EvalError", "RangeError",
    "ReferenceError", "SyntaxError", "TypeError", "URIError", "AggregateError", "ArrayBuffer", "Int8Array",
    "Uint8Array", "Uint8ClampedArray", "Int16Array", "Uint16Array", "Int32Array", "Uint32Array",
    "Float16Array", "Float32Array", "Float64Array", "BigInt64Array", "BigUint64Array", "DataView", "BigInt",
    "Map", "Set", "WeakMap", "WeakSet", "Symbol", "Reflect", "Proxy", "Promise", "Iterator",
    "SharedArrayBuffer", "Atomics", "globalThis", "WeakRef", "FinalizationRegistry", "Intl", "Temporal", "WebAssembly",
  ]);
  // GraalJS tags its global "global"; Deno's global takes its tag from its prototype (Window, or
  // DedicatedWorkerGlobalScope in a worker).
  delete globalThis[Symbol.toStringTag];
  const hostGlobals = Object.getOwnPropertyNames(globalThis);
  for (let i = hostGlobals.length - 1; i >= 0; i--) {
    if (!ecmaScriptGlobals.has(hostGlobals[i])) delete globalThis[hostGlobals[i]];
  }

  // The built-ins as V8 ships them: GraalJS's staging String.dedent is not in V8; V8 has
  // Symbol.dispose/asyncDispose (`using` itself is ModuleRewrites' job), Symbol.metadata and the
  // iterator prototype's dispose method, which GraalJS 25 lacks.
  delete String.dedent;
  for (const name of ["dispose", "asyncDispose", "metadata"]) {
    if (typeof Symbol[name] !== "symbol") Object.defineProperty(Symbol, name, { value: Symbol(`Symbol.${name}`) });
  }
  if (!(Symbol.dispose in Iterator.prototype)) {
    Object.defineProperty(Iterator.prototype, Symbol.dispose, {
      value: { [Symbol.dispose]() { this.return?.(); } }[Symbol.dispose],
      writable: true, enumerable: false, configurable: true,
    });
  }

  // Built-ins the runtime replaces (to word errors as V8 does) print as built-ins: V8 shows
  // `function repeat() { [native code] }` where GraalJS would show the replacement's source.
  const builtinLooking = new WeakSet();
  const functionToString = Function.prototype.toString;
  const { toString } = {
    toString() {
      return builtinLooking.has(this) ? `function ${this.name}() { [native code] }` : functionToString.call(this);
    },
  };
  builtinLooking.add(toString);
  Object.defineProperty(Function.prototype, "toString", { value: toString, writable: true, enumerable: false, configurable: true });
  internal.asBuiltin = (fn) => {
    builtinLooking.add(fn);
    return fn;
  };

  // Every object starts from one shape shared by all contexts of the engine, and GraalJS keys a private
  // field by its name (HiddenKey hashes it): an object whose first own property is private searched a
  // chain as long as the number of live isolates that made one (2,000 live workers: new URL 135 us
  // instead of 22; a bare engine, 6,000 contexts: 140 us per instance). A runtime class with private
  // fields declares `#own = internal.ownShape(this);` first: this isolate's own non-enumerable symbol
  // goes on before any private field, and the object's shapes are then this isolate's alone.
  const ownKey = Symbol("isola.own");
  internal.ownShape = (object) => {
    Object.defineProperty(object, ownKey, { value: true });
    return true;
  };

  // Copy the ops into a plain object once: a property read on it is cheaper than a host map lookup.
  const ops = Object.create(null);
  // Indexed loops in the code every isolate runs as it starts: each for-of step calls the array
  // iterator's next(), and ~1,000 of those made GraalJS compile it during every CLI start.
  const opNames = Object.keys(binding);
  for (let i = 0; i < opNames.length; i++) ops[opNames[i]] = binding[opNames[i]];

  // promise id -> [resolve, reject]; ids only grow, so a reply for an unknown id is a host bug.
  const pending = new Map();
  let nextPromiseId = 1;
  let unrefedOps = 0;
  const unrefed = new Set();

  function newPromise() {
    const id = nextPromiseId++;
    let resolvers;
    const promise = new Promise((resolve, reject) => { resolvers = [resolve, reject]; });
    pending.set(id, resolvers);
    promise[promiseIdSymbol] = id;
    return [id, promise];
  }
  const promiseIdSymbol = Symbol("isola.promiseId");

  // The isolate's limit on async ops in flight (IsolateLimits.maxPendingOps; 0: none, as in Deno).
  const maxPendingOps = ops.op_max_pending_ops();

  /** Calls async op `name` with args; the promise settles when its reply reaches the mailbox. */
  function opAsync(name, ...args) {
    if (maxPendingOps > 0 && pending.size >= maxPendingOps) {
      return Promise.reject(new internal.errors.Busy(
        `Too many async operations in flight: this isolate's limit is ${maxPendingOps}`));
    }
    const [id, promise] = newPromise();
    // Kept for the test runner's op sanitizer, which names what a test left pending.
    pending.get(id).push(name, args);
    try {
      ops[name](id, ...args);
    } catch (e) {
      pending.delete(id);
      throw e;
    }
    return promise;
  }

  function unrefOpPromise(promise) {
    const id = promise[promiseIdSymbol];
    if (id !== undefined && pending.has(id) && !unrefed.has(id)) { unrefed.add(id); unrefedOps++; }
  }

  function refOpPromise(promise) {
    const id = promise[promiseIdSymbol];
    if (id !== undefined && unrefed.delete(id)) unrefedOps--;
  }

  /** The promises of one resource's pending ops, so ref()/unref() can apply to them too. */
  class PendingOps {
    #own = internal.ownShape(this);
    #promises = new Set();
    #unref = false;

    track(promise) {
      this.#promises.add(promise);
      if (this.#unref) unrefOpPromise(promise);
      const forget = () => this.#promises.delete(promise);
      promise.then(forget, forget);
      return promise;
    }

    ref() {
      this.#unref = false;
      for (const p of this.#promises) refOpPromise(p);
    }

    unref() {
      this.#unref = true;
      for (const p of this.#promises) unrefOpPromise(p);
    }
  }

  // Host entry: settle a batch of replies, flattened as [id, errorKind|null, value|message, code].
  function resolveOps(flat) {
    const n = flat.length;
    for (let i = 0; i < n; i += 4) {
      const id = flat[i];
      const resolvers = pending.get(id);
      if (resolvers === undefined) continue;
      pending.delete(id);
      if (unrefed.delete(id)) unrefedOps--;
      const kind = flat[i + 1];
      if (kind === null) {
        resolvers[0](flat[i + 2]);
      } else if (kind === 0) {
        resolvers[0](readbuffer(flat[i + 2]));
      } else {
        resolvers[1](internal.opError(kind, flat[i + 2], flat[i + 3]));
      }
    }
  }

  // For Web API classes Deno prints as "Name { field: value, ... }" from live getters: the fields go
  // into an object "of" the class so that the inspector lays them out (line breaks included) exactly
  // as for a real instance. The name is the instance's class, so that a subclass shows its own name,
  // as in Deno. A prototype object, whose getters throw, shows as an empty instance. Defined here, not
  // in 01_inspect.js (loaded on first use), since runtime classes declare it as they are defined.
  const shapes = new Map();
  function defineInspect(cls, fields) {
    Object.defineProperty(cls.prototype, Symbol.for("Deno.privateCustomInspect"), {
      value: function (inspect, options) {
        const name = (typeof this.constructor === "function" && this.constructor.name) || cls.name;
        let Shape = shapes.get(name);
        if (Shape === undefined) shapes.set(name, (Shape = ({ [name]: function () {} })[name]));
        let shown;
        try {
          shown = fields(this);
        } catch {
          shown = {};
        }
        return inspect(Object.assign(Object.create(Shape.prototype), shown), options);
      },
    });
  }
  internal.defineInspect = defineInspect;

  internal.ops = ops;
  // rid -> kind of the resources the script holds open (files, sockets), for the test runner's
  // resource sanitizer.
  internal.openResources = new Map();
  internal.opAsync = opAsync;
  internal.unrefOpPromise = unrefOpPromise;
  internal.refOpPromise = refOpPromise;
  internal.PendingOps = PendingOps;
  internal.pendingOpCount = () => pending.size - unrefedOps;
  /** The async ops in flight: [promise id, op name, op arguments]. */
  internal.pendingOps = () => Array.from(pending, ([id, r]) => [id, r[2], r[3]]);
  /** A sync op's bytes (a StagedBytes path) as an ArrayBuffer; anything else as it is. */
  internal.hostBytes = (v) => (typeof v === "string" ? readbuffer(v) : v);
  internal.print = (text, toStderr) => ops.op_print(text, !!toStderr);
  internal.host = { resolveOps };
})
