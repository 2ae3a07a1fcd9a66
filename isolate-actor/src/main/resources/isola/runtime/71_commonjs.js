// CommonJS as Deno runs it: require, module, exports, __filename, __dirname, require.resolve and
// require.cache, JSON files, cycles (a module sees another's exports as they are so far), and
// node:module's createRequire. Resolution is NodeResolver's (op_cjs_resolve); ES importers reach a
// CommonJS file through the facade ModuleFileSystem serves, which calls the hook below.
(function (binding, internal) {
  "use strict";
  const ops = internal.ops;

  const cache = Object.create(null); // filename -> Module (Node's require.cache)
  let mainModule;

  function dirname(path) {
    const slash = path.lastIndexOf("/");
    return slash > 0 ? path.slice(0, slash) : "/";
  }

  class Module {
    constructor(id, parent) {
      this.id = id;
      this.path = dirname(id);
      this.exports = {};
      this.filename = null;
      this.loaded = false;
      this.children = [];
      this.paths = nodeModulePaths(this.path);
      Object.defineProperty(this, "parent", { value: parent, writable: true, configurable: true });
      if (parent) parent.children.push(this);
    }

    require(id) {
      return requireFrom(id, this);
    }
  }

  function nodeModulePaths(dir) {
    const paths = [];
    for (let d = dir; ; d = dirname(d)) {
      if (!d.endsWith("/node_modules")) paths.push(d === "/" ? "/node_modules" : d + "/node_modules");
      if (d === "/") return paths;
    }
  }

  function moduleNotFound(message, parent) {
    const error = new Error(message);
    error.code = message.startsWith("[ERR_")
      ? message.slice(1, message.indexOf("]"))
      : "MODULE_NOT_FOUND";
    if (error.code === "MODULE_NOT_FOUND" && parent) error.requireStack = [parent];
    return error;
  }

  /** The file (or "node:NAME") `id` names from `parent` (a file path), or throws Node's error. */
  function resolve(id, parentFile) {
    if (typeof id !== "string") {
      const error = new TypeError(`The "id" argument must be of type string. Received ${typeof id}`);
      error.code = "ERR_INVALID_ARG_TYPE";
      throw error;
    }
    ops.op_cjs_check_read(id, parentFile);
    const target = ops.op_cjs_resolve(id, parentFile);
    if (target.startsWith("!")) throw moduleNotFound(target.slice(1), parentFile);
    return target;
  }

  function requireFrom(id, parent) {
    const target = resolve(id, parent.filename);
    if (target.startsWith("node:")) return internal.node.builtin(target.slice(5));
    return load(target, parent).exports;
  }

  /** The module of file `filename`, run on first require (cached before it runs: cycles see it). */
  function load(filename, parent) {
    let module = cache[filename];
    if (module !== undefined) return module;
    module = new Module(filename, parent);
    module.filename = filename;
    cache[filename] = module;
    try {
      if (filename.endsWith(".json")) {
        module.exports = JSON.parse(ops.op_cjs_read(filename));
      } else if (ops.op_cjs_is_esm(filename)) {
        module.exports = ops.op_cjs_require_esm(filename);
      } else {
        const wrapper = ops.op_cjs_compile(filename);
        Reflect.apply(wrapper, module.exports,
          [module.exports, makeRequire(module), module, filename, dirname(filename)]);
      }
    } catch (e) {
      delete cache[filename];
      if (parent) parent.children.splice(parent.children.indexOf(module), 1);
      throw e;
    }
    module.loaded = true;
    return module;
  }

  function makeRequire(module) {
    const require = function require(id) {
      return requireFrom(id, module);
    };
    require.resolve = function resolveFilename(request) {
      const target = resolve(request, module.filename);
      return target.startsWith("node:") && !request.startsWith("node:") ? request : target;
    };
    require.resolve.paths = (request) => (internal.nodeBuiltinNames().includes(request) ? null : module.paths);
    require.cache = cache;
    require.main = mainModule;
    return require;
  }

  /** Called by the facade ES module of a CommonJS file: its module.exports. */
  Object.defineProperty(globalThis, Symbol.for("isola.commonjs"), {
    value(filename) {
      const first = mainModule === undefined && cache[filename] === undefined;
      const module = cache[filename] ?? (() => {
        // The first CommonJS file run from an ES import with nothing before it is the main module
        // when it is the program's entry (isola run x.cjs).
        if (first && internal.mainModuleUrl === internal.fileUrl(filename)) {
          mainModule = new Module(".", null);
          mainModule.filename = filename;
          mainModule.id = ".";
          cache[filename] = mainModule;
          try {
            const wrapper = ops.op_cjs_compile(filename);
            Reflect.apply(wrapper, mainModule.exports,
              [mainModule.exports, makeRequire(mainModule), mainModule, filename, dirname(filename)]);
          } catch (e) {
            delete cache[filename];
            throw e;
          }
          mainModule.loaded = true;
          return mainModule;
        }
        return load(filename, null);
      })();
      return module.exports;
    },
  });

  let builtinNames;
  internal.nodeBuiltinNames = () => (builtinNames ??= [...ops.op_node_builtin_names()]);

  function createRequire(filename) {
    let path = filename instanceof URL ? filename.href : String(filename);
    if (path.startsWith("file:")) path = decodeURIComponent(new URL(path).pathname);
    else if (!path.startsWith("/")) {
      const error = new TypeError(
        `The argument 'filename' must be a file URL object, file URL string, or absolute path string. Received ${JSON.stringify(String(filename))}`);
      error.code = "ERR_INVALID_ARG_VALUE";
      throw error;
    }
    // A directory ("/x/") stands for a file in it, as in Node.
    const module = new Module(path.endsWith("/") ? path + "noop.js" : path, null);
    module.filename = module.id;
    return makeRequire(module);
  }

  function isBuiltin(name) {
    const names = internal.nodeBuiltinNames();
    const bare = String(name).startsWith("node:") ? String(name).slice(5) : String(name);
    return names.includes(String(name)) || (names.includes(bare) && !bare.startsWith("node:")) ||
      names.includes("node:" + bare) && String(name).startsWith("node:");
  }

  // node:module: what CommonJS code and createRequire users reach for.
  Object.assign(Module, { Module, createRequire, isBuiltin, _cache: cache });
  Object.defineProperty(Module, "builtinModules", {
    get: () => internal.nodeBuiltinNames().slice(), enumerable: true, configurable: true,
  });

  internal.commonjs = { nodeModule: Module };
})
