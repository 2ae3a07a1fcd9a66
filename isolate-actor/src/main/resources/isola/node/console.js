// node:console: the global console, and Console, a console that writes to the streams it is given
// (Node's two signatures). As in Deno, loading the module puts Console on the global console too.
(function (binding, internal) {
  "use strict";
  const errors = internal.node.load("_errors");

  class Console {
    constructor(stdout, stderr = undefined, ignoreErrors = true) {
      if (stdout !== null && typeof stdout === "object" && typeof stdout.write !== "function") {
        ({ stdout, stderr = stdout, ignoreErrors = true } = stdout);
      }
      if (stderr === undefined) stderr = stdout;
      for (const [name, stream] of [["stdout", stdout], ["stderr", stderr]]) {
        if (stream === null || typeof stream !== "object" || typeof stream.write !== "function") {
          throw errors.nodeError(TypeError, "ERR_CONSOLE_WRITABLE_STREAM",
            `Console expects a writable stream instance for ${name}`);
        }
      }
      const write = (text, toStderr) => {
        try {
          (toStderr ? stderr : stdout).write(text);
        } catch (error) {
          if (!ignoreErrors) throw error;
        }
      };
      const console = internal.makeConsole(write, { node: true });
      Object.setPrototypeOf(console, new.target.prototype);
      return console;
    }
  }

  const console = internal.console;
  console.Console = Console;
  return console;
})
