// Bootstrap: seal off what the host must not expose, and the host's entry points for the program's
// life: run the main module, tell whether referenced work is pending, and end with lifecycle events.
(function (binding, internal) {
  "use strict";
  const { Event } = internal.events;

  /**
   * A data: URL keeps characters such as spaces and quotes (WHATWG), which GraalJS's loader refuses
   * (it parses the URL as a java.net.URI), and it decodes percent escapes as Latin-1 where Deno reads
   * UTF-8: a textual data: URL is handed over as the base64 of its UTF-8 bytes instead.
   */
  function loadableDataUrl(href) {
    const comma = href.indexOf(",");
    if (!href.startsWith("data:") || comma < 0) return href;
    const meta = href.slice(5, comma);
    // Percent escapes decoded to bytes, other characters as their UTF-8 bytes: a binary string.
    const bytes = href.slice(comma + 1).replace(/%([0-9A-Fa-f]{2})|[^]/gu, (match, hex) =>
      hex !== undefined ? String.fromCharCode(parseInt(hex, 16)) : unescape(encodeURIComponent(match)));
    const base64 = /;base64$/i.test(meta) ? bytes.replace(/[\t\n\f\r ]/g, "") : internal.encoding.btoa(bytes);
    const mediaType = meta.replace(/;base64$/i, "").replace(/;charset=[^;]*/i, "").replace(/[^A-Za-z0-9\-._~/;=+]/g, "");
    return `data:${mediaType || "text/javascript"};charset=utf-8;base64,${base64}`;
  }

  /**
   * A module URL as GraalJS's loader can load it: data: URLs as above, a blob: URL of this isolate as
   * the data: URL of its blob's bytes, an unknown blob: URL as a module that fails as Deno's import does.
   */
  function loadableModuleUrl(href) {
    if (!href.startsWith("blob:")) return loadableDataUrl(href);
    const blob = internal.url.blobOf(href);
    const source = blob === undefined
      ? `throw new TypeError(${JSON.stringify(`Module not found "${href}".`)});`
      : null;
    const bytes = source === null ? binaryString(internal.blob.bytesOf(blob)) : unescape(encodeURIComponent(source));
    const type = blob?.type.replace(/[^A-Za-z0-9\-._~/=+]/g, "") || "text/javascript";
    return `data:${type};charset=utf-8;base64,${internal.encoding.btoa(bytes)}`;
  }

  function binaryString(bytes) {
    let s = "";
    for (let i = 0; i < bytes.length; i += 8192) s += String.fromCharCode.apply(null, bytes.subarray(i, i + 8192));
    return s;
  }

  internal.loadableModuleUrl = loadableModuleUrl;
  // import(specifier) in a module calls this first (ModuleRewrites.java), so data: and blob: URLs load.
  Object.defineProperty(globalThis, Symbol.for("isola.importSpecifier"), {
    value: (specifier) => (typeof specifier === "string" ? loadableModuleUrl(specifier) : specifier),
  });

  // import.meta completion, called from the first line of each module that uses import.meta
  // (see ModuleFileSystem).
  Object.defineProperty(globalThis, Symbol.for("isola.importMeta"), {
    value(meta, isMain, line) {
      if (Object.hasOwn(meta, "main")) return;
      const url = meta.url;
      internal.metaShifts.set(url, {
        line, shift: `globalThis[Symbol.for("isola.importMeta")](import.meta,${isMain},${line});`.length,
      });
      const path = decodeURIComponent(url.startsWith("file://") ? url.slice(7) : url);
      const slash = path.lastIndexOf("/");
      Object.defineProperties(meta, {
        main: { value: isMain, enumerable: true, writable: true, configurable: true },
        resolve: {
          value: function (specifier) { return resolveSpecifier(String(specifier), url); },
          enumerable: true, writable: true, configurable: true,
        },
        filename: { value: path, enumerable: true, writable: true, configurable: true },
        dirname: { value: slash > 0 ? path.slice(0, slash) : "/", enumerable: true, writable: true, configurable: true },
      });
    },
  });

  function resolveSpecifier(specifier, base) {
    if (/^[a-zA-Z][a-zA-Z0-9+.-]*:/.test(specifier)) return specifier;
    const baseDir = base.slice(0, base.lastIndexOf("/") + 1);
    let path = specifier.startsWith("/") ? "file://" + specifier : baseDir + specifier;
    const prefix = "file://";
    const parts = [];
    for (const part of path.slice(prefix.length).split("/")) {
      if (part === "..") parts.pop();
      else if (part !== ".") parts.push(part);
    }
    return prefix + parts.join("/");
  }

  let mainState = "pending";
  let testsRunning = false;
  function runMain(url) {
    internal.mainModuleUrl = url;
    const importMapReport = internal.workers.isWorker ? "" : internal.ops.op_import_map_report();
    if (importMapReport !== "") internal.print(importMapReport, true);
    import(url).then(
      (module) => {
        mainState = "done";
        dispatchLifecycle("load", false);
        const serveOptions = internal.ops.op_serve_options();
        if (serveOptions !== null) internal.http.serveDefaultExport(module, serveOptions);
        if (internal.testMode) {
          testsRunning = true;
          internal.testing.run(url).then(() => internal.quit(internal.exitCode()));
        }
      },
      (error) => {
        mainState = "failed";
        internal.mainFailure(error);
      },
    );
  }

  function dispatchLifecycle(type, cancelable) {
    const event = internal.makeTrusted(new Event(type, { cancelable }));
    lifecycleDispatchers[type](event);
    // Deno emits node's process `exit` event after `unload` (when node:process was loaded).
    if (type === "unload") internal.node.onExit?.();
    return event;
  }

  // One function per event, named as Deno's: stacks taken in a listener show them (01_errors.js).
  const lifecycleDispatchers = {
    load: function dispatchLoadEvent(event) { globalThis.dispatchEvent(event); },
    beforeunload: function dispatchBeforeUnloadEvent(event) { globalThis.dispatchEvent(event); },
    unload: function dispatchUnloadEvent(event) { globalThis.dispatchEvent(event); },
  };

  function hasReferencedWork() {
    return internal.refedTimerCount() > 0 || internal.pendingOpCount() > 0 || internal.workers.keepsAlive() ||
      internal.messagePorts.keepsAlive() || internal.broadcastChannels.keepsAlive() ||
      internal.actors.keepsAlive();
  }

  let unloaded = false;
  function hasPendingWork() {
    // A worker lives until it closes itself, fails, or its parent terminates it (Deno).
    if (internal.workers.isWorker) return true;
    if (hasReferencedWork()) return true;
    if (testsRunning && internal.testing.stalled()) return true;
    if (unloaded) return false;
    if (mainState === "pending") {
      // Where the module waits, as far as the runtime knows (ModuleRewrites marks top-level awaits).
      const at = internal.lastTopLevelAwait();
      let where = "";
      if (at !== null) {
        const source = internal.ops.op_source_line(at.url, at.line);
        if (source != null) where += `${source}\n${" ".repeat(at.col - 1)}^\n`;
        where += `    at <anonymous> (${at.url}:${at.line}:${at.col})\n`;
      }
      internal.print(`error: Top-level await promise never resolved\n${where}`, true);
      internal.quit(1);
    }
    // Deno: a cancelled beforeunload runs the loop again (then asks again); otherwise unload and end.
    while (dispatchLifecycle("beforeunload", true).defaultPrevented) {
      if (hasReferencedWork()) return true;
    }
    unloaded = true;
    dispatchLifecycle("unload", false);
    return false;
  }

  internal.resolveSpecifier = resolveSpecifier;
  internal.dispatchLifecycle = dispatchLifecycle;
  internal.host.runMain = runMain;
  internal.host.hasPendingWork = hasPendingWork;
  internal.host.exitCode = () => internal.exitCode();
})
