// Deno.serve: glue over the op_http_* ops (HttpBinding.java). The host parses HTTP and queues the
// requests that arrive; the accept loop here takes all of them at once, builds a Request for each and
// answers with the handler's Response, whole (one op) or streamed chunk by chunk.
(function (binding, internal) {
  "use strict";
  const ops = internal.ops;
  const opAsync = internal.opAsync;
  const console = internal.console;

  class ServeHandlerInfo {
    #own = internal.ownShape(this);
    #remoteAddr;
    #watch;

    constructor(remoteAddr, watch) {
      this.#remoteAddr = remoteAddr;
      this.#watch = watch;
    }

    get remoteAddr() {
      return this.#remoteAddr;
    }

    /** Settles once the response has gone out whole or the client went away (Deno: resolves both ways). */
    get completed() {
      return this.#watch().completed;
    }
  }

  // The end of exchanges the script watches (request.signal or info.completed was read): exchange id ->
  // { signal, completed, resolve }. Deno aborts request.signal when the client goes away and, as its
  // "legacy" behaviour, also once a response went out whole, warning once about the latter.
  const watches = new Map();
  // Exchanges whose client went away: as in Deno, `completed` settles once the handler has answered.
  const abandoned = new Map();
  let legacyAbortWarned = false;

  function exchangeEnded(id, w, completed) {
    if (w.signal !== null && !w.signal.aborted) {
      if (completed && !legacyAbortWarned) {
        legacyAbortWarned = true;
        internal.print(
          "Deno.serve: request.signal aborts on successful responses (legacy behavior). To detect when a request " +
          "has been fully delivered use the `completed` promise on the handler's info argument. Move cleanup to " +
          "the handler's return path, or opt in to the new behavior with --unstable-no-legacy-abort. See " +
          "https://docs.deno.com/go/unstable-no-legacy-abort\n", true);
      }
      internal.abort.signalAbort(w.signal,
        new internal.DOMException("The request has been cancelled.", "AbortError"));
    }
    if (completed) w.resolve();
    else abandoned.set(id, w);
  }

  /** The handler answered exchange `id` (whether or not its client is still there). */
  function answered(id) {
    if (abandoned.size === 0) return;
    const w = abandoned.get(id);
    if (w === undefined) return;
    abandoned.delete(id);
    w.resolve();
  }

  internal.host.httpEnded = (id, completed) => {
    const w = watches.get(id);
    if (w === undefined) return;
    watches.delete(id);
    exchangeEnded(id, w, completed);
  };

  /** The watch of exchange `id` of server `rid`, made on first use. */
  function watcher(id, rid) {
    let w = null;
    return () => {
      if (w !== null) return w;
      let resolve;
      const completed = new Promise((r) => { resolve = r; });
      w = { signal: null, completed, resolve };
      // Already answered (or the client gone): its end is now.
      if (ops.op_http_watch(id, rid)) watches.set(id, w);
      else queueMicrotask(() => exchangeEnded(id, w, true));
      return w;
    };
  }

  // Responses made by Deno.upgradeWebSocket (65_websocket.js) -> what turns the exchange that returns
  // one into a WebSocket.
  const upgrades = new WeakMap();

  function defaultOnListen({ hostname, port }) {
    const shown = hostname.includes(":") ? `[${hostname}]` : hostname;
    const local = hostname === "0.0.0.0" || hostname === "::" ? ` (http://localhost:${port}/)` : "";
    console.error(`Listening on http://${shown}:${port}/${local}`);
  }

  // Bytes, not a string: Deno's 500 carries no content-type.
  const internalServerError = () =>
    new internal.webApis.Response(new TextEncoder().encode("Internal Server Error"), { status: 500 });

  function defaultOnError(error) {
    console.error(error);
    return internalServerError();
  }

  /** A request body read on demand: each pull is one op_http_read. */
  function bodyStream(id) {
    return new internal.webApis.ReadableStream({
      async pull(controller) {
        const chunk = await opAsync("op_http_read", id);
        if (chunk === null) controller.close();
        else controller.enqueue(new Uint8Array(chunk));
      },
    });
  }

  /** Streams a ReadableStream body out; each write resolves once the host handed it to the socket. */
  async function streamOut(id, stream) {
    const reader = stream.getReader();
    try {
      for (;;) {
        const { value, done } = await reader.read();
        if (done) break;
        if (!(value instanceof Uint8Array)) {
          throw new TypeError("Invalid type for response body chunk: expected Uint8Array");
        }
        await opAsync("op_http_write", id, value);
      }
      ops.op_http_end(id, true);
    } catch (error) {
      ops.op_http_end(id, false);
      reader.cancel(error).catch(() => {});
    }
  }

  function serve(arg1, arg2) {
    let options;
    let handler;
    if (typeof arg1 === "function") {
      handler = arg1;
      options = arg2;
    } else if (typeof arg2 === "function") {
      handler = arg2;
      options = arg1;
    } else {
      options = arg1;
    }
    if (handler === undefined) {
      if (options === undefined) {
        throw new TypeError("Cannot serve HTTP requests: either a `handler` or `options` must be specified");
      }
      handler = options.handler;
    }
    if (typeof handler !== "function") {
      throw new TypeError(`Cannot serve HTTP requests: handler must be a function, received ${typeof handler}`);
    }
    return startServer(options ?? {}, handler, false);
  }

  /** Serves `handler` on a new socket, or (`attached`) on the requests isola serve's front door routes here. */
  function startServer(options, handler, attached) {
    const hostname = options.hostname === undefined ? "0.0.0.0" : String(options.hostname);
    const port = options.port === undefined ? 8000 : internal.validPort(options.port);
    const onError = typeof options.onError === "function" ? options.onError : defaultOnError;
    const onListen = typeof options.onListen === "function" ? options.onListen : defaultOnListen;
    const signal = options.signal;

    const [rid, boundHost, boundPort] = attached
      ? [ops.op_http_attach(), hostname, port]
      : ops.op_http_serve(hostname, port);
    const addr = { __proto__: null, hostname: boundHost, port: boundPort, transport: "tcp" };

    let unrefed = false;
    let waiting = null;
    let finishedResolve;
    const finished = new Promise((resolve) => { finishedResolve = resolve; });
    let shutdownPromise = null;

    /** Answers at once when the body is whole; a streamed body is a promise of its end. */
    function respondWith(id, response) {
      answered(id);
      const upgrade = upgrades.get(response);
      if (upgrade !== undefined) {
        upgrades.delete(response);
        upgrade(id);
        return undefined;
      }
      if (!(response instanceof internal.webApis.Response)) {
        throw new TypeError("Return value from serve handler must be a response or a promise resolving to a response");
      }
      const { status, headerPairs, body } = internal.fetch.responseParts(response);
      if (body === null || typeof body === "string" || body instanceof Uint8Array) {
        ops.op_http_respond(id, status, headerPairs, body);
        return undefined;
      }
      ops.op_http_start(id, status, headerPairs);
      return streamOut(id, body);
    }

    async function handleError(id, error) {
      let response;
      try {
        response = await onError(error);
        if (!(response instanceof internal.webApis.Response)) {
          throw new TypeError("Return value from onError handler must be a response or a promise resolving to a response");
        }
      } catch (e) {
        console.error("Exception in onError while handling exception", e);
        response = internalServerError();
      }
      await respondWith(id, response);
    }

    async function dispatch(id, response) {
      try {
        await respondWith(id, await response);
      } catch (error) {
        await handleError(id, error);
      }
    }

    function handle([id, method, url, headerPairs, hasBody, remoteHost, remotePort]) {
      const watch = watcher(id, rid);
      const request = internal.fetch.inboundRequest(method, url, Array.from(headerPairs),
        hasBody ? bodyStream(id) : null, () => {
          const w = watch();
          w.signal = internal.abort.newSignal();
          return w.signal;
        });
      const info = new ServeHandlerInfo({ __proto__: null, hostname: remoteHost, port: remotePort, transport: "tcp" },
        watch);
      try {
        const result = handler(request, info);
        // The common case, a Response returned synchronously, answers without a promise.
        if (result instanceof internal.webApis.Response) respondWith(id, result);
        else dispatch(id, result);
      } catch (error) {
        handleError(id, error);
      }
    }

    async function acceptLoop() {
      for (;;) {
        let batch = ops.op_http_next(rid);
        if (batch === null) {
          waiting = opAsync("op_http_wait", rid);
          if (unrefed) internal.unrefOpPromise(waiting);
          batch = await waiting;
          waiting = null;
          if (batch === null) return;
        }
        for (let i = 0; i < batch.length; i++) handle(batch[i]);
      }
    }

    /** Deno's graceful shutdown: `finished` settles once every connection has closed. */
    function shutdown() {
      if (shutdownPromise === null) {
        shutdownPromise = opAsync("op_http_shutdown", rid).then(() => {});
        // Registered first, yet seen after: whoever awaits shutdown() resumes before finished's callbacks,
        // as in Deno.
        shutdownPromise.then(() => finishedResolve());
      }
      return shutdownPromise;
    }

    if (signal) {
      if (signal.aborted) shutdown();
      else signal.addEventListener("abort", () => shutdown(), { once: true });
    }

    const server = {
      addr,
      finished,
      shutdown() {
        return shutdown();
      },
      ref() {
        unrefed = false;
        if (waiting) internal.refOpPromise(waiting);
      },
      unref() {
        unrefed = true;
        if (waiting) internal.unrefOpPromise(waiting);
      },
      async [Symbol.asyncDispose]() {
        await shutdown();
      },
    };
    if (!attached) onListen({ __proto__: null, hostname: boundHost, port: boundPort, transport: "tcp" });
    acceptLoop();
    return server;
  }

  /** `isola serve` (Deno's `deno serve`): the main module's `export default { fetch }` answers. */
  function serveDefaultExport(module, [hostname, port]) {
    const entry = module.default;
    if (entry === null || typeof entry !== "object" || typeof entry.fetch !== "function") {
      internal.print(
        'error: deno serve requires export default { fetch } in the main module, did you mean to run "deno run"?\n',
        true);
      return;
    }
    // A negative port: the script is hosted behind isola serve --manifest's front door.
    startServer({
      hostname,
      port: port < 0 ? 0 : port,
      onError: entry.onError,
      onListen: typeof entry.onListen === "function" ? entry.onListen : (addr) => {
        console.error(`deno serve: Listening on http://${addr.hostname}:${addr.port}/`);
      },
    }, (request, info) => entry.fetch(request, info), port < 0);
  }

  internal.http = { serve, serveDefaultExport, upgrades };
})
