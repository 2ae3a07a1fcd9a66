// Node's coded errors (`TypeError [ERR_X]: ...` with a `code`), with Node's message builders, shared
// by the node: modules. Node (and Deno's polyfill) puts the code in the name while the stack is
// captured, so the stack's first line reads "TypeError [ERR_X]: message" and `name` stays "TypeError".
(function (binding, internal) {
  "use strict";

  function nodeError(Base, code, message) {
    const error = new Base(message);
    Object.defineProperty(error, "name", { value: `${Base.name} [${code}]`, configurable: true, writable: true });
    void error.stack;
    Object.defineProperties(error, {
      code: { value: code, enumerable: true, writable: true, configurable: true },
      name: { value: Base.name, enumerable: true, writable: true, configurable: true },
      toString: { value: anonymous(function () {
        return `${this.name} [${code}]: ${this.message}`;
      }), enumerable: true, writable: true, configurable: true },
    });
    return error;
  }

  function anonymous(fn) {
    return Object.defineProperty(fn, "name", { value: "" });
  }

  function inspect(value, options) {
    return internal.inspect(value, { colors: false, ...options });
  }

  // Node's determineSpecificType.
  function received(value) {
    if (value == null) return `${value}`;
    if (typeof value === "function") return `function ${value.name}`;
    if (typeof value === "object") {
      if (value.constructor?.name) return `an instance of ${value.constructor.name}`;
      return inspect(value, { depth: -1 });
    }
    let inspected = inspect(value);
    if (inspected.length > 28) inspected = `${inspected.slice(0, 25)}...`;
    return `type ${typeof value} (${inspected})`;
  }

  const kTypes = ["string", "function", "number", "object", "Function", "Object", "boolean", "bigint", "symbol"];
  const classRe = /^([A-Z][a-z0-9]*)+$/;

  function oneOf(list, word) {
    if (list.length > 2) return `${word}${list.slice(0, -1).join(", ")}, or ${list[list.length - 1]}`;
    if (list.length === 2) return `${word}${list[0]} or ${list[1]}`;
    return `${word}${list[0]}`;
  }

  // Node's ERR_INVALID_ARG_TYPE message.
  function invalidArgType(name, expected, actual) {
    if (!Array.isArray(expected)) expected = [expected];
    let msg = name.endsWith(" argument")
      ? `The ${name} `
      : `The "${name}" ${name.includes(".") ? "property" : "argument"} `;
    msg += "must be ";
    const types = [];
    const instances = [];
    const other = [];
    for (const value of expected) {
      if (kTypes.includes(value)) types.push(value.toLowerCase());
      else if (classRe.test(value)) instances.push(value);
      else other.push(value);
    }
    if (instances.length > 0) {
      const pos = types.indexOf("object");
      if (pos !== -1) {
        types.splice(pos, 1);
        instances.push("Object");
      }
    }
    const parts = [];
    if (types.length > 0) parts.push(types.length > 1 ? oneOf(types, "one of type ") : `of type ${types[0]}`);
    if (instances.length > 0) parts.push(oneOf(instances, "an instance of "));
    if (other.length > 0) {
      if (other.length > 2) parts.push(oneOf(other, "one of "));
      else if (other.length === 2) parts.push(`one of ${other[0]} or ${other[1]}`);
      else parts.push(`${other[0].toLowerCase() !== other[0] ? "an " : ""}${other[0]}`);
    }
    msg += `${parts.join(" or ")}. Received ${received(actual)}`;
    return nodeError(TypeError, "ERR_INVALID_ARG_TYPE", msg);
  }

  function invalidArgValue(name, value, reason = "is invalid") {
    let inspected = inspect(value);
    if (inspected.length > 128) inspected = `${inspected.slice(0, 128)}...`;
    const type = name.includes(".") ? "property" : "argument";
    return nodeError(TypeError, "ERR_INVALID_ARG_VALUE", `The ${type} '${name}' ${reason}. Received ${inspected}`);
  }

  function addNumericalSeparator(val) {
    let res = "";
    let i = val.length;
    const start = val[0] === "-" ? 1 : 0;
    for (; i >= start + 4; i -= 3) res = `_${val.slice(i - 3, i)}${res}`;
    return `${val.slice(0, i)}${res}`;
  }

  function outOfRange(name, range, value) {
    let receivedText;
    if (Number.isInteger(value) && Math.abs(value) > 2 ** 32) {
      receivedText = addNumericalSeparator(String(value));
    } else if (typeof value === "bigint") {
      receivedText = String(value);
      if (value > 2n ** 32n || value < -(2n ** 32n)) receivedText = addNumericalSeparator(receivedText);
      receivedText += "n";
    } else {
      receivedText = inspect(value);
    }
    return nodeError(RangeError, "ERR_OUT_OF_RANGE",
      `The value of "${name}" is out of range. It must be ${range}. Received ${receivedText}`);
  }

  function validateFunction(value, name) {
    if (typeof value !== "function") throw invalidArgType(name, "Function", value);
  }

  function validateString(value, name) {
    if (typeof value !== "string") throw invalidArgType(name, "string", value);
  }

  return { nodeError, invalidArgType, invalidArgValue, outOfRange, validateFunction, validateString };
})
