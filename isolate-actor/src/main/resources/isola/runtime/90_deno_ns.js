// The public API, built in one place: the `Deno` namespace and the globals scripts see.
(function (binding, internal) {
  "use strict";
  const ops = internal.ops;

  let exitCode = 0;
  // Deno.exit takes any number (truncated, saturated to i32, NaN as 0) and ignores anything else,
  // exiting with Deno.exitCode then; only the exitCode setter checks its argument.
  function exit(code = undefined) {
    if (typeof code === "number") {
      exitCode = Number.isNaN(code) ? 0 : Math.max(-2147483648, Math.min(2147483647, Math.trunc(code)));
    }
    // Under isola test, a test's exit is refused (Deno's exit sanitizer) unless it opted out.
    if (internal.testExitGuard) internal.testExitGuard(exitCode);
    internal.exiting = true;
    internal.dispatchLifecycle("unload", false);
    internal.quit(exitCode);
  }
  function setExitCode(code) {
    if (typeof code !== "number") {
      throw new TypeError(`Exit code must be a number, got: ${code} (${typeof code})`);
    }
    if (!Number.isInteger(code)) {
      throw new RangeError(`Exit code must be an integer, got: ${code}`);
    }
    exitCode = code;
  }
  internal.exitCode = () => exitCode;
  internal.setExitCode = setExitCode;
  internal.exit = exit;

  const build = Object.freeze({
    target: "x86_64-unknown-linux-gnu",
    arch: "x86_64",
    os: "linux",
    vendor: "unknown",
    env: "gnu",
  });
  const version = Object.freeze({ deno: "2.9.6", v8: "15.0.245.2-rusty", typescript: "6.0.3" });
  internal.denoVersion = version.deno;

  // A member whose runtime file loads on first use (06_lazy.js) is an accessor until then, which
  // then leaves a plain data property in its place (Deno.serve is an accessor in Deno too).
  class LazyMember {
    constructor(get) {
      this.get = get;
    }
  }
  const lazyMember = (get) => new LazyMember(get);
  function defineLazyMembers(target) {
    const keys = Object.keys(target);
    for (let i = 0; i < keys.length; i++) {
      const key = keys[i];
      const member = target[key];
      if (member instanceof LazyMember) internal.lazyValue(target, key, member.get);
    }
  }

  const args = Object.freeze(Array.from(ops.op_args()));
  const Deno = {
    args,
    build,
    version,
    pid: ops.op_pid(),
    mainModule: ops.op_main_module(),
    errors: internal.errors,
    exit,
    inspect: lazyMember(() => internal.inspect),
    refTimer: internal.timers.refTimer,
    unrefTimer: internal.timers.unrefTimer,
    noColor: true,
    test: lazyMember(() => internal.testing.test),
    // `deno run` registers benchmarks and runs none; isola has no `bench` command.
    bench() {},
    ...internal.os,
    ...internal.fs,
    ...internal.net,
    Command: lazyMember(() => internal.process.Command),
    run: lazyMember(() => internal.process.run),
    Process: lazyMember(() => internal.process.Process),
    ChildProcess: lazyMember(() => internal.process.ChildProcess),
    kill: lazyMember(() => internal.process.kill),
    addSignalListener: internal.signals.addSignalListener,
    removeSignalListener: internal.signals.removeSignalListener,
    serve: lazyMember(() => internal.http.serve),
    // 65_websocket.js loads on first use.
    upgradeWebSocket: function upgradeWebSocket(request, options = {}) {
      return internal.webSocket.upgradeWebSocket(request, options);
    },
    permissions: internal.permissions.permissions,
    Permissions: internal.permissions.Permissions,
    PermissionStatus: internal.permissions.PermissionStatus,
  };
  defineLazyMembers(Deno);
  // As Deno's: an accessor that Object.keys does not list.
  Object.defineProperty(Deno, "exitCode", {
    get: function get() { return exitCode; },
    set: function set(code) { setExitCode(code); },
    enumerable: false,
    configurable: false,
  });

  // Deno's path to its internals, `Deno[Deno.internal].core.ops`. Deno 2.9 lists no op_void_async
  // there; isola adds it, a no-op that touches nothing, so bench/js/op_roundtrip.js can time the bare
  // JS -> op actor -> reply -> promise round trip from a user script.
  Deno.internal = Symbol("Deno.internal");
  Deno[Deno.internal] = { core: { ops: { op_void_async: () => internal.opAsync("op_void_async") } } };

  const globals = {
    Deno,
    console: internal.console,
    setTimeout: internal.timers.setTimeout,
    setInterval: internal.timers.setInterval,
    clearTimeout: internal.timers.clearTimeout,
    clearInterval: internal.timers.clearInterval,
    queueMicrotask: internal.timers.queueMicrotask,
    ...internal.dialogs,
    reportError: (error) => internal.reportException(error),
    DOMException: internal.DOMException,
    ...internal.events,
    Navigator: internal.navigator.Navigator,
    NavigatorUAData: internal.navigator.NavigatorUAData,
  };
  delete globals.Window;
  // Each property defined alone on the global object costs ~20 µs in GraalJS (per isolate, measured
  // with worker_density.js); one defineProperties call for all of them costs a fraction of that.
  const descriptors = {};
  const globalNames = Object.keys(globals);
  for (let i = 0; i < globalNames.length; i++) {
    const name = globalNames[i];
    descriptors[name] = { value: globals[name], writable: true, enumerable: false, configurable: true };
  }
  Object.defineProperties(globalThis, descriptors);
  // Deno defines `performance`, `localStorage` and `sessionStorage` as enumerable, the others not.
  const webApis = internal.webApis;
  const apiDescriptors = {};
  const apiNames = Object.keys(webApis);
  for (let i = 0; i < apiNames.length; i++) {
    const name = apiNames[i];
    const enumerable = name === "performance" || name === "localStorage" || name === "sessionStorage";
    if (Object.getOwnPropertyDescriptor(webApis, name).get === undefined) {
      apiDescriptors[name] = { value: webApis[name], writable: true, enumerable, configurable: true };
      continue;
    }
    // Until first use, an accessor that loads the API's runtime file (06_lazy.js), then becomes the value.
    apiDescriptors[name] = {
      get() {
        const value = webApis[name];
        Object.defineProperty(globalThis, name, { value, writable: true, enumerable, configurable: true });
        return value;
      },
      set(value) {
        Object.defineProperty(globalThis, name, { value, writable: true, enumerable, configurable: true });
      },
      enumerable,
      configurable: true,
    };
  }
  Object.defineProperties(globalThis, apiDescriptors);
  const nodeGlobal = (name, module) => ({
    get() {
      const exports = internal.node.builtin(module);
      return module === "process" ? exports : exports[name];
    },
    set(value) {
      Object.defineProperty(globalThis, name, { value, writable: true, enumerable: true, configurable: true });
    },
    enumerable: true,
    configurable: true,
  });
  // A worker's global has no Window (61_workers.js gives it the worker's shape).
  if (!internal.workers.isWorker) {
    let closing = false;
    function Location() {
      throw new TypeError("Illegal constructor");
    }
    Object.defineProperty(Location.prototype, Symbol.toStringTag, { value: "Location", configurable: true });
    Object.defineProperties(globalThis, {
      Window: { value: internal.events.Window, writable: true, configurable: true },
      Location: { value: Location, writable: true, configurable: true },
      // Deno has a location only under --location, which isola does not take.
      location: { value: undefined, writable: true, configurable: true },
      name: { value: "", writable: true, enumerable: true, configurable: true },
      closed: { get: () => closing, set() {}, enumerable: true, configurable: true },
      // As Deno: the script's current task and its microtasks finish, then the program exits 0.
      close: {
        value: function windowClose() {
          if (closing) return;
          closing = true;
          Promise.resolve().then(() => internal.timers.setTimeout(() => exit(0), 0));
        },
        writable: true,
        enumerable: true,
        configurable: true,
      },
    });
  }
  Object.defineProperties(globalThis, {
    // Deno defines navigator as a getter.
    navigator: { get: () => internal.navigator.navigator, enumerable: true, configurable: true },
    // Deno's self ignores assignment.
    self: { get: () => globalThis, set() {}, enumerable: true, configurable: true },
    // Node's globals as Deno 2 has them in every script: getters (here loading the node: module on
    // first use, so scripts that never touch them do not pay for it), and `global` as a plain value.
    process: nodeGlobal("process", "process"),
    Buffer: nodeGlobal("Buffer", "buffer"),
    setImmediate: nodeGlobal("setImmediate", "timers"),
    clearImmediate: nodeGlobal("clearImmediate", "timers"),
    global: { value: globalThis, writable: true, enumerable: true, configurable: true },
  });
  if (internal.workers.isWorker) internal.workers.installWorkerGlobals();
})
