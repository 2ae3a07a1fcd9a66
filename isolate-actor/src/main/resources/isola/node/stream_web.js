// node:stream/web: the runtime's Web streams (and the encoding and compression streams) under Node's
// module name; the same classes as the globals.
(function (binding, internal) {
  "use strict";
  const names = [
    "ByteLengthQueuingStrategy", "CompressionStream", "CountQueuingStrategy", "DecompressionStream",
    "ReadableByteStreamController", "ReadableStream", "ReadableStreamBYOBReader", "ReadableStreamBYOBRequest",
    "ReadableStreamDefaultController", "ReadableStreamDefaultReader", "TextDecoderStream", "TextEncoderStream",
    "TransformStream", "TransformStreamDefaultController", "WritableStream", "WritableStreamDefaultController",
    "WritableStreamDefaultWriter",
  ];
  const exports = {};
  for (const name of names) exports[name] = internal.webApis[name];
  return exports;
})
