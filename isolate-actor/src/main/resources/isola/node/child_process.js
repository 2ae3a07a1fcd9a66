// node:child_process over Deno.Command (32_process.js), so --allow-run decides exactly as for
// Deno.Command: the sync functions (spawnSync, execSync, execFileSync) and the async ones (spawn,
// exec, execFile) with Node's return shapes, events and errors. No fork (no IPC channel).
(function (binding, internal) {
  "use strict";
  const errors = internal.node.load("_errors");
  const EventEmitter = internal.node.builtin("events");
  const { Buffer } = internal.node.builtin("buffer");
  const { Readable, Writable } = internal.node.builtin("stream");

  const MODES = { pipe: "piped", overlapped: "piped", inherit: "inherit", ignore: "null" };

  /** Node's stdio option as Deno's three modes; `fallback` is the default of each slot. */
  function stdioModes(stdio, fallback) {
    const slots = stdio === undefined ? fallback : typeof stdio === "string" ? [stdio, stdio, stdio] : stdio;
    return [0, 1, 2].map((i) => {
      const slot = slots[i] ?? fallback[i];
      if (slot === null || slot === undefined) return MODES[fallback[i]];
      if (typeof slot === "number") return slot === i ? "inherit" : "piped";
      const mode = MODES[slot];
      if (mode === undefined) {
        throw errors.nodeError(TypeError, "ERR_INVALID_ARG_VALUE",
          `The argument 'stdio' is invalid. Received ${internal.node.builtin("util").inspect(stdio)}`);
      }
      return mode;
    });
  }

  function normalize(file, args, options) {
    if (!Array.isArray(args)) {
      options = args;
      args = [];
    }
    options = options ?? {};
    if (typeof file !== "string") throw errors.invalidArgType("file", ["string"], file);
    let command = file;
    let argv = args.map(String);
    if (options.shell) {
      const shell = typeof options.shell === "string" ? options.shell : "/bin/sh";
      argv = ["-c", [file, ...argv].join(" ")];
      command = shell;
    }
    const env = options.env === undefined ? undefined : Object.fromEntries(
      Object.entries(options.env).filter(([, v]) => v !== undefined).map(([k, v]) => [k, String(v)]));
    return { file, args, command, argv, options, env };
  }

  function commandOptions(spec, [stdin, stdout, stderr]) {
    const { options, argv } = spec;
    // As Deno's node:child_process, the child gets process.env in full: reading it needs --allow-env
    // (checked before --allow-run).
    const env = spec.env ?? internal.os.env.toObject();
    const cwd = options.cwd === undefined ? undefined : String(options.cwd instanceof URL ? options.cwd.pathname : options.cwd);
    return { args: argv, cwd, env, clearEnv: true, stdin, stdout, stderr };
  }

  function spawnError(syscall, spec) {
    const error = new Error(`${syscall} ${spec.command} ENOENT`);
    Object.assign(error, {
      errno: -2, code: "ENOENT", syscall: `${syscall} ${spec.command}`, path: spec.command,
      spawnargs: spec.argv,
    });
    return error;
  }

  function decode(bytes, encoding) {
    if (bytes === null) return null;
    const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    return encoding && encoding !== "buffer" ? buffer.toString(encoding) : buffer;
  }

  function toInput(input) {
    if (input === undefined || input === null) return null;
    if (typeof input === "string") return new TextEncoder().encode(input);
    if (ArrayBuffer.isView(input)) return new Uint8Array(input.buffer, input.byteOffset, input.byteLength);
    throw errors.invalidArgType("options.input", ["string", "Buffer", "TypedArray", "DataView"], input);
  }

  function spawnSync(file, args, options) {
    const spec = normalize(file, args, options);
    const input = toInput(spec.options.input);
    const modes = stdioModes(spec.options.stdio, ["pipe", "pipe", "pipe"]);
    if (input !== null) modes[0] = "piped";
    let outcome;
    try {
      outcome = internal.process.runSync(spec.command, commandOptions(spec, modes), input);
    } catch (error) {
      if (error?.name === "NotFound") {
        return { error: spawnError("spawnSync", spec), status: undefined, signal: null, output: null, pid: 0,
          stdout: undefined, stderr: undefined };
      }
      throw error;
    }
    const [code, signal, out, err] = outcome;
    const encoding = spec.options.encoding;
    const stdout = decode(out, encoding);
    const stderr = decode(err, encoding);
    return { status: signal === null ? code : null, signal, output: [null, stdout, stderr], pid: 0, stdout, stderr };
  }

  function failed(command, result) {
    let message = `Command failed: ${command}`;
    if (result.stderr !== null && result.stderr.length > 0) message += `\n${result.stderr.toString()}`;
    const error = new Error(message);
    return Object.assign(error, {
      pid: result.pid, status: result.status, signal: result.signal, stdout: result.stdout,
      stderr: result.stderr, output: result.output,
    });
  }

  // The exec*Sync functions pass the child's stderr through unless stdio says otherwise (Node).
  function execFileSync(file, args, options) {
    const spec = normalize(file, args, options);
    const opts = { ...spec.options, stdio: spec.options.stdio ?? ["pipe", "pipe", "inherit"] };
    const result = spawnSync(file, spec.args, opts);
    if (result.error) throw result.error;
    if (result.status !== 0) throw failed([file, ...spec.args].join(" "), result);
    return result.stdout;
  }

  function execSync(command, options) {
    const opts = { ...(options ?? {}), shell: options?.shell ?? true };
    opts.stdio = opts.stdio ?? ["pipe", "pipe", "inherit"];
    const result = spawnSync(command, [], opts);
    if (result.error) throw result.error;
    if (result.status !== 0) throw failed(command, result);
    return result.stdout;
  }

  class ChildProcess extends EventEmitter {
    constructor() {
      super();
      this.pid = undefined;
      this.stdin = null;
      this.stdout = null;
      this.stderr = null;
      this.stdio = [null, null, null];
      this.exitCode = null;
      this.signalCode = null;
      this.killed = false;
      this.spawnfile = undefined;
      this.spawnargs = [];
      this._child = null;
    }

    kill(signal = "SIGTERM") {
      if (this._child === null || this.exitCode !== null || this.signalCode !== null) return false;
      try {
        this._child.kill(typeof signal === "number" ? signal : String(signal));
        this.killed = true;
        return true;
      } catch {
        return false;
      }
    }

    ref() {
      this._child?.ref();
    }

    unref() {
      this._child?.unref();
    }
  }

  function readableOf(stream) {
    const reader = stream.getReader();
    return new Readable({
      read() {
        reader.read().then(({ value, done }) => this.push(done ? null : Buffer.from(value)),
          (error) => this.destroy(error));
      },
    });
  }

  function writableOf(stream) {
    const writer = stream.getWriter();
    return new Writable({
      write(chunk, encoding, callback) {
        const bytes = typeof chunk === "string" ? new TextEncoder().encode(chunk) : chunk;
        writer.write(bytes).then(() => callback(), callback);
      },
      final(callback) {
        writer.close().then(() => callback(), callback);
      },
    });
  }

  function spawn(file, args, options) {
    const spec = normalize(file, args, options);
    const modes = stdioModes(spec.options.stdio, ["pipe", "pipe", "pipe"]);
    const cp = new ChildProcess();
    cp.spawnfile = spec.command;
    cp.spawnargs = [spec.command, ...spec.argv];
    let child;
    try {
      child = new internal.process.Command(spec.command, commandOptions(spec, modes)).spawn();
    } catch (error) {
      if (error?.name !== "NotFound") throw error;
      queueMicrotask(() => {
        cp.emit("error", spawnError("spawn", spec));
        cp.emit("close", -2, null);
      });
      return cp;
    }
    cp._child = child;
    cp.pid = child.pid;
    if (modes[0] === "piped") cp.stdin = writableOf(child.stdin);
    if (modes[1] === "piped") cp.stdout = readableOf(child.stdout);
    if (modes[2] === "piped") cp.stderr = readableOf(child.stderr);
    cp.stdio = [cp.stdin, cp.stdout, cp.stderr];
    const ended = [cp.stdout, cp.stderr].filter((s) => s !== null)
      .map((s) => new Promise((resolve) => s.on("close", resolve).on("end", resolve)));
    queueMicrotask(() => cp.emit("spawn"));
    child.status.then(({ code, signal }) => {
      cp.exitCode = signal === null ? code : null;
      cp.signalCode = signal;
      cp.emit("exit", cp.exitCode, signal);
      Promise.all(ended).then(() => cp.emit("close", cp.exitCode, signal));
    });
    return cp;
  }

  function execFile(file, args, options, callback) {
    if (typeof args === "function") {
      callback = args;
      args = [];
      options = {};
    } else if (typeof options === "function") {
      callback = options;
      options = Array.isArray(args) ? {} : args;
      if (!Array.isArray(args)) args = [];
    }
    options = options ?? {};
    const encoding = options.encoding ?? "utf8";
    const cp = spawn(file, args, options);
    const out = [];
    const err = [];
    cp.stdout?.on("data", (chunk) => out.push(chunk));
    cp.stderr?.on("data", (chunk) => err.push(chunk));
    const text = (chunks) => (encoding === "buffer" ? Buffer.concat(chunks) : Buffer.concat(chunks).toString(encoding));
    cp.on("error", (error) => callback?.(error, text(out), text(err)));
    cp.on("close", (code, signal) => {
      if (code === -2 && signal === null && cp.pid === undefined) return;
      const stdout = text(out);
      const stderr = text(err);
      if (code === 0) {
        callback?.(null, stdout, stderr);
        return;
      }
      const command = options.shell ? file : [file, ...(Array.isArray(args) ? args : [])].join(" ");
      const error = new Error(`Command failed: ${command}\n${stderr}`);
      Object.assign(error, { code, killed: cp.killed, signal, cmd: command });
      callback?.(error, stdout, stderr);
    });
    return cp;
  }

  function exec(command, options, callback) {
    if (typeof options === "function") {
      callback = options;
      options = {};
    }
    return execFile(command, [], { ...(options ?? {}), shell: options?.shell ?? true }, callback);
  }

  const custom = Symbol.for("nodejs.util.promisify.custom");
  for (const [fn, arity] of [[exec, 2], [execFile, 3]]) {
    Object.defineProperty(fn, custom, {
      value: (...args) => new Promise((resolve, reject) => {
        fn(...args.slice(0, arity), (error, stdout, stderr) =>
          error ? reject(Object.assign(error, { stdout, stderr })) : resolve({ stdout, stderr }));
      }),
    });
  }

  function fork() {
    throw errors.nodeError(Error, "ERR_NOT_IMPLEMENTED", "isola does not implement child_process.fork");
  }

  return { ChildProcess, spawn, spawnSync, exec, execSync, execFile, execFileSync, fork };
})
