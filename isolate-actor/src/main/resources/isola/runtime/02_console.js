// The console namespace, as Deno prints it: log, info and debug to stdout; warn, error and trace to
// stderr. Output is never colored (isola's output is not a terminal, like Deno under NO_COLOR).
(function (binding, internal) {
  "use strict";
  const ops = internal.ops;
  // 01_inspect.js loads on first use (06_lazy.js): a console.log of strings never needs it.
  const createContext = (options) => internal.inspectInternals.createContext(options);
  const formatValue = (ctx, value, recurseTimes) => internal.inspectInternals.formatValue(ctx, value, recurseTimes);
  const quoteString = (value, ctx) => internal.inspectInternals.quoteString(value, ctx);
  const getStringWidth = (text) => internal.inspectInternals.getStringWidth(text);
  const isMap = (value) => internal.inspectInternals.isMap(value);
  const isSet = (value) => internal.inspectInternals.isSet(value);

  // ---- console.log's argument formatting, with printf-like substitutions in a first string ----

  function formatArgs(args, options) {
    const n = args.length;
    const first = args[0];
    if (n === 1 && typeof first === "string") return first;
    let ctx;
    let string = "";
    let a = 0;
    if (typeof first === "string" && n > 1) {
      a = 1;
      if (first.includes("%")) {
        ctx = createContext(options);
        const r = substitute(first, args, ctx);
        string = r.string;
        a = r.next;
      } else {
        string = first;
      }
    }
    for (; a < n; a++) {
      if (a > 0) string += " ";
      const arg = args[a];
      if (typeof arg === "string") {
        string += arg;
      } else {
        ctx ??= createContext(options);
        string += formatValue(ctx, arg, 0);
      }
    }
    return string;
  }

  function substitute(first, args, ctx) {
    let a = 1;
    let appended = 0;
    let string = "";
    for (let i = 0; i < first.length - 1; i++) {
      if (first.charCodeAt(i) !== 37) continue;
      const char = first[++i];
      if (a < args.length) {
        let formatted = null;
        switch (char) {
          case "s":
            formatted = String(args[a++]);
            break;
          case "d":
          case "i": {
            const value = args[a++];
            const t = typeof value;
            formatted = t === "number" || t === "string" || t === "bigint"
              ? `${Number.parseInt(String(value))}` : "NaN";
            break;
          }
          case "f": {
            const value = args[a++];
            const t = typeof value;
            formatted = t === "number" || t === "string" || t === "bigint"
              ? `${Number.parseFloat(String(value))}` : "NaN";
            break;
          }
          case "o":
          case "O":
            formatted = formatValue(ctx, args[a++], 0);
            break;
          case "j":
            formatted = toJson(args[a++]);
            break;
          case "c":
            // CSS styling only applies to colored output.
            a++;
            formatted = "";
            break;
        }
        if (formatted != null) {
          string += first.slice(appended, i - 1) + formatted;
          appended = i + 1;
        }
      }
      if (char === "%") {
        string += first.slice(appended, i - 1) + "%";
        appended = i + 1;
      }
    }
    return { string: string + first.slice(appended), next: a };
  }

  function toJson(value) {
    try {
      return JSON.stringify(value);
    } catch (error) {
      if (error instanceof TypeError && /circular/i.test(error.message)) return "[Circular]";
      throw error;
    }
  }

  // ---- console.table ----

  // Node's flavour (node:console's Console): single quotes, left-aligned numbers, "(index)" headers.
  function stringifyCell(value, node) {
    if (node) return internal.node.builtin("util").inspect(value, { depth: 1, compact: true });
    if (typeof value === "string") return quoteString(value, createContext(undefined));
    return formatValue(createContext({ depth: 1, compact: true }), value, 0);
  }

  function renderRow(row, widths, rightAlign) {
    let out = "│ ";
    for (let i = 0; i < row.length; i++) {
      const cell = row[i];
      const padding = " ".repeat(widths[i] - getStringWidth(cell));
      out += rightAlign?.[i] ? padding + cell : cell + padding;
      if (i !== row.length - 1) out += " │ ";
    }
    return out + " │";
  }

  function renderTable(head, columns, node) {
    const rows = [];
    const widths = head.map((h) => getStringWidth(h));
    const longest = columns.reduce((n, c) => Math.max(n, c.length), 0);
    const rightAlign = new Array(widths.length).fill(true);
    for (let i = 0; i < head.length; i++) {
      const column = columns[i];
      for (let j = 0; j < longest; j++) {
        rows[j] ??= [];
        const value = rows[j][i] = column != null && Object.hasOwn(column, j) ? column[j] : "";
        widths[i] = Math.max(widths[i] || 0, getStringWidth(value));
        rightAlign[i] = rightAlign[i] && !node && Number.isInteger(+value);
      }
    }
    const divider = widths.map((w) => "─".repeat(w + 2));
    let out = `┌${divider.join("┬")}┐\n${renderRow(head, widths)}\n├${divider.join("┼")}┤\n`;
    for (const row of rows) out += `${renderRow(row, widths, rightAlign)}\n`;
    return out + `└${divider.join("┴")}┘`;
  }

  function table(console, data, properties, node) {
    if (properties !== undefined && !Array.isArray(properties)) {
      throw new Error("The 'properties' argument must be of type Array: received type " + typeof properties);
    }
    if (data === null || typeof data !== "object") return console.log(data);
    const setLike = isSet(data);
    const mapLike = isMap(data);
    const indexKey = node ? (setLike || mapLike ? "(iteration index)" : "(index)")
      : setLike || mapLike ? "(iter idx)" : "(idx)";
    let rowsData;
    if (setLike) {
      rowsData = [...data];
    } else if (mapLike) {
      rowsData = { __proto__: null };
      let idx = 0;
      for (const [k, v] of data) rowsData[idx++] = { Key: k, Values: v };
    } else {
      rowsData = data;
    }
    const keys = Object.keys(rowsData);
    const numRows = keys.length;
    const columns = properties
      ? Object.fromEntries(properties.map((name) => [name, new Array(numRows).fill("")]))
      : {};
    const indexKeys = [];
    const values = [];
    let hasPrimitives = false;
    keys.forEach((k, idx) => {
      const value = rowsData[k];
      const primitive = value === null || (typeof value !== "function" && typeof value !== "object");
      if (properties === undefined && primitive) {
        hasPrimitives = true;
        values.push(stringifyCell(value, node));
      } else {
        const row = value || {};
        for (const col of properties || Object.keys(row)) {
          if (!primitive && Reflect.has(row, col)) {
            if (!Reflect.has(columns, col)) columns[col] = new Array(numRows).fill("");
            columns[col][idx] = stringifyCell(row[col], node);
          }
        }
        values.push("");
      }
      indexKeys.push(k);
    });
    const headerProps = properties || [...Object.keys(columns), !mapLike && hasPrimitives && "Values"];
    const header = [indexKey, ...headerProps].filter(Boolean);
    console.log(renderTable(header, [indexKeys, ...Object.values(columns), values], node));
  }

  // ---- the console object ----

  function elapsed(start) {
    const duration = ops.op_now() - start;
    if (duration < 1) return duration.toFixed(3);
    if (duration < 10) return duration.toFixed(2);
    if (duration < 100) return duration.toFixed(1);
    return duration.toFixed(0);
  }

  const isConsoleInstance = Symbol("isConsoleInstance");

  /**
   * A console whose lines go to `write(text, toStderr)`: the global one prints to the process's
   * streams; node:console's Console (`node`: Node's table layout) writes to the streams it is given.
   * Each has its own counters, timers and group indentation.
   */
  function makeConsole(write, { node = false } = {}) {
    const counts = new Map();
    const timers = new Map();

    function print(args, toStderr, options) {
      let text = formatArgs(args, options);
      const indentLevel = console.indentLevel;
      if (indentLevel > 0) {
        const indent = " ".repeat(indentLevel);
        text = indent + text.replaceAll("\n", `\n${indent}`);
      }
      write(text + "\n", toStderr);
    }

    const methods = {
      log: (...args) => print(args, false),
      debug: (...args) => print(args, false),
      info: (...args) => print(args, false),
      dir: (obj = undefined, options = undefined) => print([obj], false, options),
      dirxml: (...args) => print(args, false),
      warn: (...args) => print(args, true),
      error: (...args) => print(args, true),
      assert: (condition = false, ...args) => {
        if (condition) return;
        if (args.length === 0) return console.error("Assertion failed");
        const [first, ...rest] = args;
        if (typeof first === "string") return console.error(`Assertion failed: ${first}`, ...rest);
        console.error("Assertion failed:", ...args);
      },
      count: (label = "default") => {
        label = String(label);
        const n = (counts.get(label) || 0) + 1;
        counts.set(label, n);
        console.info(`${label}: ${n}`);
      },
      countReset: (label = "default") => {
        label = String(label);
        if (counts.has(label)) counts.set(label, 0);
        else console.warn(`Count for '${label}' does not exist`);
      },
      table: (data = undefined, properties = undefined) => table(console, data, properties, node),
      time: (label = "default") => {
        label = String(label);
        if (timers.has(label)) return console.warn(`Timer '${label}' already exists`);
        timers.set(label, ops.op_now());
      },
      timeLog: (label = "default", ...args) => {
        label = String(label);
        if (!timers.has(label)) return console.warn(`Timer '${label}' does not exist`);
        console.info(`${label}: ${elapsed(timers.get(label))}ms`, ...args);
      },
      timeEnd: (label = "default") => {
        label = String(label);
        if (!timers.has(label)) return console.warn(`Timer '${label}' does not exist`);
        const start = timers.get(label);
        timers.delete(label);
        console.info(`${label}: ${elapsed(start)}ms`);
      },
      group: (...label) => {
        if (label.length > 0) console.log(...label);
        console.indentLevel += 2;
      },
      groupCollapsed: (...label) => {
        if (label.length > 0) console.log(...label);
        console.indentLevel += 2;
      },
      groupEnd: () => {
        if (console.indentLevel > 0) console.indentLevel -= 2;
      },
      clear: () => {
        console.indentLevel = 0;
        write("\x1b[1;1H", false);
        write("\x1b[0J", false);
      },
      trace: function trace(...args) {
        const err = { name: "Trace", message: formatArgs(args) };
        Error.captureStackTrace(err, trace);
        console.error(err.stack);
      },
      // Without an inspector attached these do nothing, as in Deno.
      profile: (_label) => {},
      profileEnd: (_label) => {},
      timeStamp: (_label) => {},
    };

    // The namespace's prototype is an empty object, as the console spec asks (console.spec.whatwg.org).
    const console = Object.create({}, {
      [Symbol.toStringTag]: { value: "console", writable: false, enumerable: false, configurable: true },
    });
    Object.assign(console, methods);
    console.indentLevel = 0;
    console.createTask = function createTask(_name) {
      return { run: (fn) => fn() };
    };
    console.context = function context(_name) {
      return console;
    };
    console[isConsoleInstance] = true;
    return console;
  }

  internal.console = makeConsole((text, toStderr) => internal.print(text, toStderr));
  internal.makeConsole = makeConsole;
})
