// CompressionStream and DecompressionStream (https://compression.spec.whatwg.org/): a TransformStream
// whose chunks go through the host's zlib (java.util.zip) one sync op per chunk.
(function (binding, internal) {
  "use strict";
  const ops = internal.ops;
  const { attach, unwrap } = internal.webSlot;
  const { TransformStream } = internal.streams;
  const formats = ["deflate", "deflate-raw", "gzip"];

  function toBytes(chunk, ctx) {
    if (chunk === null) throw new TypeError("May not write null values to stream");
    if (chunk instanceof ArrayBuffer) return new Uint8Array(chunk);
    if (ArrayBuffer.isView(chunk)) return new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.byteLength);
    throw new TypeError(`${ctx}: chunk is not an ArrayBuffer or a view on one`);
  }

  function enqueueOutput(controller, output) {
    if (typeof output === "string") throw new TypeError(output);
    const bytes = new Uint8Array(output);
    if (bytes.byteLength > 0) controller.enqueue(bytes.slice());
  }

  function codecStream(format, decompress, ctx) {
    const id = ops.op_compression_new(format, decompress);
    return new TransformStream({
      transform(chunk, controller) {
        enqueueOutput(controller, ops.op_compression_write(id, toBytes(chunk, ctx)));
      },
      flush(controller) {
        enqueueOutput(controller, ops.op_compression_finish(id));
      },
      cancel() {
        ops.op_compression_close(id);
      },
    });
  }

  function formatArg(format, ctx, count) {
    if (count < 1) throw new TypeError(`${ctx}: 1 argument required, but only 0 present`);
    const s = String(format);
    if (!formats.includes(s)) {
      throw new TypeError(`${ctx}: The provided value '${s}' is not a valid enum value of type CompressionFormat`);
    }
    return s;
  }

  class CompressionStream {
    constructor(format) {
      const ctx = "Failed to construct 'CompressionStream'";
      const f = formatArg(format, ctx, arguments.length);
      attach(this, { kind: "CompressionStream", transform: codecStream(f, false, ctx) });
    }
    get readable() { return unwrap(this, "CompressionStream").transform.readable; }
    get writable() { return unwrap(this, "CompressionStream").transform.writable; }
  }
  class DecompressionStream {
    constructor(format) {
      const ctx = "Failed to construct 'DecompressionStream'";
      const f = formatArg(format, ctx, arguments.length);
      attach(this, { kind: "DecompressionStream", transform: codecStream(f, true, ctx) });
    }
    get readable() { return unwrap(this, "DecompressionStream").transform.readable; }
    get writable() { return unwrap(this, "DecompressionStream").transform.writable; }
  }
  for (const cls of [CompressionStream, DecompressionStream]) {
    Object.defineProperty(cls.prototype, Symbol.toStringTag, { value: cls.name, configurable: true });
    internal.webSlot.defineInspect(cls, (o) => ({ readable: o.readable, writable: o.writable }));
  }

  internal.webApis = Object.assign(internal.webApis ?? {}, { CompressionStream, DecompressionStream });
})
