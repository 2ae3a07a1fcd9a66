// node:timers and node:timers/promises over the runtime's timer list (03_timers.js, which already
// returns Node's Timeout objects); setImmediate is a zero-delay timer with its own Immediate object.
(function (binding, internal) {
  "use strict";
  const errors = internal.node.load("_errors");
  const { setTimeout, setInterval, clearTimeout, clearInterval } = internal.timers;

  const timerOf = Symbol("timer");
  class Immediate {
    constructor(callback, args) {
      this._onImmediate = callback;
      this._argv = args;
      this[timerOf] = setTimeout(() => Reflect.apply(callback, this, args), 0);
    }
    ref() {
      this[timerOf].ref();
      return this;
    }
    unref() {
      this[timerOf].unref();
      return this;
    }
    hasRef() {
      return this[timerOf].hasRef();
    }
    [Symbol.dispose]() {
      clearImmediate(this);
    }
  }

  function setImmediate(callback, ...args) {
    errors.validateFunction(callback, "callback");
    return new Immediate(callback, args);
  }
  function clearImmediate(immediate) {
    if (immediate instanceof Immediate) clearTimeout(immediate[timerOf]);
  }

  function abortError(signal) {
    return Object.assign(new DOMException("The operation was aborted", "AbortError"), { cause: signal.reason });
  }

  function delayed(schedule, signal, ref) {
    if (signal?.aborted) return Promise.reject(abortError(signal));
    return new Promise((resolve, reject) => {
      const onAbort = () => {
        clear();
        reject(abortError(signal));
      };
      const clear = schedule(() => {
        signal?.removeEventListener("abort", onAbort);
        resolve();
      }, ref);
      signal?.addEventListener("abort", onAbort, { once: true });
    });
  }

  const promises = {
    setTimeout(delay, value, options = {}) {
      return delayed((done, ref) => {
        const t = setTimeout(done, delay);
        if (ref === false) t.unref();
        return () => clearTimeout(t);
      }, options.signal, options.ref).then(() => value);
    },
    setImmediate(value, options = {}) {
      return delayed((done, ref) => {
        const i = setImmediate(done);
        if (ref === false) i.unref();
        return () => clearImmediate(i);
      }, options.signal, options.ref).then(() => value);
    },
    async *setInterval(delay, value, options = {}) {
      let pending = 0;
      let wake = null;
      const t = setInterval(() => {
        pending++;
        wake?.();
      }, delay);
      if (options.ref === false) t.unref();
      try {
        while (true) {
          if (options.signal?.aborted) throw abortError(options.signal);
          if (pending === 0) await new Promise((resolve) => { wake = resolve; });
          wake = null;
          pending--;
          yield value;
        }
      } finally {
        clearInterval(t);
      }
    },
  };
  promises.scheduler = {
    wait: (delay, options) => promises.setTimeout(delay, undefined, options),
    yield: () => promises.setImmediate(),
  };

  // util.promisify(setTimeout) and util.promisify(setImmediate) are these, as in Node and Deno.
  const customPromisify = Symbol.for("nodejs.util.promisify.custom");
  for (const [fn, promised] of [[setTimeout, promises.setTimeout], [setImmediate, promises.setImmediate]]) {
    Object.defineProperty(fn, customPromisify, { value: promised, writable: true, enumerable: false, configurable: true });
  }

  return { setTimeout, clearTimeout, setInterval, clearInterval, setImmediate, clearImmediate, promises };
})
