// AbortController and AbortSignal as Deno has them. A timeout signal's timer is unref'd (it does not
// keep the program alive) until someone listens for its abort event, as in Deno. Runtime code that
// needs to react to an abort (streams, fetch) registers an algorithm with internal.abort.add.
(function (binding, internal) {
  "use strict";
  const { webidl, DOMException } = internal;
  const { EventTarget, Event } = internal.events;

  const illegal = Symbol("isola.illegalConstructor");
  // Private fields keep the state out of reach and out of inspection; these read them from outside.
  let stateOf;
  let isSignal;

  function createSignal() {
    return new AbortSignal(illegal);
  }

  class AbortSignal extends EventTarget {
    #state;
    static {
      isSignal = (value) => value !== null && typeof value === "object" && #state in value;
      stateOf = (value) => {
        if (!isSignal(value)) throw webidl.illegalInvocation();
        return value.#state;
      };
    }

    constructor(key = undefined) {
      if (key !== illegal) throw new TypeError("Illegal constructor");
      super();
      this.#state = {
        aborted: false,
        reason: undefined,
        algorithms: new Set(),
        timer: null,
        sources: null,
        dependents: null,
      };
    }

    static any(signals) {
      const prefix = "Failed to execute 'AbortSignal.any'";
      webidl.requiredArguments(arguments.length, 1, prefix);
      if (signals === null || typeof signals !== "object" || typeof signals[Symbol.iterator] !== "function") {
        throw new TypeError(`${prefix}: Argument 1 can not be converted to sequence.`);
      }
      const list = [];
      let i = 0;
      for (const signal of signals) {
        if (!isSignal(signal)) {
          throw new TypeError(`${prefix}: Argument 1, index ${i} is not of type AbortSignal`);
        }
        list.push(signal);
        i++;
      }
      const result = createSignal();
      const r = stateOf(result);
      for (const signal of list) {
        if (stateOf(signal).aborted) {
          r.aborted = true;
          r.reason = stateOf(signal).reason;
          return result;
        }
      }
      r.sources = [];
      for (const signal of list) {
        const s = stateOf(signal);
        // A dependent signal follows the signals it was made from, never other dependents.
        for (const source of s.sources ?? [signal]) {
          if (r.sources.includes(source)) continue;
          r.sources.push(source);
          const src = stateOf(source);
          (src.dependents ??= []).push(new WeakRef(result));
        }
      }
      return result;
    }

    static abort(reason = undefined) {
      const signal = createSignal();
      const s = stateOf(signal);
      s.aborted = true;
      s.reason = reason === undefined ? abortError() : reason;
      return signal;
    }

    static timeout(millis) {
      const prefix = "Failed to execute 'AbortSignal.timeout'";
      webidl.requiredArguments(arguments.length, 1, prefix);
      const ms = webidl.enforceRangeULL(millis, prefix, "Argument 1");
      const signal = createSignal();
      const s = stateOf(signal);
      s.timer = internal.timers.setTimeout(() => {
        s.timer = null;
        const reason = new DOMException("The operation was aborted due to timeout", "TimeoutError");
        signalAbort(signal, withDenoFrames(reason, TIMEOUT_FRAMES));
      }, ms);
      s.timer.unref();
      return signal;
    }

    get aborted() {
      return stateOf(this).aborted;
    }

    get reason() {
      return stateOf(this).reason;
    }

    throwIfAborted() {
      const s = stateOf(this);
      if (s.aborted) throw s.reason;
    }

    addEventListener(type, listener, options = undefined) {
      super.addEventListener(...arguments);
      if (String(type) === "abort") updateTimerRefs(this);
    }

    removeEventListener(type, listener, options = undefined) {
      super.removeEventListener(...arguments);
      if (String(type) === "abort") updateTimerRefs(this);
    }
  }
  webidl.defineEventHandler(AbortSignal.prototype, "abort");
  webidl.configureInterface(AbortSignal);

  // A timeout signal, or a dependent of one, keeps the program alive while someone listens for it.
  function updateTimerRefs(signal) {
    const s = stateOf(signal);
    const listened = internal.listenerCount(signal, "abort") > 0;
    for (const source of s.sources ?? [signal]) {
      const timer = stateOf(source).timer;
      if (timer === null) continue;
      if (listened || internal.listenerCount(source, "abort") > 0) timer.ref();
      else timer.unref();
    }
  }

  // The timeout reason's stack is Deno 2.9.6's timer frames only (the other reasons' frames are
  // mapped by 01_errors.js: abortError, signalAbort, runAbortSteps, abort).
  const TIMEOUT_FRAMES = [
    "    at Object.<anonymous> (ext:deno_web/03_abort_signal.js:1:1760)",
    "    at listOnTimeout (ext:core/02_timers.js:307:17)",
    "    at Object.processTimers (ext:core/02_timers.js:250:7)",
    "    at __processTimers (ext:core/01_core.js:448:21)",
  ];

  /** `error` with `frames` after its first line instead of its own. */
  function withDenoFrames(error, frames) {
    const lines = String(error.stack).split("\n");
    const stack = [lines[0], ...frames].join("\n");
    Object.defineProperty(error, "stack", { value: stack, writable: true, configurable: true });
    return error;
  }

  function abortError() {
    return new DOMException("The signal has been aborted", "AbortError");
  }

  function signalAbort(signal, reason) {
    const s = stateOf(signal);
    if (s.aborted) return;
    s.aborted = true;
    s.reason = reason === undefined ? abortError() : reason;
    if (s.timer !== null) {
      internal.timers.clearTimeout(s.timer);
      s.timer = null;
    }
    const dependents = [];
    for (const ref of s.dependents ?? []) {
      const dependent = ref.deref();
      if (dependent === undefined || stateOf(dependent).aborted) continue;
      stateOf(dependent).aborted = true;
      stateOf(dependent).reason = s.reason;
      dependents.push(dependent);
    }
    runAbortSteps(signal);
    for (const dependent of dependents) runAbortSteps(dependent);
  }

  function runAbortSteps(signal) {
    const s = stateOf(signal);
    for (const algorithm of s.algorithms) algorithm();
    s.algorithms.clear();
    signal.dispatchEvent(internal.makeTrusted(new Event("abort")));
  }

  class AbortController {
    #own = internal.ownShape(this);
    #signal = createSignal();

    static #checked(self) {
      if (!(self !== null && typeof self === "object" && #signal in self)) throw webidl.illegalInvocation();
      return self.#signal;
    }

    get signal() {
      return AbortController.#checked(this);
    }

    abort(reason = undefined) {
      const signal = AbortController.#checked(this);
      // The default reason is made here, so its stack reads as Deno's (see 01_errors.js).
      signalAbort(signal, reason === undefined && !signal.aborted ? abortError() : reason);
    }
  }
  webidl.configureInterface(AbortController);

  internal.abort = {
    AbortSignal,
    AbortController,
    newSignal: createSignal,
    signalAbort,
    isSignal,
    /** Runs `algorithm` once when `signal` aborts (before its abort event); returns a remover. */
    add(signal, algorithm) {
      const s = stateOf(signal);
      if (s.aborted) return () => {};
      s.algorithms.add(algorithm);
      return () => s.algorithms.delete(algorithm);
    },
  };
  internal.webApis = Object.assign(internal.webApis ?? {}, { AbortController, AbortSignal });
  internal.defineInspect(AbortSignal, (s) => ({ aborted: s.aborted, reason: s.reason, onabort: s.onabort }));
  internal.defineInspect(AbortController, (c) => ({ signal: c.signal }));
})
