// FileReader and ProgressEvent (https://w3c.github.io/FileAPI/#APIASynch), with the event order and
// timing Deno's FileReader has: the blob is read through its stream, loadstart, progress and load/loadend
// are queued as microtasks, and abort() fires abort and loadend at once.
(function (binding, internal) {
  "use strict";
  const { Event, EventTarget } = internal.events;
  const { webidl, DOMException } = internal;

  class ProgressEvent extends Event {
    #lengthComputable;
    #loaded;
    #total;
    constructor(type, eventInitDict = undefined) {
      super(type, eventInitDict);
      const init = eventInitDict ?? {};
      this.#lengthComputable = Boolean(init.lengthComputable);
      this.#loaded = Number(init.loaded ?? 0);
      this.#total = Number(init.total ?? 0);
    }
    get lengthComputable() { return this.#lengthComputable; }
    get loaded() { return this.#loaded; }
    get total() { return this.#total; }
    get [Symbol.toStringTag]() { return "ProgressEvent"; }
  }
  internal.defineEventInspect(ProgressEvent, ["lengthComputable", "loaded", "total"]);

  const STATES = { empty: 0, loading: 1, done: 2 };

  /** One character per byte, as readAsBinaryString gives and btoa takes. */
  function binaryString(bytes) {
    let s = "";
    for (let i = 0; i < bytes.length; i += 8192) s += String.fromCharCode.apply(null, bytes.subarray(i, i + 8192));
    return s;
  }

  class FileReader extends EventTarget {
    #state = "empty";
    #result = null;
    #error = null;
    /** Bumped by every read and abort: a read whose number is not current stops delivering. */
    #generation = 0;

    get readyState() { return STATES[this.#state]; }
    get result() { return this.#result; }
    get error() { return this.#error; }

    readAsArrayBuffer(blob) {
      this.#start("readAsArrayBuffer", arguments.length, blob, (bytes) => bytes.buffer);
    }

    readAsBinaryString(blob) {
      this.#start("readAsBinaryString", arguments.length, blob, binaryString);
    }

    readAsDataURL(blob) {
      this.#start("readAsDataURL", arguments.length, blob, (bytes) =>
        `data:${blob.type || "application/octet-stream"};base64,${internal.encoding.btoa(binaryString(bytes))}`);
    }

    readAsText(blob, encoding = undefined) {
      this.#start("readAsText", arguments.length, blob, (bytes) => {
        const decoder = decoderFor(encoding === undefined ? undefined : String(encoding), blob.type);
        return decoder.decode(bytes);
      });
    }

    abort() {
      if (this.#state === "empty" || this.#state === "done") {
        this.#result = null;
        return;
      }
      this.#state = "done";
      this.#result = null;
      this.#generation++;
      this.dispatchEvent(new ProgressEvent("abort", {}));
      if (this.#state !== "loading") this.dispatchEvent(new ProgressEvent("loadend", {}));
    }

    #start(method, argumentCount, blob, packageData) {
      webidl.requiredArguments(argumentCount, 1, `Failed to execute '${method}' on 'FileReader'`);
      if (this.#state === "loading") throw new DOMException("Invalid FileReader state", "InvalidStateError");
      this.#state = "loading";
      this.#result = null;
      this.#error = null;
      const generation = ++this.#generation;
      // Deno reads whatever it is given through .stream() and fails with its own minified name.
      if (blob === null || blob === undefined || typeof blob.stream !== "function") {
        throw new TypeError("e.stream is not a function");
      }
      this.#read(blob.stream().getReader(), generation, packageData);
    }

    async #read(reader, generation, packageData) {
      const current = () => generation === this.#generation;
      const chunks = [];
      let size = 0;
      let first = true;
      for (;;) {
        let chunk;
        try {
          chunk = await reader.read();
        } catch (error) {
          if (!current()) return;
          queueMicrotask(() => {
            if (!current()) return;
            this.#state = "done";
            this.#error = error;
            this.dispatchEvent(new ProgressEvent("error", {}));
            if (this.#state !== "loading") this.dispatchEvent(new ProgressEvent("loadend", {}));
          });
          return;
        }
        if (!current()) return;
        if (first) {
          queueMicrotask(() => current() && this.dispatchEvent(new ProgressEvent("loadstart", {})));
          first = false;
        }
        if (chunk.done) break;
        chunks.push(chunk.value);
        size += chunk.value.byteLength;
        const progress = new ProgressEvent("progress", { loaded: size });
        queueMicrotask(() => current() && this.dispatchEvent(progress));
      }
      queueMicrotask(() => {
        if (!current()) return;
        this.#state = "done";
        const bytes = new Uint8Array(size);
        let at = 0;
        for (const c of chunks) {
          bytes.set(c, at);
          at += c.byteLength;
        }
        this.#result = packageData(bytes);
        const sizes = { lengthComputable: true, loaded: size, total: size };
        this.dispatchEvent(new ProgressEvent("load", sizes));
        // A load handler may have started another read: then this one's loadend is not fired.
        if (this.#state !== "loading") this.dispatchEvent(new ProgressEvent("loadend", sizes));
      });
    }

    get [Symbol.toStringTag]() { return "FileReader"; }
  }

  /** The encoding given, else the blob type's charset, else UTF-8 (labels that do not name one ignored). */
  function decoderFor(label, type) {
    const { TextDecoder } = internal.encoding;
    for (const candidate of [label, internal.body.parseMimeType(type)?.parameters.get("charset")]) {
      if (candidate === undefined) continue;
      try {
        return new TextDecoder(candidate);
      } catch {
        // Not an encoding: the next candidate.
      }
    }
    return new TextDecoder();
  }

  for (const [name, value] of Object.entries(STATES)) {
    const constant = { value, enumerable: true };
    Object.defineProperty(FileReader, name.toUpperCase(), constant);
    Object.defineProperty(FileReader.prototype, name.toUpperCase(), constant);
  }
  for (const type of ["loadstart", "progress", "load", "abort", "error", "loadend"]) {
    webidl.defineEventHandler(FileReader.prototype, type);
  }
  internal.defineInspect(FileReader, (r) => ({ error: r.error, readyState: r.readyState, result: r.result }));

  internal.webApis = Object.assign(internal.webApis ?? {}, { FileReader, ProgressEvent });
})
