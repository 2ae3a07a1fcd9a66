// BroadcastChannel across every isolate of the JVM. A message reaches the other open channels of the
// same name: those of this isolate directly, those of other isolates through the JVM's registry
// (BroadcastBinding). As in Deno 2.9 (01_broadcast_channel.js) each delivery is deferred to a later
// turn, the send to other isolates too (so a channel closed right after postMessage sends nothing
// out), and any open channel keeps the isolate alive.
(function (binding, internal) {
  "use strict";
  const ops = internal.ops;
  const { EventTarget } = internal.events;
  const { MessageEvent, fromWire } = internal.messaging;
  const { webidl, DOMException } = internal;

  /** Open channels of this isolate, in creation order. */
  const channels = [];
  /** Open channels per name: the isolate is subscribed to a name while it has one. */
  const openByName = new Map();
  let isClosed;

  function defer(go) {
    internal.opAsync("op_void_async").then(go);
  }

  // Every other open channel named `name` gets its own copy of the message, one turn later.
  function dispatch(source, name, wire) {
    for (const channel of channels) {
      if (channel === source || channel.name !== name) continue;
      defer(() => {
        if (isClosed(channel)) return;
        const event = new MessageEvent("message", { data: fromWire(wire).data, origin: "http://127.0.0.1" });
        channel.dispatchEvent(internal.makeTrusted(event));
      });
    }
  }

  class BroadcastChannel extends EventTarget {
    #name;
    #closed = false;

    static {
      isClosed = (channel) => channel.#closed;
    }

    constructor(name) {
      super();
      webidl.requiredArguments(arguments.length, 1, "Failed to construct 'BroadcastChannel'");
      if (typeof name === "symbol") {
        throw new TypeError("Failed to construct 'BroadcastChannel': Argument 1 is a symbol, which cannot be converted to a string");
      }
      this.#name = String(name);
      channels.push(this);
      const open = openByName.get(this.#name) ?? 0;
      openByName.set(this.#name, open + 1);
      if (open === 0) ops.op_broadcast_subscribe(this.#name);
    }

    get name() {
      this.#check();
      return this.#name;
    }

    postMessage(message) {
      this.#check();
      webidl.requiredArguments(arguments.length, 1, "Failed to execute 'postMessage' on 'BroadcastChannel'");
      if (this.#closed) throw new DOMException("Already closed", "InvalidStateError");
      if (typeof message === "function" || typeof message === "symbol") {
        throw new DOMException("Uncloneable value", "DataCloneError");
      }
      let s;
      try {
        s = internal.serialization.serialize(message);
      } catch (e) {
        // Deno serializes without a DataCloneError callback: V8's TypeError comes through.
        if (e instanceof DOMException && e.name === "DataCloneError") throw new TypeError(e.message);
        throw e;
      }
      const wire = [s.bytes, s.strings, s.buffers, []];
      dispatch(this, this.#name, wire);
      defer(() => {
        if (!this.#closed) ops.op_broadcast_post(this.#name, ...wire);
      });
    }

    close() {
      this.#check();
      this.#closed = true;
      const index = channels.indexOf(this);
      if (index === -1) return;
      channels.splice(index, 1);
      const open = openByName.get(this.#name) - 1;
      if (open === 0) {
        openByName.delete(this.#name);
        ops.op_broadcast_unsubscribe(this.#name);
      } else {
        openByName.set(this.#name, open);
      }
    }

    #check() {
      if (!(#name in this)) throw webidl.illegalInvocation();
    }
  }
  webidl.defineEventHandler(BroadcastChannel.prototype, "message");
  webidl.defineEventHandler(BroadcastChannel.prototype, "messageerror");
  internal.defineInspect(BroadcastChannel, (c) => ({
    name: c.name,
    onmessage: c.onmessage,
    onmessageerror: c.onmessageerror,
  }));

  internal.broadcastChannels = { keepsAlive: () => channels.length > 0 };
  internal.webApis = Object.assign(internal.webApis ?? {}, { BroadcastChannel });
  // A message posted in another isolate: for this isolate's channels of that name.
  internal.host.broadcast = (name, wire) => dispatch(null, name, wire);
})
