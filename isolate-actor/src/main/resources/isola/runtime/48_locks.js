// The Web Locks API (navigator.locks, Lock, LockManager) as Deno has it: locks of one isolate, granted
// in request order, exclusive or shared; a callback runs in a microtask once its lock is granted and
// the lock is released when the callback's promise settles.
(function (binding, internal) {
  "use strict";
  const { webidl, DOMException } = internal;
  const illegal = Symbol("isola.illegalConstructor");
  const CLIENT_ID = "1";

  class Lock {
    #own = internal.ownShape(this);
    #name;
    #mode;
    constructor(key = undefined, name = undefined, mode = undefined) {
      if (key !== illegal) throw webidl.withCode(new TypeError("Illegal constructor"), "ERR_ILLEGAL_CONSTRUCTOR");
      this.#name = name;
      this.#mode = mode;
    }
    get name() { return this.#name; }
    get mode() { return this.#mode; }
  }
  webidl.configureInterface(Lock);
  internal.defineInspect(Lock, (l) => ({ name: l.name, mode: l.mode }));

  class LockManager {
    #own = internal.ownShape(this);
    #held = [];
    #pending = [];

    constructor(key = undefined) {
      if (key !== illegal) throw webidl.withCode(new TypeError("Illegal constructor"), "ERR_ILLEGAL_CONSTRUCTOR");
    }

    async request(name, optionsOrCallback = undefined, callback = undefined) {
      webidl.requiredArguments(arguments.length, 2, "Failed to execute 'request'");
      let options = optionsOrCallback;
      if (callback === undefined) {
        callback = optionsOrCallback;
        options = {};
      }
      name = String(name);
      options = options ?? {};
      const mode = options.mode === undefined ? "exclusive" : String(options.mode);
      if (mode !== "exclusive" && mode !== "shared") {
        throw new TypeError(`The provided value '${mode}' is not a valid enum value of type LockMode.`);
      }
      if (name.startsWith("-")) throw new DOMException("'name' must not start with '-'", "NotSupportedError");
      if (options.steal && options.ifAvailable) {
        throw new DOMException("'steal' and 'ifAvailable' cannot be used together", "NotSupportedError");
      }
      const signal = options.signal;
      if (signal?.aborted) throw new DOMException("The signal has been aborted", "AbortError");
      if (typeof callback !== "function") throw new TypeError("Failed to execute 'request': callback is not a function");
      const request = { name, mode, callback };
      if (options.steal) {
        this.#held = this.#held.filter((h) => h.name !== name);
      } else if (!this.#grantable(request)) {
        if (options.ifAvailable) return await callback(null);
        return await new Promise((resolve, reject) => {
          Object.assign(request, { resolve, reject });
          this.#pending.push(request);
          signal?.addEventListener("abort", () => {
            const i = this.#pending.indexOf(request);
            if (i < 0) return;
            this.#pending.splice(i, 1);
            reject(new DOMException("The signal has been aborted", "AbortError"));
          }, { once: true });
        });
      }
      return await this.#run(request);
    }

    #grantable({ name, mode }) {
      if (this.#pending.some((p) => p.name === name)) return false;
      return !this.#held.some((h) => h.name === name && (h.mode === "exclusive" || mode === "exclusive"));
    }

    async #run(request) {
      const held = { name: request.name, mode: request.mode };
      this.#held.push(held);
      try {
        return await request.callback(new Lock(illegal, request.name, request.mode));
      } finally {
        const i = this.#held.indexOf(held);
        if (i >= 0) this.#held.splice(i, 1);
        this.#grantPending();
      }
    }

    #grantPending() {
      for (let i = 0; i < this.#pending.length; i++) {
        const request = this.#pending[i];
        const others = this.#held.some((h) => h.name === request.name &&
          (h.mode === "exclusive" || request.mode === "exclusive"));
        const earlier = this.#pending.slice(0, i).some((p) => p.name === request.name);
        if (others || earlier) continue;
        this.#pending.splice(i--, 1);
        this.#run(request).then(request.resolve, request.reject);
      }
    }

    async query() {
      const shape = ({ name, mode }) => ({ name, mode, clientId: CLIENT_ID });
      return { held: this.#held.map(shape), pending: this.#pending.map(shape) };
    }
  }
  webidl.configureInterface(LockManager);

  internal.locks = { locks: new LockManager(illegal), Lock, LockManager };
  internal.webApis = Object.assign(internal.webApis ?? {}, { Lock, LockManager });
})
