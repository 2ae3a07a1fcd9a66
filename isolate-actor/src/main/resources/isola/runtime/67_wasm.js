// WebAssembly is GraalWasm behind GraalJS's WebAssembly API; Deno adds the streaming entry points,
// which take a Response (or a promise of one), as its fetch extension does. Response and fetch load
// on first use.
(function (binding, internal) {
  "use strict";
  const native = globalThis.WebAssembly;
  if (native === undefined) return;

  // Deno names compileStreaming in the errors of both entry points.
  async function responseBytes(source) {
    const res = await source;
    const Response = internal.webApis.Response;
    if (!(res instanceof Response)) {
      throw new TypeError("Failed to execute 'WebAssembly.compileStreaming': Argument 1 is not of type Response");
    }
    // file: responses have no Content-Type.
    if (!res.url.startsWith("file://")) {
      const contentType = res.headers.get("Content-Type");
      if (typeof contentType !== "string" || contentType.toLowerCase() !== "application/wasm") {
        throw new TypeError("Invalid WebAssembly content type");
      }
    }
    if (!res.ok) throw new TypeError(`Failed to receive WebAssembly content: HTTP status code ${res.status}`);
    return await res.arrayBuffer();
  }

  const { compileStreaming, instantiateStreaming } = {
    async compileStreaming(source) {
      return native.compile(await responseBytes(source));
    },
    async instantiateStreaming(source, importObject = undefined) {
      return native.instantiate(await responseBytes(source), importObject);
    },
  };
  for (const [name, value] of Object.entries({ compileStreaming, instantiateStreaming })) {
    Object.defineProperty(native, name, { value, writable: true, enumerable: false, configurable: true });
  }
})
