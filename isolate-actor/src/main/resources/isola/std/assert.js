// isola's bundled `jsr:@std/assert`: the common assertions of Deno's standard library, written for
// isola (not a copy of the std source), importable without network access. The messages follow
// std 1.x: "Values are not equal." with an Actual / Expected line diff.

export class AssertionError extends Error {
  constructor(message, options) {
    super(message, options);
    this.name = "AssertionError";
  }
}

function format(value) {
  if (typeof value === "string") return JSON.stringify(value);
  return Deno.inspect(value, {
    depth: Infinity,
    sorted: true,
    trailingComma: true,
    compact: false,
    iterableLimit: Infinity,
    getters: true,
    strAbbreviateSize: Infinity,
  });
}

function suffix(msg) {
  return msg ? `: ${msg}` : ".";
}

function isKeyedCollection(x) {
  return x instanceof Map || x instanceof Set;
}

/** Deep equality as std's `equal`: structural for objects, arrays, Maps, Sets, Dates, RegExps. */
export function equal(a, b) {
  const seen = new Map();
  function eq(a, b) {
    if (Object.is(a, b)) return true;
    if (a && b && typeof a === "object" && typeof b === "object") {
      if (a instanceof Date && b instanceof Date) return Object.is(a.getTime(), b.getTime());
      if (a instanceof RegExp && b instanceof RegExp) return String(a) === String(b);
      if (a instanceof WeakMap || b instanceof WeakMap || a instanceof WeakSet || b instanceof WeakSet) {
        throw new TypeError("cannot compare WeakMap or WeakSet instances");
      }
      if (Object.getPrototypeOf(a) !== Object.getPrototypeOf(b) &&
          !(a.constructor === undefined && b.constructor === undefined)) {
        return false;
      }
      if (seen.get(a) === b) return true;
      seen.set(a, b);
      if (ArrayBuffer.isView(a) || a instanceof ArrayBuffer) {
        const x = a instanceof ArrayBuffer ? new Uint8Array(a) : new Uint8Array(a.buffer, a.byteOffset, a.byteLength);
        const y = b instanceof ArrayBuffer ? new Uint8Array(b) : new Uint8Array(b.buffer, b.byteOffset, b.byteLength);
        if (x.length !== y.length) return false;
        for (let i = 0; i < x.length; i++) if (x[i] !== y[i]) return false;
        return true;
      }
      if (isKeyedCollection(a)) {
        if (a.size !== b.size) return false;
        if (a instanceof Set) {
          outer: for (const v of a) {
            if (b.has(v)) continue;
            for (const w of b) if (eq(v, w)) continue outer;
            return false;
          }
          return true;
        }
        outer: for (const [k, v] of a) {
          if (b.has(k)) {
            if (!eq(v, b.get(k))) return false;
            continue;
          }
          for (const [k2, v2] of b) if (eq(k, k2) && eq(v, v2)) continue outer;
          return false;
        }
        return true;
      }
      const keysA = Reflect.ownKeys(a).filter((k) => Object.prototype.propertyIsEnumerable.call(a, k));
      const keysB = Reflect.ownKeys(b).filter((k) => Object.prototype.propertyIsEnumerable.call(b, k));
      if (keysA.length !== keysB.length) return false;
      for (const k of keysA) {
        if (!Object.prototype.propertyIsEnumerable.call(b, k)) return false;
        if (!eq(a[k], b[k])) return false;
      }
      if (a instanceof Error) return a.message === b.message && a.name === b.name;
      return true;
    }
    return false;
  }
  return eq(a, b);
}

// Line diff by longest common subsequence: lines only in actual are "-", only in expected "+".
function diffLines(actual, expected) {
  const n = actual.length;
  const m = expected.length;
  const lcs = Array.from({ length: n + 1 }, () => new Uint32Array(m + 1));
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      lcs[i][j] = actual[i] === expected[j] ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
    }
  }
  const out = [];
  let i = 0;
  let j = 0;
  while (i < n && j < m) {
    if (actual[i] === expected[j]) {
      out.push(`    ${actual[i]}`);
      i++;
      j++;
    } else if (lcs[i + 1][j] >= lcs[i][j + 1]) {
      out.push(`-   ${actual[i++]}`);
    } else {
      out.push(`+   ${expected[j++]}`);
    }
  }
  while (i < n) out.push(`-   ${actual[i++]}`);
  while (j < m) out.push(`+   ${expected[j++]}`);
  return out;
}

function diffMessage(actual, expected) {
  const lines = diffLines(format(actual).split("\n"), format(expected).split("\n"));
  return ["", "", "    [Diff] Actual / Expected", "", "", ...lines, ""].join("\n");
}

export function assert(expr, msg = "") {
  if (!expr) throw new AssertionError(msg);
}

export function assertFalse(expr, msg = "") {
  if (expr) throw new AssertionError(msg);
}

export function assertEquals(actual, expected, msg) {
  if (equal(actual, expected)) return;
  throw new AssertionError(`Values are not equal${suffix(msg)}\n${diffMessage(actual, expected)}`);
}

export function assertNotEquals(actual, expected, msg) {
  if (!equal(actual, expected)) return;
  throw new AssertionError(`Expected actual: ${format(actual)} not to be: ${format(expected)}${suffix(msg)}`);
}

export function assertStrictEquals(actual, expected, msg) {
  if (Object.is(actual, expected)) return;
  const a = format(actual);
  const e = format(expected);
  if (a === e) {
    const withOffset = a.split("\n").map((l) => `    ${l}`).join("\n");
    throw new AssertionError(
      `Values have the same structure but are not reference-equal${suffix(msg)}\n\n${withOffset}\n`);
  }
  throw new AssertionError(`Values are not strictly equal${suffix(msg)}\n${diffMessage(actual, expected)}`);
}

export function assertNotStrictEquals(actual, expected, msg) {
  if (!Object.is(actual, expected)) return;
  throw new AssertionError(`Expected "actual" to not be strictly equal to: ${format(expected)}${suffix(msg)}\n`);
}

export function assertAlmostEquals(actual, expected, tolerance, msg) {
  if (Object.is(actual, expected)) return;
  const delta = Math.abs(expected - actual);
  tolerance ??= Math.abs(expected) * 1e-7;
  if (delta <= tolerance) return;
  const f = (n) => (Number.isInteger(n) ? n : n.toExponential());
  throw new AssertionError(
    `Expected actual: "${f(actual)}" to be close to "${f(expected)}": delta "${f(delta)}" is greater than "${f(tolerance)}"${suffix(msg)}`);
}

export function assertExists(actual, msg) {
  if (actual === undefined || actual === null) {
    throw new AssertionError(`Expected actual: "${actual}" to not be null or undefined${suffix(msg)}`);
  }
}

export function assertInstanceOf(actual, expectedType, msg) {
  if (actual instanceof expectedType) return;
  const expectedName = expectedType.name;
  let actualName;
  if (actual === null) actualName = "null";
  else if (actual === undefined) actualName = "undefined";
  else if (typeof actual === "object") actualName = actual.constructor?.name ?? "Object";
  else actualName = typeof actual;
  throw new AssertionError(
    `Expected object to be an instance of "${expectedName}" but was "${actualName}"${suffix(msg)}`);
}

export function assertNotInstanceOf(actual, unexpectedType, msg) {
  if (!(actual instanceof unexpectedType)) return;
  throw new AssertionError(`Expected object to not be an instance of "${typeof unexpectedType}"${suffix(msg)}`);
}

export function assertMatch(actual, expected, msg) {
  if (expected.test(actual)) return;
  throw new AssertionError(`Expected actual: "${actual}" to match: "${expected}"${suffix(msg)}`);
}

export function assertNotMatch(actual, expected, msg) {
  if (!expected.test(actual)) return;
  throw new AssertionError(`Expected actual: "${actual}" to not match: "${expected}"${suffix(msg)}`);
}

export function assertStringIncludes(actual, expected, msg) {
  if (actual.includes(expected)) return;
  throw new AssertionError(`Expected actual: "${actual}" to contain: "${expected}"${suffix(msg)}`);
}

export function assertArrayIncludes(actual, expected, msg) {
  const missing = [];
  for (const e of expected) {
    let found = false;
    for (const a of actual) {
      if (equal(e, a)) {
        found = true;
        break;
      }
    }
    if (!found) missing.push(e);
  }
  if (missing.length === 0) return;
  throw new AssertionError(
    `Expected actual: "${format(actual)}" to include: "${format(expected)}"${suffix(msg)}\nmissing: ${format(missing)}`);
}

// The part of `actual` that `expected` describes, so that assertEquals shows only that.
function subset(actual, expected, seen = new WeakMap()) {
  if (actual === null || typeof actual !== "object" || expected === null || typeof expected !== "object") {
    return actual;
  }
  if (seen.has(actual)) return seen.get(actual);
  if (Array.isArray(expected) && Array.isArray(actual)) {
    const out = [];
    seen.set(actual, out);
    for (let i = 0; i < actual.length; i++) out.push(subset(actual[i], expected[i], seen));
    return out;
  }
  const out = {};
  seen.set(actual, out);
  for (const key of Reflect.ownKeys(expected)) {
    if (!(key in actual)) continue;
    out[key] = subset(actual[key], expected[key], seen);
  }
  return out;
}

export function assertObjectMatch(actual, expected, msg) {
  assertEquals(subset(actual, expected), subset(expected, expected), msg);
}

export function assertIsError(error, ErrorClass, msgMatches, msg) {
  const msgSuffix = msg ? `: ${msg}` : ".";
  if (!(error instanceof Error)) {
    throw new AssertionError(`Expected "error" to be an Error object${msgSuffix}`);
  }
  if (ErrorClass && !(error instanceof ErrorClass)) {
    throw new AssertionError(
      `Expected error to be instance of "${ErrorClass.name}", but was "${error?.constructor?.name}"${msgSuffix}`);
  }
  let ok = true;
  if (typeof msgMatches === "string") ok = String(error.message).includes(msgMatches);
  else if (msgMatches instanceof RegExp) ok = msgMatches.test(String(error.message));
  if (!ok) {
    const shown = msgMatches instanceof RegExp ? msgMatches.toString() : JSON.stringify(msgMatches);
    throw new AssertionError(
      `Expected error message to include ${shown}, but got ${JSON.stringify(error?.message)}${msgSuffix}`);
  }
}

// assertThrows/assertRejects take (fn, ErrorClass?, msgIncludes?, msg?) or (fn, msg?).
function errorExpectation(errorClassOrMsg, msgIncludesOrMsg, msg) {
  if (typeof errorClassOrMsg === "function") {
    return { ErrorClass: errorClassOrMsg, msgIncludes: msgIncludesOrMsg, msg };
  }
  return { ErrorClass: undefined, msgIncludes: undefined, msg: errorClassOrMsg };
}

export function assertThrows(fn, errorClassOrMsg, msgIncludesOrMsg, message) {
  const { ErrorClass, msgIncludes, msg } = errorExpectation(errorClassOrMsg, msgIncludesOrMsg, message);
  try {
    fn();
  } catch (error) {
    if (ErrorClass) assertIsError(error, ErrorClass, msgIncludes, msg);
    return error;
  }
  throw new AssertionError(`Expected function to throw${suffix(msg)}`);
}

export async function assertRejects(fn, errorClassOrMsg, msgIncludesOrMsg, message) {
  const { ErrorClass, msgIncludes, msg } = errorExpectation(errorClassOrMsg, msgIncludesOrMsg, message);
  let promise;
  try {
    promise = fn();
  } catch {
    throw new AssertionError(`Function throws when expected to reject${suffix(msg)}`);
  }
  if (!promise || typeof promise.then !== "function") {
    throw new AssertionError(`Function throws when expected to reject${suffix(msg)}`);
  }
  try {
    await promise;
  } catch (error) {
    if (ErrorClass) assertIsError(error, ErrorClass, msgIncludes, msg);
    return error;
  }
  throw new AssertionError(`Expected function to reject${suffix(msg)}`);
}

export function fail(msg) {
  throw new AssertionError(`Failed assertion${suffix(msg)}`);
}

export function unreachable(msg) {
  throw new AssertionError(`Unreachable${suffix(msg)}`);
}

export function unimplemented(msg) {
  throw new AssertionError(`Unimplemented${suffix(msg)}`);
}
