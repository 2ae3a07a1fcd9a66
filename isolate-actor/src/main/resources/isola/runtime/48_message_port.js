// MessageChannel and MessagePort, and the message plumbing workers and BroadcastChannel share:
// MessageEvent, the wire form of a message ([bytes, strings, buffers, portIds], see PortBinding) and
// its dispatch. A port's messages wait in the host until the port is started; then each arrives in
// a turn of its own (the host's pump), as Deno's receive loop takes one per op. An open, started,
// referenced port keeps the isolate alive until its peer closes (Deno 2.9's 13_message_port.js).
(function (binding, internal) {
  "use strict";
  const ops = internal.ops;
  const { Event, EventTarget } = internal.events;
  const { webidl, DOMException } = internal;

  class MessageEvent extends Event {
    #data;
    #origin;
    #lastEventId;
    #source;
    #ports;
    constructor(type, eventInitDict = undefined) {
      super(type, eventInitDict);
      const init = eventInitDict ?? {};
      this.#data = init.data === undefined ? null : init.data;
      this.#origin = init.origin === undefined ? "" : String(init.origin);
      this.#lastEventId = init.lastEventId === undefined ? "" : String(init.lastEventId);
      this.#source = init.source ?? null;
      this.#ports = init.ports === undefined ? [] : [...init.ports];
    }
    get data() { return this.#data; }
    get origin() { return this.#origin; }
    get lastEventId() { return this.#lastEventId; }
    get source() { return this.#source; }
    get ports() { return this.#ports; }
    get [Symbol.toStringTag]() { return "MessageEvent"; }
  }
  internal.defineEventInspect(MessageEvent, ["data", "origin", "lastEventId"]);

  function transferList(transferOrOptions, prefix) {
    if (transferOrOptions === undefined || transferOrOptions === null) return [];
    if (Array.isArray(transferOrOptions)) return transferOrOptions;
    if (typeof transferOrOptions !== "object") {
      throw new TypeError(`${prefix}: Argument 2 can not be converted to a dictionary`);
    }
    const list = transferOrOptions.transfer;
    return list === undefined ? [] : [...list];
  }

  /** A message to send, as the ops take it: bytes, strings, buffers, port ids. */
  function toWire(message, transfer) {
    const s = internal.serialization.serializeMessage(message, transfer);
    return [s.bytes, s.strings, s.buffers, s.ports];
  }

  // A message from the host: the bytes are read in place, the buffers become ArrayBuffers of this
  // context (copies, so one wire can be read more than once), its ports become this isolate's.
  function fromWire(wire) {
    const ports = Array.from(wire[3], (id) => adopt(id));
    const data = internal.serialization.deserialize({
      bytes: new Uint8Array(wire[0]),
      strings: Array.from(wire[1]),
      buffers: Array.from(wire[2], (b) => new Uint8Array(b).slice().buffer),
      ports,
    });
    return { data, ports };
  }

  /** Dispatches a message (or, if it cannot be read, messageerror); false in the latter case. */
  function dispatchMessage(target, wire, init = {}) {
    let message;
    try {
      message = fromWire(wire);
    } catch (error) {
      target.dispatchEvent(internal.makeTrusted(new MessageEvent("messageerror", { data: error })));
      return false;
    }
    const ports = message.ports.length === 0 ? undefined : message.ports;
    target.dispatchEvent(internal.makeTrusted(new MessageEvent("message", { ...init, data: message.data, ports })));
    return true;
  }

  const illegal = Symbol("isola.illegalConstructor");
  // Deno's name for the method that references or unreferences a port (Node's worker_threads use it).
  const refMessagePort = Symbol("refMessagePort");
  const channelBrand = Symbol("isola.messageChannel");
  /** Open ports of this isolate by host id. */
  const portsById = new Map();
  // Functions with access to MessagePort's private state, set in its static block.
  let adopt;
  let detach;
  let isPort;
  let pump;
  let keepsAlive;
  let listenersChanged;

  class MessageChannel {
    #own = internal.ownShape(this);
    #port1;
    #port2;
    constructor() {
      const ids = ops.op_port_create();
      this.#port1 = adopt(ids[0]);
      this.#port2 = adopt(ids[1]);
      Object.defineProperty(this, channelBrand, { value: true });
    }
    get port1() {
      webidl.assertBranded(this, channelBrand);
      return this.#port1;
    }
    get port2() {
      webidl.assertBranded(this, channelBrand);
      return this.#port2;
    }
  }
  webidl.configureInterface(MessageChannel);
  internal.defineInspect(MessageChannel, (c) => ({ port1: c.port1, port2: c.port2 }));

  // Deno's intermediate class: listeners for "message" reference the port, the last one gone unrefs it.
  class _MessagePortBase extends EventTarget {
    addEventListener(...args) {
      if (args[0] === "message") listenersChanged(this, 1);
      super.addEventListener(...args);
    }
    removeEventListener(...args) {
      if (args[0] === "message") listenersChanged(this, -1);
      super.removeEventListener(...args);
    }
  }

  class MessagePort extends _MessagePortBase {
    #id = null;
    #started = false;
    #refed = false;
    #listeners = 0;
    /** A receive is pending (Deno's loop awaits its op); it keeps the isolate alive if referenced. */
    #receiving = false;
    #receiveRefed = false;

    static {
      adopt = (id) => {
        const port = new MessagePort(illegal);
        port.#id = id;
        portsById.set(id, port);
        return port;
      };
      detach = (port) => {
        const id = port.#id;
        if (id === null) throw new DOMException("Can not transfer disentangled message port", "DataCloneError");
        port.#id = null;
        port.#receiving = false;
        portsById.delete(id);
        return id;
      };
      isPort = (v) => v !== null && typeof v === "object" && #id in v;
      pump = (port) => port.#pump();
      keepsAlive = (port) => port.#id !== null && port.#receiving && port.#receiveRefed;
      listenersChanged = (port, delta) => {
        port.#listeners += delta;
        if (delta > 0 && port.#listeners === 1) port.#ref(true);
        if (delta < 0 && port.#listeners === 0) port.#ref(false);
      };
    }

    constructor(key = undefined) {
      super();
      if (key !== illegal) throw webidl.withCode(new TypeError("Illegal constructor"), "ERR_ILLEGAL_CONSTRUCTOR");
    }

    #ref(on) {
      if (on === this.#refed) return;
      this.#refed = on;
      this.#receiveRefed = on;
    }

    postMessage(message, transferOrOptions = undefined) {
      this.#check();
      const prefix = "Failed to execute 'postMessage' on 'MessagePort'";
      webidl.requiredArguments(arguments.length, 1, prefix);
      let transfer = [];
      if (transferOrOptions !== undefined && transferOrOptions !== null && arguments.length > 1) {
        transfer = transferList(transferOrOptions, prefix);
        if (transfer.includes(this)) throw new DOMException("Transfer list contains source port", "DataCloneError");
        const seenPorts = new Set();
        const seenBuffers = new Set();
        for (const item of transfer) {
          if (item instanceof MessagePort) {
            if (item.#id === null) throw new DOMException("MessagePort in transfer list is already detached", "DataCloneError");
            if (seenPorts.has(item)) throw new DOMException("Transfer list contains duplicate MessagePort", "DataCloneError");
            seenPorts.add(item);
          } else if (webidl.isArrayBuffer(item)) {
            if (seenBuffers.has(item)) throw new DOMException("Transfer list contains duplicate ArrayBuffer", "DataCloneError");
            seenBuffers.add(item);
          }
        }
      }
      if (this.#id === null) return;
      const wire = toWire(message, transfer);
      if (this.#id === null) return;
      ops.op_port_post(this.#id, ...wire);
    }

    start() {
      this.#check();
      if (this.#started || this.#id === null) return;
      this.#started = true;
      this.#receiving = true;
      this.#receiveRefed = true;
      ops.op_port_start(this.#id);
    }

    /** One turn of the receive loop: the next message the host holds for this port, or its end. */
    #pump() {
      if (this.#id === null || !this.#receiving) return;
      const wire = ops.op_port_take(this.#id);
      if (wire === null) return;
      if (wire === "end") {
        this.#receiving = false;
        this.#started = false;
        return;
      }
      // Deno's next receive is a new op, referenced whatever unref() did to the last one.
      this.#receiveRefed = true;
      // After a message it cannot read, Deno's loop stops for good.
      if (!dispatchMessage(this, wire)) this.#receiving = false;
    }

    [refMessagePort](on) {
      this.#ref(on);
    }

    ref() {
      this.#check();
      this.#ref(true);
    }

    unref() {
      this.#check();
      this.#ref(false);
    }

    hasRef() {
      this.#check();
      return this.#refed;
    }

    close() {
      this.#check();
      const id = this.#id;
      if (id === null) return;
      // Deno reads what has arrived before it closes, dispatching each message.
      try {
        while (this.#id === id) {
          const wire = ops.op_port_take(id);
          if (wire === null || wire === "end") break;
          if (!dispatchMessage(this, wire)) break;
        }
      } catch {
        // as Deno: a throwing listener does not keep the port open
      }
      if (this.#id === id) {
        ops.op_port_close(id);
        portsById.delete(id);
        this.#id = null;
        this.#receiving = false;
      }
    }

    #check() {
      if (!(#id in this)) throw webidl.illegalInvocation();
    }

    [Symbol.for("Deno.privateCustomInspect")](inspect, options) {
      return inspect({
        active: this.#id !== null,
        refed: this.#refed,
        onmessage: this.onmessage,
        onmessageerror: this.onmessageerror,
      }, options);
    }
  }
  webidl.configureInterface(MessagePort);
  // Setting onmessage starts the port (Deno); addEventListener alone does not.
  webidl.defineEventHandler(MessagePort.prototype, "message", (port) => port.start());
  webidl.defineEventHandler(MessagePort.prototype, "messageerror");

  internal.messagePorts = {
    isPort,
    detach,
    adopt,
    keepsAlive: () => {
      for (const port of portsById.values()) if (keepsAlive(port)) return true;
      return false;
    },
  };
  internal.messaging = { MessageEvent, transferList, toWire, fromWire, dispatchMessage };
  internal.webApis = Object.assign(internal.webApis ?? {}, { MessageChannel, MessagePort, MessageEvent });
  internal.host.portPump = (id) => {
    const port = portsById.get(id);
    if (port !== undefined) pump(port);
  };
})
