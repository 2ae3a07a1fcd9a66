// DisposableStack, AsyncDisposableStack and SuppressedError (ECMAScript's explicit resource management),
// which V8 has and GraalJS 25 does not; the `using` syntax itself cannot be added here. Messages are V8's.
// Loaded on first use (06_lazy.js).
(function (binding, internal) {
  "use strict";

  class SuppressedError extends Error {
    constructor(error, suppressed, message) {
      super(message);
      // V8 puts `message` (when given) before error and suppressed; Error's constructor defined it.
      Object.defineProperties(this, {
        error: { value: error, writable: true, enumerable: false, configurable: true },
        suppressed: { value: suppressed, writable: true, enumerable: false, configurable: true },
      });
    }
  }
  Object.defineProperty(SuppressedError.prototype, "name", {
    value: "SuppressedError", writable: true, enumerable: false, configurable: true,
  });
  Object.defineProperty(SuppressedError.prototype, "message", {
    value: "", writable: true, enumerable: false, configurable: true,
  });

  /** How V8 names a value that is not a function, in "... is not a function". */
  function describe(value) {
    if (typeof value === "symbol") return value.toString();
    if (value === null || (typeof value !== "object" && typeof value !== "function")) return String(value);
    const name = value.constructor?.name;
    return `#<${typeof name === "string" && name !== "" ? name : "Object"}>`;
  }

  function callable(value) {
    if (typeof value !== "function") throw internal.wordedAsV8(new TypeError(`${describe(value)} is not a function`));
    return value;
  }

  /** The dispose method of a resource given to `use`; for an async stack, asyncDispose first. */
  function disposeMethod(value, async) {
    if (value === null || (typeof value !== "object" && typeof value !== "function")) {
      throw new TypeError("An object is expected with `using` declarations");
    }
    let method = async ? value[Symbol.asyncDispose] : undefined;
    if (method === undefined || method === null) {
      method = value[Symbol.dispose];
      if (typeof method !== "function") throw new TypeError("Symbol(Symbol.dispose) is not a function");
      if (async) {
        const sync = method;
        // A sync disposer in an async stack: its result is not awaited, its throw becomes a rejection.
        return () => {
          sync.call(value);
        };
      }
    }
    if (typeof method !== "function") throw new TypeError("Symbol(Symbol.asyncDispose) is not a function");
    return () => method.call(value);
  }

  /** The resource list of each stack, and its state; a stack is only ever used through these. */
  const states = new WeakMap();

  function stateOf(stack, kind, method, accessor = "") {
    const state = states.get(stack);
    if (state === undefined || state.kind !== kind) {
      throw new TypeError(
        `Method ${accessor}${kind}.prototype.${method} called on incompatible receiver ${describe(stack)}`);
    }
    return state;
  }

  function openStateOf(stack, kind, method) {
    const state = stateOf(stack, kind, method);
    if (state.disposed) {
      throw new ReferenceError(`Cannot call ${kind}.prototype.${method} on an already-disposed ${kind}`);
    }
    return state;
  }

  function suppress(previous, error, failed) {
    return failed
      ? new SuppressedError(error, previous, "An error was suppressed during disposal")
      : error;
  }

  function define(kind, async) {
    const Stack = {
      [kind]: function () {
        if (new.target === undefined) throw new TypeError(`Constructor ${kind} requires 'new'`);
        const stack = Object.create(new.target.prototype);
        states.set(stack, { kind, disposed: false, resources: [] });
        return stack;
      },
    }[kind];
    const disposeName = async ? "disposeAsync" : "dispose";
    const methods = {
      use(value) {
        const state = openStateOf(this, kind, "use");
        if (value !== null && value !== undefined) state.resources.push(disposeMethod(value, async));
        else if (async) state.resources.push(() => undefined);
        return value;
      },
      [disposeName]: async
        ? function disposeAsync() {
          let state;
          try {
            state = stateOf(this, kind, "disposeAsync");
          } catch (e) {
            return Promise.reject(e);
          }
          if (state.disposed) return Promise.resolve(undefined);
          state.disposed = true;
          const resources = state.resources.splice(0).reverse();
          return (async () => {
            let error;
            let failed = false;
            for (const dispose of resources) {
              try {
                await dispose();
              } catch (e) {
                error = suppress(error, e, failed);
                failed = true;
              }
            }
            if (failed) throw error;
          })();
        }
        : function dispose() {
          const state = stateOf(this, kind, "dispose");
          if (state.disposed) return undefined;
          state.disposed = true;
          const resources = state.resources.splice(0).reverse();
          let error;
          let failed = false;
          for (const dispose of resources) {
            try {
              dispose();
            } catch (e) {
              error = suppress(error, e, failed);
              failed = true;
            }
          }
          if (failed) throw error;
          return undefined;
        },
      adopt(value, onDispose) {
        const state = openStateOf(this, kind, "adopt");
        callable(onDispose);
        state.resources.push(() => onDispose.call(undefined, value));
        return value;
      },
      defer(onDispose) {
        const state = openStateOf(this, kind, "defer");
        callable(onDispose);
        state.resources.push(() => onDispose.call(undefined));
        return undefined;
      },
      move() {
        const state = openStateOf(this, kind, "move");
        const moved = new Stack();
        states.get(moved).resources = state.resources;
        state.resources = [];
        state.disposed = true;
        return moved;
      },
    };
    const proto = Stack.prototype;
    for (const name of Object.keys(methods)) {
      Object.defineProperty(proto, name, { value: methods[name], writable: true, enumerable: false, configurable: true });
    }
    const { get } = Object.getOwnPropertyDescriptor({
      get disposed() {
        return stateOf(this, kind, "disposed", "get ").disposed;
      },
    }, "disposed");
    Object.defineProperty(proto, "disposed", { get, enumerable: false, configurable: true });
    Object.defineProperty(proto, async ? Symbol.asyncDispose : Symbol.dispose, {
      value: methods[disposeName], writable: true, enumerable: false, configurable: true,
    });
    Object.defineProperty(proto, Symbol.toStringTag, { value: kind, configurable: true });
    return Stack;
  }

  internal.webApis = Object.assign(internal.webApis ?? {}, {
    SuppressedError,
    DisposableStack: define("DisposableStack", false),
    AsyncDisposableStack: define("AsyncDisposableStack", true),
  });
})
