// Deno.addSignalListener and Deno.removeSignalListener (Deno's ext/os/40_signals.js), over
// SignalBinding: the isolate listens for a signal while it has a listener for it; each delivery calls
// the listeners in the order they were added.
(function (binding, internal) {
  "use strict";
  const ops = internal.ops;
  const listeners = new Map(); // signal name -> Set of handlers

  function checkHandler(handler) {
    if (typeof handler !== "function") {
      throw new TypeError(`Signal listener must be a function. "${typeof handler}" is given.`);
    }
  }

  function addSignalListener(signo, handler) {
    checkHandler(handler);
    const name = String(signo);
    let set = listeners.get(name);
    if (set === undefined) {
      ops.op_signal_bind(name);
      listeners.set(name, (set = new Set()));
    }
    set.add(handler);
  }

  function removeSignalListener(signo, handler) {
    checkHandler(handler);
    const name = String(signo);
    const set = listeners.get(name);
    if (set === undefined) return;
    set.delete(handler);
    if (set.size === 0) {
      listeners.delete(name);
      ops.op_signal_unbind(name);
    }
  }

  // A signal the program sends itself arrives through the JVM's signal thread a moment later; Deno has
  // it by the next turn of its loop. Until it arrives (at most a second), a timer keeps the isolate
  // alive, so that a program awaiting its own signal does not end first.
  const awaited = new Map(); // signal name -> timer ids
  function sentToSelf(pid, signo) {
    const name = String(signo);
    if (pid !== ops.op_pid() || !listeners.has(name)) return;
    const timers = awaited.get(name) ?? [];
    timers.push(internal.timers.setTimeout(() => {}, 1000));
    awaited.set(name, timers);
  }

  internal.host.signal = (name) => {
    const timers = awaited.get(name);
    if (timers !== undefined) {
      awaited.delete(name);
      for (const id of timers) internal.timers.clearTimeout(id);
    }
    const set = listeners.get(name);
    if (set === undefined) return;
    for (const handler of [...set]) {
      try {
        handler();
      } catch (error) {
        internal.reportException(error);
      }
    }
  };

  internal.signals = { addSignalListener, removeSignalListener, sentToSelf };
})
