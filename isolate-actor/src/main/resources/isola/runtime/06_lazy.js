// Runtime files loaded on first use. Evaluating every Web API file in every context cost about two
// thirds of a worker's start-up (bench/js/worker_density.js: the classes of streams, fetch, URL, crypto
// and encoding alone were ~8 ms of ~15 ms per isolate) and most of its retained heap, while a typical
// isolate touches few of them. Each group below is evaluated when something first reads one of its
// `internal` keys or one of its globals; until then those are accessors that load the group and then
// replace themselves with plain data properties, as Deno's globals are.
(function (binding, internal) {
  "use strict";

  const groups = [
    // Formatting of values other than strings (console.log of objects, Deno.inspect, error reports).
    { files: ["01_inspect.js"], internal: ["inspect", "inspectInternals"], globals: [] },
    {
      files: ["07_disposable_stack.js"],
      internal: [],
      globals: ["DisposableStack", "AsyncDisposableStack", "SuppressedError"],
    },
    { files: ["41_abort.js"], internal: ["abort"], globals: ["AbortController", "AbortSignal"] },
    { files: ["42_encoding.js"], internal: ["encoding"], globals: ["TextEncoder", "TextDecoder", "atob", "btoa"] },
    { files: ["43_url.js"], internal: ["url"], globals: ["URL", "URLSearchParams"] },
    // postMessage and BroadcastChannel reach it through internal.serialization when they first send.
    { files: ["45_structured_clone.js"], internal: ["structuredClone", "serialization"], globals: ["structuredClone"] },
    { files: ["44_urlpattern.js"], internal: ["urlPattern"], globals: ["URLPattern"] },
    {
      files: ["46_performance.js"],
      internal: ["performance", "isPerformanceEntry"],
      globals: [
        "Performance", "PerformanceEntry", "PerformanceMark", "PerformanceMeasure", "PerformanceObserver",
        "PerformanceObserverEntryList", "performance",
      ],
    },
    {
      files: ["50_streams.js"],
      internal: ["streams"],
      globals: [
        "ReadableStream", "ReadableStreamDefaultReader", "ReadableStreamBYOBReader", "ReadableStreamBYOBRequest",
        "ReadableStreamDefaultController", "ReadableByteStreamController", "WritableStream",
        "WritableStreamDefaultWriter", "WritableStreamDefaultController", "TransformStream",
        "TransformStreamDefaultController", "ByteLengthQueuingStrategy", "CountQueuingStrategy",
      ],
    },
    { files: ["48_locks.js"], internal: ["locks"], globals: ["Lock", "LockManager"] },
    { files: ["51_blob.js"], internal: ["blob"], globals: ["Blob", "File"] },
    { files: ["51_filereader.js"], internal: [], globals: ["FileReader", "ProgressEvent"] },
    { files: ["52_formdata.js"], internal: ["formData"], globals: ["FormData"] },
    { files: ["53_compression.js"], internal: [], globals: ["CompressionStream", "DecompressionStream"] },
    { files: ["54_crypto.js"], internal: [], globals: ["Crypto", "SubtleCrypto", "CryptoKey", "crypto", "QuotaExceededError"] },
    { files: ["55_text_streams.js"], internal: [], globals: ["TextEncoderStream", "TextDecoderStream"] },
    { files: ["56_headers.js"], internal: ["headers"], globals: ["Headers"] },
    { files: ["57_body.js"], internal: ["body"], globals: [] },
    { files: ["58_request.js", "59_response.js"], internal: ["fetch"], globals: ["Request", "Response"] },
    { files: ["63_fetch.js"], internal: ["fetchApi"], globals: ["fetch"] },
    { files: ["65_websocket.js"], internal: ["webSocket"], globals: ["WebSocket", "CloseEvent"] },
    { files: ["68_event_source.js"], internal: [], globals: ["EventSource"] },
    // Deno namespace families (90_deno_ns.js makes their members accessors until then).
    { files: ["32_process.js"], internal: ["process"], globals: [] },
    { files: ["62_http.js"], internal: ["http"], globals: [] },
    // `isola test` loads it as soon as the main module has run (99_main.js).
    { files: ["80_testing.js"], internal: ["testing"], globals: [] },
    // Deno's workers have no Web Storage.
    { files: ["66_webstorage.js"], internal: [], globals: ["Storage", "localStorage", "sessionStorage"], mainOnly: true },
  ];
  const inWorker = binding.op_worker_role() !== null;

  // A global still waiting for its group is an accessor here; 90_deno_ns.js makes it one on globalThis too.
  const webApis = internal.webApis = {};

  function dataProperty(target, key, value) {
    Object.defineProperty(target, key, { value, writable: true, enumerable: true, configurable: true });
  }

  /**
   * `key` of `target` as an accessor until first read, which computes the value with `get` and leaves
   * it as a plain data property; an assignment does the same. 90_deno_ns.js uses it for Deno members.
   */
  function lazyValue(target, key, get) {
    Object.defineProperty(target, key, {
      get() {
        const value = get();
        dataProperty(target, key, value);
        return value;
      },
      set(value) {
        dataProperty(target, key, value);
      },
      enumerable: true,
      configurable: true,
    });
  }
  internal.lazyValue = lazyValue;

  // The group's files assign the key (through the setter above) while `load` runs.
  const lazyProperty = (target, key, load) => lazyValue(target, key, () => {
    load();
    return target[key];
  });

  function loader(group) {
    let loaded = false;
    return function load() {
      if (loaded) return;
      loaded = true;
      // The files assign these keys themselves (some with `internal.x ?? {}`): they must find nothing.
      for (const key of group.internal) delete internal[key];
      for (const name of group.globals) delete webApis[name];
      const before = new Set(Object.keys(webApis));
      for (const file of group.files) binding.op_load_runtime(file);
      for (const key of group.internal) {
        if (!Object.hasOwn(internal, key)) throw new Error(`isola: ${group.files} did not define internal.${key}`);
      }
      for (const name of Object.keys(webApis)) {
        if (!before.has(name) && !group.globals.includes(name)) {
          throw new Error(`isola: ${group.files} defines the global ${name}, missing from 06_lazy.js`);
        }
      }
      for (const name of group.globals) {
        if (!Object.hasOwn(webApis, name)) throw new Error(`isola: ${group.files} did not define the global ${name}`);
      }
    };
  }

  // SharedEngine reads the `files` lists above to skip these files when an isolate starts.
  // Indexed loops: see 00_infra.js (start-up code and the array iterator).
  for (let g = 0; g < groups.length; g++) {
    const group = groups[g];
    const load = loader(group);
    for (let i = 0; i < group.internal.length; i++) lazyProperty(internal, group.internal[i], load);
    if (group.mainOnly && inWorker) continue;
    for (let i = 0; i < group.globals.length; i++) lazyProperty(webApis, group.globals[i], load);
  }

  internal.lazy = {
    // GraalJS's own (js.text-encoding), which 42_encoding.js wraps: the globals are ours by the time it loads.
    NativeEncoder: internal.nativeText.TextEncoder,
    NativeDecoder: internal.nativeText.TextDecoder,
  };
})
