// WebSocket, CloseEvent and Deno.upgradeWebSocket: glue over the op_ws_* ops (WebSocketBinding.java),
// shaped after Deno's ext/websocket/01_websocket.js so that states, events and errors come in the same
// order with the same words. Each open socket runs an event loop here that takes one event per op
// (op_ws_next_event); the host stops reading the socket while the script lags behind.
(function (binding, internal) {
  "use strict";
  const ops = internal.ops;
  const opAsync = internal.opAsync;
  const { webidl, DOMException } = internal;
  const { Event, EventTarget, ErrorEvent } = internal.events;
  const { MessageEvent } = internal.messaging;

  const CONNECTING = 0;
  const OPEN = 1;
  const CLOSING = 2;
  const CLOSED = 3;
  const SERVER = 0;
  const CLIENT = 1;
  const HTTP_TOKEN = /^[!#$%&'*+\-.^_`|~A-Za-z0-9]+$/;

  class CloseEvent extends Event {
    #wasClean;
    #code;
    #reason;
    constructor(type, eventInitDict = undefined) {
      super(type, eventInitDict);
      const init = eventInitDict ?? {};
      this.#wasClean = init.wasClean === undefined ? false : Boolean(init.wasClean);
      this.#code = init.code === undefined ? 0 : webidl.unsignedShort(init.code);
      this.#reason = init.reason === undefined ? "" : String(init.reason);
    }
    get wasClean() { return this.#wasClean; }
    get code() { return this.#code; }
    get reason() { return this.#reason; }
    get [Symbol.toStringTag]() { return "CloseEvent"; }
  }
  internal.defineEventInspect(CloseEvent, ["wasClean", "code", "reason"]);

  const trusted = (event) => internal.makeTrusted(event);

  /** WebIDL's union (WebSocketInit or sequence<DOMString> or DOMString), as {protocols, headers}. */
  function convertInit(value) {
    if (value === undefined || value === null) return { protocols: [], headers: undefined };
    if (typeof value === "object" || typeof value === "function") {
      if (value[Symbol.iterator] !== undefined) return { protocols: Array.from(value, String), headers: undefined };
      const protocols = value.protocols === undefined ? [] : Array.from(value.protocols, String);
      return { protocols, headers: value.headers };
    }
    return { protocols: [webidl.domString(value)], headers: undefined };
  }

  let stateOf;
  // Passed as the URL, makes the server end of Deno.upgradeWebSocket: no URL, no connect.
  const serverEnd = Symbol("isola.webSocket.server");

  class WebSocket extends EventTarget {
    #s;

    static {
      stateOf = (ws) => (#s in ws ? ws.#s : undefined);
    }

    constructor(url, initOrProtocols) {
      super();
      if (url === serverEnd) {
        // Deno's server sockets hand out ArrayBuffers by default.
        this.#s = newState(SERVER, "arraybuffer");
        return;
      }
      this.#s = newState(CLIENT, "blob");
      webidl.requiredArguments(arguments.length, 1, "Failed to construct 'WebSocket'");
      url = webidl.domString(url).toWellFormed();
      const { protocols, headers } = convertInit(initOrProtocols);

      let wsURL;
      try {
        wsURL = new internal.url.URL(url);
      } catch (e) {
        throw new DOMException(e.message, "SyntaxError");
      }
      if (wsURL.protocol === "http:") wsURL.protocol = "ws:";
      else if (wsURL.protocol === "https:") wsURL.protocol = "wss:";
      if (wsURL.protocol !== "ws:" && wsURL.protocol !== "wss:") {
        throw new DOMException(
          `Only ws & wss schemes are allowed in a WebSocket URL: received ${wsURL.protocol}`, "SyntaxError");
      }
      if (wsURL.hash !== "" || wsURL.href.endsWith("#")) {
        throw new DOMException("Fragments are not allowed in a WebSocket URL", "SyntaxError");
      }
      const s = this.#s;
      s.url = wsURL.href;
      if (protocols.length !== new Set(protocols.map((p) => p.toLowerCase())).size) {
        throw new DOMException("Cannot supply the same protocol multiple times", "SyntaxError");
      }
      if (protocols.some((p) => !HTTP_TOKEN.test(p))) {
        throw new DOMException("Invalid protocol value", "SyntaxError");
      }

      s.cancelHandle = ops.op_ws_check_permission(s.url);
      const headerPairs = ["user-agent", `Deno/${internal.denoVersion}`, "sec-websocket-version", "13"];
      if (protocols.length > 0) headerPairs.push("sec-websocket-protocol", protocols.join(", "));
      if (headers !== undefined) {
        for (const [name, value] of new internal.webApis.Headers(headers)) headerPairs.push(name, value);
      }
      // close() while connecting cancels the connect: whatever the host answers after that, the script
      // sees the cancel, as Deno's cancel handle makes it.
      const connected = opAsync("op_ws_create", s.cancelHandle, s.url, headerPairs).then((result) => {
        if (!s.cancelled) return result;
        ops.op_ws_release(result[0]);
        throw internal.opError("Interrupted", "operation canceled");
      }, (err) => {
        throw s.cancelled ? internal.opError("Interrupted", "operation canceled") : err;
      });
      connected.then(
        ([rid, protocol, extensions]) => {
          s.cancelHandle = undefined;
          s.rid = rid;
          s.protocol = protocol;
          s.extensions = extensions;
          if (s.readyState === CLOSING) {
            opAsync("op_ws_close", rid).then(() => {
              s.readyState = CLOSED;
              this.dispatchEvent(new ErrorEvent("error"));
              this.dispatchEvent(new CloseEvent("close"));
              ops.op_ws_release(rid);
            });
          } else {
            s.readyState = OPEN;
            this.dispatchEvent(new Event("open"));
            eventLoop(this);
          }
        },
        (err) => {
          s.cancelHandle = undefined;
          s.readyState = CLOSED;
          // Every failure but a cancel is the spec's NetworkError.
          const error = err.name === "Interrupted" ? err : new DOMException(err.message, "NetworkError");
          this.dispatchEvent(new ErrorEvent("error", { error, message: Error.prototype.toString.call(error) }));
          this.dispatchEvent(new CloseEvent("close"));
        },
      );
    }

    get readyState() { return checked(this).readyState; }
    get CONNECTING() { checked(this); return CONNECTING; }
    get OPEN() { checked(this); return OPEN; }
    get CLOSING() { checked(this); return CLOSING; }
    get CLOSED() { checked(this); return CLOSED; }
    get extensions() { return checked(this).extensions; }
    get protocol() { return checked(this).protocol; }
    get url() { return checked(this).url; }
    get binaryType() { return checked(this).binaryType; }
    set binaryType(value) {
      const s = checked(this);
      value = webidl.domString(value);
      if (value === "blob" || value === "arraybuffer") s.binaryType = value;
    }

    get bufferedAmount() {
      const s = checked(this);
      return s.readyState === OPEN ? ops.op_ws_get_buffered_amount(s.rid) : 0;
    }

    send(data) {
      const s = checked(this);
      webidl.requiredArguments(arguments.length, 1, "Failed to execute 'send' on 'WebSocket'");
      if (!internal.blob?.isBlob(data) && !ArrayBuffer.isView(data) && !webidl.isArrayBuffer(data)) {
        data = webidl.domString(data).toWellFormed();
      }
      if (s.readyState === CONNECTING) throw new DOMException("'readyState' not OPEN", "InvalidStateError");
      if (s.readyState !== OPEN) return;
      // A Blob is read asynchronously; what is sent after it waits its turn.
      if (s.sendQueue.length === 0 && !internal.blob?.isBlob(data)) sendNow(s, data);
      else queueSend(s, data);
    }

    close(code = undefined, reason = undefined) {
      const s = checked(this);
      if (code !== undefined) code = clampUnsignedShort(code);
      if (reason !== undefined) reason = webidl.domString(reason).toWellFormed();
      if (s.role === CLIENT && code !== undefined && !(code === 1000 || (code >= 3000 && code < 5000))) {
        throw new DOMException(
          `The close code must be either 1000 or in the range of 3000 to 4999: received ${code}`,
          "InvalidAccessError");
      }
      if (reason !== undefined && new TextEncoder().encode(reason).byteLength > 123) {
        throw new DOMException("The close reason may not be longer than 123 bytes", "SyntaxError");
      }
      if (s.cancelHandle !== undefined) {
        ops.op_ws_cancel(s.cancelHandle);
        s.cancelHandle = undefined;
        s.cancelled = true;
      }
      if (s.readyState === CONNECTING) {
        s.readyState = CLOSING;
      } else if (s.readyState === OPEN) {
        s.readyState = CLOSING;
        opAsync("op_ws_close", s.rid, code, reason).catch((err) => {
          s.readyState = CLOSED;
          this.dispatchEvent(new ErrorEvent("error", { error: err, message: Error.prototype.toString.call(err) }));
          this.dispatchEvent(new CloseEvent("close"));
          ops.op_ws_release(s.rid);
        });
      }
    }
  }

  function newState(role, binaryType) {
    return {
      role, binaryType, rid: undefined, readyState: CONNECTING, url: "", protocol: "", extensions: "",
      sendQueue: [], cancelHandle: undefined, cancelled: false, idleTimeout: 0, idleTimer: undefined,
    };
  }

  function checked(ws) {
    const s = ws !== null && typeof ws === "object" ? stateOf(ws) : undefined;
    if (s === undefined) throw webidl.illegalInvocation();
    return s;
  }

  function clampUnsignedShort(value) {
    const x = Number(value);
    if (Number.isNaN(x)) return 0;
    return Math.round(Math.min(Math.max(x, 0), 65535));
  }

  function sendNow(s, data) {
    if (ArrayBuffer.isView(data)) {
      ops.op_ws_send_binary(s.rid, new Uint8Array(data.buffer, data.byteOffset, data.byteLength));
    } else if (webidl.isArrayBuffer(data)) {
      ops.op_ws_send_binary(s.rid, new Uint8Array(data));
    } else {
      ops.op_ws_send_text(s.rid, data);
    }
  }

  async function queueSend(s, data) {
    s.sendQueue.push(data);
    if (s.sendQueue.length > 1) return;
    while (s.sendQueue.length > 0) {
      const next = s.sendQueue[0];
      if (internal.blob?.isBlob(next)) {
        const bytes = new Uint8Array(await next.slice().arrayBuffer());
        if (s.readyState === OPEN) ops.op_ws_send_binary(s.rid, bytes);
      } else if (s.readyState === OPEN) {
        sendNow(s, next);
      }
      s.sendQueue.shift();
    }
  }

  // One op brings every event that waited; between two of them a microtask checkpoint runs, as between
  // Deno's one-event ops, so a handler's promise jobs still run before the next message arrives.
  async function eventLoop(ws) {
    const s = stateOf(ws);
    const rid = s.rid;
    while (s.readyState !== CLOSED) {
      const events = await opAsync("op_ws_next_event", rid);
      for (let i = 0; i < events.length && s.readyState !== CLOSED; i++) {
        if (i > 0) await undefined;
        const event = events[i];
        await handleEvent(ws, s, rid, event[0], event[1]);
      }
    }
  }

  function handleEvent(ws, s, rid, kind, payload) {
    // A server that said close takes anything but the client's close frame as the end (as Deno).
    if (s.readyState === CLOSING && kind <= 3 && s.role !== CLIENT) {
      s.readyState = CLOSED;
      ws.dispatchEvent(new CloseEvent("close"));
      ops.op_ws_release(rid);
      return undefined;
    }
    switch (kind) {
      case 0:
        resetIdleTimeout(ws);
        ws.dispatchEvent(trusted(new MessageEvent("message", { data: payload, origin: s.url })));
        return undefined;
      case 1: {
        resetIdleTimeout(ws);
        const buffer = new Uint8Array(payload).slice().buffer;
        const data = s.binaryType === "blob" ? new internal.webApis.Blob([buffer]) : buffer;
        ws.dispatchEvent(trusted(new MessageEvent("message", { data, origin: s.url })));
        return undefined;
      }
      case 2:
        resetIdleTimeout(ws);
        return undefined;
      case 3: {
        s.readyState = CLOSED;
        const error = new Error(payload);
        ws.dispatchEvent(new ErrorEvent("error", { error, message: payload }));
        ws.dispatchEvent(new CloseEvent("close"));
        ops.op_ws_release(rid);
        return undefined;
      }
      default:
        return closed(ws, s, rid, kind, payload);
    }
  }

  /** The peer's close frame (code `kind`): answer it with the same code and reason, then report. */
  async function closed(ws, s, rid, code, payload) {
    const reason = code === 1005 ? "" : payload;
    const previous = s.readyState;
    s.readyState = CLOSED;
    clearIdleTimer(s);
    if (previous === OPEN && payload !== null) {
      try {
        await opAsync("op_ws_close", rid, code, reason);
      } catch {
        // the peer may be gone already
      }
    }
    ws.dispatchEvent(new CloseEvent("close", { wasClean: true, code, reason }));
    ops.op_ws_release(rid);
  }

  function clearIdleTimer(s) {
    if (s.idleTimer !== undefined) internal.timers.clearTimeout(s.idleTimer);
    s.idleTimer = undefined;
  }

  function idleTimer(fn, ms) {
    const id = internal.timers.setTimeout(fn, ms);
    internal.timers.unrefTimer(id);
    return id;
  }

  /**
   * A server socket pings a client that has been silent for half its idle timeout, and after another
   * half without an answer closes with 1001, as Deno does.
   */
  function resetIdleTimeout(ws) {
    const s = stateOf(ws);
    if (!s.idleTimeout) return;
    clearIdleTimer(s);
    const half = (s.idleTimeout / 2) * 1000;
    s.idleTimer = idleTimer(() => {
      if (s.readyState !== OPEN) return;
      try {
        ops.op_ws_send_ping(s.rid);
      } catch {
        // closed meanwhile
      }
      s.idleTimer = idleTimer(async () => {
        if (s.readyState !== OPEN) return;
        s.readyState = CLOSING;
        const reason = "No response from ping frame.";
        await opAsync("op_ws_close", s.rid, 1001, reason).catch(() => {});
        s.readyState = CLOSED;
        ws.dispatchEvent(new ErrorEvent("error", { message: reason }));
        ws.dispatchEvent(new CloseEvent("close", { wasClean: false, code: 1001, reason }));
        ops.op_ws_release(s.rid);
      }, half);
    }, half);
  }

  webidl.defineEventHandler(WebSocket.prototype, "message");
  webidl.defineEventHandler(WebSocket.prototype, "error");
  webidl.defineEventHandler(WebSocket.prototype, "close");
  webidl.defineEventHandler(WebSocket.prototype, "open");
  webidl.configureInterface(WebSocket);
  // After configureInterface: Deno's constants on the class are not enumerable.
  Object.defineProperties(WebSocket, {
    CONNECTING: { value: CONNECTING },
    OPEN: { value: OPEN },
    CLOSING: { value: CLOSING },
    CLOSED: { value: CLOSED },
  });
  internal.defineInspect(WebSocket, (w) => ({
    url: w.url,
    readyState: w.readyState,
    extensions: w.extensions,
    protocol: w.protocol,
    binaryType: w.binaryType,
    bufferedAmount: w.bufferedAmount,
    onmessage: w.onmessage,
    onerror: w.onerror,
    onclose: w.onclose,
    onopen: w.onopen,
  }));

  /** Whether a comma-separated header value lists `token` (case-insensitive, blanks ignored). */
  function listsToken(value, token) {
    return value !== null && value.split(",").some((part) => part.trim().toLowerCase() === token);
  }

  function upgradeWebSocket(request, options = {}) {
    const upgrade = request.headers.get("upgrade");
    if (!listsToken(upgrade, "websocket")) {
      throw new TypeError("Invalid Header: 'upgrade' header must contain 'websocket'");
    }
    if (!listsToken(request.headers.get("connection"), "upgrade")) {
      throw new TypeError("Invalid Header: 'connection' header must contain 'Upgrade'");
    }
    const key = request.headers.get("sec-websocket-key");
    if (key === null) throw new TypeError("Invalid Header: 'sec-websocket-key' header must be set");

    const headerPairs = ["upgrade", "websocket", "connection", "Upgrade",
      "sec-websocket-accept", ops.op_ws_accept_key(key)];
    const offered = (request.headers.get("sec-websocket-protocol") || "").split(", ");
    if (options.protocol) {
      if (!offered.includes(options.protocol)) {
        throw new TypeError(
          `Protocol '${options.protocol}' not in the request's protocol list (non negotiable)`);
      }
      headerPairs.push("sec-websocket-protocol", options.protocol);
    }

    const socket = new WebSocket(serverEnd);
    const s = stateOf(socket);
    s.idleTimeout = options.idleTimeout ?? 120;
    const pairs = [];
    for (let i = 0; i < headerPairs.length; i += 2) pairs.push([headerPairs[i], headerPairs[i + 1]]);
    const response = new internal.webApis.Response(null, { status: 101, headers: pairs });
    internal.http.upgrades.set(response, (exchangeId) => accept(socket, s, exchangeId, headerPairs));
    return { response, socket };
  }

  async function accept(socket, s, exchangeId, headerPairs) {
    try {
      s.rid = await opAsync("op_http_upgrade_websocket", exchangeId, headerPairs);
      s.readyState = OPEN;
      socket.dispatchEvent(new Event("open"));
      eventLoop(socket);
      if (s.idleTimeout) socket.addEventListener("close", () => clearIdleTimer(s));
      resetIdleTimeout(socket);
    } catch (error) {
      socket.dispatchEvent(new ErrorEvent("error", { error }));
    }
  }

  internal.webSocket = { upgradeWebSocket };
  internal.webApis = Object.assign(internal.webApis ?? {}, { WebSocket, CloseEvent });
})
