// node:events: Node's EventEmitter (the same fields, `_events` and friends, which libraries read),
// once/on helpers, error and errorMonitor handling, the max-listeners warning.
(function (binding, internal) {
  "use strict";
  const errors = internal.node.load("_errors");
  const kCapture = Symbol("kCapture");
  const errorMonitor = Symbol("events.errorMonitor");
  const captureRejectionSymbol = Symbol.for("nodejs.rejection");
  let defaultMaxListeners = 10;

  function EventEmitter(opts) {
    EventEmitter.init.call(this, opts);
  }

  function checkListener(listener) {
    errors.validateFunction(listener, "listener");
  }

  Object.defineProperties(EventEmitter, {
    init: {
      value: function init(opts) {
        if (this._events === undefined || this._events === Object.getPrototypeOf(this)._events) {
          this._events = { __proto__: null };
          this._eventsCount = 0;
        }
        this._maxListeners = this._maxListeners || undefined;
        this[kCapture] = opts?.captureRejections ? Boolean(opts.captureRejections) : EventEmitter.prototype[kCapture];
      },
      writable: true, configurable: true,
    },
    captureRejections: { value: false, writable: true, configurable: true },
    usingDomains: { value: false, writable: true, configurable: true },
    defaultMaxListeners: {
      enumerable: true,
      get: () => defaultMaxListeners,
      set(n) {
        if (typeof n !== "number" || n < 0 || Number.isNaN(n)) {
          throw errors.outOfRange("defaultMaxListeners", "a non-negative number", n);
        }
        defaultMaxListeners = n;
      },
    },
  });

  const proto = EventEmitter.prototype;
  proto._events = undefined;
  proto._eventsCount = 0;
  proto._maxListeners = undefined;
  Object.defineProperty(proto, kCapture, { value: false, writable: true });

  proto.setMaxListeners = function setMaxListeners(n) {
    if (typeof n !== "number" || n < 0 || Number.isNaN(n)) throw errors.outOfRange("n", "a non-negative number", n);
    this._maxListeners = n;
    return this;
  };

  function maxListeners(that) {
    return that._maxListeners === undefined ? defaultMaxListeners : that._maxListeners;
  }
  proto.getMaxListeners = function getMaxListeners() {
    return maxListeners(this);
  };

  proto.emit = function emit(type, ...args) {
    let doError = type === "error";
    const events = this._events;
    if (events !== undefined) {
      if (doError && events[errorMonitor] !== undefined) this.emit(errorMonitor, ...args);
      doError = doError && events.error === undefined;
    } else if (!doError) {
      return false;
    }
    if (doError) {
      const er = args[0];
      if (er instanceof Error) throw er;
      let stringified;
      try {
        stringified = internal.inspect(er, { colors: false });
      } catch {
        stringified = er;
      }
      const err = errors.nodeError(Error, "ERR_UNHANDLED_ERROR", `Unhandled error. (${stringified})`);
      err.context = er;
      throw err;
    }
    const handler = events[type];
    if (handler === undefined) return false;
    if (typeof handler === "function") {
      const result = Reflect.apply(handler, this, args);
      if (result !== undefined && result !== null && this[kCapture]) addCatch(this, result, type, args);
    } else {
      const listeners = handler.slice();
      for (let i = 0; i < listeners.length; ++i) {
        const result = Reflect.apply(listeners[i], this, args);
        if (result !== undefined && result !== null && this[kCapture]) addCatch(this, result, type, args);
      }
    }
    return true;
  };

  function addCatch(that, promise, type, args) {
    if (typeof promise.then !== "function") return;
    promise.then(undefined, (err) => {
      queueMicrotask(() => {
        if (typeof that[captureRejectionSymbol] === "function") that[captureRejectionSymbol](err, type, ...args);
        else that.emit("error", err);
      });
    });
  }

  function addListener(target, type, listener, prepend) {
    checkListener(listener);
    let events = target._events;
    if (events === undefined) {
      events = target._events = { __proto__: null };
      target._eventsCount = 0;
    } else {
      if (events.newListener !== undefined) {
        target.emit("newListener", type, listener.listener ?? listener);
        events = target._events;
      }
    }
    let existing = events[type];
    if (existing === undefined) {
      events[type] = listener;
      ++target._eventsCount;
    } else {
      if (typeof existing === "function") {
        existing = events[type] = prepend ? [listener, existing] : [existing, listener];
      } else if (prepend) {
        existing.unshift(listener);
      } else {
        existing.push(listener);
      }
      const m = maxListeners(target);
      if (m > 0 && existing.length > m && !existing.warned) {
        existing.warned = true;
        const name = target.constructor?.name ?? "EventEmitter";
        const w = new Error(`Possible EventEmitter memory leak detected. ${existing.length} ${String(type)} ` +
          `listeners added to [${name}]. MaxListeners is ${m}.`);
        w.name = "MaxListenersExceededWarning";
        w.emitter = target;
        w.type = type;
        w.count = existing.length;
        internal.node.builtin("process").emitWarning(w);
      }
    }
    return target;
  }

  proto.addListener = function addListenerMethod(type, listener) {
    return addListener(this, type, listener, false);
  };
  proto.on = proto.addListener;
  proto.prependListener = function prependListener(type, listener) {
    return addListener(this, type, listener, true);
  };

  function onceWrapper(...args) {
    if (!this.fired) {
      this.target.removeListener(this.type, this.wrapFn);
      this.fired = true;
      return Reflect.apply(this.listener, this.target, args);
    }
  }
  function onceWrap(target, type, listener) {
    const state = { fired: false, wrapFn: undefined, target, type, listener };
    const wrapped = onceWrapper.bind(state);
    wrapped.listener = listener;
    state.wrapFn = wrapped;
    return wrapped;
  }
  proto.once = function once(type, listener) {
    checkListener(listener);
    this.on(type, onceWrap(this, type, listener));
    return this;
  };
  proto.prependOnceListener = function prependOnceListener(type, listener) {
    checkListener(listener);
    this.prependListener(type, onceWrap(this, type, listener));
    return this;
  };

  proto.removeListener = function removeListener(type, listener) {
    checkListener(listener);
    const events = this._events;
    if (events === undefined) return this;
    const list = events[type];
    if (list === undefined) return this;
    if (list === listener || list.listener === listener) {
      this._eventsCount -= 1;
      if (this._eventsCount === 0) this._events = { __proto__: null };
      else delete events[type];
      if (events.removeListener !== undefined) this.emit("removeListener", type, list.listener || listener);
    } else if (typeof list !== "function") {
      let position = -1;
      for (let i = list.length - 1; i >= 0; i--) {
        if (list[i] === listener || list[i].listener === listener) {
          position = i;
          break;
        }
      }
      if (position < 0) return this;
      const removed = list[position];
      list.splice(position, 1);
      if (list.length === 1) events[type] = list[0];
      if (events.removeListener !== undefined) this.emit("removeListener", type, removed.listener || listener);
    }
    return this;
  };
  proto.off = proto.removeListener;

  proto.removeAllListeners = function removeAllListeners(type) {
    const events = this._events;
    if (events === undefined) return this;
    if (events.removeListener === undefined) {
      if (arguments.length === 0) {
        this._events = { __proto__: null };
        this._eventsCount = 0;
      } else if (events[type] !== undefined) {
        if (--this._eventsCount === 0) this._events = { __proto__: null };
        else delete events[type];
      }
      return this;
    }
    if (arguments.length === 0) {
      for (const key of Reflect.ownKeys(events)) {
        if (key !== "removeListener") this.removeAllListeners(key);
      }
      this.removeAllListeners("removeListener");
      this._events = { __proto__: null };
      this._eventsCount = 0;
      return this;
    }
    const listeners = events[type];
    if (typeof listeners === "function") {
      this.removeListener(type, listeners);
    } else if (listeners !== undefined) {
      for (let i = listeners.length - 1; i >= 0; i--) this.removeListener(type, listeners[i]);
    }
    return this;
  };

  function listenersOf(target, type, unwrap) {
    const events = target._events;
    if (events === undefined) return [];
    const listener = events[type];
    if (listener === undefined) return [];
    if (typeof listener === "function") return unwrap ? [listener.listener || listener] : [listener];
    return unwrap ? listener.map((l) => l.listener || l) : listener.slice();
  }
  proto.listeners = function listeners(type) {
    return listenersOf(this, type, true);
  };
  proto.rawListeners = function rawListeners(type) {
    return listenersOf(this, type, false);
  };
  function listenerCount(type, listener) {
    const events = this._events;
    if (events === undefined) return 0;
    const list = events[type];
    if (list === undefined) return 0;
    if (typeof list === "function") return listener == null || list === listener || list.listener === listener ? 1 : 0;
    if (listener == null) return list.length;
    return list.filter((l) => l === listener || l.listener === listener).length;
  }
  proto.listenerCount = listenerCount;
  proto.eventNames = function eventNames() {
    return this._eventsCount > 0 ? Reflect.ownKeys(this._events) : [];
  };

  function abortError(signal) {
    const err = new DOMException("The operation was aborted", "AbortError");
    return Object.assign(err, { cause: signal?.reason });
  }

  /** A promise of the arguments of the next `name` event (rejected by an `error` event). */
  function once(emitter, name, options = {}) {
    const signal = options?.signal;
    if (signal?.aborted) return Promise.reject(abortError(signal));
    return new Promise((resolve, reject) => {
      if (typeof emitter.addEventListener === "function" && typeof emitter.on !== "function") {
        const listener = (...args) => {
          signal?.removeEventListener("abort", abort);
          resolve(args);
        };
        emitter.addEventListener(name, listener, { once: true });
        const abort = () => {
          emitter.removeEventListener(name, listener);
          reject(abortError(signal));
        };
        signal?.addEventListener("abort", abort, { once: true });
        return;
      }
      const errorListener = (err) => {
        emitter.removeListener(name, resolver);
        signal?.removeEventListener("abort", abort);
        reject(err);
      };
      const resolver = (...args) => {
        if (name !== "error") emitter.removeListener("error", errorListener);
        signal?.removeEventListener("abort", abort);
        resolve(args);
      };
      emitter.once(name, resolver);
      if (name !== "error") emitter.once("error", errorListener);
      const abort = () => {
        emitter.removeListener(name, resolver);
        emitter.removeListener("error", errorListener);
        reject(abortError(signal));
      };
      signal?.addEventListener("abort", abort, { once: true });
    });
  }

  /** An async iterator over the arguments of each `event`; an `error` event ends it with the error. */
  function on(emitter, event, options = {}) {
    const signal = options?.signal;
    const unconsumed = [];
    const waiting = [];
    let error = null;
    let finished = false;
    const handler = (...args) => {
      if (waiting.length > 0) waiting.shift().resolve({ value: args, done: false });
      else unconsumed.push(args);
    };
    const errorHandler = (err) => {
      finished = true;
      if (waiting.length > 0) waiting.shift().reject(err);
      else error = err;
      iterator.return();
    };
    emitter.on(event, handler);
    if (event !== "error") emitter.on("error", errorHandler);
    const abort = () => errorHandler(abortError(signal));
    signal?.addEventListener("abort", abort, { once: true });
    const iterator = {
      next() {
        if (unconsumed.length > 0) return Promise.resolve({ value: unconsumed.shift(), done: false });
        if (error) {
          const p = Promise.reject(error);
          error = null;
          return p;
        }
        if (finished) return Promise.resolve({ value: undefined, done: true });
        return new Promise((resolve, reject) => waiting.push({ resolve, reject }));
      },
      return() {
        emitter.removeListener(event, handler);
        emitter.removeListener("error", errorHandler);
        signal?.removeEventListener("abort", abort);
        finished = true;
        for (const w of waiting.splice(0)) w.resolve({ value: undefined, done: true });
        return Promise.resolve({ value: undefined, done: true });
      },
      throw(err) {
        errorHandler(err);
        return Promise.reject(err);
      },
      [Symbol.asyncIterator]() {
        return this;
      },
    };
    return iterator;
  }

  function getEventListeners(emitterOrTarget, type) {
    if (typeof emitterOrTarget.listeners === "function") return emitterOrTarget.listeners(type);
    return [];
  }

  function addAbortListener(signal, listener) {
    if (signal.aborted) {
      queueMicrotask(() => listener());
    } else {
      signal.addEventListener("abort", listener, { once: true });
    }
    return { [Symbol.dispose]() { signal.removeEventListener("abort", listener); } };
  }

  class EventEmitterAsyncResource extends EventEmitter {}

  Object.assign(EventEmitter, {
    EventEmitter,
    EventEmitterAsyncResource,
    once,
    on,
    errorMonitor,
    captureRejectionSymbol,
    getEventListeners,
    getMaxListeners: (emitter) => maxListeners(emitter),
    setMaxListeners(n = defaultMaxListeners, ...targets) {
      if (targets.length === 0) defaultMaxListeners = n;
      else for (const t of targets) t.setMaxListeners(n);
    },
    listenerCount: (emitter, type) => listenerCount.call(emitter, type),
    addAbortListener,
  });
  return EventEmitter;
})
