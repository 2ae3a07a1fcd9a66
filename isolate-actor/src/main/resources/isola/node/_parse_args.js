// util.parseArgs as Node (and Deno's node:util) has it: long and short options, short groups,
// `--name=value`, string options taking the next argument, `multiple`, `default`, `--` ending the
// options, non-strict parsing, `allowNegative`, tokens, and Node's errors.
(function (binding, internal) {
  "use strict";
  const errors = internal.node.load("_errors");

  function fail(code, message) {
    return errors.nodeError(TypeError, code, message);
  }

  function checkConfig(options) {
    for (const [name, option] of Object.entries(options)) {
      const type = option?.type;
      if (type !== "string" && type !== "boolean") {
        throw fail("ERR_INVALID_ARG_TYPE",
          `The "options.${name}.type" property must be ('string|boolean'). Received type ${typeof type} ('${type}')`);
      }
      if (option.short !== undefined && (typeof option.short !== "string" || option.short.length !== 1)) {
        throw errors.nodeError(TypeError, "ERR_INVALID_ARG_VALUE",
          `The property 'options.${name}.short' must be a single character. Received '${option.short}'`);
      }
    }
  }

  function parseArgs(config = {}) {
    const args = config.args ?? internal.node.builtin("process").argv.slice(2);
    const options = config.options ?? {};
    const strict = config.strict ?? true;
    const allowPositionals = config.allowPositionals ?? !strict;
    const allowNegative = config.allowNegative ?? false;
    checkConfig(options);
    const shortToLong = new Map();
    for (const [name, option] of Object.entries(options)) if (option.short) shortToLong.set(option.short, name);
    const display = (name) => {
      const option = options[name];
      const text = option?.short ? `-${option.short}, --${name}` : `--${name}`;
      return option?.type === "string" ? `${text} <value>` : text;
    };

    const tokens = [];
    for (let index = 0; index < args.length; index++) {
      const arg = args[index];
      if (arg === "--") {
        tokens.push({ kind: "option-terminator", index });
        for (let i = index + 1; i < args.length; i++) tokens.push({ kind: "positional", index: i, value: args[i] });
        break;
      }
      if (arg.startsWith("--")) {
        const eq = arg.indexOf("=");
        const name = eq < 0 ? arg.slice(2) : arg.slice(2, eq);
        const inlineValue = eq < 0 ? undefined : arg.slice(eq + 1);
        const start = index;
        let value = inlineValue;
        if (options[name]?.type === "string" && inlineValue === undefined && index + 1 < args.length) {
          value = args[++index];
        }
        tokens.push({ kind: "option", name, rawName: `--${name}`, index: start, value,
          inlineValue: inlineValue === undefined ? undefined : true });
        continue;
      }
      if (arg.startsWith("-") && arg.length > 1) {
        // A group: each letter an option; a string option takes the rest of the group as its value.
        for (let i = 1; i < arg.length; i++) {
          const letter = arg[i];
          const name = shortToLong.get(letter) ?? letter;
          if (options[name]?.type === "string") {
            const rest = arg.slice(i + 1);
            let value = rest.length > 0 ? rest : undefined;
            const start = index;
            if (value === undefined && index + 1 < args.length) value = args[++index];
            tokens.push({ kind: "option", name, rawName: `-${letter}`, index: start, value,
              inlineValue: rest.length > 0 ? true : undefined });
            break;
          }
          tokens.push({ kind: "option", name, rawName: `-${letter}`, index, value: undefined, inlineValue: undefined });
        }
        continue;
      }
      tokens.push({ kind: "positional", index, value: arg });
    }

    const values = { __proto__: null };
    const positionals = [];
    for (const token of tokens) {
      if (token.kind === "positional") {
        if (strict && !allowPositionals) {
          throw fail("ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL",
            `Unexpected argument '${token.value}'. This command does not take positional arguments`);
        }
        positionals.push(token.value);
        continue;
      }
      if (token.kind !== "option") continue;
      let { name, value } = token;
      let option = options[name];
      if (option === undefined && allowNegative && name.startsWith("no-") && options[name.slice(3)]?.type === "boolean") {
        name = name.slice(3);
        option = options[name];
        value = false;
      } else if (option === undefined) {
        if (strict) throw fail("ERR_PARSE_ARGS_UNKNOWN_OPTION", `Unknown option '${token.rawName}'`);
        value = value ?? true;
      } else if (option.type === "boolean") {
        if (value !== undefined && strict) {
          throw fail("ERR_PARSE_ARGS_INVALID_OPTION_VALUE", `Option '${display(name)}' does not take an argument`);
        }
        value = true;
      } else if (value === undefined) {
        if (strict) throw fail("ERR_PARSE_ARGS_INVALID_OPTION_VALUE", `Option '${display(name)}' argument missing`);
        value = "";
      }
      if (option?.multiple) (values[name] ??= []).push(value);
      else values[name] = value;
    }
    for (const [name, option] of Object.entries(options)) {
      if (option.default !== undefined && values[name] === undefined) values[name] = option.default;
    }
    const result = { values, positionals };
    if (config.tokens) result.tokens = tokens;
    return result;
  }

  return { parseArgs };
})
