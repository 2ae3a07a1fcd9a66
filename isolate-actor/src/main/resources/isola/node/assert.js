// node:assert and node:assert/strict: Node's assertions and AssertionError, with Node's messages for
// the common cases (primitives side by side, objects as a +/- line diff of their inspection).
(function (binding, internal) {
  "use strict";
  const { isDeepStrictEqual, isDeepEqual } = internal.node.load("_compare");
  const errors = internal.node.load("_errors");
  const inspect = (v, extra) => internal.inspect(v, {
    quotes: ["'", '"', "`"], compact: false, sorted: true, getters: true, depth: 1000, customInspect: false,
    breakLength: Infinity, ...extra,
  });

  class AssertionError extends Error {
    constructor(options) {
      if (options === null || typeof options !== "object") throw errors.invalidArgType("options", "Object", options);
      const { message, actual, expected, operator } = options;
      super(message !== undefined ? String(message) : defaultMessage(actual, expected, operator));
      this.generatedMessage = message === undefined;
      this.code = "ERR_ASSERTION";
      this.actual = actual;
      this.expected = expected;
      this.operator = operator;
      Object.defineProperty(this, "name", { value: "AssertionError", enumerable: false, writable: true, configurable: true });
    }
  }

  function lineDiff(actual, expected) {
    const a = actual.split("\n");
    const b = expected.split("\n");
    const lcs = Array.from({ length: a.length + 1 }, () => new Array(b.length + 1).fill(0));
    for (let i = a.length - 1; i >= 0; i--) {
      for (let j = b.length - 1; j >= 0; j--) {
        lcs[i][j] = a[i] === b[j] ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
      }
    }
    const out = [];
    let i = 0;
    let j = 0;
    while (i < a.length || j < b.length) {
      if (i < a.length && j < b.length && a[i] === b[j]) {
        out.push(`  ${a[i++]}`);
        j++;
      } else if (j >= b.length || (i < a.length && lcs[i + 1][j] >= lcs[i][j + 1])) {
        out.push(`+ ${a[i++]}`);
      } else {
        out.push(`- ${b[j++]}`);
      }
    }
    return out.join("\n");
  }

  const headers = {
    deepStrictEqual: "Expected values to be strictly deep-equal:",
    strictEqual: "Expected values to be strictly equal:",
    deepEqual: "Expected values to be loosely deep-equal:",
    notDeepStrictEqual: 'Expected "actual" not to be strictly deep-equal to:',
    notStrictEqual: 'Expected "actual" to be strictly unequal to:',
    notDeepEqual: 'Expected "actual" not to be loosely deep-equal to:',
  };

  function defaultMessage(actual, expected, operator) {
    if (operator === "==" || operator === "!=") return `${inspect(actual)} ${operator} ${inspect(expected)}`;
    const header = headers[operator];
    if (header === undefined) return "Failed";
    const a = inspect(actual);
    const e = inspect(expected);
    if (operator.startsWith("not")) {
      return a.includes("\n") || (typeof actual === "object" && actual !== null)
        ? `${header}\n\n${a}\n` : `${header} ${a}`;
    }
    if (operator === "deepEqual") return `${header}\n\n${a}\n\nshould loosely deep-equal\n\n${e}`;
    const isObject = (v) => (typeof v === "object" && v !== null) || typeof v === "function";
    if (!a.includes("\n") && !e.includes("\n") && !(isObject(actual) && isObject(expected))) {
      return `${header}\n\n${a} !== ${e}\n`;
    }
    return `${header}\n+ actual - expected\n\n${lineDiff(a, e)}\n`;
  }

  function fail(options) {
    const { message } = options;
    if (message instanceof Error) throw message;
    const err = new AssertionError({ ...options, message: message ?? options.fallback });
    if (options.fallback !== undefined) err.generatedMessage = message === undefined;
    Error.captureStackTrace?.(err, options.stackStartFn);
    throw err;
  }

  // "assert(0)" as written at the call site, for Node's falsy-value message.
  function callSource(stackStartFn) {
    const holder = {};
    Error.captureStackTrace(holder, stackStartFn);
    const frame = /\((file:[^\s()]*?):(\d+):(\d+)\)$|at (file:[^\s()]*?):(\d+):(\d+)$/m.exec(holder.stack ?? "");
    if (!frame) return null;
    const url = frame[1] ?? frame[4];
    const line = internal.ops.op_source_line(url, Number(frame[2] ?? frame[5]));
    if (line == null) return null;
    const rest = line.slice(Number(frame[3] ?? frame[6]) - 1);
    let depth = 0;
    for (let i = 0; i < rest.length; i++) {
      if (rest[i] === "(") depth++;
      else if (rest[i] === ")" && --depth === 0) return rest.slice(0, i + 1);
    }
    return null;
  }

  function innerOk(fn, argLen, value, message) {
    if (value) return;
    let generated = false;
    if (argLen === 0) {
      message = "No value argument passed to `assert.ok()`";
      generated = true;
    } else if (message === undefined) {
      const source = callSource(fn);
      message = source ? `The expression evaluated to a falsy value:\n\n  ${source}\n` : "The expression evaluated to a falsy value";
      generated = true;
    } else if (message instanceof Error) {
      throw message;
    }
    const err = new AssertionError({ actual: value, expected: true, message, operator: "==" });
    err.generatedMessage = generated;
    Error.captureStackTrace(err, fn);
    throw err;
  }

  function ok(...args) {
    innerOk(ok, args.length, ...args);
  }

  function compare(name, test, operator) {
    const fn = {
      [name](actual, expected, message) {
        if (!test(actual, expected)) fail({ actual, expected, message, operator, stackStartFn: fn });
      },
    }[name];
    return fn;
  }

  // eslint-disable-next-line eqeqeq
  const looseEqual = (a, b) => a == b || (Number.isNaN(a) && Number.isNaN(b));

  function errorMatches(actual, expected, message, fn) {
    if (expected === undefined) return;
    if (typeof expected === "function") {
      if (expected.prototype !== undefined && actual instanceof expected) return;
      if (Error.isPrototypeOf(expected) || expected === Error) throw actual;
      if (expected.call({}, actual) === true) return;
      fail({ actual, expected, message, fallback: `The ${fn.name === "rejects" ? "rejection" : "error"} validation function is expected to return "true". Received ${inspect(expected.call({}, actual))}`, operator: fn.name, stackStartFn: fn });
    }
    if (expected instanceof RegExp) {
      if (expected.test(String(actual))) return;
      fail({ actual, expected, message, fallback: `The input did not match the regular expression ${inspect(expected)}. Input:\n\n${inspect(String(actual))}\n`, operator: fn.name, stackStartFn: fn });
    }
    if (typeof expected === "object" && expected !== null) {
      for (const key of Object.keys(expected)) {
        const want = expected[key];
        const got = actual?.[key];
        const okKey = want instanceof RegExp && typeof got === "string" ? want.test(got) : isDeepStrictEqual(got, want);
        if (!okKey) {
          fail({ actual, expected, message, fallback: `${headers.deepStrictEqual}\n+ actual - expected\n\n${lineDiff(inspect(got), inspect(want))}\n`, operator: fn.name, stackStartFn: fn });
        }
      }
    }
  }

  function throws(fn, expected, message) {
    errors.validateFunction(fn, "fn");
    if (typeof expected === "string") {
      message = expected;
      expected = undefined;
    }
    try {
      fn();
    } catch (actual) {
      errorMatches(actual, expected, message, throws);
      return;
    }
    fail({ actual: undefined, expected, operator: "throws", stackStartFn: throws,
      message: `Missing expected exception${expected?.name ? ` (${expected.name})` : ""}.${message ? `: ${message}` : ""}` });
  }

  async function rejects(promiseFn, expected, message) {
    if (typeof expected === "string") {
      message = expected;
      expected = undefined;
    }
    try {
      await (typeof promiseFn === "function" ? promiseFn() : promiseFn);
    } catch (actual) {
      errorMatches(actual, expected, message, rejects);
      return;
    }
    fail({ actual: undefined, expected, operator: "rejects", stackStartFn: rejects,
      message: `Missing expected rejection${expected?.name ? ` (${expected.name})` : ""}.${message ? `: ${message}` : ""}` });
  }

  function doesNotThrow(fn, expected, message) {
    if (typeof expected === "string") message = expected;
    try {
      fn();
    } catch (actual) {
      fail({ actual, expected, operator: "doesNotThrow", stackStartFn: doesNotThrow,
        message: `Got unwanted exception${message ? `: ${message}` : "."}\nActual message: "${actual?.message}"` });
    }
  }

  async function doesNotReject(promiseFn, expected, message) {
    if (typeof expected === "string") message = expected;
    try {
      await (typeof promiseFn === "function" ? promiseFn() : promiseFn);
    } catch (actual) {
      fail({ actual, expected, operator: "doesNotReject", stackStartFn: doesNotReject,
        message: `Got unwanted rejection${message ? `: ${message}` : "."}\nActual message: "${actual?.message}"` });
    }
  }

  function match(string, regexp, message, negate = false, fn = match) {
    if (typeof string !== "string" || regexp.test(string) === negate) {
      const text = typeof string !== "string"
        ? `The "string" argument must be of type string. Received type ${typeof string} (${inspect(string)})`
        : `The input ${negate ? "was expected to not match" : "did not match"} the regular expression ${inspect(regexp)}. Input:\n\n${inspect(string)}\n`;
      fail({ actual: string, expected: regexp, message, fallback: text, operator: fn.name, stackStartFn: fn });
    }
  }

  function ifError(err) {
    if (err === null || err === undefined) return;
    let message = "ifError got unwanted exception: ";
    message += typeof err === "object" && typeof err.message === "string"
      ? (err.message.length === 0 && err.constructor ? err.constructor.name : err.message)
      : inspect(err);
    const e = new AssertionError({ actual: err, expected: null, operator: "ifError", message });
    e.generatedMessage = false;
    throw e;
  }

  function build(strictMode) {
    const assert = function assert(...args) {
      innerOk(assert, args.length, ...args);
    };
    const equal = strictMode ? compare("strictEqual", Object.is, "strictEqual") : compare("equal", looseEqual, "==");
    const notEqual = strictMode
      ? compare("notStrictEqual", (a, b) => !Object.is(a, b), "notStrictEqual")
      : compare("notEqual", (a, b) => !looseEqual(a, b), "!=");
    const deepEqual = strictMode ? compare("deepStrictEqual", isDeepStrictEqual, "deepStrictEqual")
      : compare("deepEqual", isDeepEqual, "deepEqual");
    const notDeepEqual = strictMode
      ? compare("notDeepStrictEqual", (a, b) => !isDeepStrictEqual(a, b), "notDeepStrictEqual")
      : compare("notDeepEqual", (a, b) => !isDeepEqual(a, b), "notDeepEqual");
    Object.assign(assert, {
      AssertionError,
      deepEqual,
      deepStrictEqual: compare("deepStrictEqual", isDeepStrictEqual, "deepStrictEqual"),
      doesNotMatch: (string, regexp, message) => match(string, regexp, message, true, assert.doesNotMatch),
      doesNotReject,
      doesNotThrow,
      equal,
      fail(message = "Failed") {
        if (message instanceof Error) throw message;
        const err = new AssertionError({ message, operator: "fail" });
        err.generatedMessage = message === "Failed";
        throw err;
      },
      ifError,
      match,
      notDeepEqual,
      notDeepStrictEqual: compare("notDeepStrictEqual", (a, b) => !isDeepStrictEqual(a, b), "notDeepStrictEqual"),
      notEqual,
      notStrictEqual: compare("notStrictEqual", (a, b) => !Object.is(a, b), "notStrictEqual"),
      ok,
      rejects,
      strictEqual: compare("strictEqual", Object.is, "strictEqual"),
      throws,
    });
    return assert;
  }

  const assert = build(false);
  const strict = build(true);
  assert.strict = strict;
  strict.strict = strict;
  return assert;
})
