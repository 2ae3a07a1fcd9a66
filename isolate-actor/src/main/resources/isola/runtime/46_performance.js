// performance (User Timing): now() relative to the isolate's time origin with sub-millisecond
// precision (op_now reads System.nanoTime), marks and measures on one timeline, as Deno has them.
(function (binding, internal) {
  "use strict";
  const { webidl, DOMException, ops } = internal;

  const illegal = Symbol("isola.illegalConstructor");
  const entries = [];
  let timeOrigin;

  function now() {
    return ops.op_now();
  }

  class PerformanceEntry {
    #own = internal.ownShape(this);
    #name;
    #entryType;
    #startTime;
    #duration;
    static {
      internal.isPerformanceEntry = (v) => v !== null && typeof v === "object" && #name in v;
    }

    constructor(name = undefined, entryType = undefined, startTime = undefined, duration = undefined,
      key = undefined) {
      if (key !== illegal) throw webidl.withCode(new TypeError("Illegal constructor"), "ERR_ILLEGAL_CONSTRUCTOR");
      this.#name = name;
      this.#entryType = entryType;
      this.#startTime = startTime;
      this.#duration = duration;
    }

    static #check(self) {
      if (!(self !== null && typeof self === "object" && #name in self)) throw webidl.illegalInvocation();
      return self;
    }

    get name() { return PerformanceEntry.#check(this).#name; }
    get entryType() { return PerformanceEntry.#check(this).#entryType; }
    get startTime() { return PerformanceEntry.#check(this).#startTime; }
    get duration() { return PerformanceEntry.#check(this).#duration; }

    toJSON() {
      PerformanceEntry.#check(this);
      return { name: this.#name, entryType: this.#entryType, startTime: this.#startTime, duration: this.#duration };
    }
  }
  webidl.configureInterface(PerformanceEntry);

  function toFiniteDouble(value, prefix, context) {
    const n = Number(value);
    if (!Number.isFinite(n)) throw new TypeError(`${prefix}: ${context} is not a finite floating-point value`);
    return n;
  }

  function toDictionary(value, prefix, context) {
    if (value === undefined || value === null) return {};
    if (typeof value !== "object" && typeof value !== "function") {
      throw webidl.withCode(
        new TypeError(`${prefix}: ${context} can not be converted to a dictionary`), "ERR_INVALID_ARG_TYPE");
    }
    return value;
  }

  const entryFields = (e) => ({ name: e.name, entryType: e.entryType, startTime: e.startTime, duration: e.duration, detail: e.detail });

  class PerformanceMark extends PerformanceEntry {
    #detail;
    constructor(name, options = undefined) {
      const prefix = "Failed to construct 'PerformanceMark'";
      webidl.requiredArguments(arguments.length, 1, prefix);
      name = String(name);
      const init = toDictionary(options, prefix, "Argument 2");
      let startTime = now();
      if (init.startTime !== undefined) {
        startTime = toFiniteDouble(init.startTime, prefix,
          "'startTime' of 'PerformanceMarkOptions' (Argument 2)");
        if (startTime < 0) {
          throw new TypeError(
            `Cannot construct PerformanceMark: startTime cannot be negative, received ${startTime}`);
        }
      }
      super(name, "mark", startTime, 0, illegal);
      this.#detail = internal.structuredClone(init.detail ?? null);
    }

    get detail() {
      if (!(this !== null && typeof this === "object" && #detail in this)) throw webidl.illegalInvocation();
      return this.#detail;
    }

    get entryType() { return "mark"; }

    toJSON() {
      return { ...super.toJSON(), detail: this.detail };
    }
  }
  webidl.configureInterface(PerformanceMark);
  internal.defineInspect(PerformanceMark, entryFields);

  class PerformanceMeasure extends PerformanceEntry {
    #detail;
    constructor(name = undefined, startTime = undefined, duration = undefined, detail = undefined,
      key = undefined) {
      if (key !== illegal) throw webidl.withCode(new TypeError("Illegal constructor"), "ERR_ILLEGAL_CONSTRUCTOR");
      super(name, "measure", startTime, duration, illegal);
      this.#detail = detail;
    }

    get detail() {
      if (!(this !== null && typeof this === "object" && #detail in this)) throw webidl.illegalInvocation();
      return this.#detail;
    }

    get entryType() { return "measure"; }

    toJSON() {
      return { ...super.toJSON(), detail: this.detail };
    }
  }
  webidl.configureInterface(PerformanceMeasure);
  internal.defineInspect(PerformanceMeasure, entryFields);

  function markTime(mark) {
    if (typeof mark === "number") {
      if (mark < 0) throw new TypeError(`Mark cannot be negative: received ${mark}`);
      return mark;
    }
    for (let i = entries.length - 1; i >= 0; i--) {
      const e = entries[i];
      if (e.entryType === "mark" && e.name === mark) return e.startTime;
    }
    throw new DOMException(`Cannot find mark: "${mark}"`, "SyntaxError");
  }

  function filterEntries(name, type) {
    return entries.filter((e) => (name === undefined || e.name === name) && (type === undefined || e.entryType === type));
  }

  function clearEntries(type, name) {
    for (let i = entries.length - 1; i >= 0; i--) {
      const e = entries[i];
      if (e.entryType === type && (name === undefined || e.name === name)) entries.splice(i, 1);
    }
  }

  const performanceBrand = Symbol("isola.performance");

  class Performance {
    constructor(key = undefined) {
      if (key !== illegal) throw webidl.withCode(new TypeError("Illegal constructor"), "ERR_ILLEGAL_CONSTRUCTOR");
      Object.defineProperty(this, performanceBrand, { value: true });
    }

    get timeOrigin() {
      webidl.assertBranded(this, performanceBrand);
      return timeOrigin;
    }

    clearMarks(markName = undefined) {
      webidl.assertBranded(this, performanceBrand);
      clearEntries("mark", markName === undefined ? undefined : String(markName));
    }

    clearMeasures(measureName = undefined) {
      webidl.assertBranded(this, performanceBrand);
      clearEntries("measure", measureName === undefined ? undefined : String(measureName));
    }

    // Deno has no resource timing entries; these exist for API shape.
    clearResourceTimings() {
      webidl.assertBranded(this, performanceBrand);
    }

    setResourceTimingBufferSize() {
      webidl.assertBranded(this, performanceBrand);
    }

    getEntries() {
      webidl.assertBranded(this, performanceBrand);
      return filterEntries(undefined, undefined);
    }

    getEntriesByName(name, type = undefined) {
      webidl.assertBranded(this, performanceBrand);
      webidl.requiredArguments(arguments.length, 1, "Failed to execute 'getEntriesByName' on 'Performance'");
      return filterEntries(String(name), type === undefined ? undefined : String(type));
    }

    getEntriesByType(type) {
      webidl.assertBranded(this, performanceBrand);
      webidl.requiredArguments(arguments.length, 1, "Failed to execute 'getEntriesByType' on 'Performance'");
      return filterEntries(undefined, String(type));
    }

    mark(markName, markOptions = undefined) {
      webidl.assertBranded(this, performanceBrand);
      const prefix = "Failed to execute 'mark' on 'Performance'";
      webidl.requiredArguments(arguments.length, 1, prefix);
      const options = toDictionary(markOptions, prefix, "Argument 2");
      if (options.startTime !== undefined) {
        toFiniteDouble(options.startTime, prefix, "'startTime' of 'PerformanceMarkOptions' (Argument 2)");
      }
      const entry = new PerformanceMark(markName, options);
      entries.push(entry);
      observed(entry);
      return entry;
    }

    measure(measureName, startOrMeasureOptions = {}, endMark = undefined) {
      webidl.assertBranded(this, performanceBrand);
      const prefix = "Failed to execute 'measure' on 'Performance'";
      webidl.requiredArguments(arguments.length, 1, prefix);
      measureName = String(measureName);
      const isOptions = startOrMeasureOptions !== null && typeof startOrMeasureOptions === "object";
      const options = isOptions ? startOrMeasureOptions : {};
      const startMark = isOptions || startOrMeasureOptions === undefined ? undefined : String(startOrMeasureOptions);
      if (endMark !== undefined) endMark = String(endMark);
      if (isOptions && Object.keys(options).length > 0) {
        if (endMark !== undefined) throw new TypeError('Options cannot be passed with "endMark"');
        if ("start" in options && "duration" in options && "end" in options) {
          throw new TypeError('Cannot specify "start", "end", and "duration" together in options');
        }
      }
      let endTime;
      if (options.end !== undefined) endTime = markTime(options.end);
      else if (options.start !== undefined && options.duration !== undefined) {
        endTime = markTime(options.start) + markTime(options.duration);
      } else if (endMark !== undefined) endTime = markTime(endMark);
      else endTime = now();
      let startTime;
      if (options.start !== undefined) startTime = markTime(options.start);
      else if (options.duration !== undefined && options.end !== undefined) {
        startTime = endTime - markTime(options.duration);
      } else if (startMark !== undefined) startTime = markTime(startMark);
      else startTime = 0;
      const detail = internal.structuredClone(options.detail ?? null);
      const entry = new PerformanceMeasure(measureName, startTime, endTime - startTime, detail, illegal);
      entries.push(entry);
      observed(entry);
      return entry;
    }

    now() {
      webidl.assertBranded(this, performanceBrand);
      return now();
    }

    toJSON() {
      webidl.assertBranded(this, performanceBrand);
      return { timeOrigin };
    }
  }
  webidl.configureInterface(Performance);
  internal.defineInspect(Performance, (p) => ({ timeOrigin: p.timeOrigin }));
  Object.setPrototypeOf(Performance.prototype, internal.events.EventTarget.prototype);

  // PerformanceObserver: each observer collects the new entries of its types and gets them in a
  // microtask, as one list per batch.
  const SUPPORTED_TYPES = ["mark", "measure"];
  const observers = new Set();
  function observed(entry) {
    for (const observer of observers) observer[queueEntry](entry);
  }
  const queueEntry = Symbol("isola.performance.queueEntry");

  class PerformanceObserverEntryList {
    #own = internal.ownShape(this);
    #entries;
    constructor(key, list) {
      if (key !== illegal) throw new TypeError("Illegal constructor");
      this.#entries = list;
    }

    getEntries() {
      return this.#entries.slice();
    }

    getEntriesByType(type) {
      webidl.requiredArguments(arguments.length, 1,
        "Failed to execute 'getEntriesByType' on 'PerformanceObserverEntryList'");
      type = String(type);
      return this.#entries.filter((e) => e.entryType === type);
    }

    getEntriesByName(name, type = undefined) {
      webidl.requiredArguments(arguments.length, 1,
        "Failed to execute 'getEntriesByName' on 'PerformanceObserverEntryList'");
      name = String(name);
      return this.#entries.filter((e) => e.name === name && (type === undefined || e.entryType === String(type)));
    }
  }
  webidl.configureInterface(PerformanceObserverEntryList);

  class PerformanceObserver {
    #own = internal.ownShape(this);
    #callback;
    #types = [];
    #buffer = [];
    #scheduled = false;

    static get supportedEntryTypes() {
      return SUPPORTED_TYPES.slice();
    }

    constructor(callback) {
      const prefix = "Failed to construct 'PerformanceObserver'";
      webidl.requiredArguments(arguments.length, 1, prefix);
      if (typeof callback !== "function") {
        throw new TypeError(`${prefix}: Argument 1 is not a function`);
      }
      this.#callback = callback;
    }

    observe(options = {}) {
      const prefix = "Failed to execute 'observe' on 'PerformanceObserver'";
      const { entryTypes, type, buffered } = options ?? {};
      if (entryTypes === undefined && type === undefined) {
        throw new TypeError(`${prefix}: Either 'entryTypes' or 'type' must be specified.`);
      }
      if (entryTypes !== undefined && type !== undefined) {
        throw new TypeError(`${prefix}: 'entryTypes' cannot be used with 'type'.`);
      }
      if (entryTypes !== undefined) {
        this.#types = Array.from(entryTypes, String).filter((t) => SUPPORTED_TYPES.includes(t));
      } else if (SUPPORTED_TYPES.includes(String(type)) && !this.#types.includes(String(type))) {
        this.#types.push(String(type));
        if (buffered) {
          for (const entry of entries) if (entry.entryType === String(type)) this[queueEntry](entry);
        }
      }
      if (this.#types.length > 0) observers.add(this);
    }

    disconnect() {
      observers.delete(this);
      this.#buffer = [];
      this.#types = [];
    }

    takeRecords() {
      const records = this.#buffer;
      this.#buffer = [];
      return records;
    }

    [queueEntry](entry) {
      if (!this.#types.includes(entry.entryType)) return;
      this.#buffer.push(entry);
      if (this.#scheduled) return;
      this.#scheduled = true;
      queueMicrotask(() => {
        this.#scheduled = false;
        if (this.#buffer.length === 0) return;
        const list = new PerformanceObserverEntryList(illegal, this.takeRecords());
        try {
          Reflect.apply(this.#callback, this, [list, this]);
        } catch (error) {
          internal.reportException(error);
        }
      });
    }
  }
  webidl.configureInterface(PerformanceObserver);

  timeOrigin = ops.op_performance_time_origin();
  const performance = new Performance(illegal);

  internal.performance = {
    performance, Performance, PerformanceEntry, PerformanceMark, PerformanceMeasure, PerformanceObserver,
    PerformanceObserverEntryList,
  };
  Object.assign(internal.webApis, internal.performance);
})
