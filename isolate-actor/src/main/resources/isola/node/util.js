// node:util: inspect (the runtime's inspector with Node's single quotes), format, promisify,
// callbackify, types, inherits, deprecate, isDeepStrictEqual and the smaller helpers.
(function (binding, internal) {
  "use strict";
  const errors = internal.node.load("_errors");
  const { isDeepStrictEqual } = internal.node.load("_compare");
  // Gives the timer functions their promisify.custom versions before anything promisifies them.
  internal.node.load("timers");
  const nodeQuotes = ["'", '"', "`"];

  function inspect(value, opts, depth, colors) {
    let options;
    if (typeof opts === "object" && opts !== null) {
      options = { ...inspect.defaultOptions, ...opts };
    } else {
      // The legacy signature: inspect(value, showHidden, depth, colors).
      options = { ...inspect.defaultOptions };
      if (typeof opts === "boolean") options.showHidden = opts;
      if (depth !== undefined) options.depth = depth;
      if (colors !== undefined) options.colors = colors;
    }
    return internal.inspect(value, { quotes: nodeQuotes, ...options });
  }
  inspect.custom = Symbol.for("nodejs.util.inspect.custom");
  inspect.defaultOptions = {
    showHidden: false, depth: 2, colors: false, customInspect: true, showProxy: false,
    maxArrayLength: 100, maxStringLength: 10000, breakLength: 80, compact: 3, sorted: false, getters: false,
  };
  inspect.colors = {
    reset: [0, 0], bold: [1, 22], dim: [2, 22], italic: [3, 23], underline: [4, 24], inverse: [7, 27],
    hidden: [8, 28], strikethrough: [9, 29], black: [30, 39], red: [31, 39], green: [32, 39],
    yellow: [33, 39], blue: [34, 39], magenta: [35, 39], cyan: [36, 39], white: [37, 39], gray: [90, 39],
    grey: [90, 39],
  };
  inspect.styles = {
    special: "cyan", number: "yellow", bigint: "yellow", boolean: "yellow", undefined: "grey", null: "bold",
    string: "green", symbol: "green", date: "magenta", regexp: "red", module: "underline",
  };

  // Node's formatWithOptions: printf-like directives, then the remaining arguments space-separated.
  function formatWithOptions(inspectOptions, ...args) {
    const first = args[0];
    let a = 0;
    let str = "";
    let join = "";
    const show = (v, extra) => inspect(v, { ...inspectOptions, ...extra });
    if (typeof first === "string") {
      if (args.length === 1) return first;
      let tempStr;
      let lastPos = 0;
      for (let i = 0; i < first.length - 1; i++) {
        if (first.charCodeAt(i) !== 37) continue;
        const next = first.charCodeAt(++i);
        if (a + 1 !== args.length) {
          switch (next) {
            case 115: { // s
              const arg = args[++a];
              if (typeof arg === "number" || typeof arg === "bigint") tempStr = formatNumber(arg);
              else if (typeof arg !== "object" || arg === null || !hasBuiltInToString(arg)) tempStr = String(arg);
              else tempStr = show(arg, { depth: 0, colors: false, compact: 3 });
              break;
            }
            case 106: // j
              tempStr = tryStringify(args[++a]);
              break;
            case 100: { // d
              const n = args[++a];
              tempStr = typeof n === "bigint" ? `${n}n` : typeof n === "symbol" ? "NaN" : formatNumber(Number(n));
              break;
            }
            case 79: // O
              tempStr = show(args[++a]);
              break;
            case 111: // o
              tempStr = show(args[++a], { showHidden: true, showProxy: true, depth: 4 });
              break;
            case 105: { // i
              const n = args[++a];
              tempStr = typeof n === "bigint" ? `${n}n` : typeof n === "symbol" ? "NaN" : formatNumber(Number.parseInt(n));
              break;
            }
            case 102: { // f
              const n = args[++a];
              tempStr = typeof n === "symbol" ? "NaN" : formatNumber(Number.parseFloat(n));
              break;
            }
            case 99: // c
              a += 1;
              tempStr = "";
              break;
            case 37: // %
              str += first.slice(lastPos, i);
              lastPos = i + 1;
              continue;
            default:
              continue;
          }
          if (lastPos !== i - 1) str += first.slice(lastPos, i - 1);
          str += tempStr;
          lastPos = i + 1;
        } else if (next === 37) {
          str += first.slice(lastPos, i);
          lastPos = i + 1;
        }
      }
      if (lastPos !== 0) {
        a++;
        join = " ";
        if (lastPos < first.length) str += first.slice(lastPos);
      }
    }
    while (a < args.length) {
      const value = args[a];
      str += join;
      str += typeof value !== "string" ? show(value) : value;
      join = " ";
      a++;
    }
    return str;
  }

  function formatNumber(n) {
    if (typeof n === "bigint") return `${n}n`;
    return Object.is(n, -0) ? "-0" : `${n}`;
  }

  function hasBuiltInToString(value) {
    let proto = value;
    while (proto !== null) {
      if (Object.hasOwn(proto, "toString") && proto !== Object.prototype && proto !== Array.prototype &&
          proto !== Error.prototype && proto !== Date.prototype) return false;
      if (proto === Object.prototype || proto === Array.prototype) return true;
      proto = Object.getPrototypeOf(proto);
    }
    return true;
  }

  function tryStringify(value) {
    try {
      return JSON.stringify(value);
    } catch (err) {
      if (err instanceof TypeError && /circular/i.test(err.message)) return "[Circular]";
      throw err;
    }
  }

  const format = (...args) => formatWithOptions(undefined, ...args);

  const customPromisify = Symbol.for("nodejs.util.promisify.custom");
  function promisify(original) {
    errors.validateFunction(original, "original");
    if (typeof original[customPromisify] === "function") {
      const fn = original[customPromisify];
      return Object.defineProperty(fn, customPromisify, { value: fn, enumerable: false, writable: false, configurable: true });
    }
    function fn(...args) {
      return new Promise((resolve, reject) => {
        Reflect.apply(original, this, [...args, (err, ...values) => {
          if (err) reject(err);
          else resolve(values[0]);
        }]);
      });
    }
    Object.setPrototypeOf(fn, Object.getPrototypeOf(original));
    Object.defineProperty(fn, customPromisify, { value: fn, enumerable: false, writable: false, configurable: true });
    return Object.defineProperties(fn, Object.getOwnPropertyDescriptors(original));
  }
  promisify.custom = customPromisify;

  function callbackify(original) {
    errors.validateFunction(original, "original");
    function callbackified(...args) {
      const callback = args.pop();
      errors.validateFunction(callback, "last argument");
      Reflect.apply(original, this, args).then(
        (value) => internal.node.nextTick(callback, [null, value]),
        (reason) => {
          if (!reason) {
            const err = errors.nodeError(Error, "ERR_FALSY_VALUE_REJECTION", "Promise was rejected with falsy value");
            err.reason = reason;
            reason = err;
          }
          internal.node.nextTick(callback, [reason]);
        },
      );
    }
    Object.setPrototypeOf(callbackified, Object.getPrototypeOf(original));
    Object.defineProperties(callbackified, Object.getOwnPropertyDescriptors(original));
    return callbackified;
  }

  function inherits(ctor, superCtor) {
    if (ctor === undefined || ctor === null) throw errors.invalidArgType("ctor", "Function", ctor);
    if (superCtor === undefined || superCtor === null) throw errors.invalidArgType("superCtor", "Function", superCtor);
    if (superCtor.prototype === undefined) throw errors.invalidArgType("superCtor.prototype", "Object", superCtor.prototype);
    Object.defineProperty(ctor, "super_", { value: superCtor, writable: true, configurable: true });
    Object.setPrototypeOf(ctor.prototype, superCtor.prototype);
  }

  const warnedCodes = new Set();
  function deprecate(fn, msg, code) {
    let warned = false;
    function deprecated(...args) {
      if (!warned) {
        warned = true;
        if (code === undefined || !warnedCodes.has(code)) {
          if (code !== undefined) warnedCodes.add(code);
          internal.node.builtin("process").emitWarning(msg, "DeprecationWarning", code);
        }
      }
      return new.target ? Reflect.construct(fn, args, new.target) : Reflect.apply(fn, this, args);
    }
    Object.setPrototypeOf(deprecated, fn);
    if (fn.prototype) deprecated.prototype = fn.prototype;
    return deprecated;
  }

  const toTag = (v) => Object.prototype.toString.call(v);
  const typedArrayTag = Object.getOwnPropertyDescriptor(Object.getPrototypeOf(Uint8Array.prototype), Symbol.toStringTag).get;
  const isTyped = (name) => (v) => typedArrayTag.call(v) === name;
  const AsyncFunction = Object.getPrototypeOf(async function () {}).constructor;
  const GeneratorFunction = Object.getPrototypeOf(function* () {}).constructor;
  const AsyncGeneratorFunction = Object.getPrototypeOf(async function* () {}).constructor;
  const brand = (method) => (v) => {
    try {
      method.call(v);
      return true;
    } catch {
      return false;
    }
  };
  const types = {
    isAnyArrayBuffer: (v) => v instanceof ArrayBuffer || (typeof SharedArrayBuffer !== "undefined" && v instanceof SharedArrayBuffer),
    isArgumentsObject: (v) => toTag(v) === "[object Arguments]",
    isArrayBuffer: (v) => v instanceof ArrayBuffer,
    isArrayBufferView: (v) => ArrayBuffer.isView(v),
    isAsyncFunction: (v) => v instanceof AsyncFunction || v instanceof AsyncGeneratorFunction,
    isBigInt64Array: isTyped("BigInt64Array"),
    isBigIntObject: (v) => typeof v === "object" && v !== null && brand(BigInt.prototype.valueOf)(v),
    isBigUint64Array: isTyped("BigUint64Array"),
    isBooleanObject: (v) => typeof v === "object" && v !== null && brand(Boolean.prototype.valueOf)(v),
    isBoxedPrimitive: (v) => types.isNumberObject(v) || types.isStringObject(v) || types.isBooleanObject(v) ||
      types.isBigIntObject(v) || types.isSymbolObject(v),
    isCryptoKey: (v) => v instanceof CryptoKey,
    isDataView: (v) => v instanceof DataView,
    isDate: (v) => typeof v === "object" && v !== null && brand(Date.prototype.getTime)(v),
    isFloat16Array: isTyped("Float16Array"),
    isFloat32Array: isTyped("Float32Array"),
    isFloat64Array: isTyped("Float64Array"),
    isGeneratorFunction: (v) => v instanceof GeneratorFunction || v instanceof AsyncGeneratorFunction,
    isGeneratorObject: (v) => toTag(v) === "[object Generator]" || toTag(v) === "[object AsyncGenerator]",
    isInt16Array: isTyped("Int16Array"),
    isInt32Array: isTyped("Int32Array"),
    isInt8Array: isTyped("Int8Array"),
    isKeyObject: () => false,
    isMap: (v) => typeof v === "object" && v !== null && brand(Object.getOwnPropertyDescriptor(Map.prototype, "size").get)(v),
    isMapIterator: (v) => toTag(v) === "[object Map Iterator]",
    isModuleNamespaceObject: (v) => toTag(v) === "[object Module]",
    isNativeError: (v) => v instanceof Error,
    isNumberObject: (v) => typeof v === "object" && v !== null && brand(Number.prototype.valueOf)(v),
    isPromise: (v) => v instanceof Promise,
    isProxy: (v) => (typeof v === "object" || typeof v === "function") && v !== null && internal.ops.op_proxy_details(v) != null,
    isRegExp: (v) => typeof v === "object" && v !== null && brand(Object.getOwnPropertyDescriptor(RegExp.prototype, "source").get)(v) && v instanceof RegExp,
    isSet: (v) => typeof v === "object" && v !== null && brand(Object.getOwnPropertyDescriptor(Set.prototype, "size").get)(v),
    isSetIterator: (v) => toTag(v) === "[object Set Iterator]",
    isSharedArrayBuffer: (v) => typeof SharedArrayBuffer !== "undefined" && v instanceof SharedArrayBuffer,
    isStringObject: (v) => typeof v === "object" && v !== null && brand(String.prototype.valueOf)(v),
    isSymbolObject: (v) => typeof v === "object" && v !== null && brand(Symbol.prototype.valueOf)(v),
    isTypedArray: (v) => typedArrayTag.call(v) !== undefined,
    isUint16Array: isTyped("Uint16Array"),
    isUint32Array: isTyped("Uint32Array"),
    isUint8Array: isTyped("Uint8Array"),
    isUint8ClampedArray: isTyped("Uint8ClampedArray"),
    isWeakMap: (v) => v instanceof WeakMap,
    isWeakSet: (v) => v instanceof WeakSet,
  };

  // NODE_DEBUG is not read (it would need env permission at load); debug logs stay disabled.
  function debuglog() {
    const logger = () => {};
    logger.enabled = false;
    return logger;
  }

  const systemErrors = new Map([
    [-1, "EPERM"], [-2, "ENOENT"], [-13, "EACCES"], [-17, "EEXIST"], [-20, "ENOTDIR"], [-21, "EISDIR"],
    [-22, "EINVAL"], [-39, "ENOTEMPTY"], [-98, "EADDRINUSE"], [-104, "ECONNRESET"], [-111, "ECONNREFUSED"],
    [-110, "ETIMEDOUT"], [-32, "EPIPE"], [-9, "EBADF"], [-24, "EMFILE"], [-11, "EAGAIN"],
  ]);

  const ansi = /[\u001B\u009B][[\]()#;?]*(?:(?:(?:(?:;[-a-zA-Z\d/#&.:=?%@~_]+)*|[a-zA-Z\d]+(?:;[-a-zA-Z\d/#&.:=?%@~_]*)*)?\u0007)|(?:(?:\d{1,4}(?:;\d{0,4})*)?[\dA-PR-TZcf-ntqry=><~]))/g;

  function styleText(format, text) {
    errors.validateString(text, "text");
    for (const f of Array.isArray(format) ? format : [format]) {
      if (!Object.hasOwn(inspect.colors, f)) throw errors.invalidArgValue("format", f, `must be one of: ${Object.keys(inspect.colors).join(", ")}`);
    }
    // Deno follows NO_COLOR / the terminal; isola prints without colors.
    return text;
  }

  function aborted(signal, resource) {
    if (signal.aborted) return Promise.resolve();
    return new Promise((resolve) => signal.addEventListener("abort", () => resolve(), { once: true }));
  }

  return {
    parseArgs: (config) => internal.node.load("_parse_args").parseArgs(config),
    TextDecoder: internal.encoding.TextDecoder,
    TextEncoder: internal.encoding.TextEncoder,
    _extend(target, source) {
      if (source === null || typeof source !== "object") return target;
      for (const key of Object.keys(source)) target[key] = source[key];
      return target;
    },
    aborted,
    callbackify,
    debug: debuglog,
    debuglog,
    deprecate,
    format,
    formatWithOptions(inspectOptions, ...args) {
      if (inspectOptions === null || typeof inspectOptions !== "object") {
        throw errors.invalidArgType("inspectOptions", "object", inspectOptions);
      }
      return formatWithOptions(inspectOptions, ...args);
    },
    getSystemErrorMap: () => new Map([...systemErrors].map(([n, name]) => [n, [name, name]])),
    getSystemErrorName: (n) => systemErrors.get(n) ?? `Unknown system error ${n}`,
    getSystemErrorMessage: (n) => systemErrors.get(n) ?? `Unknown system error ${n}`,
    inherits,
    inspect,
    isArray: Array.isArray,
    isDeepStrictEqual,
    log(...args) {
      const d = new Date();
      const pad = (n) => String(n).padStart(2, "0");
      const months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
      const time = `${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}`;
      internal.console.log("%s - %s", `${d.getDate()} ${months[d.getMonth()]} ${time}`, format(...args));
    },
    promisify,
    stripVTControlCharacters: (str) => {
      errors.validateString(str, "str");
      return str.replace(ansi, "");
    },
    styleText,
    toUSVString: (str) => String(str).toWellFormed(),
    types,
  };
})
