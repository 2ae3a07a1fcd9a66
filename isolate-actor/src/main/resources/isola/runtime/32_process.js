// Deno.Command, Deno.ChildProcess and Deno.kill: thin glue over the op_spawn_* ops
// (ProcessBinding.java). A spawned child is a resource actor on the host (ChildProcess.java); its
// status and pending reads keep the program alive unless unref()'d, as in Deno. Argument checks and
// their messages are Deno's (its serde errors included), made here before any op runs.
(function (binding, internal) {
  "use strict";
  const ops = internal.ops;
  const opAsync = internal.opAsync;
  const { writableOf, copyRead } = internal.resourceStreams;
  const chunkSize = 64 * 1024;
  const constructKey = Symbol("isola.process.construct");
  const STDIO = ["inherit", "piped", "null"];

  /** The type name serde_v8 reports for a value that should have been a string. */
  function serdeType(value) {
    if (value === null) return "null";
    if (value === undefined) return "undefined";
    switch (typeof value) {
      case "number": return "Number";
      case "boolean": return "Boolean";
      case "bigint": return "BigInt";
      default: return "unknown";
    }
  }

  function serdeString(value) {
    if (typeof value !== "string") {
      throw new TypeError(`serde_v8 error: invalid type; expected: string, got: ${serdeType(value)}`);
    }
    return value;
  }

  /** A file URL as its path; anything else as it is (Deno's pathFromURL), for serde to refuse. */
  function fromURL(value) {
    return value !== null && typeof value === "object" && typeof value.protocol === "string"
      ? internal.pathFromURL(value) : value;
  }

  function stdio(value, fallback) {
    if (value === undefined) return fallback;
    if (value === null) throw new TypeError('Expected a file descriptor, "inherit", "piped", or "null"');
    if (!STDIO.includes(value)) {
      throw new TypeError(`unknown variant \`${value}\`, expected one of \`inherit\`, \`piped\`, \`null\``);
    }
    return value;
  }

  /** The op arguments for `command` and `options`, with Deno's checks in Deno's order. */
  function spawnArgs(command, options, defaults) {
    const {
      args = [], cwd = undefined, clearEnv = false, env = {},
      stdin = defaults.stdin, stdout = defaults.stdout, stderr = defaults.stderr,
    } = options ?? {};
    if (command === undefined) throw new TypeError("missing field `cmd`");
    const cmd = serdeString(fromURL(command));
    if (args === null) throw new TypeError("Array.prototype.map called on null or undefined");
    const argv = Array.prototype.map.call(args, String);
    const dir = cwd === undefined || cwd === null ? null : serdeString(fromURL(cwd));
    if (env === null) throw new TypeError("Cannot convert undefined or null to object");
    const envPairs = [];
    for (const [key, value] of Object.entries(env)) envPairs.push(key, serdeString(value));
    return [cmd, argv, dir, envPairs, !!clearEnv,
      stdio(stdin, defaults.stdin), stdio(stdout, defaults.stdout), stdio(stderr, defaults.stderr)];
  }

  function notPiped(name) {
    return new TypeError(`Cannot get '${name}': '${name}' is not piped`);
  }

  function exitStatus([code, signal]) {
    return { __proto__: null, success: code === 0 && signal === null, code, signal };
  }

  /** The object output() and outputSync() return: the output behind getters, as Deno's. */
  function commandOutput({ success, code, signal }, stdout, stderr) {
    return {
      success,
      code,
      signal,
      get stdout() {
        if (stdout === null) throw notPiped("stdout");
        return stdout;
      },
      get stderr() {
        if (stderr === null) throw notPiped("stderr");
        return stderr;
      },
    };
  }

  function toBytes(buffer) {
    return buffer === null ? null : new Uint8Array(internal.hostBytes(buffer));
  }

  /** Reads to the end, keeping the reader (and so the lock), as Deno's collectOutput does. */
  async function readAll(reader) {
    const chunks = [];
    let length = 0;
    for (let r = await reader.read(); !r.done; r = await reader.read()) {
      chunks.push(r.value);
      length += r.value.byteLength;
    }
    const all = new Uint8Array(length);
    let at = 0;
    for (const chunk of chunks) {
      all.set(chunk, at);
      at += chunk.byteLength;
    }
    return all;
  }

  /** One piped output of a child: read through a ReadableStream, or whole by output(). */
  class OutputPipe {
    #own = internal.ownShape(this);
    #rid;
    #fd;
    #pending;
    #onEnd;
    #stream;
    #collected = false;

    constructor(rid, fd, pending, onEnd) {
      this.#rid = rid;
      this.#fd = fd;
      this.#pending = pending;
      this.#onEnd = onEnd;
    }

    /** A byte stream, as Deno's (BYOB readers work): each pull reads into the request's view. */
    get stream() {
      if (this.#stream === undefined) {
        const onEnd = this.#onEnd;
        const read = (length) => this.#pending.track(opAsync("op_spawn_read", this.#rid, this.#fd, length));
        this.#stream = new globalThis.ReadableStream({
          type: "bytes",
          autoAllocateChunkSize: chunkSize,
          async pull(controller) {
            const request = controller.byobRequest;
            try {
              const n = copyRead(await read(request.view.byteLength), request.view);
              if (n === null) {
                onEnd();
                controller.close();
                request.respond(0);
              } else {
                request.respond(n);
              }
            } catch (e) {
              onEnd();
              controller.error(e);
            }
          },
          cancel() {
            onEnd();
          },
        });
      }
      // Collected whole by the host already: the stream is there, locked, as Deno's.
      if (this.#collected && !this.#stream.locked) this.#stream.getReader();
      return this.#stream;
    }

    /**
     * All of the output, read whole by the host when the script never touched the stream. As in
     * Deno, the stream stays locked afterwards, so a second collect is refused.
     */
    collect(name) {
      if (this.#collected || this.#stream?.locked) {
        throw new TypeError(`Cannot collect output: '${name}' is locked`);
      }
      this.#collected = true;
      if (this.#stream !== undefined) return readAll(this.#stream.getReader());
      return this.#pending.track(opAsync("op_spawn_read_all", this.#rid, this.#fd))
        .then(toBytes).finally(this.#onEnd);
    }
  }

  class ChildProcess {
    #own = internal.ownShape(this);
    #rid;
    #pid;
    #stdin = null;
    #stdout = null;
    #stderr = null;
    #status;
    #waitComplete = false;
    #pending = new internal.PendingOps();

    static ridOf(child) {
      return child.#rid;
    }

    constructor(key, [rid, pid], { stdin, stdout, stderr }, signal) {
      if (key !== constructKey) throw new TypeError("Illegal constructor");
      this.#rid = rid;
      this.#pid = pid;
      internal.openResources.set(rid, "child");
      // The resource goes once the child ended and every piped output was read to its end.
      let open = 1 + (stdout === "piped") + (stderr === "piped");
      let released = false;
      const release = () => {
        if (released || --open > 0) return;
        released = true;
        internal.openResources.delete(rid);
        ops.op_spawn_close(rid);
      };
      const outputEnd = (() => {
        let done = false;
        return () => {
          if (done) return;
          done = true;
          release();
        };
      });
      if (stdin === "piped") {
        let closed = false;
        const closeStdin = () => {
          if (closed || released) return;
          closed = true;
          ops.op_spawn_close_stdin(rid);
        };
        this.#stdin = writableOf(async (chunk) => await opAsync("op_spawn_write", rid, chunk), closeStdin);
      }
      if (stdout === "piped") this.#stdout = new OutputPipe(rid, 1, this.#pending, outputEnd());
      if (stderr === "piped") this.#stderr = new OutputPipe(rid, 2, this.#pending, outputEnd());
      const onAbort = () => {
        try {
          this.kill("SIGTERM");
        } catch {
          // ended already
        }
      };
      // An aborted signal kills the child at once (Deno's abort-signal add runs the callback then).
      if (signal?.aborted) onAbort();
      else signal?.addEventListener("abort", onAbort, { once: true });
      this.#status = this.#pending.track(opAsync("op_spawn_wait", rid)).then((status) => {
        this.#waitComplete = true;
        signal?.removeEventListener("abort", onAbort);
        release();
        return exitStatus(status);
      });
    }

    get pid() {
      return this.#pid;
    }

    get stdin() {
      if (this.#stdin === null) throw notPiped("stdin");
      return this.#stdin;
    }

    get stdout() {
      if (this.#stdout === null) throw notPiped("stdout");
      return this.#stdout.stream;
    }

    get stderr() {
      if (this.#stderr === null) throw notPiped("stderr");
      return this.#stderr.stream;
    }

    get status() {
      return this.#status;
    }

    async output() {
      const stdout = this.#stdout === null ? null : this.#stdout.collect("stdout");
      const stderr = this.#stderr === null ? null : this.#stderr.collect("stderr");
      const all = await Promise.all([this.#status, stdout, stderr]);
      return commandOutput(all[0], all[1], all[2]);
    }

    kill(signo = "SIGTERM") {
      if (this.#waitComplete) throw new TypeError("Child process has already terminated");
      ops.op_spawn_kill(this.#rid, signo);
    }

    ref() {
      this.#pending.ref();
    }

    unref() {
      this.#pending.unref();
    }

    async [Symbol.asyncDispose]() {
      try {
        this.kill("SIGTERM");
      } catch {
        // ended already
      }
      await this.#status;
    }
  }

  const outputDefaults = { stdin: "null", stdout: "piped", stderr: "piped" };
  const spawnDefaults = { stdin: "inherit", stdout: "inherit", stderr: "inherit" };

  function refusePipedStdin(options) {
    if (options?.stdin === "piped") {
      throw new TypeError("Piped stdin is not supported for this function, use 'Deno.Command.spawn()' instead");
    }
  }

  function spawnChild(command, options, defaults) {
    const args = spawnArgs(command, options, defaults);
    const child = ops.op_spawn_child(...args);
    return new ChildProcess(constructKey, child, { stdin: args[5], stdout: args[6], stderr: args[7] },
      options?.signal);
  }

  class Command {
    #own = internal.ownShape(this);
    #command;
    #options;

    constructor(command, options) {
      this.#command = command;
      this.#options = options;
    }

    output() {
      refusePipedStdin(this.#options);
      return (async () => await spawnChild(this.#command, this.#options, outputDefaults).output())();
    }

    outputSync() {
      refusePipedStdin(this.#options);
      const [code, signal, stdout, stderr] =
        ops.op_spawn_sync(...spawnArgs(this.#command, this.#options, outputDefaults));
      return commandOutput(exitStatus([code, signal]), toBytes(stdout), toBytes(stderr));
    }

    spawn() {
      return spawnChild(this.#command, this.#options, spawnDefaults);
    }
  }

  function kill(pid, signo = "SIGTERM") {
    if (typeof pid !== "number" || !Number.isInteger(pid)) throw new TypeError("expected i32");
    ops.op_kill(pid, signo);
    internal.signals.sentToSelf(pid, signo);
  }

  /**
   * What node:child_process's sync functions need beyond outputSync: stdin fed from `input` (bytes or
   * null) and any stdio mode, with Deno's argument checks. [code, signal, stdout|null, stderr|null].
   */
  function runSync(command, options, input) {
    const args = spawnArgs(command, options, outputDefaults);
    const [code, signal, stdout, stderr] = ops.op_spawn_sync(...args, input);
    return [code, signal, stdout === null ? null : toBytes(stdout), stderr === null ? null : toBytes(stderr)];
  }

  // --- Deno.run: Deno 1's subprocess API, still in Deno 2.9 -------------------------------------

  class AssertionError extends Error {
    constructor(message) {
      super(message);
      this.name = "AssertionError";
    }
  }

  /** A Deno.run pipe, over the child's stream; Deno shows these as FsFile. */
  const RunPipe = { FsFile: class {
    #own = internal.ownShape(this);
    #stream;
    #reader = null;
    #writer = null;
    #leftover = null;
    #closed = false;

    constructor(key, stream) {
      if (key !== constructKey) throw new TypeError("Illegal constructor");
      this.#stream = stream;
    }

    get readable() {
      return this.#stream instanceof globalThis.ReadableStream ? this.#stream : undefined;
    }

    get writable() {
      return this.#stream instanceof globalThis.WritableStream ? this.#stream : undefined;
    }

    async read(p) {
      if (this.#leftover === null) {
        this.#reader ??= this.#stream.getReader();
        const { value, done } = await this.#reader.read();
        if (done) return null;
        this.#leftover = value;
      }
      const n = Math.min(p.byteLength, this.#leftover.byteLength);
      p.set(this.#leftover.subarray(0, n));
      this.#leftover = n < this.#leftover.byteLength ? this.#leftover.subarray(n) : null;
      return n;
    }

    /** The rest of the stream, for Process.output(). */
    async readAll() {
      const chunks = this.#leftover === null ? [] : [this.#leftover];
      this.#leftover = null;
      this.#reader ??= this.#stream.getReader();
      for (;;) {
        const { value, done } = await this.#reader.read();
        if (done) break;
        chunks.push(value);
      }
      return chunks.length === 0 ? new Uint8Array(0) : internal.body.concat(chunks);
    }

    async write(p) {
      this.#writer ??= this.#stream.getWriter();
      await this.#writer.write(p.slice());
      return p.byteLength;
    }

    close() {
      if (this.#closed) return;
      this.#closed = true;
      if (this.#stream instanceof globalThis.WritableStream) {
        this.#writer ??= this.#stream.getWriter();
        this.#writer.close().catch(() => {});
      } else {
        this.#reader ??= this.#stream.getReader();
        this.#reader.cancel().catch(() => {});
      }
    }
  } }.FsFile;

  class Process {
    #own = internal.ownShape(this);
    #child;

    constructor(key, child) {
      if (key !== constructKey) throw new TypeError("Illegal constructor");
      this.#child = child;
      this.rid = ChildProcess.ridOf(child);
      this.pid = child.pid;
    }

    async status() {
      const { code, signal } = await this.#child.status;
      return signal === null ? { success: code === 0, code } : { success: false, code, signal: code - 128 };
    }

    output() {
      return collect(this.stdout, "stdout");
    }

    stderrOutput() {
      return collect(this.stderr, "stderr");
    }

    close() {
      this.stdin?.close();
      this.stdout?.close();
      this.stderr?.close();
    }

    kill(signo = "SIGTERM") {
      this.#child.kill(signo);
    }
  }

  /** The rest of a Deno.run pipe, which is closed then. */
  async function collect(pipe, name) {
    if (!pipe) throw new TypeError(`Cannot collect output: '${name}' is not piped`);
    try {
      return await pipe.readAll();
    } finally {
      pipe.close();
    }
  }

  function run({ cmd, cwd = undefined, clearEnv = false, env = {}, gid = undefined, uid = undefined,
    stdout = "inherit", stderr = "inherit", stdin = "inherit" }) {
    if (cmd[0] != null) cmd = [pathFromURLish(cmd[0]), ...cmd.slice(1)];
    if (cmd.length === 0) throw new AssertionError("Assertion failed.");
    const mode = (m) => (m === "piped" || m === "null" ? m : "inherit");
    let child;
    try {
      child = spawnChild(String(cmd[0]), {
        args: cmd.slice(1).map(String), cwd, clearEnv, env, gid, uid,
        stdin: mode(stdin), stdout: mode(stdout), stderr: mode(stderr),
      }, spawnDefaults);
    } catch (e) {
      if (e?.name === "NotFound") {
        const error = new internal.errors.NotFound(`Failed to spawn '${cmd[0]}': entity not found`);
        throw error;
      }
      throw e;
    }
    const process = new Process(constructKey, child);
    if (stdin === "piped") process.stdin = new RunPipe(constructKey, child.stdin);
    if (stdout === "piped") process.stdout = new RunPipe(constructKey, child.stdout);
    if (stderr === "piped") process.stderr = new RunPipe(constructKey, child.stderr);
    return process;
  }

  function pathFromURLish(value) {
    return value instanceof URL ? decodeURIComponent(value.pathname) : value;
  }

  internal.process = { Command, ChildProcess, kill, runSync, run, Process };
})
