// TextEncoderStream and TextDecoderStream (https://encoding.spec.whatwg.org/#interface-mixin-generictransformstream):
// TransformStreams over 42_encoding.js's TextEncoder and streaming TextDecoder.
(function (binding, internal) {
  "use strict";
  const { attach, unwrap, defineInspect } = internal.webSlot;
  const { TransformStream } = internal.streams;
  const { TextEncoder, TextDecoder } = internal.encoding;

  class TextEncoderStream {
    constructor() {
      const encoder = new TextEncoder();
      // A chunk may end in the first half of a surrogate pair; it waits for the next chunk.
      let pendingHigh = "";
      const transform = new TransformStream({
        transform(chunk, controller) {
          let s = pendingHigh + String(chunk);
          pendingHigh = "";
          const last = s.charCodeAt(s.length - 1);
          if (last >= 0xd800 && last <= 0xdbff) {
            pendingHigh = s[s.length - 1];
            s = s.slice(0, -1);
          }
          if (s !== "") controller.enqueue(encoder.encode(s));
        },
        flush(controller) {
          if (pendingHigh !== "") controller.enqueue(new Uint8Array([0xef, 0xbf, 0xbd]));
        },
      });
      attach(this, { kind: "TextEncoderStream", transform });
    }
    get encoding() { unwrap(this, "TextEncoderStream"); return "utf-8"; }
    get readable() { return unwrap(this, "TextEncoderStream").transform.readable; }
    get writable() { return unwrap(this, "TextEncoderStream").transform.writable; }
  }

  class TextDecoderStream {
    constructor(label = "utf-8", options = undefined) {
      const decoder = new TextDecoder(label, options);
      const ctx = "Failed to construct 'TextDecoderStream'";
      const transform = new TransformStream({
        transform(chunk, controller) {
          if (!(chunk instanceof ArrayBuffer) && !ArrayBuffer.isView(chunk)) {
            throw new TypeError(`${ctx}: chunk is not an ArrayBuffer, SharedArrayBuffer, or a view on one`);
          }
          const s = decoder.decode(chunk, { stream: true });
          if (s !== "") controller.enqueue(s);
        },
        flush(controller) {
          const s = decoder.decode();
          if (s !== "") controller.enqueue(s);
        },
      });
      attach(this, { kind: "TextDecoderStream", decoder, transform });
    }
    get encoding() { return unwrap(this, "TextDecoderStream").decoder.encoding; }
    get fatal() { return unwrap(this, "TextDecoderStream").decoder.fatal; }
    get ignoreBOM() { return unwrap(this, "TextDecoderStream").decoder.ignoreBOM; }
    get readable() { return unwrap(this, "TextDecoderStream").transform.readable; }
    get writable() { return unwrap(this, "TextDecoderStream").transform.writable; }
  }

  for (const cls of [TextEncoderStream, TextDecoderStream]) {
    Object.defineProperty(cls.prototype, Symbol.toStringTag, { value: cls.name, configurable: true });
  }
  defineInspect(TextEncoderStream, (o) => ({ encoding: o.encoding, readable: o.readable, writable: o.writable }));
  defineInspect(TextDecoderStream, (o) => ({
    encoding: o.encoding, fatal: o.fatal, ignoreBOM: o.ignoreBOM, readable: o.readable, writable: o.writable,
  }));

  internal.webApis = Object.assign(internal.webApis ?? {}, { TextEncoderStream, TextDecoderStream });
})
