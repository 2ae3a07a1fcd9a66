// Workers: `new Worker(url, { type: "module" })` runs a module in a child isolate (WorkerBinding spawns
// it as a child actor). Messages cross as structured-clone form (45_structured_clone.js), never as
// live values. In a worker, the global scope is a DedicatedWorkerGlobalScope with postMessage, close,
// name and onmessage, as in Deno.
(function (binding, internal) {
  "use strict";
  const ops = internal.ops;
  const { EventTarget, ErrorEvent } = internal.events;
  const messaging = internal.messaging;
  const { dispatchMessage } = messaging;
  const { webidl, DOMException } = internal;

  // `on<type>` attributes: the handler is one listener, added when first set, so it runs in the order
  // it was first assigned among the other listeners (HTML's event handler rule).
  const handlersOf = new WeakMap();
  function defineEventHandler(proto, type, enumerable) {
    Object.defineProperty(proto, `on${type}`, {
      get() { return handlersOf.get(this)?.get(type) ?? null; },
      set(value) {
        let handlers = handlersOf.get(this);
        if (handlers === undefined) handlersOf.set(this, handlers = new Map());
        if (!handlers.has(type)) {
          // Named as Deno's wrapper, which stack traces show (01_errors.js).
          this.addEventListener(type, function wrappedHandler(event) {
            const handler = handlers.get(type);
            if (typeof handler !== "function") return;
            const result = Reflect.apply(handler, this, [event]);
            if (result === false && event.cancelable) event.preventDefault();
          });
        }
        handlers.set(type, typeof value === "function" ? value : null);
      },
      enumerable,
      configurable: true,
    });
  }

  function toWire(message, transferOrOptions, prefix) {
    return messaging.toWire(message, messaging.transferList(transferOrOptions, prefix));
  }

  // Workers of this isolate that have neither ended nor been terminated; each keeps it alive (Deno).
  const workers = new Map();
  const WORKER_TYPES = ["classic", "module"];

  class Worker extends EventTarget {
    #id;
    #name;
    constructor(specifier, options = undefined) {
      super();
      const name = options?.name === undefined ? "" : String(options.name);
      const type = options?.type === undefined ? "classic" : String(options.type);
      if (!WORKER_TYPES.includes(type)) {
        throw new TypeError(`The provided value '${type}' is not a valid enum value of type WorkerType`);
      }
      if (type === "classic") throw new DOMException("Classic workers are not supported.", "NotSupportedError");
      const permissions = options?.deno?.permissions;
      if (permissions !== undefined && permissions !== null && !ops.op_worker_options_enabled()) {
        internal.print("Unstable API 'Worker.deno.permissions'. The `--unstable-worker-options` flag must be provided.\n", true);
        internal.quit(70);
      }
      const url = String(specifier);
      if (!/^[a-zA-Z][a-zA-Z0-9+.-]*:/.test(url)) throw new URIError("invalid URL: relative URL without a base");
      this.#name = name;
      this.#id = ops.op_worker_spawn(internal.loadableModuleUrl(new URL(url).href), name, workerPermissions(permissions));
      workers.set(this.#id, this);
    }

    postMessage(message, transferOrOptions = undefined) {
      webidl.requiredArguments(arguments.length, 1, "Failed to execute 'postMessage' on 'Worker'");
      if (!workers.has(this.#id)) return;
      ops.op_worker_post(this.#id, ...toWire(message, transferOrOptions, "Failed to execute 'postMessage' on 'Worker'"));
    }

    terminate() {
      if (workers.delete(this.#id)) ops.op_worker_terminate(this.#id);
    }

    get [Symbol.toStringTag]() { return "Worker"; }
  }
  for (const type of ["error", "message", "messageerror"]) defineEventHandler(Worker.prototype, type, true);

  // Deno's serializePermissions order, in which its deserializer reports the first bad value.
  const PERMISSION_NAMES = ["read", "write", "run", "ffi", "import", "env", "net", "sys"];
  const PATH_PERMISSIONS = ["read", "write", "run", "ffi", "import"];

  // How Deno's deserializer (serde) names a value it did not expect.
  function serdeShown(v) {
    if (v === null) return "unit value";
    if (Array.isArray(v)) return "sequence";
    switch (typeof v) {
      case "boolean": return `boolean \`${v}\``;
      case "number": return `${Number.isInteger(v) ? "integer" : "floating point"} \`${v}\``;
      case "string": return `string "${v}"`;
      default: return "map";
    }
  }

  /**
   * `deno.permissions` of new Worker as the host takes it: null to inherit, else {kind: true |
   * "inherit" | [entries]} (a kind left out is not granted). Whether it is narrower than this
   * isolate's is the host's check.
   */
  function workerPermissions(permissions) {
    if (permissions === undefined || permissions === null || permissions === "inherit") return null;
    if (permissions === "none") return {};
    const expected = `expected "inherit" or "none" or object`;
    if (typeof permissions === "string") throw new TypeError(`invalid value: ${serdeShown(permissions)}, ${expected}`);
    if (typeof permissions !== "object") throw new TypeError(`invalid type: ${serdeShown(permissions)}, ${expected}`);
    const spec = {};
    for (const name of PERMISSION_NAMES) {
      const v = permissions[name];
      const prefix = `(deno.permissions.${name}) `;
      if (v === undefined || v === null || v === false) continue;
      if (v === true || v === "inherit") {
        spec[name] = v;
      } else if (Array.isArray(v)) {
        spec[name] = v.map((entry) => {
          if (PATH_PERMISSIONS.includes(name) && entry instanceof URL) return internal.pathFromURL(entry);
          if (typeof entry !== "string") throw new TypeError(`${prefix}invalid type: ${serdeShown(entry)}, expected a string`);
          return entry;
        });
      } else {
        const problem = typeof v === "string" ? "invalid value" : "invalid type";
        throw new TypeError(`${prefix}${problem}: ${serdeShown(v)}, expected "inherit" or boolean or string[]`);
      }
    }
    return spec;
  }

  // Deno ends the parent when a worker's error is not prevented at the Worker object, with this report.
  function unhandledWorkerError() {
    const error = new Error("Unhandled error in child worker.");
    Object.defineProperty(error, "stack", {
      value: "Error: Unhandled error in child worker.\n    at Worker.#pollControl (ext:runtime/11_workers.js:1:3400)",
      writable: true,
      configurable: true,
    });
    internal.fatal(error, true);
  }

  // Host entry: a message, error or end of worker `id`, or (id -1, in a worker) a parent's message.
  function workerEvent(kind, id, payload) {
    if (id === -1) {
      dispatchMessage(globalThis, payload);
      return;
    }
    const worker = workers.get(id);
    if (worker === undefined) return;
    if (kind === "message") {
      dispatchMessage(worker, payload);
    } else if (kind === "error") {
      // Deno dispatches this one untrusted.
      const event = new ErrorEvent("error", {
        cancelable: true,
        message: payload[0],
        filename: payload[1],
        lineno: payload[2],
        colno: payload[3],
        error: null,
      });
      // A worker's uncaught error ends it, as in Deno: later postMessage calls do nothing.
      if (workers.delete(id)) ops.op_worker_terminate(id);
      worker.dispatchEvent(event);
      if (!event.defaultPrevented) unhandledWorkerError();
    } else if (kind === "exit") {
      workers.delete(id);
    }
  }

  const workerName = ops.op_worker_role();
  const isWorker = workerName !== null;

  function WorkerGlobalScope() {
    throw new TypeError("Illegal constructor");
  }
  WorkerGlobalScope.prototype = Object.create(EventTarget.prototype, {
    constructor: { value: WorkerGlobalScope, writable: true, configurable: true },
    [Symbol.toStringTag]: { value: "WorkerGlobalScope", configurable: true },
  });
  function DedicatedWorkerGlobalScope() {
    throw new TypeError("Illegal constructor");
  }
  DedicatedWorkerGlobalScope.prototype = Object.create(WorkerGlobalScope.prototype, {
    constructor: { value: DedicatedWorkerGlobalScope, writable: true, configurable: true },
    [Symbol.toStringTag]: { value: "DedicatedWorkerGlobalScope", configurable: true },
  });

  /** The worker's global object takes Deno's worker shape; called last by 90_deno_ns.js. */
  function installWorkerGlobals() {
    Object.setPrototypeOf(globalThis, DedicatedWorkerGlobalScope.prototype);
    const fns = {
      postMessage(message, transferOrOptions = undefined) {
        const prefix = "Failed to execute 'postMessage' on 'DedicatedWorkerGlobalScope'";
        webidl.requiredArguments(arguments.length, 1, prefix);
        ops.op_worker_post_to_parent(...toWire(message, transferOrOptions, prefix));
      },
      // Deno stops the worker at once: nothing after close() runs.
      close() {
        internal.quit(0);
      },
    };
    // One defineProperties call: each property defined on the global object costs ~20 µs in GraalJS.
    Object.defineProperties(globalThis, {
      postMessage: { value: fns.postMessage, writable: true, enumerable: true, configurable: true },
      close: { value: fns.close, writable: true, enumerable: true, configurable: true },
      name: { value: workerName, writable: true, enumerable: true, configurable: true },
    });
    defineEventHandler(globalThis, "message", true);
    Object.defineProperties(globalThis, {
      WorkerGlobalScope: { value: WorkerGlobalScope, writable: true, configurable: true },
      DedicatedWorkerGlobalScope: { value: DedicatedWorkerGlobalScope, writable: true, configurable: true },
    });
  }

  internal.workers = {
    isWorker,
    name: workerName,
    installWorkerGlobals,
    keepsAlive: () => workers.size > 0,
  };
  internal.webApis = Object.assign(internal.webApis ?? {}, { Worker });
  internal.host.workerEvent = workerEvent;
})
