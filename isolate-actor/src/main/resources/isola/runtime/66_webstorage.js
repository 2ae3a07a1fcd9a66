// Web Storage (https://html.spec.whatwg.org/multipage/webstorage.html): localStorage, kept across runs
// per main module, and sessionStorage, kept for the isolate's life (WebStorageBinding.java). Each is a
// Proxy over a Storage, so items read and write as properties too, as in Deno. Only the main isolate
// has them; Deno's workers have neither.
(function (binding, internal) {
  "use strict";
  const ops = internal.ops;
  const { requiredArguments, domString } = internal.webidl;
  const areas = new WeakMap();
  const prefix = "Failed to execute 'call' on 'Storage'";

  function persistentOf(storage) {
    const persistent = areas.get(storage);
    if (persistent === undefined) throw new TypeError("expected Storage");
    return persistent;
  }

  // Deno's Storage can be constructed (the result is no storage area) and called.
  function Storage(_) {}
  const methods = {
    get length() {
      return ops.op_webstorage_length(persistentOf(this));
    },
    key(index) {
      const persistent = persistentOf(this);
      requiredArguments(arguments.length, 1, prefix);
      // Deno hands the argument to its op unconverted: only a number passes, taken modulo 2^32.
      if (typeof index !== "number") throw new TypeError("expected i32");
      return ops.op_webstorage_key(index >>> 0, persistent);
    },
    setItem(key, value) {
      const persistent = persistentOf(this);
      requiredArguments(arguments.length, 2, prefix);
      if (!ops.op_webstorage_set(domString(key), domString(value), persistent)) {
        throw new internal.webApis.QuotaExceededError("Exceeded maximum storage size");
      }
    },
    getItem(key) {
      const persistent = persistentOf(this);
      requiredArguments(arguments.length, 1, prefix);
      return ops.op_webstorage_get(domString(key), persistent);
    },
    removeItem(key) {
      const persistent = persistentOf(this);
      requiredArguments(arguments.length, 1, prefix);
      ops.op_webstorage_remove(domString(key), persistent);
    },
    clear() {
      ops.op_webstorage_clear(persistentOf(this));
    },
  };
  for (const name of Object.keys(methods)) {
    const descriptor = Object.getOwnPropertyDescriptor(methods, name);
    descriptor.enumerable = true;
    Object.defineProperty(Storage.prototype, name, descriptor);
  }

  function createStorage(persistent) {
    const storage = Object.create(Storage.prototype);
    areas.set(storage, persistent);
    const keys = () => Array.from(ops.op_webstorage_iterate_keys(persistent));
    Object.defineProperty(storage, Symbol.for("Deno.privateCustomInspect"), {
      configurable: true,
      value(inspect, options) {
        const items = {};
        for (const key of keys()) items[key] = storage.getItem(key);
        items.length = storage.length;
        return `Storage ${inspect(items, options)}`;
      },
    });
    const proxy = new Proxy(storage, {
      get(target, key, receiver) {
        if (typeof key === "symbol" || Reflect.has(target, key)) return Reflect.get(target, key, receiver);
        return target.getItem(key) ?? undefined;
      },
      set(target, key, value) {
        if (typeof key === "symbol") {
          Reflect.defineProperty(target, key, { value, writable: true, enumerable: true, configurable: true });
        } else {
          target.setItem(key, value);
        }
        return true;
      },
      deleteProperty(target, key) {
        if (typeof key === "symbol") delete target[key];
        else target.removeItem(key);
        return true;
      },
      defineProperty(target, key, descriptor) {
        if (typeof key === "symbol") Reflect.defineProperty(target, key, descriptor);
        else target.setItem(key, descriptor.value);
        return true;
      },
      has(target, key) {
        if (Reflect.has(target, key)) return true;
        return typeof key === "string" && target.getItem(key) !== null;
      },
      ownKeys() {
        return keys();
      },
      getOwnPropertyDescriptor(target, key) {
        if (typeof key === "symbol" || Reflect.has(target, key)) return undefined;
        const value = target.getItem(key);
        if (value === null) return undefined;
        return { value, writable: true, enumerable: true, configurable: true };
      },
    });
    // The methods run with the proxy as `this` when called on it.
    areas.set(proxy, persistent);
    return proxy;
  }

  let local;
  let session;
  internal.webApis = Object.assign(internal.webApis ?? {}, {
    Storage,
    get localStorage() {
      return local ??= createStorage(true);
    },
    get sessionStorage() {
      return session ??= createStorage(false);
    },
  });
})
