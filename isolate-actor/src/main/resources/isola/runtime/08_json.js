// JSON.parse with V8's error messages. Scripts print `e.message` of a failed parse, and GraalJS words it
// differently ("Unexpected token b in JSON at position 1" where Deno says "Expected property name or
// '}' in JSON at position 1 (line 1 column 2)"). GraalJS still parses; only when it fails is the text
// walked again here, following V8's JSON parser, to find the message V8 gives.
(function (binding, internal) {
  "use strict";
  const nativeParse = JSON.parse;

  // V8 shows a failing token with up to 10 characters of context each side, once the text is this long.
  const CONTEXT = 10;
  const MIN_LENGTH_FOR_CONTEXT = 2 * CONTEXT + 1;
  const SPECIAL = new Set(["undefined", "NaN", "Infinity", "[object Object]"]);

  class Failure {
    constructor(message) {
      this.message = message;
    }
  }

  /** V8's message for the first error in `text`, or null if V8 would parse it. */
  function v8JsonMessage(text) {
    let at = 0;
    const n = text.length;

    function where(pos) {
      let line = 1;
      let lineStart = 0;
      for (let i = 0; i < pos; i++) {
        if (text[i] === "\n") {
          line++;
          lineStart = i + 1;
        }
      }
      return `in JSON at position ${pos} (line ${line} column ${pos - lineStart + 1})`;
    }
    const fail = (what, pos = at) => new Failure(`${what} ${where(pos)}`);

    /** The message for an unexpected token at `pos` when no particular one was expected. */
    function unexpected(pos = at) {
      if (pos >= n) return new Failure("Unexpected end of JSON input");
      const c = text[pos];
      if (c === '"') return fail("Unexpected string", pos);
      if (c === "-" || (c >= "0" && c <= "9")) return fail("Unexpected number", pos);
      if (SPECIAL.has(text)) return new Failure(`"${text}" is not valid JSON`);
      if (n < MIN_LENGTH_FOR_CONTEXT) return new Failure(`Unexpected token '${c}', "${text}" is not valid JSON`);
      if (pos < CONTEXT) {
        return new Failure(`Unexpected token '${c}', "${text.slice(0, pos + CONTEXT)}"... is not valid JSON`);
      }
      if (pos < n - CONTEXT) {
        return new Failure(
          `Unexpected token '${c}', ..."${text.slice(pos - CONTEXT, pos + CONTEXT)}"... is not valid JSON`);
      }
      return new Failure(`Unexpected token '${c}', ..."${text.slice(pos - CONTEXT)}" is not valid JSON`);
    }

    function skipWhitespace() {
      while (at < n && (text[at] === " " || text[at] === "\t" || text[at] === "\n" || text[at] === "\r")) at++;
    }

    const isDigit = (c) => c >= "0" && c <= "9";

    function string() {
      at++; // the opening quote
      for (;;) {
        if (at >= n) throw fail("Unterminated string");
        const c = text[at];
        if (c === '"') {
          at++;
          return;
        }
        if (c === "\\") {
          at++;
          if (at >= n) throw unexpected();
          const e = text[at];
          if (e === "u") {
            for (let k = 1; k <= 4; k++) {
              if (at + k >= n) throw unexpected(at + k);
              if (!/[0-9a-fA-F]/.test(text[at + k])) throw fail("Bad Unicode escape", at + k);
            }
            at += 5;
          } else if ('"\\/bfnrt'.includes(e)) {
            at++;
          } else {
            throw fail("Bad escaped character");
          }
        } else if (c < " ") {
          throw fail("Bad control character in string literal");
        } else {
          at++;
        }
      }
    }

    function number() {
      if (text[at] === "-") {
        at++;
        if (at >= n || !isDigit(text[at])) throw fail("No number after minus sign");
      }
      if (text[at] === "0") {
        at++;
        if (at < n && isDigit(text[at])) throw fail("Unexpected number");
      } else {
        while (at < n && isDigit(text[at])) at++;
      }
      if (text[at] === ".") {
        at++;
        if (at >= n || !isDigit(text[at])) throw fail("Unterminated fractional number");
        while (at < n && isDigit(text[at])) at++;
      }
      if (text[at] === "e" || text[at] === "E") {
        at++;
        if (text[at] === "+" || text[at] === "-") at++;
        if (at >= n || !isDigit(text[at])) throw fail("Exponent part is missing a number");
        while (at < n && isDigit(text[at])) at++;
      }
    }

    function literal(word) {
      for (let k = 0; k < word.length; k++) {
        if (at + k >= n || text[at + k] !== word[k]) throw unexpected(at + k);
      }
      at += word.length;
    }

    function value() {
      skipWhitespace();
      const c = text[at];
      if (c === "{") return object();
      if (c === "[") return array();
      if (c === '"') return string();
      if (c === "-" || isDigit(c)) return number();
      if (c === "t") return literal("true");
      if (c === "f") return literal("false");
      if (c === "n") return literal("null");
      throw unexpected();
    }

    /** An object's or array's members up to `close`, each read by `first` or, after a comma, `next`. */
    function members(close, first, next, separatorMessage) {
      at++;
      skipWhitespace();
      if (text[at] === close) {
        at++;
        return;
      }
      first();
      for (;;) {
        skipWhitespace();
        if (text[at] === close) {
          at++;
          return;
        }
        if (text[at] !== ",") throw fail(separatorMessage);
        at++;
        next();
      }
    }

    function property() {
      string();
      skipWhitespace();
      if (text[at] !== ":") throw fail("Expected ':' after property name");
      at++;
      value();
    }

    function object() {
      members("}", () => {
        if (text[at] !== '"') throw fail("Expected property name or '}'");
        property();
      }, () => {
        skipWhitespace();
        if (text[at] !== '"') throw fail("Expected double-quoted property name");
        property();
      }, "Expected ',' or '}' after property value");
    }

    function array() {
      members("]", value, value, "Expected ',' or ']' after array element");
    }

    try {
      value();
      skipWhitespace();
      if (at < n) throw new Failure(`Unexpected non-whitespace character after ${where(at).slice(3)}`);
      return null;
    } catch (e) {
      if (e instanceof Failure) return e.message;
      throw e;
    }
  }

  const { parse } = {
    parse(text, reviver) {
      try {
        return nativeParse.call(JSON, text, reviver);
      } catch (error) {
        if (error instanceof SyntaxError) {
          const message = v8JsonMessage(`${text}`);
          // A reviver's own SyntaxError, from valid JSON, stays as it was thrown.
          if (message !== null) error.message = message;
        }
        throw error;
      }
    },
  };
  Object.defineProperty(JSON, "parse", { value: parse, writable: true, enumerable: false, configurable: true });

  // JSON.stringify of a circular structure: V8 says where the circle is, GraalJS only that there is one.
  const nativeStringify = JSON.stringify;
  const { stringify } = {
    stringify(value, replacer, space) {
      try {
        return nativeStringify.call(JSON, value, replacer, space);
      } catch (error) {
        if (error instanceof TypeError && error.message === "Converting circular structure to JSON") {
          const circle = circlePath(value);
          if (circle !== null) error.message += circle;
        }
        throw error;
      }
    },
  };
  Object.defineProperty(JSON, "stringify", { value: stringify, writable: true, enumerable: false, configurable: true });

  function constructorName(object) {
    try {
      const name = Object.getPrototypeOf(object)?.constructor?.name;
      return typeof name === "string" && name !== "" ? name : "Object";
    } catch {
      return "Object";
    }
  }

  /** V8's lines naming the circle JSON.stringify met first (as its serializer walks), or null. */
  function circlePath(root) {
    const stack = [];
    const keys = [];
    const keyText = (key) => (typeof key === "number" ? `index ${key}` : `property '${key}'`);
    function visit(value, key) {
      if (value !== null && typeof value === "object" && typeof value.toJSON === "function") {
        try {
          value = value.toJSON(String(key));
        } catch {
          return null;
        }
      }
      if (value === null || typeof value !== "object") return null;
      const at = stack.indexOf(value);
      if (at >= 0) {
        const inner = stack.slice(at + 1).map((o, i) => [keys[at + 1 + i], o]);
        let text = `\n    --> starting at object with constructor '${constructorName(stack[at])}'`;
        const normal = ([k, o]) => `\n    |     ${keyText(k)} -> object with constructor '${constructorName(o)}'`;
        if (inner.length > 3) {
          text += inner.slice(0, 2).map(normal).join("") + "\n    |     ..." + normal(inner[inner.length - 1]);
        } else {
          text += inner.map(normal).join("");
        }
        return text + `\n    --- ${keyText(key)} closes the circle`;
      }
      stack.push(value);
      keys.push(key);
      const entries = Array.isArray(value) ? value.map((v, i) => [i, v]) : Object.keys(value).map((k) => [k, value[k]]);
      for (const [k, v] of entries) {
        const found = visit(v, k);
        if (found !== null) return found;
      }
      stack.pop();
      keys.pop();
      return null;
    }
    try {
      return visit(root, "");
    } catch {
      return null;
    }
  }
})
