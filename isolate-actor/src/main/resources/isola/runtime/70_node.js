// The `node:` built-in modules: which exist, where their implementation lives, and the one way to
// reach each (internal.node.builtin, for CommonJS require, and the ES module facade ModuleFileSystem
// serves for `import ... from "node:NAME"`). Implementations are files under resources/isola/node/,
// evaluated on first use only (op_node_load), so scripts that use none of them start as fast as before.
(function (binding, internal) {
  "use strict";
  const ops = internal.ops;

  // public name -> [implementation file, property of its exports] (the property for submodules).
  const modules = {
    assert: ["assert"],
    "assert/strict": ["assert", "strict"],
    buffer: ["buffer"],
    child_process: ["child_process"],
    console: ["console"],
    crypto: ["crypto"],
    events: ["events"],
    fs: ["fs"],
    module: ["module"],
    "fs/promises": ["fs", "promises"],
    os: ["os"],
    perf_hooks: ["perf_hooks"],
    path: ["path"],
    "path/posix": ["path", "posix"],
    process: ["process"],
    querystring: ["querystring"],
    readline: ["readline"],
    "readline/promises": ["readline", "promises"],
    stream: ["stream"],
    "stream/promises": ["stream", "promises"],
    "stream/web": ["stream_web"],
    string_decoder: ["string_decoder"],
    sys: ["util"],
    timers: ["timers"],
    tty: ["tty"],
    "timers/promises": ["timers", "promises"],
    url: ["url"],
    util: ["util"],
    "util/types": ["util", "types"],
  };

  // The other names Deno 2.9 knows (node:module's builtinModules): importing one is not "No such
  // built-in module" there, so here it fails with a message naming the gap.
  const missing = new Set([
    "diagnostics_channel", "path/win32", "worker_threads", "async_hooks", "cluster",
    "constants", "dns", "dns/promises", "domain", "punycode", "vm", "_http_agent", "_http_common",
    "_http_outgoing", "_http_server", "http", "http2", "https", "dgram", "zlib", "tls",
    "_tls_common", "_tls_wrap", "repl", "test/reporters",
    "net", "stream/consumers", "inspector", "inspector/promises", "sqlite", "test",
    "trace_events", "v8", "wasi", "_stream_duplex", "_stream_passthrough", "_stream_readable",
    "_stream_transform", "_stream_writable",
  ]);

  const loaded = new Map(); // implementation file -> its exports

  function load(file) {
    let exports = loaded.get(file);
    if (exports === undefined) {
      exports = ops.op_node_load(file)(binding, internal);
      loaded.set(file, exports);
    }
    return exports;
  }

  function bareName(name) {
    return name.startsWith("node:") ? name.slice(5) : name;
  }

  /** Whether `name` ("fs" or "node:fs") is a built-in module isola provides. */
  function has(name) {
    return Object.hasOwn(modules, bareName(name));
  }

  /** The exports of built-in module `name` ("fs" or "node:fs"), loading it on first use. */
  function builtin(name) {
    const entry = modules[bareName(name)];
    if (entry === undefined) {
      const error = new Error(missing.has(bareName(name))
        ? `isola does not implement node:${bareName(name)} yet`
        : `No such built-in module: node:${bareName(name)}`);
      error.code = "ERR_UNKNOWN_BUILTIN_MODULE";
      throw error;
    }
    const exports = load(entry[0]);
    return entry[1] === undefined ? exports : exports[entry[1]];
  }

  const hook = Symbol.for("isola.nodeBuiltin");
  Object.defineProperty(globalThis, hook, { value: builtin });

  /**
   * The ES module text for `node:NAME` (called by ModuleFileSystem while it loads modules): the
   * exports as default export, each own property as a named export, as Deno's facades have them.
   * Null when Deno has no module of that name.
   */
  function facade(name) {
    if (!has(name)) {
      if (!missing.has(name)) return null;
      return `throw new Error(${JSON.stringify(`isola does not implement node:${name} yet`)});\nexport default undefined;\n`;
    }
    const exports = builtin(name);
    const names = Object.keys(exports).filter((key) => key !== "default" && /^[\p{L}_$][\p{L}\p{N}_$]*$/u.test(key));
    let text = `const m = globalThis[Symbol.for("isola.nodeBuiltin")](${JSON.stringify(name)});\nexport default m;\n`;
    names.forEach((key, i) => { text += `const e${i} = m[${JSON.stringify(key)}];\n`; });
    if (names.length > 0) text += `export { ${names.map((key, i) => `e${i} as ${key}`).join(", ")} };\n`;
    return text;
  }

  // process.nextTick: Deno runs queued ticks once the microtasks of a macrotask are drained (the host
  // asks, IsolateActor.turn), and right after each timer callback, before its promise reactions.
  const ticks = [];
  function nextTick(callback, args) {
    if (ticks.length === 0) ops.op_ticks_queued();
    ticks.push(callback, args);
  }
  function runTicks() {
    let i = 0;
    try {
      for (; i < ticks.length; i += 2) Reflect.apply(ticks[i], undefined, ticks[i + 1]);
    } catch (e) {
      ticks.splice(0, i + 2);
      if (ticks.length > 0) ops.op_ticks_queued();
      internal.reportException(e);
      return;
    }
    ticks.length = 0;
  }
  internal.host.runTicks = runTicks;

  internal.node = { builtin, has, load, facade, nextTick, onExit: null,
    runTicks: () => { if (ticks.length > 0) runTicks(); } };
})
