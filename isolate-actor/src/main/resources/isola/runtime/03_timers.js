// Timers, with the semantics Deno 2.9 has (it uses Node's timers): setTimeout returns a `Timeout`
// object that converts to its numeric id, delays outside 1..2^31-1 become 1 with a warning, callbacks
// run with the Timeout as `this`, in deadline order then creation order, each followed by a microtask
// checkpoint. The list lives here; the host only learns the earliest deadline (op_timer_arm).
(function (binding, internal) {
  "use strict";
  const ops = internal.ops;
  const TIMEOUT_MAX = 2 ** 31 - 1;

  // A binary heap of timers ordered by (key, seq): key is the delay counted from the start of the
  // task's timer creation (op_timer_base), deadline the delay counted from now. The head runs once its
  // deadline has passed; a timer behind it waits for it, so the order is that of the keys.
  const heap = [];
  const byId = new Map();
  let nextId = 1;
  let nextSeq = 1;
  let refed = 0;
  let armedDeadline = -1;

  function before(a, b) {
    return a.key < b.key || (a.key === b.key && a.seq < b.seq);
  }
  function siftUp(i) {
    const t = heap[i];
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (!before(t, heap[p])) break;
      heap[i] = heap[p]; heap[i].index = i; i = p;
    }
    heap[i] = t; t.index = i;
  }
  function siftDown(i) {
    const t = heap[i];
    const n = heap.length;
    for (;;) {
      let c = 2 * i + 1;
      if (c >= n) break;
      if (c + 1 < n && before(heap[c + 1], heap[c])) c++;
      if (!before(heap[c], t)) break;
      heap[i] = heap[c]; heap[i].index = i; i = c;
    }
    heap[i] = t; t.index = i;
  }
  function push(t) {
    t.index = heap.length;
    heap.push(t);
    siftUp(t.index);
  }
  function remove(t) {
    const i = t.index;
    if (i < 0) return;
    t.index = -1;
    const last = heap.pop();
    if (i < heap.length) {
      heap[i] = last; last.index = i;
      siftUp(i); siftDown(last.index);
    }
  }

  function arm() {
    const d = heap.length ? heap[0].deadline : -1;
    if (d !== armedDeadline) {
      armedDeadline = d;
      ops.op_timer_arm(d);
    }
  }


  // Node's process.emitWarning prints on the next tick, after the code that set the timer.
  function warn(kind, text) {
    const message = `(node:${ops.op_pid()}) ${kind}: ${text}\nTimeout duration was set to 1.\n`;
    Promise.resolve().then(() => internal.print(message, true));
  }

  function normalizeDelay(given) {
    let after = given * 1;
    if (!(after >= 1 && after <= TIMEOUT_MAX)) {
      if (after > TIMEOUT_MAX) {
        warn("TimeoutOverflowWarning", `${after} does not fit into a 32-bit signed integer.`);
      } else if (after < 0) {
        warn("TimeoutNegativeWarning", `${after} is a negative number.`);
      } else if (Number.isNaN(after) && given !== undefined) {
        warn("TimeoutNaNWarning", `${after} is not a number.`);
      }
      after = 1;
    }
    return after;
  }

  function describeReceived(value) {
    if (value == null) return ` Received ${value}`;
    if (typeof value === "function") return ` Received function ${value.name}`;
    if (typeof value === "object") {
      if (value.constructor?.name) return ` Received an instance of ${value.constructor.name}`;
      return ` Received ${internal.inspect(value, { depth: -1 })}`;
    }
    // Node's inspect, which these messages come from, prefers single quotes for strings.
    let shown = typeof value === "string" ? nodeQuote(value) : internal.inspect(value, { colors: false });
    if (shown.length > 28) shown = `${shown.slice(0, 25)}...`;
    return ` Received type ${typeof value} (${shown})`;
  }

  function nodeQuote(s) {
    const quote = !s.includes("'") ? "'" : !s.includes('"') ? '"' : !s.includes("`") ? "`" : "'";
    const escaped = JSON.stringify(s).slice(1, -1).replace(/\\"/g, '"');
    return quote + (quote === "'" ? escaped.replace(/'/g, "\\'") : escaped) + quote;
  }

  function validateCallback(callback) {
    if (typeof callback !== "function") {
      const err = new TypeError(
        `The "callback" argument must be of type function.${describeReceived(callback)}`,
      );
      err.code = "ERR_INVALID_ARG_TYPE";
      throw err;
    }
  }

  const refedKey = Symbol("refed");
  const timerIdKey = Symbol("timerId");
  let nextAsyncId = 2;

  // Node's Timeout as Deno 2.9 shows it (console.log lists these fields); what the scheduler needs is
  // in a private slot.
  class Timeout {
    #state;
    constructor(callback, after, args, repeat) {
      const id = nextId++;
      this._idleTimeout = after;
      this._idleStart = Date.now();
      this._idlePrev = null;
      this._idleNext = null;
      this._onTimeout = callback;
      this._timerArgs = args;
      this._repeat = repeat;
      this._destroyed = false;
      this._asyncId = nextAsyncId++;
      this._triggerAsyncId = 0;
      this._asyncDestroyed = false;
      this[refedKey] = true;
      this[timerIdKey] = id;
      this.#state = { id, callback, args, after, repeat, deadline: 0, key: 0, seq: 0, index: -1, refed: true, owner: this, receiver: null };
      byId.set(id, this.#state);
      refed++;
      schedule(this.#state);
    }
    static stateOf(timer) {
      return #state in timer ? timer.#state : undefined;
    }
    refresh() {
      const t = this.#state;
      if (byId.has(t.id)) { remove(t); schedule(t); arm(); }
      return this;
    }
    unref() {
      const t = this.#state;
      if (t.refed) { t.refed = false; this[refedKey] = false; if (byId.has(t.id)) refed--; }
      return this;
    }
    ref() {
      const t = this.#state;
      if (!t.refed) { t.refed = true; this[refedKey] = true; if (byId.has(t.id)) refed++; }
      return this;
    }
    hasRef() {
      return this.#state.refed;
    }
    close() {
      clear(this);
      return this;
    }
    [Symbol.toPrimitive]() {
      return this.#state.id;
    }
  }

  // What a timer's callback is called on: named Timeout and holding the callback as `_onTimeout`, so
  // stack frames read "Timeout._onTimeout" as in Deno (the callback's `this` is not the Timeout the
  // script holds there either).
  const CallbackReceiver = { Timeout: class {} }.Timeout;
  Object.defineProperty(CallbackReceiver, "name", { value: "Timeout" });

  // The frames that call a callback: 01_errors.js shows Deno's (node:timers') frames in their place.
  function invokeCallback(receiver) {
    receiver._onTimeout();
  }
  function invokeCallbackWithArgs(receiver, args) {
    receiver._onTimeout(...args);
  }

  function schedule(t) {
    t.key = ops.op_timer_base() + t.after;
    t.deadline = Math.max(ops.op_now() + t.after, t.key);
    t.seq = nextSeq++;
    push(t);
  }

  function create(callback, after, args, repeat) {
    validateCallback(callback);
    const timeout = new Timeout(callback, normalizeDelay(after), args, repeat);
    arm();
    return timeout;
  }

  function setTimeout(callback, delay = undefined, ...args) {
    return create(callback, delay, args, false);
  }
  function setInterval(callback, delay = undefined, ...args) {
    return create(callback, delay, args, true);
  }

  function lookup(timer) {
    if (timer == null) return undefined;
    if (typeof timer === "object") return Timeout.stateOf(timer);
    if (typeof timer === "number" || typeof timer === "string") return byId.get(Number(timer));
    return undefined;
  }

  function clear(timer) {
    const t = lookup(timer);
    if (t === undefined || !byId.has(t.id)) return;
    byId.delete(t.id);
    if (t.refed) refed--;
    remove(t);
    t.owner._destroyed = true;
    t.owner._idleTimeout = -1;
    t.owner._onTimeout = null;
  }
  function clearTimeout(timer = undefined) { clear(timer); }
  function clearInterval(timer = undefined) { clear(timer); }

  function refTimer(id) {
    const t = byId.get(id);
    if (t) t.owner.ref();
  }
  function unrefTimer(id) {
    const t = byId.get(id);
    if (t) t.owner.unref();
  }

  // Host entry: run the first due timer, if any. The host calls this until it returns false, one call
  // per callback, so that each callback is followed by its own microtask checkpoint. A round runs the
  // timers due when it began; timers created by its callbacks wait for the next round, as in Deno.
  let roundEnd = -1;
  let roundSeq = -1;
  function runNextTimer() {
    if (roundEnd < 0) {
      roundEnd = ops.op_now();
      roundSeq = nextSeq;
    }
    const t = heap[0];
    if (t === undefined || t.deadline > roundEnd || t.seq >= roundSeq) {
      roundEnd = -1;
      arm();
      return false;
    }
    remove(t);
    ops.op_timer_task();
    if (t.repeat) {
      schedule(t);
    } else {
      byId.delete(t.id);
      if (t.refed) refed--;
      t.owner._destroyed = true;
    }
    try {
      if (t.receiver === null) {
        t.receiver = new CallbackReceiver();
        t.receiver._onTimeout = t.callback;
      }
      if (t.args.length === 0) invokeCallback(t.receiver);
      else invokeCallbackWithArgs(t.receiver, t.args);
    } catch (e) {
      internal.reportException(e);
    }
    internal.node.runTicks();
    return true;
  }

  function queueMicrotask(callback) {
    if (typeof callback !== "function") throw new TypeError("expected a function");
    Promise.resolve().then(function runMicrotask() {
      try {
        callback();
      } catch (e) {
        internal.reportException(e);
      }
    });
  }

  internal.refedTimerCount = () => refed;
  /** The timers not yet fired or cleared, for the test runner's op sanitizer: [id, isInterval]. */
  internal.activeTimers = () => Array.from(byId.values(), (t) => [t.id, !!t.repeat]);
  internal.timers = { setTimeout, setInterval, clearTimeout, clearInterval, refTimer, unrefTimer, queueMicrotask };
  internal.host.runNextTimer = runNextTimer;
})
