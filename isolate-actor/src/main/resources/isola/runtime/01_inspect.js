// The value formatter behind console and Deno.inspect. It reproduces Deno's output (ext/console,
// itself derived from Node's util.inspect): the same line-breaking rule (entries of the innermost
// `compact` levels are joined on one line when they fit in `breakLength`), the same grouping of long
// arrays into aligned columns, and the same rendering of every built-in type.
(function (binding, internal) {
  "use strict";
  const ops = internal.ops;

  const kObjectType = 0;
  const kArrayType = 1;
  const kArrayExtrasType = 2;
  const kMinLineWidth = 16;

  const customInspect = Symbol.for("Deno.customInspect");
  const privateCustomInspect = Symbol.for("Deno.privateCustomInspect");
  const nodeCustomInspect = Symbol.for("nodejs.util.inspect.custom");

  // Deno's color per kind of token, and the SGR on/off codes of each color.
  const styles = {
    special: "cyan", number: "yellow", bigint: "yellow", boolean: "yellow", undefined: "grey",
    null: "bold", string: "green", symbol: "green", date: "magenta", regexp: "red",
    module: "underline", internalError: "red", temporal: "magenta",
  };
  const sgr = { cyan: [36, 39], yellow: [33, 39], grey: [90, 39], bold: [1, 22], green: [32, 39],
    magenta: [35, 39], red: [31, 39], underline: [4, 24] };

  function stylizeNoColor(str) {
    return str;
  }
  function stylizeWithColor(str, styleType) {
    const style = styles[styleType];
    if (style === undefined) return str;
    const code = sgr[style];
    return `\x1b[${code[0]}m${str}\x1b[${code[1]}m`;
  }

  const defaults = {
    indentationLvl: 0,
    currentDepth: 0,
    stylize: stylizeNoColor,
    showHidden: false,
    depth: 4,
    colors: false,
    showProxy: false,
    breakLength: 80,
    escapeSequences: true,
    compact: 3,
    sorted: false,
    getters: false,
    maxArrayLength: 100,
    maxStringLength: 10_000,
    customInspect: true,
    quotes: ['"', "'", "`"],
    iterableLimit: 100,
    trailingComma: false,
    indentLevel: 0,
  };

  function createContext(options) {
    const ctx = { budget: {}, seen: [], circular: undefined, ...defaults, inspect, ...options };
    if (options != null) {
      if (options.iterableLimit !== undefined) ctx.maxArrayLength = options.iterableLimit;
      if (options.strAbbreviateSize !== undefined) ctx.maxStringLength = options.strAbbreviateSize;
    }
    ctx.stylize = ctx.colors ? stylizeWithColor : stylizeNoColor;
    if (ctx.maxArrayLength === null) ctx.maxArrayLength = Infinity;
    if (ctx.maxStringLength === null) ctx.maxStringLength = Infinity;
    return ctx;
  }

  /** Deno.inspect(value, options). */
  function inspect(value, options = undefined) {
    if (options === undefined && typeof value !== "object" && typeof value !== "function") {
      return formatPrimitive(stylizeNoColor, value, defaults);
    }
    return formatValue(createContext(options), value, 0);
  }

  // ---- brand checks: what a value really is, whatever its prototype or toStringTag claims ----

  const ObjectProto = Object.prototype;
  const objectToString = ObjectProto.toString;
  const fnToString = Function.prototype.toString;
  const hasOwn = Object.hasOwn;
  const getProto = Object.getPrototypeOf;
  const getOwnDesc = Object.getOwnPropertyDescriptor;
  const getter = (proto, name) => getOwnDesc(proto, name).get;

  const TypedArrayProto = getProto(Uint8Array.prototype);
  const typedArrayTag = getter(TypedArrayProto, Symbol.toStringTag);
  const typedArrayLength = getter(TypedArrayProto, "length");
  const mapSize = getter(Map.prototype, "size");
  const setSize = getter(Set.prototype, "size");
  const arrayBufferByteLength = getter(ArrayBuffer.prototype, "byteLength");
  const sharedArrayBufferByteLength = typeof SharedArrayBuffer === "function"
    ? getter(SharedArrayBuffer.prototype, "byteLength") : undefined;
  const dataViewByteLength = getter(DataView.prototype, "byteLength");
  const regExpGlobal = getter(RegExp.prototype, "global");
  const dateGetTime = Date.prototype.getTime;
  const weakMapHas = WeakMap.prototype.has;
  const weakSetHas = WeakSet.prototype.has;
  const AsyncFunctionProto = getProto(async function () {});
  const GeneratorFunctionProto = getProto(function* () {});
  const AsyncGeneratorFunctionProto = getProto(async function* () {});
  const MapIteratorProto = getProto(new Map().entries());
  const SetIteratorProto = getProto(new Set().values());

  function passes(check, value, arg) {
    try {
      check.call(value, arg);
      return true;
    } catch {
      return false;
    }
  }
  const isTypedArray = (v) => typedArrayTag.call(v) !== undefined;
  const isMap = (v) => passes(mapSize, v);
  const isSet = (v) => passes(setSize, v);
  const isArrayBuffer = (v) => passes(arrayBufferByteLength, v);
  const isSharedArrayBuffer = (v) => sharedArrayBufferByteLength !== undefined &&
    passes(sharedArrayBufferByteLength, v);
  const isDataView = (v) => passes(dataViewByteLength, v);
  const isDate = (v) => passes(dateGetTime, v);
  // "Temporal.PlainDate" -> Temporal.PlainDate.prototype.toString; filled on first use, as reading the
  // Temporal namespace makes GraalJS build all of it.
  const temporalString = new Map();
  const TemporalNamespace = globalThis.Temporal;
  function isTemporal(v, tag) {
    if (typeof tag !== "string" || !tag.startsWith("Temporal.") || TemporalNamespace === undefined) return false;
    if (temporalString.size === 0) {
      for (const name of Object.getOwnPropertyNames(TemporalNamespace)) {
        const toString = TemporalNamespace[name]?.prototype?.toString;
        if (typeof toString === "function") temporalString.set(`Temporal.${name}`, toString);
      }
    }
    return temporalString.has(tag) && passes(temporalString.get(tag), v);
  }
  const isWeakMap = (v) => passes(weakMapHas, v, ObjectProto);
  const isWeakSet = (v) => passes(weakSetHas, v, ObjectProto);
  function isRegExp(v) {
    try {
      return regExpGlobal.call(v) !== undefined;
    } catch {
      return false;
    }
  }
  function isPromise(v) {
    return v instanceof Promise || objectToString.call(v) === "[object Promise]";
  }
  function isError(v) {
    return v instanceof Error || objectToString.call(v) === "[object Error]";
  }
  function isAggregateError(v) {
    return isError(v) && v.name === "AggregateError" && Array.isArray(v.errors);
  }
  function isArguments(v) {
    return objectToString.call(v) === "[object Arguments]" && !Array.isArray(v);
  }
  const boxes = [
    ["Number", Number.prototype.valueOf],
    ["String", String.prototype.valueOf],
    ["Boolean", Boolean.prototype.valueOf],
    ["BigInt", BigInt.prototype.valueOf],
    ["Symbol", Symbol.prototype.valueOf],
  ];
  function boxedPrimitive(v) {
    for (const [type, valueOf] of boxes) {
      try {
        return [type, valueOf.call(v)];
      } catch { /* not this box */ }
    }
    return null;
  }
  function functionKind(fn) {
    const proto = getProto(fn);
    if (proto === AsyncFunctionProto) return "AsyncFunction";
    if (proto === GeneratorFunctionProto) return "GeneratorFunction";
    if (proto === AsyncGeneratorFunctionProto) return "AsyncGeneratorFunction";
    return "Function";
  }

  // Proxies and promise states are invisible to JS; the host reads them (GuestInternals.java).
  function proxyDetails(value) {
    return ops.op_proxy_details === undefined ? null : ops.op_proxy_details(value);
  }

  // ---- strings, numbers, symbols ----

  const escapes = { "\b": "\\b", "\f": "\\f", "\n": "\\n", "\r": "\\r", "\t": "\\t", "\v": "\\v" };
  function escapeControl(ch) {
    return escapes[ch] ?? "\\x" + ch.charCodeAt(0).toString(16).padStart(2, "0");
  }
  const controlChars = /[\x00-\x1f\x7f-\x9f]/g;

  /** Quotes with the first of ctx.quotes that the string lacks, escaping as Deno does. */
  function quoteString(string, ctx) {
    const quotes = ctx.quotes;
    let quote = quotes[0];
    for (let i = 0; i < quotes.length; i++) {
      if (!string.includes(quotes[i])) {
        quote = quotes[i];
        break;
      }
    }
    let needsEscape = false;
    let hasControl = false;
    for (let i = 0; i < string.length; i++) {
      const c = string.charCodeAt(i);
      if (c === 92 || string[i] === quote) needsEscape = true;
      else if (c < 0x20 || (c >= 0x7f && c <= 0x9f)) hasControl = true;
    }
    if (needsEscape) {
      let out = "";
      for (let i = 0; i < string.length; i++) {
        const ch = string[i];
        out += ch === "\\" || ch === quote ? "\\" + ch : ch;
      }
      string = out;
    }
    if (hasControl && ctx.escapeSequences) string = string.replace(controlChars, escapeControl);
    return quote + string + quote;
  }

  const plainSymbolDescription = /^[a-zA-Z_][a-zA-Z_.0-9]*$/;
  function formatSymbol(symbol, ctx) {
    const description = symbol.description;
    if (description === undefined || plainSymbolDescription.test(description)) return symbol.toString();
    return `Symbol(${quoteString(description, ctx)})`;
  }

  function formatNumber(stylize, value) {
    return stylize(Object.is(value, -0) ? "-0" : `${value}`, "number");
  }

  function formatPrimitive(stylize, value, ctx) {
    switch (typeof value) {
      case "string": {
        let trailer = "";
        if (value.length > ctx.maxStringLength) {
          const remaining = value.length - ctx.maxStringLength;
          value = value.slice(0, ctx.maxStringLength);
          trailer = `... ${remaining} more character${remaining > 1 ? "s" : ""}`;
        }
        if (ctx.compact !== true && value.length > kMinLineWidth &&
          value.length > ctx.breakLength - ctx.indentationLvl - 4 && value.includes("\n")) {
          return value.split(/(?<=\n)/)
            .map((line) => stylize(quoteString(line, ctx), "string"))
            .join(` +\n${" ".repeat(ctx.indentationLvl + 2)}`) + trailer;
        }
        return stylize(quoteString(value, ctx), "string") + trailer;
      }
      case "number":
        return formatNumber(stylize, value);
      case "bigint":
        return stylize(`${value}n`, "bigint");
      case "boolean":
        return stylize(`${value}`, "boolean");
      case "undefined":
        return stylize("undefined", "undefined");
      default:
        return stylize(formatSymbol(value, ctx), "symbol");
    }
  }

  // ---- objects ----

  function formatValue(ctx, value, recurseTimes, typedArray) {
    if (typeof value !== "object" && typeof value !== "function") {
      return formatPrimitive(ctx.stylize, value, ctx);
    }
    if (value === null) return ctx.stylize("null", "null");

    const context = value;
    const proxy = proxyDetails(value);
    if (proxy !== null) {
      if (ctx.showProxy) return formatProxy(ctx, proxy, recurseTimes);
      // Deno looks through a proxy at its target without running any trap.
      value = proxy[0];
      while (true) {
        const inner = proxyDetails(value);
        if (inner === null) break;
        value = inner[0];
      }
      if (typeof value !== "object" && typeof value !== "function") {
        return formatValue(ctx, value, recurseTimes);
      }
    }

    if (ctx.customInspect) {
      const custom = customInspectResult(ctx, value, context, recurseTimes);
      if (custom !== undefined) return custom;
    }

    // Deno shows the global object by its class alone, whatever globals it holds.
    if (value === globalThis) return `${getConstructorName(value, ctx, recurseTimes) ?? "Object"} {}`;

    if (ctx.seen.includes(value)) return ctx.stylize(`[Circular *${circularIndex(ctx, value)}]`, "special");
    return formatRaw(ctx, value, recurseTimes, typedArray);
  }

  function customInspectResult(ctx, value, context, recurseTimes) {
    const deno = value[customInspect];
    if (typeof deno === "function") {
      return String(deno.call(value, inspect, ctx));
    }
    const priv = value[privateCustomInspect];
    if (typeof priv === "function") {
      return String(priv.call(value, inspect, ctx));
    }
    const node = value[nodeCustomInspect];
    if (typeof node === "function" && node !== inspect &&
      !(value.constructor && value.constructor.prototype === value)) {
      const depth = ctx.depth === null ? null : ctx.depth - recurseTimes;
      const options = {
        stylize: ctx.stylize, showHidden: ctx.showHidden, depth: ctx.depth, colors: ctx.colors,
        customInspect: ctx.customInspect, showProxy: ctx.showProxy, maxArrayLength: ctx.maxArrayLength,
        maxStringLength: ctx.maxStringLength, breakLength: ctx.breakLength, compact: ctx.compact,
        sorted: ctx.sorted, getters: ctx.getters, numericSeparator: ctx.numericSeparator,
      };
      const ret = node.call(context, depth, options, inspect);
      if (ret !== context) {
        if (typeof ret !== "string") return formatValue(ctx, ret, recurseTimes);
        return ret.replaceAll("\n", `\n${" ".repeat(ctx.indentationLvl)}`);
      }
    }
    return undefined;
  }

  function circularIndex(ctx, value) {
    if (ctx.circular === undefined) ctx.circular = new Map();
    let index = ctx.circular.get(value);
    if (index === undefined) {
      index = ctx.circular.size + 1;
      ctx.circular.set(value, index);
    }
    return index;
  }

  function formatProxy(ctx, proxy, recurseTimes) {
    if (recurseTimes > ctx.depth && ctx.depth !== null) return ctx.stylize("Proxy [Array]", "special");
    recurseTimes += 1;
    ctx.indentationLvl += 2;
    const res = [formatValue(ctx, proxy[0], recurseTimes), formatValue(ctx, proxy[1], recurseTimes)];
    ctx.indentationLvl -= 2;
    return reduceToSingleString(ctx, res, "", ["Proxy [", "]"], kArrayExtrasType, recurseTimes);
  }

  // The name of the nearest constructor on the prototype chain whose prototype the value inherits.
  function getConstructorName(obj, ctx, recurseTimes) {
    let firstProto;
    const tmp = obj;
    while (obj) {
      let descriptor;
      try {
        descriptor = getOwnDesc(obj, "constructor");
      } catch { /* exotic object */ }
      if (descriptor !== undefined && typeof descriptor.value === "function" &&
        descriptor.value.name !== "" && isPrototypeOf(descriptor.value.prototype, tmp)) {
        return String(descriptor.value.name);
      }
      obj = getProto(obj);
      if (firstProto === undefined) firstProto = obj;
    }
    if (firstProto === null) return null;
    const res = builtinConstructorName(tmp);
    if (recurseTimes > ctx.depth && ctx.depth !== null) return `${res} <Complex prototype>`;
    const protoConstr = getConstructorName(firstProto, ctx, recurseTimes + 1);
    if (protoConstr === null) {
      return `${res} <${inspect(firstProto, { ...ctx, customInspect: false, depth: -1 })}>`;
    }
    return `${res} <${protoConstr}>`;
  }

  function isPrototypeOf(proto, object) {
    try {
      return ObjectProto.isPrototypeOf.call(proto, object);
    } catch {
      return false;
    }
  }

  // V8's idea of the class of an object whose prototypes name none: the builtin it was made from.
  function builtinConstructorName(value) {
    if (typeof value === "function") return "Function";
    if (Array.isArray(value)) return "Array";
    const tag = objectToString.call(value).slice(8, -1);
    return tag === "Arguments" ? "Object" : tag;
  }

  function getPrefix(constructor, tag, fallback, size = "") {
    if (constructor === null) {
      if (tag !== "" && fallback !== tag) return `[${fallback}${size}: null prototype] [${tag}] `;
      return `[${fallback}${size}: null prototype] `;
    }
    if (tag !== "" && constructor !== tag) return `${constructor}${size} [${tag}] `;
    return `${constructor}${size} `;
  }

  function getCtxStyle(value, constructor, tag) {
    let fallback = "";
    if (constructor === null) {
      fallback = builtinConstructorName(value);
      if (fallback === tag) fallback = "Object";
    }
    return getPrefix(constructor, tag, fallback);
  }

  function isIndexKey(key) {
    const n = key.length;
    if (n === 0 || n > 10) return false;
    const c0 = key.charCodeAt(0);
    if (c0 === 48) return n === 1;
    for (let i = 0; i < n; i++) {
      const c = key.charCodeAt(i);
      if (c < 48 || c > 57) return false;
    }
    return Number(key) < 4294967295;
  }

  // Own enumerable keys (all own keys with showHidden), symbols last.
  function getKeys(value, showHidden) {
    let keys;
    const symbols = Object.getOwnPropertySymbols(value);
    if (showHidden) {
      keys = Object.getOwnPropertyNames(value);
      if (symbols.length !== 0) keys.push(...symbols);
    } else {
      try {
        keys = Object.keys(value);
      } catch {
        keys = Object.getOwnPropertyNames(value);
      }
      for (const s of symbols) if (ObjectProto.propertyIsEnumerable.call(value, s)) keys.push(s);
    }
    return keys;
  }

  function getNonIndexKeys(value, showHidden) {
    const keys = getKeys(value, showHidden);
    const out = [];
    for (const key of keys) {
      if (typeof key === "string" && isIndexKey(key)) continue;
      out.push(key);
    }
    return out;
  }

  function getFunctionBase(value, constructor, tag) {
    let source = "";
    try {
      source = fnToString.call(value);
    } catch { /* revoked or host function */ }
    if (source.startsWith("class") && source.endsWith("}")) {
      const slice = source.slice(5, -1);
      const brace = slice.indexOf("{");
      if (brace !== -1 && (!slice.slice(0, brace).includes("(") ||
        /^(\s+[^(]*?)\s*{/.test(slice.replace(/(\/\/.*?\n)|(\/\*(.|\n)*?\*\/)/g, "")))) {
        return getClassBase(value, constructor, tag);
      }
    }
    const type = functionKind(value);
    let base = `[${type}`;
    if (constructor === null) base += " (null prototype)";
    base += value.name === "" ? " (anonymous)" : `: ${value.name}`;
    base += "]";
    if (constructor !== type && constructor !== null) base += ` ${constructor}`;
    if (tag !== "" && constructor !== tag) base += ` [${tag}]`;
    return base;
  }

  function getClassBase(value, constructor, tag) {
    const name = (hasOwn(value, "name") && value.name) || "(anonymous)";
    let base = `class ${name}`;
    if (constructor !== "Function" && constructor !== null) base += ` [${constructor}]`;
    if (tag !== "" && constructor !== tag) base += ` [${tag}]`;
    if (constructor !== null) {
      const superName = getProto(value).name;
      if (superName) base += ` extends ${superName}`;
    } else {
      base += " extends [null prototype]";
    }
    return `[${base}]`;
  }

  function formatError(error, ctx, keys, constructor, tag) {
    let stack;
    try {
      stack = error.stack;
    } catch { /* throwing getter */ }
    stack = (typeof stack === "string" && stack) || errorToString(error);
    const name = typeof error.name === "string" && error.name ? error.name : "Error";
    // Deno's DOMException is no native error, so its stack is shown as it is.
    if (!(error instanceof internal.DOMException)) stack = improveStack(stack, constructor, name, tag);
    let base = stack.includes("\n    at") ? stack : `[${stack}]`;
    // Own name, message or stack keys already visible in the stack are not listed again.
    for (const name of ["name", "message", "stack"]) {
      const index = keys.indexOf(name);
      if (index !== -1 && typeof error[name] === "string" && base.includes(error[name])) keys.splice(index, 1);
    }
    if (ctx.indentationLvl !== 0 && !(error instanceof internal.DOMException)) {
      base = base.replaceAll("\n", `\n${" ".repeat(ctx.indentationLvl)}`);
    }
    // Deno lists a non-enumerable own cause and AggregateError's errors as [cause] and [errors].
    if (hasOwn(error, "cause") && !keys.includes("cause")) keys.push("cause");
    if (isAggregateError(error) && hasOwn(error, "errors") && !keys.includes("errors")) keys.push("errors");
    return base;
  }

  // A subclass that kept the name "Error" shows its class too: "MyErr [Error]: msg".
  function improveStack(stack, constructor, name, tag) {
    let len = name.length;
    if (constructor === null || (name.endsWith("Error") && stack.startsWith(name) &&
      (stack.length === len || stack[len] === ":" || stack[len] === "\n"))) {
      let fallback = "Error";
      if (constructor === null) {
        const start = /^([A-Z][a-z_ A-Z0-9[\]()-]+)(?::|\n\s+at)/.exec(stack) ||
          /^([a-z_A-Z0-9-]*Error)$/.exec(stack);
        fallback = (start && start[1]) || "";
        len = fallback.length;
        fallback = fallback || "Error";
      }
      const prototype = getPrefix(constructor, tag, fallback).slice(0, -1);
      if (name !== prototype) {
        if (prototype.includes(name)) {
          stack = len === 0 ? `${prototype}: ${stack}` : `${prototype}${stack.slice(len)}`;
        } else {
          stack = `${prototype} [${name}]${stack.slice(len)}`;
        }
      }
    }
    return stack;
  }

  function errorToString(error) {
    try {
      return Error.prototype.toString.call(error);
    } catch {
      return "Error";
    }
  }

  function formatRaw(ctx, value, recurseTimes, typedArray) {
    const constructor = getConstructorName(value, ctx, recurseTimes);
    let tag = value[Symbol.toStringTag];
    if (typeof tag !== "string") tag = "";
    let base = "";
    let formatter = noEntries;
    let braces;
    let noIterator = true;
    let keys;
    let extrasType = kObjectType;
    const showHidden = ctx.showHidden;

    if (Symbol.iterator in value || constructor === null) {
      noIterator = false;
      if (Array.isArray(value)) {
        const prefix = constructor !== "Array" || tag !== ""
          ? getPrefix(constructor, tag, "Array", `(${value.length})`) : "";
        keys = getNonIndexKeys(value, showHidden);
        braces = [`${prefix}[`, "]"];
        if (value.length === 0 && keys.length === 0) return `${braces[0]}]`;
        extrasType = kArrayExtrasType;
        formatter = formatArray;
      } else if (isSet(value)) {
        const size = setSize.call(value);
        const prefix = getPrefix(constructor, tag, "Set", `(${size})`);
        keys = getKeys(value, showHidden);
        formatter = formatSet;
        if (size === 0 && keys.length === 0) return `${prefix}{}`;
        braces = [`${prefix}{`, "}"];
      } else if (isMap(value)) {
        const size = mapSize.call(value);
        const prefix = getPrefix(constructor, tag, "Map", `(${size})`);
        keys = getKeys(value, showHidden);
        formatter = formatMap;
        if (size === 0 && keys.length === 0) return `${prefix}{}`;
        braces = [`${prefix}{`, "}"];
      } else if (isTypedArray(value)) {
        keys = getNonIndexKeys(value, showHidden);
        const size = typedArrayLength.call(value);
        const fallback = constructor === null ? typedArrayTag.call(value) : "";
        const prefix = getPrefix(constructor, tag, fallback, `(${size})`);
        braces = [`${prefix}[`, "]"];
        if (size === 0 && keys.length === 0 && !showHidden) return `${braces[0]}]`;
        formatter = formatTypedArray;
        extrasType = kArrayExtrasType;
      } else if (getProto(value) === MapIteratorProto || getProto(value) === SetIteratorProto) {
        const type = getProto(value) === MapIteratorProto ? "Map" : "Set";
        keys = getKeys(value, showHidden);
        braces = iteratorBraces(type, tag);
        // GraalJS cannot peek into a live iterator without consuming it: only its kind is shown.
        if (keys.length === 0) return `${braces[0]}}`;
      } else {
        noIterator = true;
      }
    }
    if (noIterator) {
      keys = getKeys(value, showHidden);
      braces = ["{", "}"];
      if (constructor === "Object") {
        if (isArguments(value)) {
          braces[0] = "[Arguments] {";
        } else if (tag !== "") {
          braces[0] = `${getPrefix(constructor, tag, "Object")}{`;
        }
        if (keys.length === 0) return `${braces[0]}}`;
      } else if (typeof value === "function") {
        base = getFunctionBase(value, constructor, tag);
        if (keys.length === 0) return ctx.stylize(base, "special");
      } else if (isTemporal(value, tag)) {
        // Deno shows a Temporal value as its ISO string (and GraalJS's Instant would pass for a Date).
        base = temporalString.get(tag).call(value);
        if (keys.length === 0) return ctx.stylize(base, "special");
      } else if (isRegExp(value)) {
        base = RegExp.prototype.toString.call(constructor !== null ? value : new RegExp(value));
        const prefix = getPrefix(constructor, tag, "RegExp");
        if (prefix !== "RegExp ") base = `${prefix}${base}`;
        if (keys.length === 0 || (recurseTimes > ctx.depth && ctx.depth !== null)) {
          return ctx.stylize(base, "regexp");
        }
      } else if (isDate(value)) {
        if (Number.isNaN(dateGetTime.call(value))) return ctx.stylize("Invalid Date", "date");
        base = Date.prototype.toISOString.call(value);
        if (keys.length === 0) return ctx.stylize(base, "date");
      } else if (isError(value)) {
        keys = keys.filter((k) => k !== "cause");
        base = formatError(value, ctx, keys, constructor, tag);
        if (keys.length === 0) return base;
      } else if (isArrayBuffer(value) || isSharedArrayBuffer(value)) {
        const type = isArrayBuffer(value) ? "ArrayBuffer" : "SharedArrayBuffer";
        const prefix = getPrefix(constructor, tag, type);
        if (typedArray === undefined) {
          formatter = formatArrayBuffer;
        } else if (keys.length === 0) {
          const byteLength = type === "ArrayBuffer" ? arrayBufferByteLength.call(value)
            : sharedArrayBufferByteLength.call(value);
          return prefix + `{ byteLength: ${formatNumber(ctx.stylize, byteLength)} }`;
        }
        braces[0] = `${prefix}{`;
        keys.unshift("byteLength");
      } else if (isDataView(value)) {
        braces[0] = `${getPrefix(constructor, tag, "DataView")}{`;
        keys.unshift("byteLength", "byteOffset", "buffer");
      } else if (isPromise(value)) {
        braces[0] = `${getPrefix(constructor, tag, "Promise")}{`;
        formatter = formatPromise;
      } else if (isWeakSet(value)) {
        braces[0] = `${getPrefix(constructor, tag, "WeakSet")}{`;
        formatter = formatWeakCollection;
      } else if (isWeakMap(value)) {
        braces[0] = `${getPrefix(constructor, tag, "WeakMap")}{`;
        formatter = formatWeakCollection;
      } else if (objectToString.call(value) === "[object Module]" && constructor === null) {
        braces[0] = `${getPrefix(constructor, tag, "Module")}{`;
      } else {
        const boxed = boxedPrimitive(value);
        if (boxed !== null) {
          base = getBoxedBase(boxed, value, ctx, keys, constructor, tag);
          if (keys.length === 0) return base;
        } else {
          if (keys.length === 0) return `${getCtxStyle(value, constructor, tag)}{}`;
          braces[0] = `${getCtxStyle(value, constructor, tag)}{`;
        }
      }
    }

    if (recurseTimes > ctx.depth && ctx.depth !== null) {
      let name = getCtxStyle(value, constructor, tag).slice(0, -1);
      if (constructor !== null) name = `[${name}]`;
      return ctx.stylize(name, "special");
    }
    recurseTimes += 1;
    ctx.seen.push(value);
    ctx.currentDepth = recurseTimes;
    let output;
    try {
      output = formatter(ctx, value, recurseTimes);
      for (let i = 0; i < keys.length; i++) {
        output.push(formatProperty(ctx, value, recurseTimes, keys[i], extrasType));
      }
    } catch (error) {
      ctx.seen.pop();
      return ctx.stylize(`[Internal Formatting Error] ${error?.stack}`, "internalError");
    }
    if (ctx.circular !== undefined) {
      const index = ctx.circular.get(value);
      if (index !== undefined) {
        const reference = ctx.stylize(`<ref *${index}>`, "special");
        if (ctx.compact !== true) base = base === "" ? reference : `${reference} ${base}`;
        else braces[0] = `${reference} ${braces[0]}`;
      }
    }
    ctx.seen.pop();

    if (ctx.sorted) {
      const comparator = ctx.sorted === true ? undefined : ctx.sorted;
      if (extrasType === kObjectType) {
        output.sort(comparator);
      } else if (keys.length > 1) {
        const sorted = output.slice(output.length - keys.length).sort(comparator);
        output.splice(output.length - keys.length, keys.length, ...sorted);
      }
    }
    const res = reduceToSingleString(ctx, output, base, braces, extrasType, recurseTimes, value);
    // Past 128 MiB of output at one level, stop descending: the string would not fit anyway.
    const newLength = (ctx.budget[ctx.indentationLvl] || 0) + res.length;
    ctx.budget[ctx.indentationLvl] = newLength;
    if (newLength > 2 ** 27) ctx.depth = -1;
    return res;
  }

  function noEntries() {
    return [];
  }

  function moreItems(remaining) {
    return `... ${remaining} more item${remaining > 1 ? "s" : ""}`;
  }

  function formatArray(ctx, value, recurseTimes) {
    const valLen = value.length;
    const len = Math.min(Math.max(0, ctx.maxArrayLength), valLen);
    const output = [];
    for (let i = 0; i < len; i++) {
      if (!hasOwn(value, i)) return formatSparseArray(ctx, value, recurseTimes, len, output, i);
      output.push(formatProperty(ctx, value, recurseTimes, i, kArrayType));
    }
    if (valLen - len > 0) output.push(moreItems(valLen - len));
    return output;
  }

  // Runs of holes become "<n empty items>"; each run counts as one entry against the limit.
  function formatSparseArray(ctx, value, recurseTimes, maxLength, output, i) {
    const keys = Object.keys(value);
    let index = i;
    for (; i < keys.length && output.length < maxLength; i++) {
      const key = keys[i];
      const tmp = +key;
      if (tmp > 2 ** 32 - 2) break;
      if (`${index}` !== key) {
        if (!isIndexKey(key)) break;
        const emptyItems = tmp - index;
        output.push(ctx.stylize(`<${emptyItems} empty item${emptyItems > 1 ? "s" : ""}>`, "undefined"));
        index = tmp;
        if (output.length === maxLength) break;
      }
      output.push(formatProperty(ctx, value, recurseTimes, key, kArrayType));
      index++;
    }
    const remaining = value.length - index;
    if (output.length !== maxLength) {
      if (remaining > 0) {
        output.push(ctx.stylize(`<${remaining} empty item${remaining > 1 ? "s" : ""}>`, "undefined"));
      }
    } else if (remaining > 0) {
      output.push(moreItems(remaining));
    }
    return output;
  }

  function formatSet(ctx, value, recurseTimes) {
    ctx.indentationLvl += 2;
    const size = setSize.call(value);
    const len = Math.min(Math.max(0, ctx.maxArrayLength), size);
    const output = [];
    let i = 0;
    for (const v of Set.prototype.values.call(value)) {
      if (i++ >= len) break;
      output.push(formatValue(ctx, v, recurseTimes));
    }
    if (size - len > 0) output.push(moreItems(size - len));
    ctx.indentationLvl -= 2;
    return output;
  }

  function formatMap(ctx, value, recurseTimes) {
    ctx.indentationLvl += 2;
    const size = mapSize.call(value);
    const len = Math.min(Math.max(0, ctx.maxArrayLength), size);
    const output = [];
    let i = 0;
    for (const [k, v] of Map.prototype.entries.call(value)) {
      if (i++ >= len) break;
      output.push(`${formatValue(ctx, k, recurseTimes)} => ${formatValue(ctx, v, recurseTimes)}`);
    }
    if (size - len > 0) output.push(moreItems(size - len));
    ctx.indentationLvl -= 2;
    return output;
  }

  function formatTypedArray(ctx, value, recurseTimes) {
    const length = typedArrayLength.call(value);
    const maxLength = Math.min(Math.max(0, ctx.maxArrayLength), length);
    const remaining = length - maxLength;
    const output = [];
    const isBig = length > 0 && typeof value[0] === "bigint";
    for (let i = 0; i < maxLength; ++i) {
      output[i] = isBig ? ctx.stylize(`${value[i]}n`, "bigint") : formatNumber(ctx.stylize, value[i]);
    }
    if (remaining > 0) output[maxLength] = moreItems(remaining);
    if (ctx.showHidden) {
      ctx.indentationLvl += 2;
      for (const key of ["BYTES_PER_ELEMENT", "length", "byteLength", "byteOffset", "buffer"]) {
        output.push(`[${key}]: ${formatValue(ctx, value[key], recurseTimes, true)}`);
      }
      ctx.indentationLvl -= 2;
    }
    return output;
  }

  function iteratorBraces(type, tag) {
    if (tag !== `${type} Iterator`) {
      if (tag !== "") tag += "] [";
      tag += `${type} Iterator`;
    }
    return [`[${tag}] {`, "}"];
  }

  function formatArrayBuffer(ctx, value) {
    let valLen;
    try {
      valLen = arrayBufferByteLength.call(value);
    } catch {
      valLen = sharedArrayBufferByteLength.call(value);
    }
    const len = Math.min(Math.max(0, ctx.maxArrayLength), valLen);
    let bytes;
    try {
      bytes = new Uint8Array(value, 0, len);
    } catch {
      return [ctx.stylize("(detached)", "special")];
    }
    const hex = [];
    for (let i = 0; i < len; i++) hex.push(bytes[i].toString(16).padStart(2, "0"));
    let str = hex.join(" ");
    const remaining = valLen - len;
    if (remaining > 0) str += ` ... ${remaining} more byte${remaining > 1 ? "s" : ""}`;
    return [`${ctx.stylize("[Uint8Contents]", "special")}: <${str}>`];
  }

  function formatPromise(ctx, value, recurseTimes) {
    const details = ops.op_promise_details(value);
    if (details === null || details[0] === 0) return [ctx.stylize("<pending>", "special")];
    ctx.indentationLvl += 2;
    const str = formatValue(ctx, details[1], recurseTimes);
    ctx.indentationLvl -= 2;
    return [details[0] === 2 ? `${ctx.stylize("<rejected>", "special")} ${str}` : str];
  }

  function formatWeakCollection(ctx) {
    return [ctx.stylize("<items unknown>", "special")];
  }

  function getBoxedBase(boxed, value, ctx, keys, constructor, tag) {
    const [type, primitive] = boxed;
    if (type === "String") keys.splice(0, primitive.length);
    let base = `[${type}`;
    if (type !== constructor) base += constructor === null ? " (null prototype)" : ` (${constructor})`;
    base += `: ${formatPrimitive(stylizeNoColor, primitive, ctx)}]`;
    if (tag !== "" && tag !== constructor) base += ` [${tag}]`;
    if (keys.length !== 0 || ctx.stylize === stylizeNoColor) return base;
    return ctx.stylize(base, type.toLowerCase());
  }

  const identifierKey = /^[a-zA-Z_][a-zA-Z_0-9]*$/;

  function formatProperty(ctx, value, recurseTimes, key, type) {
    let str;
    let extra = " ";
    const desc = getOwnDesc(value, key) || { value: value[key], enumerable: true };
    if (desc.value !== undefined) {
      const diff = ctx.compact !== true || type !== kObjectType ? 2 : 3;
      ctx.indentationLvl += diff;
      str = formatValue(ctx, desc.value, recurseTimes);
      if (diff === 3 && ctx.breakLength < getStringWidth(str, ctx.colors)) {
        extra = `\n${" ".repeat(ctx.indentationLvl)}`;
      }
      ctx.indentationLvl -= diff;
    } else if (desc.get !== undefined) {
      str = formatAccessor(ctx, value, desc, recurseTimes);
    } else if (desc.set !== undefined) {
      str = ctx.stylize("[Setter]", "special");
    } else {
      str = ctx.stylize("undefined", "undefined");
    }
    if (type === kArrayType) return str;
    let name;
    if (typeof key === "symbol") {
      name = ctx.stylize(key.toString(), "symbol");
    } else if (key === "__proto__") {
      name = "['__proto__']";
    } else if (desc.enumerable === false) {
      name = `[${key.replace(controlChars, escapeControl)}]`;
    } else if (identifierKey.test(key)) {
      name = ctx.stylize(key, "name");
    } else {
      name = ctx.stylize(quoteString(key, ctx), "string");
    }
    return `${name}:${extra}${str}`;
  }

  function formatAccessor(ctx, value, desc, recurseTimes) {
    const label = desc.set !== undefined ? "Getter/Setter" : "Getter";
    const s = ctx.stylize;
    const getters = ctx.getters;
    if (!(getters && (getters === true || (getters === "get" && desc.set === undefined) ||
      (getters === "set" && desc.set !== undefined)))) {
      return s(`[${label}]`, "special");
    }
    try {
      const tmp = desc.get.call(value);
      ctx.indentationLvl += 2;
      let str;
      if (tmp === null) {
        str = `${s(`[${label}:`, "special")} ${s("null", "null")}${s("]", "special")}`;
      } else if (typeof tmp === "object") {
        str = `${s(`[${label}]`, "special")} ${formatValue(ctx, tmp, recurseTimes)}`;
      } else {
        str = `${s(`[${label}:`, "special")} ${formatPrimitive(s, tmp, ctx)}${s("]", "special")}`;
      }
      ctx.indentationLvl -= 2;
      return str;
    } catch (err) {
      return `${s(`[${label}:`, "special")} <Inspection threw (${err.message})>${s("]", "special")}`;
    }
  }

  // ---- layout ----

  const colorCodes = /\x1b\[\d\d?m/g;
  function removeColors(str) {
    return str.replace(colorCodes, "");
  }

  function isBelowBreakLength(ctx, output, start, base) {
    let totalLength = output.length + start;
    if (totalLength + output.length > ctx.breakLength) return false;
    for (let i = 0; i < output.length; i++) {
      totalLength += ctx.colors ? removeColors(output[i]).length : output[i].length;
      if (totalLength > ctx.breakLength) return false;
    }
    return base === "" || !base.includes("\n");
  }

  function reduceToSingleString(ctx, output, base, braces, extrasType, recurseTimes, value) {
    if (ctx.compact !== true) {
      if (typeof ctx.compact === "number" && ctx.compact >= 1) {
        const entries = output.length;
        if (extrasType === kArrayExtrasType && entries > 6) {
          output = groupArrayElements(ctx, output, value);
        }
        // Entries of the innermost `compact` levels share a line when they fit.
        if (ctx.currentDepth - recurseTimes < ctx.compact && entries === output.length) {
          const start = output.length + ctx.indentationLvl + braces[0].length + base.length + 10;
          if (isBelowBreakLength(ctx, output, start, base)) {
            const joined = output.join(", ");
            if (!joined.includes("\n")) {
              return `${base ? `${base} ` : ""}${braces[0]} ${joined} ${braces[1]}`;
            }
          }
        }
      }
      const indentation = `\n${" ".repeat(ctx.indentationLvl)}`;
      return `${base ? `${base} ` : ""}${braces[0]}${indentation}  ${output.join(`,${indentation}  `)}` +
        `${ctx.trailingComma ? "," : ""}${indentation}${braces[1]}`;
    }
    if (isBelowBreakLength(ctx, output, 0, base)) {
      return `${braces[0]}${base ? ` ${base}` : ""} ${output.join(", ")} ${braces[1]}`;
    }
    const indentation = " ".repeat(ctx.indentationLvl);
    const ln = base === "" && braces[0].length === 1 ? " " : `${base ? ` ${base}` : ""}\n${indentation}  `;
    return `${braces[0]}${ln}${output.join(`,\n${indentation}  `)} ${braces[1]}`;
  }

  // Long arrays of short entries are laid out in aligned columns, roughly as a square (a character
  // taken as 2.5 times as high as wide); numbers are right-aligned, everything else left-aligned.
  function groupArrayElements(ctx, output, value) {
    let totalLength = 0;
    let maxLength = 0;
    let outputLength = output.length;
    if (ctx.maxArrayLength < output.length) outputLength--;
    const separatorSpace = 2;
    const dataLen = new Array(outputLength);
    for (let i = 0; i < outputLength; i++) {
      const len = getStringWidth(output[i], ctx.colors);
      dataLen[i] = len;
      totalLength += len + separatorSpace;
      if (maxLength < len) maxLength = len;
    }
    const actualMax = maxLength + separatorSpace;
    if (actualMax * 3 + ctx.indentationLvl < ctx.breakLength &&
      (totalLength / actualMax > 5 || maxLength <= 6)) {
      const averageBias = Math.sqrt(actualMax - totalLength / output.length);
      const biasedMax = Math.max(actualMax - 3 - averageBias, 1);
      const columns = Math.min(
        Math.round(Math.sqrt(2.5 * biasedMax * outputLength) / biasedMax),
        Math.floor((ctx.breakLength - ctx.indentationLvl) / actualMax),
        ctx.compact * 4,
        15,
      );
      if (columns <= 1) return output;
      const maxLineLength = [];
      for (let i = 0; i < columns; i++) {
        let lineLength = 0;
        for (let j = i; j < output.length; j += columns) {
          if (dataLen[j] > lineLength) lineLength = dataLen[j];
        }
        maxLineLength.push(lineLength + separatorSpace);
      }
      let padStart = true;
      if (value !== undefined) {
        for (let i = 0; i < output.length; i++) {
          if (typeof value[i] !== "number" && typeof value[i] !== "bigint") {
            padStart = false;
            break;
          }
        }
      }
      const grouped = [];
      for (let i = 0; i < outputLength; i += columns) {
        const max = Math.min(i + columns, outputLength);
        let str = "";
        let j = i;
        for (; j < max - 1; j++) {
          const padding = maxLineLength[j - i] + output[j].length - dataLen[j];
          str += padStart ? `${output[j]}, `.padStart(padding, " ") : `${output[j]}, `.padEnd(padding, " ");
        }
        if (padStart) {
          const padding = maxLineLength[j - i] + output[j].length - dataLen[j] - separatorSpace;
          str += output[j].padStart(padding, " ");
        } else {
          str += output[j];
        }
        grouped.push(str);
      }
      if (ctx.maxArrayLength < output.length) grouped.push(output[outputLength]);
      output = grouped;
    }
    return output;
  }

  // ---- display width ----

  const ansi = new RegExp("[\\u001B\\u009B][[\\]()#;?]*" +
    "(?:(?:(?:(?:;[-a-zA-Z\\d\\/#&.:=?%@~_]+)*" +
    "|[a-zA-Z\\d]+(?:;[-a-zA-Z\\d\\/#&.:=?%@~_]*)*)?\\u0007)" +
    "|(?:(?:\\d{1,4}(?:;\\d{0,4})*)?[\\dA-PR-TZcf-ntqry=><~]))", "g");

  /** Columns the string takes on a terminal: wide East Asian and emoji count 2, combining marks 0. */
  function getStringWidth(str, removeControlChars = true) {
    let ascii = true;
    for (let i = 0; i < str.length; i++) {
      const c = str.charCodeAt(i);
      if (c < 0x20 || c >= 0x7f) {
        ascii = false;
        break;
      }
    }
    if (ascii) return str.length;
    if (removeControlChars) str = str.replace(ansi, "");
    str = str.normalize("NFC");
    let width = 0;
    for (const ch of str) {
      const code = ch.codePointAt(0);
      if (isFullWidthCodePoint(code)) width += 2;
      else if (!isZeroWidthCodePoint(code)) width++;
    }
    return width;
  }

  function isZeroWidthCodePoint(code) {
    return code <= 0x1F || (code >= 0x7F && code <= 0x9F) || (code >= 0x300 && code <= 0x36F) ||
      (code >= 0x200B && code <= 0x200F) || (code >= 0x20D0 && code <= 0x20FF) ||
      (code >= 0xFE00 && code <= 0xFE0F) || (code >= 0xFE20 && code <= 0xFE2F) ||
      (code >= 0xE0100 && code <= 0xE01EF);
  }

  function isFullWidthCodePoint(code) {
    return code >= 0x1100 && (code <= 0x115f || code === 0x2329 || code === 0x232a ||
      (code >= 0x2e80 && code <= 0x3247 && code !== 0x303f) || (code >= 0x3250 && code <= 0x4dbf) ||
      (code >= 0x4e00 && code <= 0xa4c6) || (code >= 0xa960 && code <= 0xa97c) ||
      (code >= 0xac00 && code <= 0xd7a3) || (code >= 0xf900 && code <= 0xfaff) ||
      (code >= 0xfe10 && code <= 0xfe19) || (code >= 0xfe30 && code <= 0xfe6b) ||
      (code >= 0xff01 && code <= 0xff60) || (code >= 0xffe0 && code <= 0xffe6) ||
      (code >= 0x1b000 && code <= 0x1b001) || (code >= 0x1f200 && code <= 0x1f251) ||
      (code >= 0x1f300 && code <= 0x1f64f) || (code >= 0x20000 && code <= 0x3fffd));
  }

  internal.inspect = inspect;
  internal.inspectInternals = {
    createContext, formatValue, quoteString, getStringWidth, isMap, isSet, customInspect,
  };
})
