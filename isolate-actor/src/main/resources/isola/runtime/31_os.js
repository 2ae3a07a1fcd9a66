// The process namespace (Deno's runtime/js/30_os.js and 40_process stdio): Deno.env, facts about the
// process and the machine, and the standard streams. Paired with OsBinding.java.
(function (binding, internal) {
  "use strict";
  const ops = internal.ops;

  class Env {
    get(key) {
      return ops.op_env_get(String(key)) ?? undefined;
    }
    set(key, value) {
      ops.op_env_set(String(key), String(value));
    }
    delete(key) {
      ops.op_env_delete(String(key));
    }
    has(key) {
      return ops.op_env_get(String(key)) != null;
    }
    toObject() {
      const flat = ops.op_env_to_object();
      const object = {};
      for (let i = 0; i < flat.length; i += 2) object[flat[i]] = flat[i + 1];
      return object;
    }
  }

  // The three stdio objects keep their state here rather than in private fields: GraalJS keys a
  // private field by its name across every context of the engine, so an object that gains one in each
  // new isolate pays a search through all the others' (0.3-0.8 ms per isolate at 1,000-3,000 workers,
  // growing with their number; bench/js/worker_density.js).
  const stdioState = new WeakMap();

  class Stdio {
    constructor(fd) {
      stdioState.set(this, { fd, stream: undefined });
    }
    get rid() {
      return stdioState.get(this).fd;
    }
    isTerminal() {
      return ops.op_is_terminal(stdioState.get(this).fd);
    }
  }

  /** Deno.stdin: reads of the process's standard input, shared by every isolate of the JVM. */
  class Reader extends Stdio {
    async read(p) {
      const bytes = await internal.opAsync("op_stdin_read", p.byteLength);
      return copyIn(bytes, p);
    }
    readSync(p) {
      return copyIn(ops.op_stdin_read_sync(p.byteLength), p);
    }
    get readable() {
      const state = stdioState.get(this);
      state.stream ??= internal.resourceStreams.readableOf((buf) => this.read(buf), () => {});
      return state.stream;
    }
    setRaw(mode) {
      if (!this.isTerminal()) throw new internal.errors.BadResource("ENOTTY: Not a typewriter");
      throw new internal.errors.NotSupported(`setRaw(${!!mode}) is not supported by isola`);
    }
  }

  function copyIn(bytes, p) {
    if (bytes === null) return null;
    const view = new Uint8Array(bytes);
    p.set(view);
    return view.byteLength;
  }

  class Writer extends Stdio {
    writeSync(p) {
      return ops.op_write_stdio(stdioState.get(this).fd, p);
    }
    write(p) {
      try {
        return Promise.resolve(ops.op_write_stdio(stdioState.get(this).fd, p));
      } catch (e) {
        return Promise.reject(e);
      }
    }
    get writable() {
      const state = stdioState.get(this);
      state.stream ??= new WritableStream({ write: (chunk) => { this.writeSync(chunk); } });
      return state.stream;
    }
  }

  function memoryUsage() {
    const [rss, heapTotal, heapUsed, external] = ops.op_memory_usage();
    return { rss, heapTotal, heapUsed, external };
  }

  function loadavg() {
    return Array.from(ops.op_loadavg());
  }

  function networkInterfaces() {
    return Array.from(ops.op_network_interfaces(), ([family, name, address, netmask, scopeid, cidr, mac]) =>
      Object.assign(Object.create(null), { family, name, address, netmask, scopeid, cidr, mac }));
  }

  function consoleSize() {
    const size = ops.op_console_size();
    if (size === null) {
      throw new Error("Could not get console size: stdin, stdout, and stderr are not connected to a terminal");
    }
    return { columns: size[0], rows: size[1] };
  }

  /** The process's CPU time so far, in microseconds. */
  function cpuUsage() {
    const [user, system] = ops.op_runtime_cpu_usage();
    return { system, user };
  }

  function systemMemoryInfo() {
    const [total, free, available, buffers, cached, swapTotal, swapFree] = ops.op_system_memory_info();
    return { total, free, available, buffers, cached, swapTotal, swapFree };
  }

  // prompt/confirm/alert as Deno has them: without a terminal on stdin they neither print nor wait
  // (prompt gives null, confirm false); on a terminal they ask and read a line.
  function interactive() {
    return ops.op_is_terminal(0) && ops.op_is_terminal(1);
  }
  function alert(message = "Alert") {
    if (!interactive()) return;
    internal.print(`${message} [Enter] `, false);
    ops.op_read_line();
  }
  function confirm(message = "Confirm") {
    if (!interactive()) return false;
    internal.print(`${message} [y/N] `, false);
    const answer = ops.op_read_line();
    return answer === "y" || answer === "Y";
  }
  function prompt(message = "Prompt", defaultValue = undefined) {
    defaultValue ??= "";
    if (!interactive()) return null;
    internal.print(`${message}${defaultValue ? ` [${defaultValue}]` : ""} `, false);
    const answer = ops.op_read_line();
    if (answer === null) return null;
    return answer === "" ? defaultValue : answer;
  }
  internal.dialogs = { alert, confirm, prompt };

  /** Deno.isatty(rid): only the standard streams can be terminals here; any other rid is not. */
  function isatty(rid) {
    return rid === 0 || rid === 1 || rid === 2 ? ops.op_is_terminal(rid) : false;
  }

  internal.os = {
    env: new Env(),
    isatty,
    umask: (mask = undefined) => ops.op_umask(mask === undefined ? null : mask),
    ppid: ops.op_ppid(),
    memoryUsage,
    hostname: () => ops.op_hostname(),
    osRelease: () => ops.op_os_release(),
    loadavg,
    systemMemoryInfo,
    osUptime: () => ops.op_os_uptime(),
    uid: () => ops.op_getuid(),
    gid: () => ops.op_getgid(),
    networkInterfaces,
    consoleSize,
    cpuUsage,
    execPath: () => ops.op_exec_path(),
    stdin: new Reader(0),
    stdout: new Writer(1),
    stderr: new Writer(2),
  };
})
