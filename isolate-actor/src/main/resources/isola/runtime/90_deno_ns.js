// The public API, built in one place: the `Deno` namespace and the globals scripts see.
(function (binding, internal) {
  "use strict";
  const ops = internal.ops;

  let exitCode = 0;
  function exit(code = undefined) {
    if (code !== undefined) setExitCode(code);
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

  const build = Object.freeze({
    target: "x86_64-unknown-linux-gnu",
    arch: "x86_64",
    os: "linux",
    vendor: "unknown",
    env: "gnu",
  });
  const version = Object.freeze({ deno: "2.9.6", v8: "15.0.245.2-rusty", typescript: "6.0.3" });

  const args = Object.freeze(Array.from(ops.op_args()));
  const Deno = {
    args,
    build,
    version,
    pid: ops.op_pid(),
    mainModule: ops.op_main_module(),
    errors: internal.errors,
    exit,
    get exitCode() { return exitCode; },
    set exitCode(code) { setExitCode(code); },
    inspect: internal.inspect,
    refTimer: internal.timers.refTimer,
    unrefTimer: internal.timers.unrefTimer,
    noColor: true,
  };
  Object.defineProperty(Deno, Symbol.toStringTag, { value: "Deno" });

  const globals = {
    Deno,
    console: internal.console,
    setTimeout: internal.timers.setTimeout,
    setInterval: internal.timers.setInterval,
    clearTimeout: internal.timers.clearTimeout,
    clearInterval: internal.timers.clearInterval,
    queueMicrotask: internal.timers.queueMicrotask,
    reportError: (error) => internal.reportException(error),
    DOMException: internal.DOMException,
    ...internal.events,
    ...internal.webApis,
  };
  delete globals.Window;
  for (const [name, value] of Object.entries(globals)) {
    Object.defineProperty(globalThis, name, { value, writable: true, enumerable: false, configurable: true });
  }
  Object.defineProperty(globalThis, "Window", { value: internal.events.Window, writable: true, configurable: true });
  Object.defineProperty(globalThis, "window", { get: () => undefined, configurable: true });
  Object.defineProperty(globalThis, "self", { value: globalThis, writable: true, configurable: true });
})
