// EventSource (server-sent events) over fetch, as Deno's ext/fetch/27_eventsource.js behaves: open,
// message and named events from a text/event-stream body, reconnection after the stream ends or the
// connection fails (with Last-Event-ID and the server's `retry:`), and a closed source on a response
// that is not an event stream.
(function (binding, internal) {
  "use strict";
  const { webidl, DOMException } = internal;
  const { Event, EventTarget } = internal.events;
  const { MessageEvent } = internal.messaging;

  const CONNECTING = 0;
  const OPEN = 1;
  const CLOSED = 2;

  class EventSource extends EventTarget {
    #url;
    #withCredentials;
    #readyState = CONNECTING;
    #abort = null;
    #lastEventId = "";
    #reconnectionTime = 5000;

    constructor(url, eventSourceInitDict = undefined) {
      super();
      webidl.requiredArguments(arguments.length, 1, "Failed to construct 'EventSource'");
      try {
        this.#url = new internal.url.URL(webidl.domString(url)).href;
      } catch (e) {
        throw new DOMException(e.message, "SyntaxError");
      }
      this.#withCredentials = Boolean(eventSourceInitDict?.withCredentials);
      this.#loop();
    }

    get readyState() { return this.#readyState; }
    get url() { return this.#url; }
    get withCredentials() { return this.#withCredentials; }

    close() {
      this.#readyState = CLOSED;
      this.#abort?.abort();
    }

    async #loop() {
      while (this.#readyState !== CLOSED) {
        const controller = new AbortController();
        this.#abort = controller;
        const headers = { accept: "text/event-stream" };
        if (this.#lastEventId !== "") headers["last-event-id"] = this.#lastEventId;
        try {
          const res = await internal.webApis.fetch(this.#url, {
            headers, signal: controller.signal, cache: "no-store",
            credentials: this.#withCredentials ? "include" : "same-origin",
          });
          if (this.#readyState === CLOSED) return;
          const type = res.headers.get("content-type") ?? "";
          if (res.status !== 200 || !/^text\/event-stream\s*(;|$)/i.test(type)) {
            // Not an event stream: the source fails for good.
            this.#readyState = CLOSED;
            res.body?.cancel().catch(() => {});
            this.dispatchEvent(new Event("error"));
            return;
          }
          this.#readyState = OPEN;
          this.dispatchEvent(new Event("open"));
          await this.#read(res.body);
        } catch {
          // A failed connection or a broken stream: reconnect, unless closed meanwhile.
        }
        if (this.#readyState === CLOSED) return;
        this.#readyState = CONNECTING;
        this.dispatchEvent(new Event("error"));
        if (this.#readyState === CLOSED) return;
        await new Promise((resolve) => internal.timers.setTimeout(resolve, this.#reconnectionTime));
      }
    }

    /** The event stream format (html.spec.whatwg.org, "Interpreting an event stream"). */
    async #read(body) {
      const reader = body.pipeThrough(new internal.webApis.TextDecoderStream()).getReader();
      let buffer = "";
      let data = "";
      let eventType = "";
      let pendingId = null;
      for (;;) {
        const { value, done } = await reader.read();
        if (done || this.#readyState === CLOSED) return;
        buffer += value;
        for (;;) {
          const end = buffer.search(/\r\n|\r|\n/);
          // A lone "\r" at the end may be half of a "\r\n": wait for more.
          if (end < 0 || (buffer[end] === "\r" && end === buffer.length - 1)) break;
          const line = buffer.slice(0, end);
          buffer = buffer.slice(end + (buffer.startsWith("\r\n", end) ? 2 : 1));
          if (line === "") {
            if (pendingId !== null) this.#lastEventId = pendingId;
            pendingId = null;
            if (data !== "") {
              const event = new MessageEvent(eventType || "message", {
                data: data.endsWith("\n") ? data.slice(0, -1) : data,
                lastEventId: this.#lastEventId,
                origin: this.#url,
              });
              this.dispatchEvent(internal.makeTrusted(event));
              if (this.#readyState === CLOSED) return;
            }
            data = "";
            eventType = "";
            continue;
          }
          if (line.startsWith(":")) continue;
          const colon = line.indexOf(":");
          const field = colon < 0 ? line : line.slice(0, colon);
          let fieldValue = colon < 0 ? "" : line.slice(colon + 1);
          if (fieldValue.startsWith(" ")) fieldValue = fieldValue.slice(1);
          if (field === "data") data += fieldValue + "\n";
          else if (field === "event") eventType = fieldValue;
          else if (field === "id" && !fieldValue.includes("\0")) pendingId = fieldValue;
          else if (field === "retry" && /^\d+$/.test(fieldValue)) this.#reconnectionTime = Number(fieldValue);
        }
      }
    }
  }
  webidl.defineEventHandler(EventSource.prototype, "open");
  webidl.defineEventHandler(EventSource.prototype, "message");
  webidl.defineEventHandler(EventSource.prototype, "error");
  Object.defineProperty(EventSource.prototype, Symbol.toStringTag, { value: "EventSource", configurable: true });
  for (const [name, value] of Object.entries({ CONNECTING, OPEN, CLOSED })) {
    Object.defineProperty(EventSource, name, { value });
    Object.defineProperty(EventSource.prototype, name, { value });
  }
  internal.defineInspect(EventSource, (s) => ({
    readyState: s.readyState, url: s.url, withCredentials: s.withCredentials,
    onopen: s.onopen, onmessage: s.onmessage, onerror: s.onerror,
  }));

  internal.webApis = Object.assign(internal.webApis ?? {}, { EventSource });
})
