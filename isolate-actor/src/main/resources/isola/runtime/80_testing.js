// Deno.test and the runner behind `isola test`. Outside `isola test` Deno.test does nothing, as in
// Deno. Under it, the tests of this module run one after another once the module has loaded, and each
// step of their life is a test event for the host's reporter (op_test_event, JSON): plan, wait,
// result, step wait/result, end. Console output in between reaches the reporter through stdout.
(function (binding, internal) {
  "use strict";
  const ops = internal.ops;
  const optionsJson = ops.op_test_options();
  const options = optionsJson == null ? null : JSON.parse(optionsJson);

  const STALLED = "Promise resolution is still pending but the event loop has already resolved.";
  const tests = [];

  function emit(event) {
    ops.op_test_event(JSON.stringify(event));
  }

  // Where Deno.test / t.step was called: the first frame of user code (runtime frames are hidden).
  function callSite() {
    const lines = String(new Error().stack).split("\n");
    for (const line of lines) {
      const m = /((?:file|https?):\/\/[^\s()]+):(\d+):(\d+)\)?$/.exec(line.trim());
      if (m) return { file: m[1], line: Number(m[2]), column: Number(m[3]) };
    }
    return null;
  }

  function normalize(nameOrFnOrOptions, optionsOrFn, maybeFn) {
    let def;
    if (typeof nameOrFnOrOptions === "string") {
      if (typeof optionsOrFn === "function") {
        def = { name: nameOrFnOrOptions, fn: optionsOrFn };
      } else if (typeof maybeFn === "function" && optionsOrFn !== null && typeof optionsOrFn === "object") {
        def = { ...optionsOrFn, name: nameOrFnOrOptions, fn: maybeFn };
      } else {
        throw new TypeError("Missing test function");
      }
    } else if (typeof nameOrFnOrOptions === "function") {
      if (!nameOrFnOrOptions.name) throw new TypeError("The test function must have a name");
      def = { name: nameOrFnOrOptions.name, fn: nameOrFnOrOptions };
    } else if (nameOrFnOrOptions !== null && typeof nameOrFnOrOptions === "object") {
      const fn = typeof optionsOrFn === "function" ? optionsOrFn : nameOrFnOrOptions.fn;
      if (typeof fn !== "function") throw new TypeError("Missing test function");
      const name = nameOrFnOrOptions.name ?? fn.name;
      if (!name) throw new TypeError("The test name can't be empty");
      def = { ...nameOrFnOrOptions, name, fn };
    } else {
      throw new TypeError("Missing test function");
    }
    if (typeof def.name !== "string" || def.name === "") throw new TypeError("The test name can't be empty");
    return def;
  }

  // Outside isola test the arguments are still checked, but nothing is kept (and no stack walked).
  function register(def) {
    if (options === null) return;
    tests.push({ ...def, site: callSite() });
  }

  function test(a, b, c) {
    register(normalize(a, b, c));
  }
  test.ignore = function ignore(a, b, c) {
    register({ ...normalize(a, b, c), ignore: true });
  };
  test.only = function only(a, b, c) {
    register({ ...normalize(a, b, c), only: true });
  };

  function describeFailure(error) {
    if (error !== null && typeof error === "object" && error[stalledMark]) return STALLED;
    if (error !== null && typeof error === "object" && typeof error[leaksMark] === "string") return error[leaksMark];
    return internal.describeError(error);
  }
  const stalledMark = Symbol("isola.testStalled");
  const leaksMark = Symbol("isola.testLeaks");

  // ---- sanitizers (Deno 2.9: exit on by default, ops and resources when a test asks) ----

  // One line per kind however many leaked (Deno's report names the kind once).
  const RESOURCE_LEAKS = {
    fsFile: "A file was opened during the test, but not closed during the test. Close the file handle by calling `file.close()`.",
    tcpListener: "A TCP listener was opened during the test, but not closed during the test. Close the TCP listener by calling `tcpListener.close()`.",
    tcpStream: "A TCP connection was opened/accepted during the test, but not closed during the test. Close the TCP connection by calling `tcpConn.close()`.",
  };

  // Deno's descriptions of the async ops a test can leave pending: [what, "This is often caused by not ..."].
  function opDescription(name, args) {
    if (name === "op_fs_read_file_async") {
      return args[1] === true
        ? ["read a text file", "awaiting the result of a `Deno.readTextFile` call"]
        : ["read a file", "awaiting the result of a `Deno.readFile` call"];
    }
    if (name === "op_net_accept_tcp") return ["accept a TCP stream", "closing a `Deno.Listener`"];
    return null;
  }

  function pendingOpLeaks(before) {
    const counts = new Map();
    for (const [id, name, args] of internal.pendingOps()) {
      if (before.ops.has(id)) continue;
      const description = opDescription(name, args);
      const key = description === null ? name : description[0];
      const entry = counts.get(key) ?? { name, description, n: 0 };
      entry.n++;
      counts.set(key, entry);
    }
    const lines = [];
    for (const { name, description, n } of counts.values()) {
      if (description === null) {
        lines.push(n === 1 ? `An async call to ${name} was started in this test, but never completed.`
          : `${n} async calls to ${name} were started in this test, but never completed.`);
      } else {
        const [what, cause] = description;
        lines.push(`${n === 1 ? `An async operation to ${what} was` : `${n} async operations to ${what} were`} started in this test, but never completed. This is often caused by not ${cause}.`);
      }
    }
    return lines;
  }

  function snapshot() {
    return {
      ops: new Set(internal.pendingOps().map(([id]) => id)),
      timers: new Set(internal.activeTimers().map(([id]) => id)),
      resources: new Set(internal.openResources.keys()),
    };
  }

  /** Deno's "Leaks detected" report for what the test left behind, or null. */
  async function leaks(t, before) {
    const lines = [];
    let opLeaks = false;
    if (t.sanitizeOps === true) {
      lines.push(...pendingOpLeaks(before));
      // Let what already settled run its callbacks first, as Deno's op sanitizer does.
      await new Promise((resolve) => internal.timers.setTimeout(resolve, 0));
      let timeouts = 0;
      let intervals = 0;
      for (const [id, interval] of internal.activeTimers()) {
        if (before.timers.has(id)) continue;
        if (interval) intervals++;
        else timeouts++;
      }
      if (timeouts > 0) {
        lines.push(`${timeouts === 1 ? "A timer was" : `${timeouts} timers were`} started in this test, but never completed. This is often caused by not calling \`clearTimeout\`.`);
      }
      if (intervals > 0) {
        lines.push(`${intervals === 1 ? "An interval was" : `${intervals} intervals were`} started in this test, but never completed. This is often caused by not calling \`clearInterval\`.`);
      }
      opLeaks = lines.length > 0;
    }
    if (t.sanitizeResources === true) {
      // Newest first, as Deno lists them.
      const kinds = new Set();
      for (const [rid, kind] of [...internal.openResources].reverse()) {
        if (!before.resources.has(rid)) kinds.add(kind);
      }
      for (const kind of kinds) lines.push(RESOURCE_LEAKS[kind]);
    }
    if (lines.length === 0) return null;
    let text = "Leaks detected:\n" + lines.map((l) => `  - ${l}`).join("\n");
    if (opLeaks) text += "\nTo get more details where leaks occurred, run again with the --trace-leaks flag.";
    return { [leaksMark]: text };
  }

  /**
   * Runs one test function with the exit sanitizer: Deno.exit inside it throws instead of ending the
   * run, and a test that leaves a non-zero exit code behind fails (and the code is reset).
   */
  const PERMISSION_NAMES = ["read", "write", "net", "env", "run", "sys", "ffi", "import"];

  /** Deno's per-test `permissions`: narrows this isolate's permissions for the test; a token to undo. */
  function pledge(permissions) {
    if (permissions === undefined || permissions === "inherit") return null;
    let spec;
    if (permissions === "none") {
      spec = {};
    } else if (permissions !== null && typeof permissions === "object" && !Array.isArray(permissions)) {
      spec = {};
      for (const name of PERMISSION_NAMES) {
        const v = permissions[name];
        if (v === undefined) continue;
        spec[name] = v === "inherit" || typeof v === "boolean" ? v : Array.from(v, String);
      }
    } else {
      const shown = typeof permissions === "number"
        ? `${Number.isInteger(permissions) ? "integer" : "floating point"} \`${permissions}\``
        : typeof permissions === "string" ? `string "${permissions}"` : `${typeof permissions} \`${permissions}\``;
      throw new TypeError(`invalid type: ${shown}, expected "inherit" or "none" or object`);
    }
    return ops.op_permissions_pledge(spec);
  }

  async function runSanitized(t, context) {
    const token = pledge(t.permissions);
    try {
      await runWithSanitizers(t, context);
    } finally {
      if (token !== null) ops.op_permissions_restore(token);
    }
  }

  async function runWithSanitizers(t, context) {
    const before = snapshot();
    const guardExit = t.sanitizeExit !== false;
    if (guardExit) {
      internal.testExitGuard = (code) => {
        throw new Error(`Test case attempted to exit with exit code: ${code}`);
      };
    }
    try {
      await awaitSettled(Reflect.apply(t.fn, undefined, [context]));
    } finally {
      internal.testExitGuard = null;
    }
    if (guardExit && internal.exitCode() !== 0) {
      const code = internal.exitCode();
      internal.setExitCode(0);
      throw new Error(`Test case finished with exit code set to ${code}`);
    }
    const leaked = await leaks(t, before);
    if (leaked !== null) throw leaked;
  }

  // The test or step whose promise the runner awaits; the host's idle check fails it when the event
  // loop has nothing left that could settle it.
  let waiting = null;
  function awaitSettled(value) {
    if (value === null || typeof value !== "object" || typeof value.then !== "function") return value;
    return new Promise((resolve, reject) => {
      waiting = reject;
      value.then(resolve, reject);
    }).finally(() => { waiting = null; });
  }
  function stalled() {
    if (waiting === null) return false;
    const reject = waiting;
    waiting = null;
    // A macrotask, so that the host sees referenced work and keeps the isolate running.
    setTimeout(() => reject({ [stalledMark]: true }), 0);
    return true;
  }

  class TestContext {
    #own = internal.ownShape(this);
    #test;
    #level;
    #parents;
    constructor(name, origin, level, parents) {
      this.name = name;
      this.origin = origin;
      this.#level = level;
      this.#parents = parents;
      this.failedSteps = 0;
      this.passedSteps = 0;
      this.runningSteps = 0;
    }

    async step(nameOrDef, fn) {
      let def;
      if (typeof nameOrDef === "string") def = { name: nameOrDef, fn };
      else if (typeof nameOrDef === "function") def = { name: nameOrDef.name, fn: nameOrDef };
      else def = { ...nameOrDef };
      if (typeof def.fn !== "function") throw new TypeError("Expected function for second argument.");
      const site = callSite();
      const level = this.#level + 1;
      const path = [...this.#parents, def.name];
      emit({ type: "stepWait", name: def.name, level, parent: this.name });
      if (def.ignore) {
        emit({ type: "stepResult", name: def.name, level, status: "ignored", durationMs: 0 });
        return false;
      }
      const child = new TestContext(def.name, this.origin, level, path);
      const started = ops.op_now();
      let error = null;
      this.runningSteps++;
      try {
        await awaitSettled(Reflect.apply(def.fn, undefined, [child]));
      } catch (e) {
        error = e;
      } finally {
        this.runningSteps--;
      }
      const durationMs = ops.op_now() - started;
      const ok = error === null && child.failedSteps === 0;
      this.passedSteps += child.passedSteps + (ok ? 1 : 0);
      this.failedSteps += child.failedSteps + (ok ? 0 : 1);
      emit({
        type: "stepResult", name: def.name, level, durationMs,
        status: error !== null ? "failed" : child.failedSteps > 0 ? "failedSteps" : "ok",
        failedSteps: child.failedSteps,
        path,
        site,
        error: error !== null ? describeFailure(error) : undefined,
      });
      return ok;
    }
  }

  function matchesFilter(name) {
    const filter = options.filter;
    if (filter == null) return true;
    if (filter.length > 2 && filter.startsWith("/") && filter.endsWith("/")) {
      return new RegExp(filter.slice(1, -1)).test(name);
    }
    return name.includes(filter);
  }

  // A seeded shuffle (mulberry32 + Fisher-Yates), so that --shuffle=SEED repeats an order.
  function shuffle(list, seed) {
    let s = seed >>> 0;
    const random = () => {
      s = (s + 0x6d2b79f5) >>> 0;
      let t = s;
      t = Math.imul(t ^ (t >>> 15), t | 1);
      t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
      return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
    for (let i = list.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [list[i], list[j]] = [list[j], list[i]];
    }
  }

  async function run(origin) {
    const matching = tests.filter((t) => matchesFilter(t.name));
    const only = matching.filter((t) => t.only);
    const selected = only.length > 0 ? only : matching;
    if (options.shuffleSeed != null) shuffle(selected, options.shuffleSeed);
    emit({ type: "plan", origin, total: selected.length, filteredOut: tests.length - selected.length, usedOnly: only.length > 0 });
    let failures = 0;
    unfinished = selected.slice();
    runOrigin = origin;
    for (const t of selected) {
      if (options.failFast != null && failures >= options.failFast) break;
      emit({ type: "wait", name: t.name, site: t.site });
      if (t.ignore) {
        emit({ type: "result", name: t.name, site: t.site, status: "ignored", durationMs: 0 });
        continue;
      }
      const context = new TestContext(t.name, origin, 0, [t.name]);
      const started = ops.op_now();
      let error = null;
      try {
        await runSanitized(t, context);
      } catch (e) {
        error = e;
      }
      const durationMs = ops.op_now() - started;
      if (error !== null || context.failedSteps > 0) failures++;
      emit({
        type: "result", name: t.name, site: t.site, durationMs,
        status: error !== null ? "failed" : context.failedSteps > 0 ? "failedSteps" : "ok",
        failedSteps: context.failedSteps,
        passedSteps: context.passedSteps,
        error: error !== null ? describeFailure(error) : undefined,
      });
      unfinished.shift();
    }
    unfinished = null;
    emit({ type: "end" });
  }

  // Tests of the running module not finished yet; null when none run.
  let unfinished = null;
  let runOrigin = null;

  /**
   * An error no test caught (a stray timer, a dangling promise) fails the module as Deno does: the
   * running test and those after it are cancelled. Returns false when no tests are running.
   */
  function uncaught(report) {
    if (unfinished === null) return false;
    emit({ type: "uncaught", origin: runOrigin, error: report });
    for (const t of unfinished) {
      emit({ type: "result", name: t.name, site: t.site, status: "cancelled", durationMs: 0 });
    }
    unfinished = null;
    emit({ type: "end" });
    return true;
  }

  internal.testing = {
    test,
    uncaught,
    run,
    stalled,
  };
})
