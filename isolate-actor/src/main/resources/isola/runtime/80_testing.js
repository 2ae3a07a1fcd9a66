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
    return internal.describeError(error);
  }
  const stalledMark = Symbol("isola.testStalled");

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
        await awaitSettled(Reflect.apply(t.fn, undefined, [context]));
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
    enabled: options !== null,
    run,
    stalled,
  };
})
