// console and the value formatter behind it (Deno.inspect). Output goes through op_print: log, info
// and debug to stdout; error and warn to stderr.
(function (binding, internal) {
  "use strict";

  function inspect(value, options = {}) {
    return formatValue(value, 0, options.depth ?? 4, new Set(), false);
  }

  function quote(s) {
    return JSON.stringify(s);
  }

  function formatValue(value, level, depth, seen, top) {
    switch (typeof value) {
      case "string":
        return top ? value : quote(value);
      case "number":
        return Object.is(value, -0) ? "-0" : String(value);
      case "bigint":
        return `${value}n`;
      case "boolean":
      case "undefined":
        return String(value);
      case "symbol":
        return value.toString();
      case "function":
        return `[Function: ${value.name || "(anonymous)"}]`;
    }
    if (value === null) return "null";
    if (value instanceof Error) return value.stack ?? String(value);
    if (seen.has(value)) return "[Circular *1]";
    if (level > depth) return Array.isArray(value) ? "[Array]" : "[Object]";
    seen.add(value);
    try {
      if (Array.isArray(value)) {
        if (value.length === 0) return "[]";
        return `[ ${value.map((v) => formatValue(v, level + 1, depth, seen, false)).join(", ")} ]`;
      }
      const keys = Object.keys(value);
      if (keys.length === 0) return "{}";
      const parts = keys.map((k) => `${k}: ${formatValue(value[k], level + 1, depth, seen, false)}`);
      return `{ ${parts.join(", ")} }`;
    } finally {
      seen.delete(value);
    }
  }

  function format(args) {
    return args.map((a) => formatValue(a, 0, 4, new Set(), true)).join(" ");
  }

  const console = {
    log: (...args) => internal.print(format(args) + "\n", false),
    info: (...args) => internal.print(format(args) + "\n", false),
    debug: (...args) => internal.print(format(args) + "\n", false),
    error: (...args) => internal.print(format(args) + "\n", true),
    warn: (...args) => internal.print(format(args) + "\n", true),
  };

  internal.inspect = inspect;
  internal.console = console;
})
