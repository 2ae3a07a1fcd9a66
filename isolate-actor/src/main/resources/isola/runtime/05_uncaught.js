// What happens to errors nobody caught: an `error` event (or `unhandledrejection`) on the global
// object, and unless a listener prevents it, Deno's report on stderr and exit code 1.
(function (binding, internal) {
  "use strict";
  const ops = internal.ops;
  const { ErrorEvent, PromiseRejectionEvent } = internal.events;

  function isError(value) {
    return value instanceof Error || (value !== null && typeof value === "object" &&
      typeof value.stack === "string" && typeof value.message === "string");
  }

  // file:///a/b.js:3:7 of the first frame that names a location in a user module.
  const frameLocation = /\(?((?:file|https?|data):[^\s()]*?):(\d+):(\d+)\)?$/;
  function location(error) {
    if (!isError(error)) return null;
    let stack;
    try {
      stack = String(error.stack);
    } catch {
      return null;
    }
    for (const line of stack.split("\n")) {
      if (!/^\s+at /.test(line)) continue;
      const m = frameLocation.exec(line.trim());
      if (m) return { filename: m[1], lineno: Number(m[2]), colno: Number(m[3]) };
    }
    return null;
  }

  function stackOf(error) {
    let stack;
    try {
      stack = error.stack;
    } catch {
      stack = undefined;
    }
    if (typeof stack !== "string" || stack === "") {
      return `${error.name ?? "Error"}: ${error.message}`;
    }
    return stack;
  }

  // Deno's report: the error's stack, with the offending source line and a caret under the column
  // put after the message, and its causes below.
  function describe(error) {
    if (!isError(error)) return internal.inspect(error, { colors: false });
    let stack = stackOf(error);
    const loc = location(error);
    if (loc !== null) {
      const source = ops.op_source_line(loc.filename, loc.lineno);
      if (source != null) {
        const firstFrame = stack.search(/\n\s+at /);
        const head = firstFrame < 0 ? stack : stack.slice(0, firstFrame);
        const rest = firstFrame < 0 ? "" : stack.slice(firstFrame);
        stack = `${head}\n${source}\n${" ".repeat(Math.max(0, loc.colno - 1))}^${rest}`;
      }
    }
    let cause = error.cause;
    const seen = new Set([error]);
    while (cause !== undefined && !seen.has(cause)) {
      seen.add(cause);
      stack += `\nCaused by: ${isError(cause) ? stackOf(cause) : internal.inspect(cause)}`;
      cause = isError(cause) ? cause.cause : undefined;
    }
    return stack;
  }

  function headline(error) {
    if (!isError(error)) return internal.inspect(error, { colors: false });
    return `${error.name}: ${error.message}`;
  }

  let dying = false;
  function fatal(error, inPromise) {
    if (dying) internal.quit(1);
    dying = true;
    internal.print(`error: Uncaught ${inPromise ? "(in promise) " : ""}${describe(error)}\n`, true);
    internal.quit(1);
  }

  /** An exception no JS code caught: dispatch `error`, then report and exit unless prevented. */
  function reportException(error) {
    if (dying) return;
    const loc = location(error) ?? { filename: "", lineno: 0, colno: 0 };
    const event = internal.makeTrusted(new ErrorEvent("error", {
      cancelable: true,
      message: `Uncaught ${headline(error)}`,
      filename: loc.filename,
      lineno: loc.lineno,
      colno: loc.colno,
      error,
    }));
    reporting++;
    try {
      globalThis.dispatchEvent(event);
    } finally {
      reporting--;
    }
    if (!event.defaultPrevented) fatal(error, false);
  }
  let reporting = 0;

  // GraalJS calls this once per turn for each promise rejected without a handler.
  function onUnhandledRejection(reason, promise) {
    if (dying) return;
    const event = internal.makeTrusted(new PromiseRejectionEvent("unhandledrejection", {
      cancelable: true,
      promise,
      reason,
    }));
    globalThis.dispatchEvent(event);
    if (!event.defaultPrevented) fatal(reason, true);
  }

  internal.graal.setUnhandledPromiseRejectionHandler(onUnhandledRejection);
  internal.reportException = reportException;
  internal.fatal = fatal;
  internal.describeError = describe;
})
