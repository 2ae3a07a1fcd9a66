// node:module: Module, createRequire, builtinModules, isBuiltin; CommonJS lives in 71_commonjs.js.
(function (binding, internal) {
  "use strict";
  return internal.commonjs.nodeModule;
})
