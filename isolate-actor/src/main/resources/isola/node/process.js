// node:process, the `process` global: an EventEmitter over the Deno namespace's facts, as Deno's
// polyfill builds it (env through Deno.env and its permissions, argv from the main module and args,
// exit through Deno.exit with an `exit` event after `unload`).
(function (binding, internal) {
  "use strict";
  const ops = internal.ops;
  const EventEmitter = internal.node.builtin("events");
  const errors = internal.node.load("_errors");

  const nodeVersion = "26.3.0";
  const versions = {
    node: nodeVersion, uv: "1.52.1", zlib: "1.3.1-e00f703", brotli: "1.2.0", ares: "1.34.6", modules: "147",
    nghttp2: "1.69.0", napi: "10", llhttp: "9.4.1", openssl: "3.0.7+quic", cldr: "48.0", icu: "78.3",
    tz: "2026b", unicode: "17.0", ngtcp2: "", nghttp3: "", sqlite: "3.53.1",
    deno: internal.denoVersion, v8: "15.0.245.2-rusty", typescript: "6.0.3",
  };

  // Deno.env's methods, so permissions are checked (and denied) exactly as for Deno.env.
  const denoEnv = internal.os.env;
  // Reads go through op_node_env_get: Node's own settings (NODE_DEBUG, ...) need no permission in Deno.
  const read = (key) => ops.op_node_env_get(key) ?? undefined;
  const env = new Proxy({}, {
    get: (_, key) => (typeof key === "string" ? read(key) : undefined),
    set(_, key, value) {
      denoEnv.set(String(key), String(value));
      return true;
    },
    has: (_, key) => typeof key === "string" && read(key) !== undefined,
    deleteProperty(_, key) {
      if (typeof key === "string") denoEnv.delete(key);
      return true;
    },
    ownKeys: () => Object.keys(denoEnv.toObject()),
    getOwnPropertyDescriptor(_, key) {
      const value = typeof key === "string" ? read(key) : undefined;
      return value === undefined ? undefined : { value, writable: true, enumerable: true, configurable: true };
    },
    defineProperty(_, key, descriptor) {
      denoEnv.set(String(key), String(descriptor.value));
      return true;
    },
  });

  const mainModule = ops.op_main_module();
  const execPath = ops.op_exec_path();
  const argv = [execPath, ...(mainModule.startsWith("file:") ? [internal.pathFromURL(new URL(mainModule))] : []),
    ...ops.op_args()];

  function hrtime(previous) {
    const nanos = hrtimeBigint();
    let seconds = Number(nanos / 1_000_000_000n);
    let rest = Number(nanos % 1_000_000_000n);
    if (previous !== undefined) {
      if (!Array.isArray(previous)) throw errors.invalidArgType("time", "Array", previous);
      seconds -= previous[0];
      rest -= previous[1];
      if (rest < 0) {
        seconds--;
        rest += 1e9;
      }
    }
    return [seconds, rest];
  }
  // Nanoseconds since an arbitrary origin (the isolate's start), as Node's monotonic clock.
  function hrtimeBigint() {
    return BigInt(Math.round(ops.op_now() * 1e6)) + 1_000_000_000n;
  }
  hrtime.bigint = hrtimeBigint;

  function nextTick(callback, ...args) {
    errors.validateFunction(callback, "callback");
    internal.node.nextTick(callback, args);
  }

  let exitCode;
  function setExitCode(code) {
    if (code !== undefined && code !== null) internal.setExitCode(Number(code));
    exitCode = code;
  }

  function exit(code) {
    if (code !== undefined && code !== null) setExitCode(code);
    internal.exit();
  }

  function emitWarning(warning, type, code, ctor) {
    let detail;
    if (type !== null && typeof type === "object" && !Array.isArray(type)) {
      ({ type, code, detail } = type);
    } else if (typeof type === "function") {
      ctor = type;
      type = undefined;
    }
    if (typeof warning === "string") {
      const w = new Error(warning);
      w.name = String(type || "Warning");
      if (code !== undefined) w.code = code;
      if (detail !== undefined) w.detail = detail;
      warning = w;
    } else if (!(warning instanceof Error)) {
      throw errors.invalidArgType("warning", ["Error", "string"], warning);
    }
    if (warning.name === "DeprecationWarning" && process.noDeprecation) return;
    internal.node.nextTick(() => {
      process.emit("warning", warning);
      let text = `(node:${ops.op_pid()}) ${warning.code ? `[${warning.code}] ` : ""}${warning.name}: ${warning.message}`;
      if (typeof warning.detail === "string") text += `\n${warning.detail}`;
      internal.print(`${text}\n`, true);
    }, []);
  }

  // process.stdout and stderr are node:stream Writables, made on first use.
  const stdio = new Map();
  function stdioStream(fd) {
    let stream = stdio.get(fd);
    if (stream === undefined) {
      const { Writable } = internal.node.builtin("stream");
      const writer = fd === 1 ? internal.os.stdout : internal.os.stderr;
      stream = new Writable({
        write(chunk, encoding, callback) {
          writer.writeSync(typeof chunk === "string" ? new TextEncoder().encode(chunk) : chunk);
          callback();
        },
      });
      Object.assign(stream, { fd, isTTY: ops.op_is_terminal(fd), _type: "fs", _isStdio: true });
      stream.destroySoon = stream.destroy;
      stream._destroy = (err, callback) => callback(err);
      stdio.set(fd, stream);
    }
    return stream;
  }

  function Process() {}
  Object.defineProperty(Process, "name", { value: "process" });
  Process.prototype = Object.create(EventEmitter.prototype, {
    constructor: { value: Process, writable: true, configurable: true },
    [Symbol.toStringTag]: { value: "process", configurable: true },
  });
  const process = new Process();
  EventEmitter.call(process);

  Object.assign(process, {
    title: execPath,
    version: `v${nodeVersion}`,
    versions,
    arch: "x64",
    platform: "linux",
    release: {
      name: "node",
      sourceUrl: `https://nodejs.org/download/release/v${nodeVersion}/node-v${nodeVersion}.tar.gz`,
      headersUrl: `https://nodejs.org/download/release/v${nodeVersion}/node-v${nodeVersion}-headers.tar.gz`,
    },
    argv,
    argv0: "deno",
    execArgv: [],
    execPath,
    env,
    pid: ops.op_pid(),
    ppid: internal.os.ppid,
    features: { inspector: true, debug: false, uv: true, ipv6: true, tls_alpn: true, tls_sni: true, tls_ocsp: true, tls: true, cached_builtins: true, typescript: "transform", require_module: true },
    noDeprecation: false,
    throwDeprecation: false,
    traceDeprecation: false,
    cwd: () => internal.fs.cwd(),
    chdir: (directory) => internal.fs.chdir(directory),
    exit,
    reallyExit: exit,
    abort: () => internal.quit(134),
    nextTick,
    hrtime,
    emitWarning,
    uptime: () => ops.op_now() / 1000,
    memoryUsage: Object.assign(() => internal.os.memoryUsage(), { rss: () => internal.os.memoryUsage().rss }),
    cpuUsage: () => ({ user: Math.round(ops.op_now() * 1000), system: 0 }),
    // Deno's kill: a name or a number, 0 to test that the process exists.
    kill(pid, signal = "SIGTERM") {
      if (signal === 0) {
        internal.process.kill(pid, 0);
        return true;
      }
      internal.process.kill(pid, signal);
      return true;
    },
    binding(name) {
      throw new Error(`No such module: ${name}`);
    },
  });
  // process.on("SIGINT", ...) and friends listen through Deno.addSignalListener while the process has
  // listeners for the signal; each gets the signal's name, as in Node.
  const signalDispatchers = new Map();
  const isSignal = (event) => typeof event === "string" && /^SIG[A-Z0-9]+$/.test(event);
  process.on("newListener", (event) => {
    if (!isSignal(event) || signalDispatchers.has(event)) return;
    const dispatch = () => process.emit(event, event);
    internal.signals.addSignalListener(event, dispatch);
    signalDispatchers.set(event, dispatch);
  });
  process.on("removeListener", (event) => {
    if (!isSignal(event) || process.listenerCount(event) > 0) return;
    const dispatch = signalDispatchers.get(event);
    if (dispatch === undefined) return;
    signalDispatchers.delete(event);
    internal.signals.removeSignalListener(event, dispatch);
  });

  // process.stdin: a node:stream Readable over Deno.stdin, reading only while someone consumes it. A
  // pending read does not keep the program alive once the stream is paused or destroyed (a script
  // that asked its one question and closed its readline interface ends, as under Node).
  let stdinStream = null;
  function stdin() {
    if (stdinStream !== null) return stdinStream;
    const { Readable } = internal.node.builtin("stream");
    const { Buffer } = internal.node.builtin("buffer");
    let pending = null;
    const stream = new Readable({
      highWaterMark: 64 * 1024,
      read(size) {
        if (pending !== null) return;
        pending = internal.opAsync("op_stdin_read", 64 * 1024);
        if (stream.isPaused() || stream.destroyed) internal.unrefOpPromise(pending);
        pending.then((bytes) => {
          pending = null;
          if (stream.destroyed) return;
          stream.push(bytes === null ? null : Buffer.from(new Uint8Array(bytes)));
        }, (error) => {
          pending = null;
          stream.destroy(error);
        });
      },
      destroy(error, callback) {
        if (pending !== null) internal.unrefOpPromise(pending);
        callback(error);
      },
    });
    stream.on("pause", () => {
      if (pending !== null) internal.unrefOpPromise(pending);
    });
    stream.on("resume", () => {
      if (pending !== null) internal.refOpPromise(pending);
    });
    Object.assign(stream, { fd: 0, isTTY: ops.op_is_terminal(0) });
    stream.setRawMode = function setRawMode() {
      return this;
    };
    stdinStream = stream;
    return stream;
  }

  Object.defineProperties(process, {
    stdin: { get: stdin, enumerable: true, configurable: true },
    exitCode: { get: () => exitCode, set: setExitCode, enumerable: true, configurable: true },
    stdout: { get: () => stdioStream(1), enumerable: true, configurable: true },
    stderr: { get: () => stdioStream(2), enumerable: true, configurable: true },
  });

  // 99_main.js and Deno.exit dispatch `unload`, then this: Node's `exit` event with the exit code.
  let exiting = false;
  internal.node.onExit = () => {
    if (exiting) return;
    exiting = true;
    process._exiting = true;
    process.emit("exit", internal.exitCode());
  };

  return process;
})
