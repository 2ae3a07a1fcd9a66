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

  // Deno leaves out a source line longer than 150 bytes (deno_core's SOURCE_ABBREV_THRESHOLD).
  const utf8 = new internal.nativeText.TextEncoder();
  function showable(source) {
    return source != null && (source.length <= 50 || utf8.encode(source).length <= 150);
  }
  internal.showableSourceLine = showable;

  // Deno's report: the error's stack, with the offending source line and a caret under the column
  // put after the message, and its causes below.
  // An AggregateError lists its errors under its message, each indented, as Deno does.
  function describe(error) {
    if (!isError(error)) return internal.inspect(error, { colors: false });
    let stack = stackOf(error);
    const firstFrame = stack.search(/\n[ \t]+at /);
    let head = firstFrame < 0 ? stack : stack.slice(0, firstFrame);
    const rest = firstFrame < 0 ? "" : stack.slice(firstFrame);
    if (error instanceof AggregateError && Array.isArray(error.errors)) {
      for (const inner of error.errors) {
        const text = isError(inner) ? stackOf(inner) : internal.inspect(inner, { colors: false });
        head += "\n" + text.replace(/^/gm, "    ");
      }
    }
    stack = head + rest;
    const loc = location(error);
    if (loc !== null) {
      const source = ops.op_source_line(loc.filename, loc.lineno);
      if (showable(source)) stack = `${head}\n${source}\n${" ".repeat(Math.max(0, loc.colno - 1))}^${rest}`;
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
    return `${error.name}: ${internal.v8Message(String(error.message))}`;
  }

  // Under `isola test` (80_testing.js loads on first use, 06_lazy.js).
  internal.testMode = ops.op_test_options() != null;

  // In a worker, Deno names the worker in the report and tells the parent (61_workers.js).
  const workerName = ops.op_worker_role();

  let dying = false;
  function fatal(error, inPromise) {
    if (dying) internal.quit(1);
    dying = true;
    asDenoParseFailure(error);
    if (internal.testMode && internal.testing.uncaught(describe(error))) internal.quit(1);
    const where = workerName === null ? "" : `(in worker "${workerName}") `;
    const promise = inPromise ? "(in promise) " : "";
    internal.print(`error: Uncaught ${where}${promise}${describe(error)}\n`, true);
    if (workerName !== null) {
      const loc = location(error) ?? { filename: "", lineno: 0, colno: 0 };
      ops.op_worker_fail(`Uncaught ${promise}${headline(error)}`, loc.filename, loc.lineno, loc.colno);
    }
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

  // GraalJS calls this once per turn for each promise rejected without a handler. Deno reports them
  // after the timers that are due in the same tick, so they wait in a queue until the host has run
  // those (IsolateActor.turn) and calls processRejections.
  const rejections = [];
  function onUnhandledRejection(reason, promise) {
    if (dying) return;
    if (rejections.length === 0) ops.op_rejections_queued();
    rejections.push([reason, promise]);
  }

  function processRejections() {
    while (rejections.length > 0 && !dying) {
      const [reason, promise] = rejections.shift();
      const event = internal.makeTrusted(new PromiseRejectionEvent("unhandledrejection", {
        cancelable: true,
        promise,
        reason,
      }));
      globalThis.dispatchEvent(event);
      if (!event.defaultPrevented) fatal(reason, true);
    }
  }

  // GraalJS parse errors read "file:///x.js:3:8 Expected an operand but found ;" (0-based column).
  // Deno prints its parser's message with a code frame; for the commonest case the words are known.
  const parseError = /^(file:\/\/\S+?):(\d+):(\d+) ([\s\S]*)$/;
  // An imported module's parse error names it by its specifier ("./lib/x.js:3:8 ..."): it is the
  // module GraalJS read last.
  const importedParseError = /^(\.{1,2}\/\S+?):(\d+):(\d+) ([\s\S]*)$/;
  function parseErrorOf(message) {
    const m = parseError.exec(message);
    if (m !== null) return m;
    const rel = importedParseError.exec(message);
    const url = rel === null ? null : ops.op_last_module();
    return url === null ? null : [rel[0], url, rel[2], rel[3], rel[4]];
  }
  // GraalJS's regular expression syntax errors (its own words, V8's too), reported at the literal's end.
  const regexpErrors = new Set([
    "Unterminated group", "Unmatched ')'", "Nothing to repeat", "Unterminated character class", "Invalid group",
    "Lone quantifier brackets", "numbers out of order in {} quantifier", "Range out of order in character class",
    "Incomplete quantifier", "Invalid escape", "Invalid Unicode escape", "Invalid capture group name",
    "Duplicate capture group name", "Invalid named reference", "Invalid named capture referenced",
  ]);

  /**
   * GraalJS's words for an error V8 finds only when compiling (Deno's parser lets it by), in V8's:
   * [message, 0-based column], or null. `source` is the line, `col` GraalJS's 0-based column.
   */
  function v8EarlyError(text, source, col) {
    const first = text.split("\n")[0];
    let m;
    if ((m = /^Variable "(.*)" has already been declared$/.exec(first))) {
      return [`Identifier '${m[1]}' has already been declared`, col];
    }
    if (first === "Invalid return statement") return ["Illegal return statement", col];
    if (/^strict mode function cannot have duplicate parameter name ".*"$/.test(first)) {
      return ["Duplicate parameter name not allowed in this context", col];
    }
    if (first === "Expected ident but found await") return ["Unexpected reserved word", col];
    if (first === "Class contains more than one constructor") return ["A class may only have one constructor", col];
    // V8 points at the constant's name, GraalJS after the declaration.
    if ((m = /^Missing assignment to constant "(.*)"$/.exec(first))) {
      const at = source == null ? -1 : source.lastIndexOf(m[1], col);
      return ["Missing initializer in const declaration", at >= 0 ? at : col];
    }
    // V8 points at the name, GraalJS at `delete`.
    if ((m = /^cannot delete identifier "(.*)" in strict mode$/.exec(first))) {
      const at = source == null ? -1 : source.indexOf(m[1], col + "delete".length);
      return ["Delete of an unqualified identifier in strict mode.", at >= 0 ? at : col];
    }
    if (first === '"with" statement cannot be used in strict mode') {
      return ["Strict mode code may not include a with statement", col];
    }
    if ((m = /^Duplicate Label "(.*)"$/.exec(first))) return [`Label '${m[1]}' has already been declared`, col];
    if (first === "new.target expression is only allowed in functions") {
      // V8 points at `target`, GraalJS after the expression.
      const at = source == null ? -1 : source.lastIndexOf("new.target", col);
      return ["new.target expression is not allowed here", at >= 0 ? at + "new.".length : col];
    }
    if (first === "cannot use octal value in strict mode") return ["Octal literals are not allowed in strict mode.", col];
    if ((m = /^Undefined Label "(.*)"$/.exec(first))) return [`Undefined label '${m[1]}'`, col];
    if (/^Expected .* but found eof$/.test(first)) return ["Unexpected end of input", col];
    if (first === "Missing close quote" && source != null) {
      // V8 points at the quote that opens the string; GraalJS at the line's end.
      const quote = Math.max(source.lastIndexOf('"', col - 1), source.lastIndexOf("'", col - 1));
      if (quote >= 0) return ["Invalid or unexpected token", quote];
    }
    if (regexpErrors.has(first) && source != null) {
      // V8 points at the literal's start and quotes it: find it, ending just before GraalJS's column.
      const end = source.lastIndexOf("/", col - 1);
      const start = end > 0 ? source.lastIndexOf("/", end - 1) : -1;
      if (start >= 0) {
        const flags = /^[a-z]*/.exec(source.slice(end + 1))[0];
        return [`Invalid regular expression: ${source.slice(start, end + 1)}${flags}: ${first}`, start];
      }
    }
    return null;
  }

  /**
   * A module that failed to parse, as a dynamic import's rejection reads in Deno: V8's early errors
   * stay SyntaxErrors with " at URL:LINE:COL" added, Deno's parser's become TypeErrors that carry
   * its report. `error` is changed in place (catch blocks only hand it to a hook); the others are
   * left alone. Returns whether it was one.
   */
  function asDenoParseFailure(error) {
    if (!(error instanceof SyntaxError) || denoWorded.has(error)) return false;
    const own = Object.getOwnPropertyDescriptor(error, "message");
    if (own === undefined || typeof own.value !== "string") return false;
    const m = parseErrorOf(own.value);
    if (m === null) return false;
    const [, url, line, col, text] = m;
    const source = ops.op_source_line(url, Number(line));
    const early = v8EarlyError(text, source, Number(col));
    denoWorded.add(error);
    if (early !== null) {
      error.message = `${early[0]} at ${url}:${line}:${early[1] + 1}`;
      return true;
    }
    error.message = parserReport(url, line, col, text, source);
    // Deno's loader rejects with a TypeError whose message is its parser's report.
    Object.setPrototypeOf(error, TypeError.prototype);
    return true;
  }
  const denoWorded = new WeakSet();
  internal.asDenoParseFailure = asDenoParseFailure;

  /** Deno's parser's report of a syntax error: its words, the code frame and the place. */
  function parserReport(url, line, col, text, source) {
    const gutter = " ".repeat(line.length);
    let report = `SyntaxError: ${parseMessage(text, source, Number(col))}\n`;
    if (source != null) report += `${gutter} |\n${line} | ${source}\n${gutter} | ${" ".repeat(Number(col))}~\n`;
    return `${report}    at ${url}:${line}:${Number(col) + 1}`;
  }

  function parseMessage(text, source, col) {
    if (/^Expected an operand but found/.test(text)) return "Expression expected";
    const first = text.split("\n")[0];
    // Deno's parser names the token it met; GraalJS sometimes only its kind ("found ident").
    const found = /^Expected (?:,|comma) but found (.*)$/.exec(first);
    if (found !== null) {
      const token = source == null ? null : /^(?:[A-Za-z_$][\w$]*|\d[\w.]*|\S)/.exec(source.slice(col));
      return `Expected ',', got '${token !== null ? token[0] : found[1]}'`;
    }
    return first;
  }

  /**
   * The main module failed to load or evaluate. Failures of the module graph (a missing module, a
   * syntax error) read as Deno's loader reports them; errors thrown while evaluating as uncaught.
   */
  function mainFailure(error) {
    const message = isError(error) ? String(error.message) : "";
    const failure = ops.op_import_failure();
    if (failure !== null && message.includes(failure[0])) {
      internal.print(`error: ${failure[0]}\n${failure[2] ? `    at ${failure[1]}:${failure[2]}\n` : ""}`, true);
      internal.quit(1);
    }
    let m;
    if (error instanceof Error && error.name === "Error" &&
        (m = /^Cannot find module '(.*)' imported from (.*)$/.exec(message))) {
      const target = internal.fileUrl(m[1]);
      const importer = internal.fileUrl(m[2]);
      const site = ops.op_import_site(importer, target, null);
      internal.print(`error: Module not found "${target}".\n${site ? `    at ${importer}:${site}\n` : ""}`, true);
      internal.quit(1);
    }
    if (error instanceof TypeError && message === "Invalid module type was asserted" &&
        (m = ops.op_last_module()) !== null && m.endsWith(".json")) {
      // A JSON module imported without its attribute: GraalJS names neither module.
      const importer = ops.op_main_module();
      const site = ops.op_import_site(importer, m, null);
      internal.print("error: Expected a JavaScript or TypeScript module, but identified a Json module. " +
        'Consider importing Json modules with an import attribute with the type of "json".\n' +
        `  Specifier: ${m}\n  docs: https://docs.deno.com/examples/importing_json/\n` +
        `${site ? `    at ${importer}:${site}\n` : ""}`, true);
      internal.quit(1);
    }
    if (error instanceof Error && (m = /^No such built-in module: (node:\S*)$/.exec(message))) {
      // ModuleFileSystem's refusal of an unknown node: module; Deno names the import site.
      const importer = ops.op_main_module();
      const site = ops.op_import_site(importer, m[1], null);
      internal.print(`error: ${message}\n${site ? `    at ${importer}:${site}\n` : ""}`, true);
      internal.quit(1);
    }
    let early;
    let source;
    if (error instanceof SyntaxError && (m = parseErrorOf(message)) &&
        (early = v8EarlyError(m[4], source = ops.op_source_line(m[1], Number(m[2])), Number(m[3]))) !== null) {
      // Deno's parser accepts these; V8 refuses them when it compiles the module, so Deno reports
      // them as uncaught, in V8's words.
      const [, url, line] = m;
      const [text, col] = early;
      internal.print(`error: Uncaught SyntaxError: ${text}\n` +
        (source ? `${source}\n${" ".repeat(col)}^\n` : "") +
        `    at <anonymous> (${url}:${line}:${col + 1})\n`, true);
      internal.quit(1);
    }
    if (error instanceof SyntaxError && (m = parseErrorOf(message))) {
      const [, url, line, col, text] = m;
      const source = ops.op_source_line(url, Number(line));
      internal.print(`error: ${parserReport(url, line, col, text, source)}\n`, true);
      internal.quit(1);
    }
    if (error instanceof SyntaxError &&
        (m = /^The requested module '(.*)' does not provide an export named '(.*)'$/.exec(message))) {
      const importer = location(error)?.filename;
      if (importer) {
        const target = internal.resolveSpecifier(m[1], importer);
        const site = ops.op_import_site(importer, target, m[2]);
        if (site) {
          const [line, col] = site.split(":").map(Number);
          const source = ops.op_source_line(importer, line);
          internal.print(`error: Uncaught SyntaxError: ${message}\n` +
            (source != null ? `${source}\n${" ".repeat(col - 1)}^\n` : "") +
            `    at <anonymous> (${importer}:${line}:${col})\n`, true);
          internal.quit(1);
        }
      }
    }
    fatal(error, true);
  }

  internal.graal.setUnhandledPromiseRejectionHandler(onUnhandledRejection);
  internal.reportException = reportException;
  internal.fatal = fatal;
  internal.mainFailure = mainFailure;
  internal.host.processRejections = processRejections;
  // What an import() of a module that does not resolve or exist rejects with, as in Deno: thrown by
  // the module ModuleFileSystem serves in its place.
  Object.defineProperty(globalThis, Symbol.for("isola.moduleNotFound"), {
    value(message) {
      const error = new TypeError(message);
      error.code = "ERR_MODULE_NOT_FOUND";
      // The frames would be those of the stand-in module; Deno's error has none of its own.
      Object.defineProperty(error, "stack", { value: `TypeError: ${message}`, writable: true, configurable: true });
      return error;
    },
  });
  internal.describeError = describe;
})
