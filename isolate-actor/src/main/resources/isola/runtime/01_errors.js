// Deno.errors: the error classes an op can fail with, and the mapping from the host's typed error kind
// (isola.protocol.ErrorKind) to them.
(function (binding, internal) {
  "use strict";

  // Stack traces as Deno (V8) prints them, with module paths as file: URLs. Frames of the runtime
  // itself (ext:isola/...) are left out: they say nothing about the user's program.
  /** An absolute path as the file: URL Deno shows for it; anything else as it is. */
  function fileUrl(path) {
    return path.startsWith("/") ? "file://" + encodeURI(path).replace(/[?#]/g, encodeURIComponent) : path;
  }
  internal.fileUrl = fileUrl;

  // Modules that use import.meta carry a call to the runtime's hook on their first line (see
  // ModuleFileSystem): file URL -> {line, shift}, so their columns read as in the file.
  const metaShifts = new Map();
  internal.metaShifts = metaShifts;

  // Top-level awaits that start a statement get a mark before them (ModuleRewrites.AWAIT_HOOK): it
  // records where the module waits (for "Top-level await promise never resolved") and how far it
  // moves the rest of its line, `${url}:${line}` -> [column, length], so columns read as in the file.
  const awaitMarks = new Map();
  let lastTopLevelAwait = null;
  Object.defineProperty(globalThis, Symbol.for("isola.topLevelAwait"), {
    value(url, line, col, length) {
      lastTopLevelAwait = { url, line, col };
      awaitMarks.set(`${url}:${line}`, [col, length]);
    },
  });
  internal.lastTopLevelAwait = () => lastTopLevelAwait;

  function sourceLineOf(url, line) {
    try {
      const source = internal.ops.op_source_line(url, line);
      return typeof source === "string" ? source : null;
    } catch {
      return null;
    }
  }

  /**
   * V8 places an async frame at its `await`, GraalJS at the awaited call: `await af()` is at `await`
   * in V8, at `af` here. The source line says where the await is.
   */
  function awaitColumn(url, line, col) {
    const source = sourceLineOf(url, line);
    if (source === null) return col;
    // The nearest `await` before the call on its line (`await f()`, `await Promise.all(...).catch(...)`).
    const before = source.slice(0, col - 1);
    let at = -1;
    for (const m of before.matchAll(/\bawait\b/g)) at = m.index;
    return at < 0 ? col : at + 1;
  }

  /**
   * V8 places a failed assignment to a constant at its operator (`c = 2` at `=`), GraalJS at the
   * assignment's start.
   */
  function assignmentColumn(url, line, col) {
    const source = sourceLineOf(url, line);
    if (source === null) return col;
    const m = /^[\w$.]+\s*(?=(?:\*\*|>>>|<<|>>|&&|\|\||\?\?|[-+*/%&|^])?=(?!=)|\+\+|--)/.exec(source.slice(col - 1));
    return m ? col + m[0].length : col;
  }
  /**
   * Where V8 places a property read (a failed one, or a getter's call): at the name (`o.a.b` at
   * `b`), at the dot when the object is a call's result or an optional chain (`f().b`, `o?.a.b`), at
   * `?.` of `o?.b`, at `[` of `o["b"]`; GraalJS at the expression's start.
   */
  function propertyColumn(url, line, col, property) {
    const source = sourceLineOf(url, line);
    if (source === null) return col;
    const rest = source.slice(col - 1);
    const escaped = property.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
    const m = new RegExp(`^([\\w$.?\\s\\[\\]()'"]*?)(\\?\\.|\\.)\\s*${escaped}(?![\\w$])`).exec(rest);
    if (m !== null) {
      const atDot = m[2] === "?." || m[1].includes("?.") || hasCall(m[1]);
      return atDot ? col + m[1].length : col + m[0].length - property.length;
    }
    const bracket = rest.search(new RegExp(`\\[\\s*(['"])${escaped}\\1\\s*\\]`));
    return bracket >= 0 ? col + bracket : col;
  }
  /** V8 places the call of a getter as a read (propertyColumn), of a setter at the `=` of `o.s = v`. */
  function accessorColumn(url, line, col, name, setter) {
    if (!setter) return propertyColumn(url, line, col, name);
    const source = sourceLineOf(url, line);
    if (source === null) return col;
    const escaped = name.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
    const m = new RegExp(`^[\\w$.?\\s\\[\\]()'"]*?\\.\\s*${escaped}\\s*(?==(?!=))`).exec(source.slice(col - 1));
    return m ? col + m[0].length : col;
  }

  /** Whether the text of a member chain calls something (`f().x`, `a.b().c`; not `new C()`, `(o)`). */
  function hasCall(text) {
    for (let i = text.indexOf("("); i >= 0; i = text.indexOf("(", i + 1)) {
      const before = text.slice(0, i).trimEnd();
      if (/[\w$)\]]$/.test(before) && !/\bnew\s+[\w$.]*$/.test(before)) return true;
    }
    return false;
  }
  /** `fixColumn`: how the error moves its top frame's column to where V8 puts it, or null. */
  function fileLocation(cs, fixColumn) {
    // V8 shows built-ins (Array.map, new Promise) without a location.
    if (cs.isNative?.()) return "<anonymous>";
    let name = cs.getFileName?.() ?? cs.getScriptNameOrSourceURL?.();
    if (!name) name = cs.isEval?.() ? "eval" : "<anonymous>";
    else name = fileUrl(name);
    const line = cs.getLineNumber();
    if (line == null || line < 0) return name;
    let col = cs.getColumnNumber();
    const shifted = metaShifts.get(name);
    if (shifted !== undefined && shifted.line === line && col > shifted.shift) col -= shifted.shift;
    const marked = awaitMarks.get(`${name}:${line}`);
    if (marked !== undefined && col > marked[0]) col -= marked[1];
    if (cs.isAsync?.() && col > 0) col = awaitColumn(name, line, col);
    else if (fixColumn !== null && col > 0) col = fixColumn(name, line, col);
    return col == null || col < 0 ? `${name}:${line}` : `${name}:${line}:${col}`;
  }

  /**
   * The class declaring static method `fn` that this frame runs in, from the source: V8 names a
   * static method's frame by its class ("K.s"), GraalJS by "Function" (strict frames hide the
   * receiver). The nearest `static fn(` at or above the frame's line, then the nearest `class X`
   * above that; null when the source does not say.
   */
  function staticMethodClass(cs, fn) {
    const file = cs.getFileName?.();
    const line = cs.getLineNumber?.();
    if (!file || !(line > 0) || file.startsWith("ext:")) return null;
    const url = fileUrl(file);
    const method = new RegExp(`\\bstatic\\s+(?:async\\s+)?\\*?\\s*${fn.replace(/[$]/g, "\\$")}\\s*\\(`);
    let at = line;
    for (; at > 0 && line - at < 500; at--) {
      const source = sourceLineOf(url, at);
      if (source === null) return null;
      if (method.test(source)) break;
    }
    if (at <= 0 || line - at >= 500) return null;
    // `class K {`, or `const K = class {` (V8 names it by the binding); an unnamed one: no name.
    const declaration = /(?:([\w$]+)\s*=\s*)?\bclass\b(?:\s+(?!extends\b)([\w$]+))?/g;
    for (let l = at; l > 0 && at - l < 2000; l--) {
      const matches = [...(sourceLineOf(url, l) ?? "").matchAll(declaration)];
      if (matches.length > 0) {
        const m = matches[matches.length - 1];
        return m[2] ?? m[1] ?? null;
      }
    }
    return null;
  }

  /**
   * V8's inferred name of an anonymous function assigned to a property (`w.onmessage = (e) => {...}`
   * is "w.onmessage" in its frames), from the source: the innermost function around the frame's
   * position, if it is written as such an assignment. GraalJS names only what the language names.
   */
  function inferredName(cs) {
    const file = cs.getFileName?.();
    const line = cs.getLineNumber?.();
    const col = cs.getColumnNumber?.();
    if (!file || file.startsWith("ext:") || !(line > 0) || !(col > 0)) return null;
    const url = fileUrl(file);
    let depth = 0;
    for (let l = line; l > 0 && line - l < 50; l--) {
      let text = sourceLineOf(url, l);
      if (text === null) return null;
      if (l === line) text = text.slice(0, col - 1);
      for (let i = text.length - 1; i >= 0; i--) {
        if (text[i] === "}") depth++;
        else if (text[i] === "{" && depth > 0) depth--;
        else if (text[i] === "{") {
          const before = text.slice(0, i);
          // A block of a statement, not a function's body: keep looking outward.
          if (/(?:\b(?:if|for|while|switch|catch|with)\s*\([^]*\)|\b(?:else|try|finally|do)|[;{}]|^)\s*$/.test(before) &&
            !/=>\s*$/.test(before)) continue;
          const m = /(?:^|[^\w$.])([\w$]+(?:\.[\w$]+)+)\s*=\s*(?:async\s+)?(?:function\s*\*?\s*\([^)]*\)|\([^)]*\)\s*=>|[\w$]+\s*=>)\s*$/.exec(before);
          return m === null ? null : m[1];
        }
      }
    }
    return null;
  }

  function callSiteString(cs, fixColumn = null) {
    let prefix = cs.isAsync?.() ? "async " : "";
    if (cs.isPromiseAll?.()) return `${prefix}Promise.all (index ${cs.getPromiseIndex()})`;
    const loc = fileLocation(cs, fixColumn);
    let fn = cs.getFunctionName();
    const isCtor = cs.isConstructor();
    // Only for a method-style call (a handler run on its target): the source is read line by line.
    if (!fn && !isCtor && !cs.isToplevel() && !cs.isNative?.()) fn = inferredName(cs);
    if (!(cs.isToplevel() || isCtor)) {
      let typeName = null;
      try { typeName = cs.getTypeName(); } catch { /* exotic receiver */ }
      // V8 looks a method's name up among the receiver's named properties only, not its elements.
      let method = cs.getMethodName();
      if (method !== null && /^\d+$/.test(method)) method = null;
      if (cs.isNative?.()) {
        // A built-in static method (Object.keys, String.fromCodePoint) is named by its constructor in
        // V8; a built-in's frame still shows GraalJS its receiver.
        const self = typeName === "Function" ? cs.getThis?.() : undefined;
        if (typeof self === "function" && self.name) typeName = self.name;
        // V8's DataView accessors are builtins named in full.
        if (typeName === "DataView" && /^[gs]et(?:Big)?(?:Int|Uint|Float)\d+$/.test(fn)) {
          return `${prefix}DataView.prototype.${fn} (${loc})`;
        }
      }
      // A function receiver (a static method's class) is named by the function in V8; GraalJS says
      // "Function", but its inferred names carry the receiver ("plain.m").
      if (typeName === "Function" && fn && fn.includes(".")) typeName = fn.slice(0, fn.lastIndexOf("."));
      else if (typeName === "Function" && fn) typeName = staticMethodClass(cs, fn) ?? typeName;
      if (fn) {
        if (typeName && !fn.startsWith(typeName + ".")) prefix += typeName + ".";
        prefix += fn;
        // An accessor is "get g" with method "g": V8 adds no alias.
        if (method && method !== fn && !fn.endsWith("." + method) && !fn.endsWith(" " + method)) {
          prefix += ` [as ${method}]`;
        }
      } else {
        prefix += `${typeName ?? "<anonymous>"}.${method ?? "<anonymous>"}`;
      }
    } else if (isCtor) {
      prefix += "new " + (fn || "<anonymous>");
    } else if (fn) {
      prefix += fn;
    } else {
      return prefix + loc;
    }
    return `${prefix} (${loc})`;
  }

  // Runtime functions shown as the frames Deno 2.9.6 shows in their place: a Deno.serve handler is
  // called from Deno's nativeMapped/nativeDispatch, and errors it throws before an await show them.
  // An entry is the text, or a function of the frame, the frame above and below, and whether every
  // frame above is the runtime's.
  // Deno runs an on<event> attribute's handler in a wrapper its stacks show.
  const wrappedHandlerFrame = (cs) => {
    const type = cs.getTypeName();
    return `\n    at ${type && type !== "global" ? type + "." : ""}wrappedHandler (ext:deno_web/02_event.js:1:17044)`;
  };
  const nodeTimerFrames = (column) => `\n    at invokeCallback (ext:deno_node/internal/timers.mjs:4:${column})` +
    "\n    at Object.cb [as _onTimeout] (ext:deno_node/internal/timers.mjs:4:1174)" +
    "\n    at listOnTimeout (ext:core/02_timers.js:307:17)" +
    "\n    at Object.processTimers (ext:core/02_timers.js:250:7)" +
    "\n    at __processTimers (ext:core/01_core.js:448:21)";
  // Deno's fs functions that fail in a sync op, with their column in ext:deno_fs/30_fs.js.
  const denoFsSync = {
    chmodSync: 2305, copyFileSync: 2470, linkSync: 6531, lstatSync: 6184, makeTempDirSync: 2638,
    makeTempFileSync: 2793, mkdirSync: 2920, openSync: 7145, createSync: 7305, readDirSync: 3055,
    readFileSync: 9536, readLinkSync: 3610, readTextFileSync: 9859, realPathSync: 3686, removeSync: 3772,
    renameSync: 3891, statSync: 6297, symlinkSync: 7009, truncateSync: 6404, utimeSync: 6837,
    writeFileSync: 10224, writeTextFileSync: 10961,
  };
  // Built when a stack first shows a runtime frame: not every isolate renders one.
  let denoFramesTable;
  const denoFramesFor = (key) => (denoFramesTable ??= buildDenoFrames()).get(key);
  const buildDenoFrames = () => new Map([
    ["ext:isola/03_timers.js:invokeCallback", nodeTimerFrames(810)],
    ["ext:isola/03_timers.js:invokeCallbackWithArgs", nodeTimerFrames(789)],
    ["ext:isola/03_timers.js:runMicrotask", "\n    at ext:core/01_core.js:588:9"],
    ["ext:isola/04_events.js:callListener", "\n    at innerInvokeEventListeners (ext:deno_web/02_event.js:1:8095)"],
    ["ext:isola/04_events.js:callHandleEvent", "\n    at innerInvokeEventListeners (ext:deno_web/02_event.js:1:8074)"],
    ["ext:isola/04_events.js:dispatch", "\n    at invokeEventListeners (ext:deno_web/02_event.js:1:8506)" +
      "\n    at dispatch (ext:deno_web/02_event.js:1:7177)"],
    ["ext:isola/04_events.js:dispatchEvent",
      (cs) => {
        // V8 names no type for the global object as receiver; GraalJS calls it "global".
        const type = cs.getTypeName();
        return `\n    at ${type && type !== "global" ? type + "." : ""}dispatchEvent (ext:deno_web/02_event.js:1:11783)`;
      }],
    ["ext:isola/43_url.js:URL", (cs) => cs.isConstructor()
      ? "\n    at getSerialization (ext:deno_web/00_url.js:1:1270)\n    at new URL (ext:deno_web/00_url.js:2:3156)" : ""],
    // Only when the replacement threw itself: GraalJS shows the native BigInt's own frame.
    ["ext:isola/01_errors.js:BigInt",
      (cs, callee) => callee ? "" : `\n    at ${cs.isConstructor() ? "new " : ""}BigInt (<anonymous>)`],
    ["ext:isola/42_encoding.js:atob", "\n    at atob (ext:deno_web/05_base64.js:1:461)"],
    ["ext:isola/42_encoding.js:decode", (cs) => cs.getTypeName() === "TextDecoder"
      ? "\n    at TextDecoder.decode (ext:deno_web/08_text_encoding.js:1:2485)" : ""],
    ["ext:isola/45_structured_clone.js:structuredClone",
      "\n    at structuredClone (ext:deno_web/13_message_port.js:1:12535)"],
    ["ext:isola/59_response.js:initialize", "\n    at initializeAResponse (ext:deno_fetch/23_response.js:1:6398)"],
    ["ext:isola/59_response.js:Response", (cs) => cs.isConstructor()
      ? "\n    at new Response (ext:deno_fetch/23_response.js:1:9412)" : ""],
    // The helper (no receiver) is Deno's appendHeader; the method Headers.append.
    ["ext:isola/56_headers.js:append", (cs) => cs.getTypeName() === "Headers"
      ? "\n    at Headers.append (ext:deno_fetch/20_headers.js:1:4854)"
      : "\n    at appendHeader (ext:deno_fetch/20_headers.js:1:2078)"],
    ["ext:isola/56_headers.js:set", (cs) => cs.getTypeName() === "Headers"
      ? "\n    at Headers.set (ext:deno_fetch/20_headers.js:1:6997)" : ""],
    ["ext:isola/59_response.js:redirect", "\n    at Response.redirect (ext:deno_fetch/23_response.js:1:8087)"],
    ["ext:isola/42_encoding.js:TextDecoder", (cs) => cs.isConstructor()
      ? "\n    at new TextDecoder (ext:deno_web/08_text_encoding.js:1:1293)" : ""],
    ["ext:isola/42_encoding.js:btoa", "\n    at btoa (ext:deno_web/05_base64.js:1:756)"],
    ["ext:isola/56_headers.js:fill", "\n    at fillHeaders (ext:deno_fetch/20_headers.js:1:1521)"],
    ["ext:isola/56_headers.js:Headers", (cs) => cs.isConstructor()
      ? "\n    at new Headers (ext:deno_fetch/20_headers.js:1:4611)" : ""],
    // Sync ops that a permission check (or the OS) fails, as Deno names its functions.
    ["ext:isola/31_os.js:get", (cs) => cs.getTypeName() === "Env"
      ? "\n    at Object.getEnv [as get] (ext:deno_os/30_os.js:1:1291)" : ""],
    ["ext:isola/31_os.js:set", (cs) => cs.getTypeName() === "Env"
      ? "\n    at Object.setEnv [as set] (ext:deno_os/30_os.js:1:1258)" : ""],
    ["ext:isola/31_os.js:toObject", (cs) => cs.getTypeName() === "Env"
      ? "\n    at Object.toObject (ext:deno_os/30_os.js:1:1372)" : ""],
    ["ext:isola/31_os.js:hostname", "\n    at Object.hostname (ext:deno_os/30_os.js:1:600)"],
    ["ext:isola/31_os.js:osRelease", "\n    at Object.osRelease (ext:deno_os/30_os.js:1:632)"],
    ["ext:isola/31_os.js:loadavg", "\n    at Object.loadavg (ext:deno_os/30_os.js:1:569)"],
    ["ext:isola/60_net.js:listen", "\n    at Object.listen (ext:deno_net/01_net.js:1:7011)"],
    ["ext:isola/32_process.js:outputSync", (cs) => cs.getTypeName() === "Command"
      ? "\n    at spawnSyncInner (ext:deno_process/40_process.js:1:9882)" +
        "\n    at Command.outputSync (ext:deno_process/40_process.js:1:10610)" : ""],
    ["ext:isola/32_process.js:spawnChild", "\n    at spawnChildInner (ext:deno_process/40_process.js:1:3101)" +
      "\n    at spawnChild (ext:deno_process/40_process.js:1:3387)"],
    ["ext:isola/32_process.js:spawn", (cs) => cs.getTypeName() === "Command"
      ? "\n    at Command.spawn (ext:deno_process/40_process.js:1:10833)" : ""],
    ["ext:isola/30_fs.js:chdir", "\n    at Object.chdir (ext:deno_fs/30_fs.js:1:2578)"],
    // fetch's request refused before it is sent (net permission).
    ["ext:isola/63_fetch.js:send", "\n    at mainFetch (ext:deno_fetch/26_fetch.js:2:2193)" +
      "\n    at ext:deno_fetch/26_fetch.js:2:6939\n    at new Promise (<anonymous>)" +
      "\n    at Object.fetch (ext:deno_fetch/26_fetch.js:2:6346)" +
      "\n    at fetch (ext:runtime/98_global_scope_shared.js:1:7740)"],
    // A body read twice (Request and Response share Deno's body mixin, so its columns).
    ["ext:isola/57_body.js:consume", "\n    at InnerBody.consume (ext:deno_fetch/22_body.js:1:2410)" +
      "\n    at consumeBody (ext:deno_fetch/22_body.js:1:3495)"],
    ...Object.entries({ arrayBuffer: 3976, blob: 4108, bytes: 4235, formData: 4369, json: 4498, text: 4623 })
      .map(([method, column]) => [`ext:isola/57_body.js:${method}`, (cs, callee) => {
        const type = cs.getTypeName();
        return callee?.getFunctionName() === "consume" && (type === "Request" || type === "Response")
          ? `\n    at ${type}.${method} (ext:deno_fetch/22_body.js:1:${column})` : "";
      }]),
    ["ext:isola/58_request.js:validMethod", "\n    at validateAndNormalizeMethod (ext:deno_fetch/23_request.js:1:4299)"],
    ["ext:isola/58_request.js:Request", (cs, callee) => cs.isConstructor() && callee?.getFunctionName() === "validMethod"
      ? "\n    at new Request (ext:deno_fetch/23_request.js:1:6549)" : ""],
    ["ext:isola/58_request.js:clone", "\n    at Request.clone (ext:deno_fetch/23_request.js:1:8575)"],
    ["ext:isola/59_response.js:clone", "\n    at Response.clone (ext:deno_fetch/23_response.js:1:10080)"],
    // A test step's function is called through Deno's sanitizer wrappers.
    ["ext:isola/80_testing.js:step", (cs) => cs.getTypeName() === "TestContext"
      ? "\n    at innerWrapped (ext:cli/40_test.js:300:11)\n    at exitSanitizer (ext:cli/40_test.js:201:33)" +
        "\n    at Object.outerWrapped [as fn] (ext:cli/40_test.js:239:28)\n    at TestContext.step (ext:cli/40_test.js:855:37)"
      : ""],
    ["ext:isola/40_webidl.js:wrappedHandler", wrappedHandlerFrame],
    // A worker's message is dispatched by Deno's worker loop; on<event> attributes run wrapped.
    ["ext:isola/48_message_port.js:dispatchMessage", (cs, callee, caller) => internal.workers?.isWorker
      ? "\n    at dispatchWorkerMessage (ext:runtime_main/js/99_main.js:1:4952)" +
        "\n    at pollForMessages (ext:runtime_main/js/99_main.js:1:5388)"
      : caller?.getFunctionName() === "workerEvent"
      ? "\n    at Worker.#dispatchWorkerMessage (ext:runtime/11_workers.js:1:3884)" +
        "\n    at Worker.#pollMessages (ext:runtime/11_workers.js:1:4194)"
      : ""],
    // The first line is where Deno makes a DataCloneError: when no script frame is above (the
    // serializer's own failure, 45_structured_clone.js's fromWalk); a getter that throws while its
    // object is cloned is above the rest.
    ["ext:isola/61_workers.js:postMessage", (cs, callee, caller, runtimeAbove) =>
      (runtimeAbove ? "\n    at ext:runtime/11_workers.js:1:4649" : "") +
      "\n    at Object.serialize (ext:core/01_core.js:1199:14)" +
      "\n    at serializeMessageData (ext:deno_web/13_message_port.js:1:9811)" +
      "\n    at Worker.postMessage (ext:runtime/11_workers.js:1:4635)"],
    ["ext:isola/48_message_port.js:postMessage", (cs, callee, caller, runtimeAbove) =>
      (runtimeAbove ? "\n    at serializeErrorCb (ext:deno_web/13_message_port.js:1:8102)" : "") +
      "\n    at Object.serialize (ext:core/01_core.js:1199:14)" +
      "\n    at serializeMessageData (ext:deno_web/13_message_port.js:1:9811)" +
      "\n    at MessagePort.postMessage (ext:deno_web/13_message_port.js:1:3937)"],
    ["ext:isola/49_broadcast_channel.js:postMessage",
      "\n    at BroadcastChannel.postMessage (ext:deno_web/01_broadcast_channel.js:1:2006)"],
    // Workers' on<event> attributes are their own (61_workers.js), wrapped the same way.
    ["ext:isola/61_workers.js:wrappedHandler", wrappedHandlerFrame],
    ["ext:isola/99_main.js:dispatchLoadEvent", "\n    at dispatchLoadEvent (ext:runtime_main/js/99_main.js:1:9862)"],
    ["ext:isola/99_main.js:dispatchBeforeUnloadEvent",
      "\n    at dispatchBeforeUnloadEvent (ext:runtime_main/js/99_main.js:1:9943)"],
    ["ext:isola/99_main.js:dispatchUnloadEvent", "\n    at dispatchUnloadEvent (ext:runtime_main/js/99_main.js:1:10037)"],
    ["ext:isola/41_abort.js:abortError", "\n    at AbortSignal.[[[signalAbort]]] (ext:deno_web/03_abort_signal.js:1:1922)"],
    ["ext:isola/41_abort.js:runAbortSteps", "\n    at AbortSignal.[[[runAbortSteps]]] (ext:deno_web/03_abort_signal.js:1:2366)"],
    ["ext:isola/41_abort.js:signalAbort", "\n    at AbortSignal.[[[signalAbort]]] (ext:deno_web/03_abort_signal.js:1:2157)"],
    ["ext:isola/41_abort.js:abort", (cs) => cs.getTypeName() === "AbortController"
      ? "\n    at AbortController.abort (ext:deno_web/03_abort_signal.js:1:3880)"
      : "\n    at AbortSignal.abort (ext:deno_web/03_abort_signal.js:1:1470)"],
.../* a sync fs function: "Object.name" when the script called it, "name" under another one */
      Object.entries(denoFsSync).map(([fn, column]) => [`ext:isola/30_fs.js:${fn}`, (cs, callee, caller) =>
        `\n    at ${caller === undefined || !isRuntimeFrame(caller) ? "Object." : ""}${fn} (ext:deno_fs/30_fs.js:1:${column})`]),
    // Temporal's toLocaleString (09_date.js) is a built-in in V8.
    ["ext:isola/09_date.js:toLocaleString", (cs) => `\n    at ${String(cs.getTypeName()).replace(/^Temporal\./, "")}.toLocaleString (<anonymous>)`],
    ["ext:isola/62_http.js:handle", "\n    at nativeMapped (ext:deno_http/00_serve.ts:1:13714)" +
      "\n    at nativeDispatch (ext:deno_http/00_serve.ts:1:17487)"],
  ]);

  function isRuntimeFrame(cs) {
    const name = cs.getFileName?.();
    return typeof name === "string" && name.startsWith("ext:isola/");
  }

  // GraalJS words some engine errors differently from V8. Reports (stacks, uncaught errors) show V8's
  // wording, and so does `error.message` once a catch clause of a module caught the error
  // (ModuleRewrites.java puts the hook below at the start of each catch block).
  // Built on first use: creating these 40 RegExps cost 50-150 ms of every isolate's start.
  let v8Wording = null;
  const v8Wordings = () => v8Wording ??= [
    // GraalJS says this for every failed Symbol.iterator lookup; for-of, spread and array destructuring
    // (the common cases) are "not iterable" in V8.
    [/^Cannot read property 'Symbol\(Symbol\.iterator\)' of (null|undefined)$/, "$1 is not iterable"],
    [/^Cannot read property '(.*)' of (null|undefined)$/, "Cannot read properties of $2 (reading '$1')"],
    [/^Cannot set property '(.*)' of (null|undefined)$/, "Cannot set properties of $2 (setting '$1')"],
    [/^Assignment to constant ".*"$/, "Assignment to constant variable."],
    [/^illegal escape sequence$/, "URI malformed"],
    [/^cannot escape$/, "URI malformed"],
    [/^Language tag is not well-formed: (.*)$/, "Invalid language tag: $1"],
    [/^toFixed\(\) fraction digits need to be in range 0-100$/, "toFixed() digits argument must be between 0 and 100"],
    [/^Right-hand-side of instanceof is not an object$/, "Right-hand side of 'instanceof' is not an object"],
    [/^Cannot add new property "(.*)" to non-extensible .*$/, "Cannot add property $1, object is not extensible"],
    [/^Cannot convert undefined or null to object: (null|undefined)$/, "Cannot convert undefined or null to object"],
    [/^Cannot convert (.*) to a BigInt\.$/, "Cannot convert $1 to a BigInt"],
    [/^Cannot read private member (#\S+) from an object whose class did not declare it\.$/,
      "Cannot read private member $1 from an object whose class did not declare it"],
    [/^Cannot write private member (#\S+) to an object whose class did not declare it\.$/,
      "Cannot write private member $1 to an object whose class did not declare it"],
    [/^time value is not a finite number$/, "Invalid time value"],
    [/^toString\(\) expects radix in range 2-36$/, "toString() radix argument must be between 2 and 36"],
    [/^Invalid time zone (?!specified: )(.*)$/, "Invalid time zone specified: $1"],
    [/^handler expected to be an object$/, "Cannot create proxy with a non-object as target or handler"],
    [/^target expected to be an object$/, "Cannot create proxy with a non-object as target or handler"],
    [/^setPrototype failed$/, "#<Object> is not extensible"],
    [/^Cannot convert a BigInt value to a number$/, "Cannot mix BigInt and other types, use explicit conversions"],
    [/^Currency can not be undefined when style is "currency"\.$/, "Currency code is required with currency style."],
    // GraalJS renders the object ({a: 1}, [1]) where V8 names its kind; a class instance renders as a
    // plain object in GraalJS too, so it reads #<Object>.
    [/^Cannot assign to read only property '([^']*)' of \[[^]*\]$/,
      "Cannot assign to read only property '$1' of object '[object Array]'"],
    [/^Cannot assign to read only property '([^']*)' of \{[^]*\}$/,
      "Cannot assign to read only property '$1' of object '#<Object>'"],
    [/^"([^"]*)" is not a configurable property$/, "Cannot delete property '$1' of #<Object>"],
    // A callback that is no function (`[].map(5)`): GraalJS renders the value, V8 says its type too.
    [/^(-?(?:\d|Infinity)[\w.+-]*?)n is not a function$/, "bigint is not a function"],
    [/^(-?(?:\d|Infinity)[\w.+-]*|NaN) is not a function$/, "number $1 is not a function"],
    [/^null is not a function$/, "object null is not a function"],
    [/^(true|false) is not a function$/, "boolean $1 is not a function"],
    [/^[{[][\s\S]*[}\]] is not a function$/, "object is not a function"],
    // Built-ins called on the wrong receiver or with offsets out of range, where GraalJS's words are
    // its own and name nothing V8 would not (Promise.all's "called on non-object" names the method,
    // GraalJS does not: left as it is).
    [/^Cannot resolve promise from this type$/, "PromiseResolve called on non-object"],
    [/^Cannot reject promise from this type$/, "PromiseReject called on non-object"],
    [/^Method Symbol\.prototype\.(\w+) called on incompatible receiver [^]*$/,
      "Symbol.prototype.$1 requires that 'this' be a Symbol"],
    [/^not a Date object$/, "this is not a Date object."],
    [/^index \+ elementSize > viewLength$/, "Offset is outside the bounds of the DataView"],
    [/^out of bounds$/, "offset is out of bounds"],
    [/^buffer\.byteLength of (\w+) should be a multiple of (\d+)$/, "byte length of $1 should be a multiple of $2"],
    // GraalJS does not say what the executor was; `new Promise()` is the usual mistake.
    [/^cannot create promise: executor not callable$/, "Promise resolver undefined is not a function"],
  ];
  function v8Message(message) {
    for (const [pattern, wording] of v8Wordings()) {
      if (pattern.test(message)) return message.replace(pattern, wording);
    }
    return message;
  }
  internal.v8Message = v8Message;
  const engineErrors = [TypeError, RangeError, URIError, ReferenceError, SyntaxError];
  // Errors the runtime words as V8 already (07_disposable_stack.js's "5 is not a function").
  const wordedAsV8 = new WeakSet();
  internal.wordedAsV8 = (error) => {
    wordedAsV8.add(error);
    return error;
  };

  // ReferenceErrors prepareStackTrace found to be reads before initialization -> V8's message.
  const temporalDeadZone = new WeakMap();
  const LEXICAL_SCAN_LINES = 20000;
  function declaresLexically(url, name) {
    const escaped = name.replace(/[$]/g, "\\$");
    const declaration = new RegExp(`\\b(?:let|const|class)\\s+${escaped}(?![\\w$])`);
    for (let line = 1; line <= LEXICAL_SCAN_LINES; line++) {
      const source = sourceLineOf(url, line);
      if (source === null) return false;
      if (declaration.test(source)) return true;
    }
    return false;
  }

  function v8Error(error) {
    if (error === null || typeof error !== "object" || !engineErrors.some((type) => error instanceof type)) return;
    if (wordedAsV8.has(error)) return;
    // A dynamic import of a module that does not parse (05_uncaught.js).
    if (internal.asDenoParseFailure?.(error)) return;
    const message = Object.getOwnPropertyDescriptor(error, "message");
    if (message === undefined || typeof message.value !== "string" || !message.writable) return;
    if (error instanceof ReferenceError && / is not defined$/.test(message.value)) {
      void error.stack; // prepareStackTrace decides whether it is a read before initialization
      if (temporalDeadZone.has(error)) {
        error.message = temporalDeadZone.get(error);
        return;
      }
    }
    const wording = v8Message(message.value);
    if (wording !== message.value) error.message = wording;
  }
  Object.defineProperty(globalThis, Symbol.for("isola.v8Error"), { value: v8Error });
  // A .catch handler sees the reworded error too. Only catch is wrapped: wrapping then put an extra
  // call on every promise reaction.
  const nativeCatch = Promise.prototype.catch;
  const { catch: promiseCatch } = {
    catch(onRejected) {
      if (typeof onRejected !== "function") return nativeCatch.call(this, onRejected);
      return nativeCatch.call(this, (error) => {
        v8Error(error);
        return onRejected(error);
      });
    },
  };
  Object.defineProperty(Promise.prototype, "catch", {
    value: promiseCatch, writable: true, enumerable: false, configurable: true,
  });

  /**
   * GraalJS runs a module with top-level await as an async function and, until its first await, shows
   * that function's start (line 1, column 1 of the module) as one more frame under the module's own.
   * V8 has no such frame.
   */
  function withoutModuleStart(callSites) {
    const n = callSites.length;
    if (n < 2) return callSites;
    const last = callSites[n - 1];
    const before = callSites[n - 2];
    const start = last.getLineNumber() === 1 && last.getColumnNumber() === 1 && last.isToplevel() &&
      last.getFunctionName() == null && before.getFunctionName() == null && before.isToplevel() &&
      last.getFileName() === before.getFileName();
    return start ? callSites.slice(0, n - 1) : callSites;
  }

  // GraalJS rejects Promise.any with an AggregateError that has no message; V8's says why.
  const nativeAny = Promise.any;
  const { any: promiseAny } = {
    any(iterable) {
      return nativeAny.call(this, iterable).then(undefined, (error) => {
        if (error instanceof AggregateError && !Object.hasOwn(error, "message")) {
          Object.defineProperty(error, "message", {
            value: "All promises were rejected", writable: true, enumerable: false, configurable: true,
          });
          // V8 makes it in a promise job: it has no frames.
          Object.defineProperty(error, "stack", {
            value: "AggregateError: All promises were rejected", writable: true, enumerable: false, configurable: true,
          });
        }
        throw error;
      });
    },
  };
  Object.defineProperty(Promise, "any", { value: internal.asBuiltin(promiseAny), writable: true, enumerable: false, configurable: true });

  // GraalJS's "illegal repeat count" does not say the count; V8's does.
  const nativeRepeat = String.prototype.repeat;
  const { repeat } = {
    repeat(count) {
      if (this === null || this === undefined) {
        throw new TypeError("String.prototype.repeat called on null or undefined");
      }
      try {
        return nativeRepeat.call(this, count);
      } catch (error) {
        if (error instanceof RangeError && error.message === "illegal repeat count") {
          error.message = `Invalid count value: ${Number(count)}`;
        }
        throw error;
      }
    },
  };
  Object.defineProperty(String.prototype, "repeat", { value: internal.asBuiltin(repeat), writable: true, enumerable: false, configurable: true });

  // GraalJS's "BigInt out of range" for a number with a fraction does not say the number; V8's does.
  const NativeBigInt = BigInt;
  const bigInt = function BigInt(value) {
    if (new.target !== undefined) throw new TypeError("BigInt is not a constructor");
    if (typeof value === "number" && !Number.isInteger(value)) {
      throw new RangeError(`The number ${value} cannot be converted to a BigInt because it is not an integer`);
    }
    return NativeBigInt(value);
  };
  Object.defineProperty(bigInt, "prototype", { value: NativeBigInt.prototype, writable: false });
  for (const name of ["asIntN", "asUintN"]) {
    Object.defineProperty(bigInt, name, Object.getOwnPropertyDescriptor(NativeBigInt, name));
  }
  Object.defineProperty(NativeBigInt.prototype, "constructor", { value: bigInt, writable: true, enumerable: false, configurable: true });
  Object.defineProperty(globalThis, "BigInt", { value: internal.asBuiltin(bigInt), writable: true, enumerable: false, configurable: true });

  /** Where V8 puts the top frame of `error` when GraalJS puts it elsewhere: a column mover, or null. */
  function topColumnFix(error, head) {
    if (!(error instanceof TypeError)) return null;
    if (/^TypeError: Assignment to constant/.test(head)) return assignmentColumn;
    const read = /^TypeError: Cannot read properties of (?:undefined|null) \(reading '([^']*)'\)$/.exec(head);
    return read === null ? null : (url, line, col) => propertyColumn(url, line, col, read[1]);
  }

  const errorToString = Error.prototype.toString;
  Error.prepareStackTrace = function prepareStackTrace(error, callSites) {
    let head;
    try {
      head = errorToString.call(error);
      if (engineErrors.some((type) => error instanceof type) && !wordedAsV8.has(error)) {
        const colon = head.indexOf(": ");
        if (colon > 0) head = head.slice(0, colon + 2) + v8Message(head.slice(colon + 2));
      }
    } catch {
      head = "<error>";
    }
    callSites = withoutModuleStart(callSites);
    // GraalJS words a read of a `let`/`const`/`class` binding before its declaration as an
    // undeclared name's; V8 says which it is. The file tells whether the name is declared so.
    const undeclared = error instanceof ReferenceError ? /^ReferenceError: (\S+) is not defined$/.exec(head) : null;
    if (undeclared !== null) {
      const site = callSites.find((cs) => !isRuntimeFrame(cs) && cs.getFileName?.());
      if (site !== undefined && declaresLexically(fileUrl(site.getFileName()), undeclared[1])) {
        head = `ReferenceError: Cannot access '${undeclared[1]}' before initialization`;
        temporalDeadZone.set(error, head.slice("ReferenceError: ".length));
      }
    }
    let out = head;
    // GraalJS reports a stack overflow in the function it could not enter, at its start; V8 in the
    // caller, at the call. In a self-recursion the frames below repeat the same call.
    if (callSites.length > 1 && error instanceof RangeError && head.endsWith("Maximum call stack size exceeded")) {
      const [top, caller] = callSites;
      const same = top.getFunctionName() === caller.getFunctionName() && top.getFileName() === caller.getFileName();
      callSites = same ? [caller, ...callSites.slice(1)] : callSites.slice(1);
    }
    // An error raised by the runtime with no user code on the stack (a Deno.serve handler's bad
    // return value, say) keeps the runtime's frames, as Deno shows its ext: frames then.
    const userOnly = callSites.some((cs) => !isRuntimeFrame(cs));
    const firstUser = callSites.findIndex((cs) => !isRuntimeFrame(cs));
    const fixColumn = topColumnFix(error, head);
    for (let i = 0; i < callSites.length; i++) {
      const cs = callSites[i];
      // V8 shows no frame for the Array constructor (`new Array(-1)`).
      if (cs.isNative?.() && cs.getFunctionName() === "Array") continue;
      if (userOnly && isRuntimeFrame(cs)) {
        const denoFrames = denoFramesFor(`${cs.getFileName()}:${cs.getFunctionName()}`);
        if (denoFrames !== undefined) {
          out += typeof denoFrames === "function" ? denoFrames(cs, callSites[i - 1], callSites[i + 1], i < firstUser) : denoFrames;
        }
        continue;
      }
      let fix = i === firstUser ? fixColumn : null;
      const accessor = i > 0 && fix === null ? /^([gs]et) (.+)$/.exec(callSites[i - 1].getFunctionName() ?? "") : null;
      if (accessor !== null) fix = (url, line, col) => accessorColumn(url, line, col, accessor[2], accessor[1] === "set");
      out += "\n    at " + callSiteString(cs, fix);
    }
    return out;
  };

  const names = [
    "NotFound", "PermissionDenied", "ConnectionRefused", "ConnectionReset", "ConnectionAborted",
    "NotConnected", "AddrInUse", "AddrNotAvailable", "BrokenPipe", "AlreadyExists", "InvalidData",
    "TimedOut", "Interrupted", "WriteZero", "WouldBlock", "UnexpectedEof", "BadResource", "Http",
    "Busy", "NotSupported", "FilesystemLoop", "IsADirectory", "NetworkUnreachable", "NotADirectory",
    "NotCapable",
  ];

  const errors = Object.create(null);
  for (let i = 0; i < names.length; i++) {
    const name = names[i];
    // A computed class name gives each class its own `name`, as Deno's classes have.
    const cls = ({
      [name]: class extends Error {
        constructor(message, options) {
          super(message, options);
          this.name = name;
        }
      },
    })[name];
    errors[name] = cls;
  }

  const builtins = { Error, TypeError, RangeError, SyntaxError, URIError, EvalError, ReferenceError };

  // Errors made from an op's failure: an async API may give them the stack of its caller's await.
  const opErrors = new WeakSet();
  function opError(kind, message, code) {
    const cls = errors[kind] ?? builtins[kind] ?? Error;
    const err = new cls(message);
    if (code != null) err.code = code;
    opErrors.add(err);
    return err;
  }
  internal.isOpError = (e) => opErrors.has(e);

  /**
   * Retakes `error`'s stack here (an async API resuming after its op failed: the script's awaiting
   * frames follow) with `denoFrames`, the frames Deno 2.9.6 shows for its own functions, on top.
   */
  function restack(error, denoFrames) {
    Error.captureStackTrace(error, restack);
    const stack = error.stack;
    // Failed before its first await (a permission check): Deno's frames in their sync form, each at
    // the call after the `await ` its async form points at.
    // Frames marked "sync:" are Deno's only in that form (writeTextFile under writeFile).
    if (!stack.includes("\n    at async ")) {
      denoFrames = denoFrames.map((f) => f.startsWith("sync:") ? f.slice(5)
        : f.replace(/^async (.*):(\d+)\)$/, (_, head, col) => `${head}:${Number(col) + 6})`));
    } else {
      denoFrames = denoFrames.filter((f) => !f.startsWith("sync:"));
    }
    const lineEnd = stack.indexOf("\n    at ");
    const frames = denoFrames.map((f) => `\n    at ${f}`).join("");
    const value = lineEnd < 0 ? stack + frames : stack.slice(0, lineEnd) + frames + stack.slice(lineEnd);
    Object.defineProperty(error, "stack", { value, writable: true, enumerable: false, configurable: true });
    return error;
  }
  internal.restack = restack;

  // DOMException with the legacy codes of WebIDL's name table.
  const legacyCodes = {
    IndexSizeError: 1, HierarchyRequestError: 3, WrongDocumentError: 4, InvalidCharacterError: 5,
    NoModificationAllowedError: 7, NotFoundError: 8, NotSupportedError: 9, InvalidStateError: 11,
    SyntaxError: 12, InvalidModificationError: 13, NamespaceError: 14, InvalidAccessError: 15,
    TypeMismatchError: 17, SecurityError: 18, NetworkError: 19, AbortError: 20, URLMismatchError: 21,
    QuotaExceededError: 22, TimeoutError: 23, InvalidNodeTypeError: 24, DataCloneError: 25,
  };
  class DOMException extends Error {
    #name;
    #message;
    constructor(message = "", options = "Error") {
      super();
      this.#message = String(message);
      if (options !== null && typeof options === "object") {
        this.#name = "name" in options ? String(options.name) : "Error";
        if ("cause" in options) {
          Object.defineProperty(this, "cause", { value: options.cause, writable: true, configurable: true });
        }
      } else {
        this.#name = String(options);
      }
    }
    get name() { return this.#name; }
    get message() { return this.#message; }
    get code() { return legacyCodes[this.#name] ?? 0; }
    get [Symbol.toStringTag]() { return "DOMException"; }
  }
  const codeNames = [
    ["INDEX_SIZE_ERR", 1], ["DOMSTRING_SIZE_ERR", 2], ["HIERARCHY_REQUEST_ERR", 3],
    ["WRONG_DOCUMENT_ERR", 4], ["INVALID_CHARACTER_ERR", 5], ["NO_DATA_ALLOWED_ERR", 6],
    ["NO_MODIFICATION_ALLOWED_ERR", 7], ["NOT_FOUND_ERR", 8], ["NOT_SUPPORTED_ERR", 9],
    ["INUSE_ATTRIBUTE_ERR", 10], ["INVALID_STATE_ERR", 11], ["SYNTAX_ERR", 12],
    ["INVALID_MODIFICATION_ERR", 13], ["NAMESPACE_ERR", 14], ["INVALID_ACCESS_ERR", 15],
    ["VALIDATION_ERR", 16], ["TYPE_MISMATCH_ERR", 17], ["SECURITY_ERR", 18], ["NETWORK_ERR", 19],
    ["ABORT_ERR", 20], ["URL_MISMATCH_ERR", 21], ["QUOTA_EXCEEDED_ERR", 22], ["TIMEOUT_ERR", 23],
    ["INVALID_NODE_TYPE_ERR", 24], ["DATA_CLONE_ERR", 25],
  ];
  for (let i = 0; i < codeNames.length; i++) {
    const name = codeNames[i][0], value = codeNames[i][1];
    Object.defineProperty(DOMException, name, { value, enumerable: true });
    Object.defineProperty(DOMException.prototype, name, { value, enumerable: true });
  }

  internal.DOMException = DOMException;
  internal.errors = errors;
  internal.opError = opError;
  // Sync ops fail by calling this from the host (isola.isolate.JsErrors).
  internal.throwOpError = (kind, message, code) => { throw opError(kind, message, code); };
})
