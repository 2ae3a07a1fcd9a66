// DOM events as Deno has them: Event, EventTarget, CustomEvent, ErrorEvent, PromiseRejectionEvent,
// and the global object as an EventTarget (a `Window`), which carries the program's lifecycle events
// (load, beforeunload, unload) and its error reporting (error, unhandledrejection).
(function (binding, internal) {
  "use strict";

  const state = Symbol("isola.event");
  const listenersOf = Symbol("isola.listeners");

  class Event {
    constructor(type, eventInitDict = undefined) {
      if (arguments.length === 0) {
        throw new TypeError("Failed to construct 'Event': 1 argument required, but only 0 present");
      }
      const init = eventInitDict ?? {};
      // A plain assignment: defineProperty made constructing an event several times slower. The
      // inspector shows Deno's field list, not this.
      this[state] = {
        type: String(type),
        bubbles: !!init.bubbles,
        cancelable: !!init.cancelable,
        composed: !!init.composed,
        defaultPrevented: false,
        stopPropagation: false,
        stopImmediate: false,
        inPassiveListener: false,
        dispatching: false,
        target: null,
        currentTarget: null,
        eventPhase: 0,
        isTrusted: false,
      };
    }
    get type() { return this[state].type; }
    get target() { return this[state].target; }
    // Deno 2.9 keeps it null, even while the event is dispatched.
    get srcElement() { return null; }
    get currentTarget() { return this[state].currentTarget; }
    get eventPhase() { return this[state].eventPhase; }
    get bubbles() { return this[state].bubbles; }
    get cancelable() { return this[state].cancelable; }
    get composed() { return this[state].composed; }
    get defaultPrevented() { return this[state].defaultPrevented; }
    get returnValue() { return !this[state].defaultPrevented; }
    set returnValue(value) { if (!value) this.preventDefault(); }
    get cancelBubble() { return this[state].stopPropagation; }
    set cancelBubble(value) { if (value) this[state].stopPropagation = true; }
    get isTrusted() { return this[state].isTrusted; }
    // Deno 2.9 stamps every event 0.
    get timeStamp() { return 0; }
    composedPath() {
      const s = this[state];
      return s.dispatching && s.currentTarget ? [s.currentTarget] : [];
    }
    preventDefault() {
      const s = this[state];
      if (s.cancelable && !s.inPassiveListener) s.defaultPrevented = true;
    }
    stopPropagation() { this[state].stopPropagation = true; }
    stopImmediatePropagation() {
      const s = this[state];
      s.stopPropagation = true;
      s.stopImmediate = true;
    }
    initEvent(type, bubbles = false, cancelable = false) {
      const s = this[state];
      if (s.dispatching) return;
      s.type = String(type);
      s.bubbles = !!bubbles;
      s.cancelable = !!cancelable;
    }
    get [Symbol.toStringTag]() { return "Event"; }
  }
  // console.log shows an event as Deno does: its class name, the fields of Event in Deno's order, then
  // the fields its own interface adds (and nothing else, not even own properties of a subclass).
  const EVENT_FIELDS = ["bubbles", "cancelable", "composed", "currentTarget", "defaultPrevented", "eventPhase",
    "srcElement", "target", "returnValue", "timeStamp", "type"];
  function defineEventInspect(cls, extraFields = []) {
    const fields = EVENT_FIELDS.concat(extraFields);
    internal.defineInspect(cls, (event) => {
      const shown = {};
      for (const f of fields) shown[f] = event[f];
      return shown;
    });
  }

  const phases = { NONE: 0, CAPTURING_PHASE: 1, AT_TARGET: 2, BUBBLING_PHASE: 3 };
  for (const [name, value] of Object.entries(phases)) {
    Object.defineProperty(Event, name, { value, enumerable: true });
    Object.defineProperty(Event.prototype, name, { value, enumerable: true });
  }

  function normalizeOptions(options, forAdd) {
    if (typeof options === "boolean" || options == null) {
      return { capture: !!options, once: false, passive: false, signal: undefined };
    }
    const o = {
      capture: !!options.capture,
      once: forAdd ? !!options.once : false,
      passive: forAdd ? !!options.passive : false,
      signal: forAdd ? options.signal : undefined,
    };
    return o;
  }

  class EventTarget {
    constructor() {
      // Not enumerable: console.log of an EventTarget shows none of its bookkeeping, as in Deno.
      Object.defineProperty(this, listenersOf, { value: new Map() });
    }
    addEventListener(type, callback, options = undefined) {
      if (arguments.length < 2) {
        throw new TypeError(
          `Failed to execute 'addEventListener' on 'EventTarget': 2 arguments required, but only ${arguments.length} present`,
        );
      }
      if (callback === null || callback === undefined) return;
      const o = normalizeOptions(options, true);
      if (o.signal !== undefined && o.signal.aborted) return;
      // Unbound calls (`addEventListener(...)` at top level of a module) target the global object.
      const self = this ?? globalThis;
      const map = listeners(self);
      type = String(type);
      let list = map.get(type);
      if (list === undefined) map.set(type, (list = []));
      if (list.some((l) => l.callback === callback && l.capture === o.capture)) return;
      const entry = { callback, capture: o.capture, once: o.once, passive: o.passive, removed: false };
      list.push(entry);
      if (o.signal !== undefined) {
        o.signal.addEventListener("abort", () => self.removeEventListener(type, callback, o.capture));
      }
    }
    removeEventListener(type, callback, options = undefined) {
      const map = listeners(this ?? globalThis);
      const list = map.get(String(type));
      if (list === undefined) return;
      const capture = normalizeOptions(options, false).capture;
      const i = list.findIndex((l) => l.callback === callback && l.capture === capture);
      if (i >= 0) {
        list[i].removed = true;
        list.splice(i, 1);
      }
    }
    dispatchEvent(event) {
      if (!(event instanceof Event)) {
        // Deno fails here on the missing internal state, and says so in these words.
        throw new TypeError("Cannot set properties of undefined (setting 'target')");
      }
      const s = event[state];
      if (s.dispatching) {
        throw new internal.DOMException("Invalid event state", "InvalidStateError");
      }
      return dispatch(this ?? globalThis, event);
    }
    get [Symbol.toStringTag]() { return "EventTarget"; }
  }

  function listeners(target) {
    let map = target[listenersOf];
    if (map === undefined) {
      map = new Map();
      Object.defineProperty(target, listenersOf, { value: map });
    }
    return map;
  }

  // The frames that call a listener: 01_errors.js shows Deno's innerInvokeEventListeners in their place.
  function callListener(callback, target, event) {
    Reflect.apply(callback, target, [event]);
  }
  function callHandleEvent(listener, event) {
    listener.handleEvent(event);
  }

  function dispatch(target, event) {
    const s = event[state];
    s.dispatching = true;
    s.target = target;
    s.currentTarget = target;
    s.eventPhase = 2;
    const list = listeners(target).get(s.type);
    if (list !== undefined) {
      for (const l of list.slice()) {
        if (l.removed) continue;
        if (l.once) target.removeEventListener(s.type, l.callback, l.capture);
        s.inPassiveListener = l.passive;
        try {
          if (typeof l.callback === "function") {
            callListener(l.callback, target, event);
          } else if (l.callback && typeof l.callback.handleEvent === "function") {
            callHandleEvent(l.callback, event);
          }
        } catch (e) {
          internal.reportException(e);
        }
        s.inPassiveListener = false;
        if (s.stopImmediate) break;
      }
    }
    // `on<type>` handler attributes of the global object, as Deno supports (globalThis.onload = ...).
    if (target === globalThis && !s.stopImmediate) {
      const handler = globalHandlers.get(s.type);
      if (typeof handler === "function") {
        try {
          const result = Reflect.apply(handler, target, [event]);
          if (result === false && s.cancelable) s.defaultPrevented = true;
        } catch (e) {
          internal.reportException(e);
        }
      }
    }
    s.dispatching = false;
    s.eventPhase = 0;
    s.currentTarget = null;
    s.stopPropagation = false;
    s.stopImmediate = false;
    return !s.defaultPrevented;
  }

  class CustomEvent extends Event {
    #detail;
    constructor(type, eventInitDict = undefined) {
      super(type, eventInitDict);
      this.#detail = eventInitDict?.detail ?? null;
    }
    get detail() { return this.#detail; }
    initCustomEvent(type, bubbles = false, cancelable = false, detail = null) {
      this.initEvent(type, bubbles, cancelable);
      this.#detail = detail;
    }
    get [Symbol.toStringTag]() { return "CustomEvent"; }
  }

  class ErrorEvent extends Event {
    #init;
    constructor(type, eventInitDict = undefined) {
      super(type, eventInitDict);
      const init = eventInitDict ?? {};
      this.#init = {
        message: init.message === undefined ? "" : String(init.message),
        filename: init.filename === undefined ? "" : String(init.filename),
        lineno: init.lineno >>> 0,
        colno: init.colno >>> 0,
        error: init.error,
      };
    }
    get message() { return this.#init.message; }
    get filename() { return this.#init.filename; }
    get lineno() { return this.#init.lineno; }
    get colno() { return this.#init.colno; }
    get error() { return this.#init.error; }
    get [Symbol.toStringTag]() { return "ErrorEvent"; }
  }

  class PromiseRejectionEvent extends Event {
    #promise;
    #reason;
    constructor(type, eventInitDict = undefined) {
      super(type, eventInitDict);
      this.#promise = eventInitDict?.promise;
      this.#reason = eventInitDict?.reason;
    }
    get promise() { return this.#promise; }
    get reason() { return this.#reason; }
    get [Symbol.toStringTag]() { return "PromiseRejectionEvent"; }
  }

  // The global object is a Window, and so an EventTarget.
  function Window() {
    throw new TypeError("Illegal constructor");
  }
  Window.prototype = Object.create(EventTarget.prototype, {
    constructor: { value: Window, writable: true, configurable: true },
    [Symbol.toStringTag]: { value: "Window", configurable: true },
  });
  Object.setPrototypeOf(globalThis, Window.prototype);
  Object.defineProperty(globalThis, listenersOf, { value: new Map() });

  const globalHandlers = new Map();
  for (const type of ["load", "beforeunload", "unload", "error", "unhandledrejection"]) {
    Object.defineProperty(globalThis, `on${type}`, {
      get() { return globalHandlers.get(type) ?? null; },
      set(value) { globalHandlers.set(type, typeof value === "function" ? value : null); },
      enumerable: true,
      configurable: true,
    });
  }

  function makeTrusted(event) {
    event[state].isTrusted = true;
    return event;
  }

  defineEventInspect(Event);
  defineEventInspect(CustomEvent, ["detail"]);
  defineEventInspect(ErrorEvent, ["message", "filename", "lineno", "colno", "error"]);
  defineEventInspect(PromiseRejectionEvent, ["promise", "reason"]);

  internal.events = { Event, EventTarget, CustomEvent, ErrorEvent, PromiseRejectionEvent, Window };
  internal.defineEventInspect = defineEventInspect;
  internal.makeTrusted = makeTrusted;
  internal.listenerCount = (target, type) => listeners(target).get(type)?.length ?? 0;
})
