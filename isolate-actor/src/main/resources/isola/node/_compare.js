// Node's deep equality (lib/internal/util/comparisons.js), strict and loose, for node:assert and
// util.isDeepStrictEqual: same prototypes and own enumerable keys (strict), SameValue for primitives
// (strict) or == (loose), Map/Set contents regardless of order, cycles handled with a memo.
(function (binding, internal) {
  "use strict";
  const tag = (v) => Object.prototype.toString.call(v);
  const ownEnumerableSymbols = (o) => Object.getOwnPropertySymbols(o).filter((s) => Object.prototype.propertyIsEnumerable.call(o, s));

  function isDeepEqual(a, b, strict, memo) {
    if (a === b) return a !== 0 || !strict || Object.is(a, b);
    if (strict) {
      if (typeof a !== "object" || a === null || typeof b !== "object" || b === null) {
        return typeof a === "number" && typeof b === "number" && Number.isNaN(a) && Number.isNaN(b);
      }
      if (Object.getPrototypeOf(a) !== Object.getPrototypeOf(b)) return false;
    } else {
      if (a === null || typeof a !== "object") {
        if (b === null || typeof b !== "object") {
          // eslint-disable-next-line eqeqeq
          return a == b || (Number.isNaN(a) && Number.isNaN(b));
        }
        return false;
      }
      if (b === null || typeof b !== "object") return false;
    }
    if (tag(a) !== tag(b)) return false;
    if (Array.isArray(a) !== Array.isArray(b)) return false;
    if (a instanceof Date) {
      if (!(b instanceof Date) || a.getTime() !== b.getTime()) return false;
    } else if (a instanceof RegExp) {
      if (!(b instanceof RegExp) || a.source !== b.source || a.flags !== b.flags || a.lastIndex !== b.lastIndex) return false;
    } else if (a instanceof Error) {
      if (!(b instanceof Error) || a.message !== b.message || a.name !== b.name) return false;
    } else if (ArrayBuffer.isView(a)) {
      if (!ArrayBuffer.isView(b) || a.byteLength !== b.byteLength) return false;
      const x = new Uint8Array(a.buffer, a.byteOffset, a.byteLength);
      const y = new Uint8Array(b.buffer, b.byteOffset, b.byteLength);
      if (!strict && !(a instanceof Float32Array || a instanceof Float64Array)) {
        for (let i = 0; i < x.length; i++) if (x[i] !== y[i]) return false;
      } else if (a.length !== b.length) {
        return false;
      } else {
        for (let i = 0; i < a.length; i++) if (!Object.is(a[i], b[i]) && !(a[i] === b[i])) return false;
      }
      return keysEqual(a, b, strict, memo, true);
    } else if (a instanceof ArrayBuffer) {
      if (!(b instanceof ArrayBuffer) || a.byteLength !== b.byteLength) return false;
      return isDeepEqual(new Uint8Array(a), new Uint8Array(b), strict, memo);
    } else if (isBoxed(a)) {
      if (!isBoxed(b) || !Object.is(a.valueOf(), b.valueOf())) return false;
    }
    return keysEqual(a, b, strict, memo, false);
  }

  function isBoxed(v) {
    return v instanceof Number || v instanceof String || v instanceof Boolean ||
      (typeof BigInt !== "undefined" && v instanceof BigInt) || v instanceof Symbol;
  }

  function keysEqual(a, b, strict, memo, skipIndices) {
    let aKeys = Object.keys(a);
    let bKeys = Object.keys(b);
    if (skipIndices) {
      aKeys = aKeys.filter((k) => !/^\d+$/.test(k));
      bKeys = bKeys.filter((k) => !/^\d+$/.test(k));
    }
    if (aKeys.length !== bKeys.length) return false;
    for (const key of aKeys) if (!Object.prototype.propertyIsEnumerable.call(b, key)) return false;
    if (strict) {
      const aSymbols = ownEnumerableSymbols(a);
      const bSymbols = ownEnumerableSymbols(b);
      if (aSymbols.length !== bSymbols.length) return false;
      for (const s of aSymbols) if (!Object.prototype.propertyIsEnumerable.call(b, s)) return false;
      aKeys = aKeys.concat(aSymbols);
    }
    if (memo === undefined) memo = { a: new Map(), b: new Map(), depth: 0 };
    else {
      const seenA = memo.a.get(a);
      if (seenA !== undefined) {
        const seenB = memo.b.get(b);
        if (seenB !== undefined) return seenA === seenB;
      }
    }
    memo.depth++;
    memo.a.set(a, memo.depth);
    memo.b.set(b, memo.depth);
    let result = true;
    if (a instanceof Set) result = b instanceof Set && setEqual(a, b, strict, memo);
    else if (a instanceof Map) result = b instanceof Map && mapEqual(a, b, strict, memo);
    if (result) {
      for (const key of aKeys) {
        if (!isDeepEqual(a[key], b[key], strict, memo)) {
          result = false;
          break;
        }
      }
    }
    memo.a.delete(a);
    memo.b.delete(b);
    return result;
  }

  function setEqual(a, b, strict, memo) {
    if (a.size !== b.size) return false;
    const rest = [];
    for (const v of a) {
      if (typeof v === "object" && v !== null) rest.push(v);
      else if (!b.has(v)) {
        if (strict) return false;
        rest.push(v);
      }
    }
    if (rest.length === 0) return true;
    const candidates = [...b].filter((v) => (typeof v === "object" && v !== null) || !a.has(v));
    for (const v of rest) {
      const i = candidates.findIndex((c) => isDeepEqual(v, c, strict, memo));
      if (i < 0) return false;
      candidates.splice(i, 1);
    }
    return true;
  }

  function mapEqual(a, b, strict, memo) {
    if (a.size !== b.size) return false;
    const rest = [];
    for (const [k, v] of a) {
      if (typeof k === "object" && k !== null) rest.push([k, v]);
      else if (!b.has(k) || !isDeepEqual(v, b.get(k), strict, memo)) {
        if (strict || b.has(k)) return false;
        rest.push([k, v]);
      }
    }
    if (rest.length === 0) return true;
    const candidates = [...b].filter(([k]) => (typeof k === "object" && k !== null) || !a.has(k));
    for (const [k, v] of rest) {
      const i = candidates.findIndex(([ck, cv]) => isDeepEqual(k, ck, strict, memo) && isDeepEqual(v, cv, strict, memo));
      if (i < 0) return false;
      candidates.splice(i, 1);
    }
    return true;
  }

  return {
    isDeepStrictEqual: (a, b) => isDeepEqual(a, b, true),
    isDeepEqual: (a, b) => isDeepEqual(a, b, false),
  };
})
