// WHATWG Streams (https://streams.spec.whatwg.org/), written from the spec's algorithms; the order in which
// promises settle is observable, so the abstract operations keep the spec's names and step order.
// Each public object carries one hidden slot (a private field stamped on by `Slot`) that points at its
// internal record; the abstract operations work on those records, the public classes only unwrap them.
(function (binding, internal) {
  "use strict";

  // ---- hidden slots (40_webidl.js) ------------------------------------------------------------------
  const { attach, unwrap, invalidThis, illegalConstructor, isKind, make } = internal.webSlot;
  const Slot = { of: internal.webSlot.of };
  const illegal = Symbol("illegal constructor token");

  // ---- promises -----------------------------------------------------------------------------------
  const promiseThen = Promise.prototype.then;
  const noop = () => {};
  function upon(p, onFulfilled, onRejected) { return promiseThen.call(p, onFulfilled, onRejected); }
  function resolved(v) { return Promise.resolve(v); }
  function rejected(e) { return Promise.reject(e); }
  function setHandled(p) { promiseThen.call(p, undefined, noop); }
  /** A promise whose state the algorithms may inspect ("if promise is pending"). */
  class Deferred {
    constructor() {
      this.state = "pending";
      this.promise = new Promise((res, rej) => { this.res = res; this.rej = rej; });
    }
    resolve(v) { if (this.state === "pending") { this.state = "fulfilled"; this.res(v); } }
    reject(e) { if (this.state === "pending") { this.state = "rejected"; this.rej(e); } }
    static resolved(v) { const d = new Deferred(); d.resolve(v); return d; }
    static rejected(e) { const d = new Deferred(); d.reject(e); return d; }
  }
  /** Calls a user callback so that a throw becomes a rejected promise (WebIDL promise-returning call). */
  function promiseCall(fn, thisArg, ...args) {
    try { return resolved(fn === undefined ? undefined : fn.apply(thisArg, args)); } catch (e) { return rejected(e); }
  }

  // A FIFO with O(1) shift, for queues that may hold many chunks.
  class Queue {
    constructor() { this.items = []; this.head = 0; }
    get length() { return this.items.length - this.head; }
    push(v) { this.items.push(v); }
    shift() {
      const v = this.items[this.head];
      this.items[this.head++] = undefined;
      if (this.head > 1024 && this.head * 2 > this.items.length) { this.items = this.items.slice(this.head); this.head = 0; }
      return v;
    }
    peek() { return this.items[this.head]; }
    last() { return this.items[this.items.length - 1]; }
    clear() { this.items = []; this.head = 0; }
    *[Symbol.iterator]() { for (let i = this.head; i < this.items.length; i++) yield this.items[i]; }
  }

  // ---- WebIDL-ish conversions -----------------------------------------------------------------------
  function enumValue(value, allowed, context, type) {
    const s = String(value);
    if (!allowed.includes(s)) {
      throw new TypeError(`${context}: The provided value '${s}' is not a valid enum value of type ${type}`);
    }
    return s;
  }
  function dictMember(dict, name) { return dict === undefined || dict === null ? undefined : dict[name]; }
  function checkDict(v, context, argName, typeName) {
    if (v !== undefined && v !== null && typeof v !== "object" && typeof v !== "function") {
      throw new TypeError(`${context}: ${argName} can not be converted to '${typeName}' because it is not an object`);
    }
  }
  function callbackMember(dict, name, context, typeName) {
    const f = dictMember(dict, name);
    if (f !== undefined && typeof f !== "function") {
      throw new TypeError(`${context}: '${name}' of '${typeName}' (Argument 1) is not a function`);
    }
    return f;
  }
  function isView(v) { return ArrayBuffer.isView(v); }
  function isDetached(buffer) { return buffer.detached === true; }
  function transferBuffer(buffer) { return buffer.transfer(); }
  function viewCtor(view) { return view instanceof DataView ? DataView : view.constructor; }
  function elementSize(view) { return view instanceof DataView ? 1 : view.BYTES_PER_ELEMENT; }
  function canCopyDataBlockBytes(toBuffer, toIndex, fromBuffer, fromIndex, count) {
    return toBuffer !== fromBuffer && !isDetached(toBuffer) && !isDetached(fromBuffer) &&
      toIndex + count <= toBuffer.byteLength && fromIndex + count <= fromBuffer.byteLength;
  }
  function copyBytes(toBuffer, toIndex, fromBuffer, fromIndex, count) {
    new Uint8Array(toBuffer, toIndex, count).set(new Uint8Array(fromBuffer, fromIndex, count));
  }
  function cloneAsUint8Array(view) {
    return new Uint8Array(view.buffer.slice(view.byteOffset, view.byteOffset + view.byteLength));
  }

  // ---- queue-with-sizes -------------------------------------------------------------------------
  function dequeueValue(c) {
    const pair = c.queue.shift();
    c.queueTotalSize -= pair.size;
    if (c.queueTotalSize < 0) c.queueTotalSize = 0;
    return pair.value;
  }
  function enqueueValueWithSize(c, value, size) {
    if (typeof size !== "number" || Number.isNaN(size) || size < 0 || size === Infinity) {
      throw new RangeError("chunk size isn't a positive number");
    }
    c.queue.push({ value, size });
    c.queueTotalSize += size;
  }
  function resetQueue(c) { c.queue = new Queue(); c.queueTotalSize = 0; }

  function extractHighWaterMark(strategy, defaultHWM) {
    const hwm = dictMember(strategy, "highWaterMark");
    if (hwm === undefined) return defaultHWM;
    const n = Number(hwm);
    if (Number.isNaN(n) || n < 0) {
      throw new RangeError(`Expected highWaterMark to be a positive number or Infinity, got "${n}".`);
    }
    return n;
  }
  function extractSizeAlgorithm(strategy) {
    const size = dictMember(strategy, "size");
    if (size === undefined) return () => 1;
    if (typeof size !== "function") throw new TypeError("Failed to construct: 'size' of 'QueuingStrategy' is not a function");
    return (chunk) => size.call(undefined, chunk);
  }

  // =================================================================================================
  // ReadableStream
  // =================================================================================================
  function initializeReadableStream(s) {
    s.state = "readable";
    s.reader = undefined;
    s.storedError = undefined;
    s.disturbed = false;
  }
  function newReadableRecord() {
    const s = { kind: "ReadableStream" };
    initializeReadableStream(s);
    return s;
  }
  function createReadableStream(startAlgorithm, pullAlgorithm, cancelAlgorithm, highWaterMark = 1, sizeAlgorithm = () => 1) {
    const s = make(ReadableStream, newReadableRecord());
    const c = make(ReadableStreamDefaultController, { kind: "ReadableStreamDefaultController" });
    setUpReadableStreamDefaultController(s, c, startAlgorithm, pullAlgorithm, cancelAlgorithm, highWaterMark, sizeAlgorithm);
    return s;
  }
  function createReadableByteStream(startAlgorithm, pullAlgorithm, cancelAlgorithm) {
    const s = make(ReadableStream, newReadableRecord());
    const c = make(ReadableByteStreamController, { kind: "ReadableByteStreamController" });
    setUpReadableByteStreamController(s, c, startAlgorithm, pullAlgorithm, cancelAlgorithm, 0, undefined);
    return s;
  }
  function isReadableStreamLocked(s) { return s.reader !== undefined; }

  function readableStreamCancel(s, reason) {
    s.disturbed = true;
    if (s.state === "closed") return resolved(undefined);
    if (s.state === "errored") return rejected(s.storedError);
    readableStreamClose(s);
    const reader = s.reader;
    if (reader !== undefined && reader.kind === "ReadableStreamBYOBReader") {
      const requests = reader.readIntoRequests;
      reader.readIntoRequests = new Queue();
      for (const r of requests) r.closeSteps(undefined);
    }
    const sourceCancelPromise = s.controller.cancelSteps(reason);
    return upon(sourceCancelPromise, noop);
  }
  function readableStreamClose(s) {
    s.state = "closed";
    const reader = s.reader;
    if (reader === undefined) return;
    reader.closed.resolve(undefined);
    if (reader.kind === "ReadableStreamDefaultReader") {
      const requests = reader.readRequests;
      reader.readRequests = new Queue();
      for (const r of requests) r.closeSteps();
    }
  }
  function readableStreamError(s, e) {
    s.state = "errored";
    s.storedError = e;
    const reader = s.reader;
    if (reader === undefined) return;
    reader.closed.reject(e);
    setHandled(reader.closed.promise);
    if (reader.kind === "ReadableStreamDefaultReader") readableStreamDefaultReaderErrorReadRequests(reader, e);
    else readableStreamBYOBReaderErrorReadIntoRequests(reader, e);
  }
  function readableStreamAddReadRequest(s, r) { s.reader.readRequests.push(r); }
  function readableStreamAddReadIntoRequest(s, r) { s.reader.readIntoRequests.push(r); }
  function readableStreamFulfillReadRequest(s, chunk, done) {
    const r = s.reader.readRequests.shift();
    if (done) r.closeSteps(); else r.chunkSteps(chunk);
  }
  function readableStreamFulfillReadIntoRequest(s, chunk, done) {
    const r = s.reader.readIntoRequests.shift();
    if (done) r.closeSteps(chunk); else r.chunkSteps(chunk);
  }
  function readableStreamGetNumReadRequests(s) { return s.reader.readRequests.length; }
  function readableStreamGetNumReadIntoRequests(s) { return s.reader.readIntoRequests.length; }
  function readableStreamHasDefaultReader(s) { return s.reader !== undefined && s.reader.kind === "ReadableStreamDefaultReader"; }
  function readableStreamHasBYOBReader(s) { return s.reader !== undefined && s.reader.kind === "ReadableStreamBYOBReader"; }

  // ---- readers ------------------------------------------------------------------------------------
  function readerGenericInitialize(reader, s) {
    reader.stream = s;
    s.reader = reader;
    if (s.state === "readable") reader.closed = new Deferred();
    else if (s.state === "closed") reader.closed = Deferred.resolved(undefined);
    else { reader.closed = Deferred.rejected(s.storedError); setHandled(reader.closed.promise); }
  }
  function readerGenericCancel(reader, reason) { return readableStreamCancel(reader.stream, reason); }
  function readerGenericRelease(reader) {
    const s = reader.stream;
    const err = new TypeError("Reader was released and can no longer be used to monitor the stream's closedness.");
    if (s.state === "readable") reader.closed.reject(err);
    else { reader.closed = Deferred.rejected(err); }
    setHandled(reader.closed.promise);
    s.controller.releaseSteps();
    s.reader = undefined;
    reader.stream = undefined;
  }
  function setUpDefaultReader(reader, s) {
    if (isReadableStreamLocked(s)) throw new TypeError("ReadableStream is locked");
    readerGenericInitialize(reader, s);
    reader.readRequests = new Queue();
  }
  function setUpBYOBReader(reader, s) {
    if (isReadableStreamLocked(s)) throw new TypeError("ReadableStream is locked");
    if (s.controller.kind !== "ReadableByteStreamController") {
      throw new TypeError("Cannot use a BYOB reader with a non-byte stream");
    }
    readerGenericInitialize(reader, s);
    reader.readIntoRequests = new Queue();
  }
  function acquireDefaultReader(s) {
    const reader = make(ReadableStreamDefaultReader, { kind: "ReadableStreamDefaultReader" });
    setUpDefaultReader(reader, s);
    return reader;
  }
  function acquireBYOBReader(s) {
    const reader = make(ReadableStreamBYOBReader, { kind: "ReadableStreamBYOBReader" });
    setUpBYOBReader(reader, s);
    return reader;
  }
  function readableStreamDefaultReaderRead(reader, readRequest) {
    const s = reader.stream;
    s.disturbed = true;
    if (s.state === "closed") readRequest.closeSteps();
    else if (s.state === "errored") readRequest.errorSteps(s.storedError);
    else s.controller.pullSteps(readRequest);
  }
  function readableStreamDefaultReaderRelease(reader) {
    readerGenericRelease(reader);
    readableStreamDefaultReaderErrorReadRequests(reader, new TypeError("The reader was released."));
  }
  function readableStreamDefaultReaderErrorReadRequests(reader, e) {
    const requests = reader.readRequests;
    reader.readRequests = new Queue();
    for (const r of requests) r.errorSteps(e);
  }
  function readableStreamBYOBReaderRead(reader, view, min, readIntoRequest) {
    const s = reader.stream;
    s.disturbed = true;
    if (s.state === "errored") readIntoRequest.errorSteps(s.storedError);
    else readableByteStreamControllerPullInto(s.controller, view, min, readIntoRequest);
  }
  function readableStreamBYOBReaderRelease(reader) {
    readerGenericRelease(reader);
    readableStreamBYOBReaderErrorReadIntoRequests(reader, new TypeError("The reader was released."));
  }
  function readableStreamBYOBReaderErrorReadIntoRequests(reader, e) {
    const requests = reader.readIntoRequests;
    reader.readIntoRequests = new Queue();
    for (const r of requests) r.errorSteps(e);
  }
  function readRequestFor(d) {
    return {
      chunkSteps: (chunk) => d.resolve({ value: chunk, done: false }),
      closeSteps: () => d.resolve({ value: undefined, done: true }),
      errorSteps: (e) => d.reject(e),
    };
  }

  // ---- default controller ---------------------------------------------------------------------------
  function rsdcCallPullIfNeeded(c) {
    if (!rsdcShouldCallPull(c)) return;
    if (c.pulling) { c.pullAgain = true; return; }
    c.pulling = true;
    upon(c.pullAlgorithm(), () => {
      c.pulling = false;
      if (c.pullAgain) { c.pullAgain = false; rsdcCallPullIfNeeded(c); }
    }, (e) => rsdcError(c, e));
  }
  function rsdcShouldCallPull(c) {
    const s = c.stream;
    if (!rsdcCanCloseOrEnqueue(c)) return false;
    if (!c.started) return false;
    if (isReadableStreamLocked(s) && readableStreamGetNumReadRequests(s) > 0) return true;
    return rsdcGetDesiredSize(c) > 0;
  }
  function rsdcClearAlgorithms(c) {
    c.pullAlgorithm = undefined;
    c.cancelAlgorithm = undefined;
    c.strategySizeAlgorithm = undefined;
  }
  function rsdcClose(c) {
    if (!rsdcCanCloseOrEnqueue(c)) return;
    c.closeRequested = true;
    if (c.queue.length === 0) {
      rsdcClearAlgorithms(c);
      readableStreamClose(c.stream);
    }
  }
  function rsdcEnqueue(c, chunk) {
    if (!rsdcCanCloseOrEnqueue(c)) return;
    const s = c.stream;
    if (isReadableStreamLocked(s) && readableStreamGetNumReadRequests(s) > 0) {
      readableStreamFulfillReadRequest(s, chunk, false);
    } else {
      let size;
      try {
        size = c.strategySizeAlgorithm(chunk);
      } catch (e) {
        rsdcError(c, e);
        throw e;
      }
      try {
        enqueueValueWithSize(c, chunk, size);
      } catch (e) {
        rsdcError(c, e);
        throw e;
      }
    }
    rsdcCallPullIfNeeded(c);
  }
  function rsdcError(c, e) {
    const s = c.stream;
    if (s.state !== "readable") return;
    resetQueue(c);
    rsdcClearAlgorithms(c);
    readableStreamError(s, e);
  }
  function rsdcGetDesiredSize(c) {
    const state = c.stream.state;
    if (state === "errored") return null;
    if (state === "closed") return 0;
    return c.strategyHWM - c.queueTotalSize;
  }
  function rsdcHasBackpressure(c) { return !rsdcShouldCallPull(c); }
  function rsdcCanCloseOrEnqueue(c) { return !c.closeRequested && c.stream.state === "readable"; }
  function setUpReadableStreamDefaultController(s, c, startAlgorithm, pullAlgorithm, cancelAlgorithm, highWaterMark, sizeAlgorithm) {
    c.stream = s;
    resetQueue(c);
    c.started = c.closeRequested = c.pullAgain = c.pulling = false;
    c.strategySizeAlgorithm = sizeAlgorithm;
    c.strategyHWM = highWaterMark;
    c.pullAlgorithm = pullAlgorithm;
    c.cancelAlgorithm = cancelAlgorithm;
    c.cancelSteps = (reason) => {
      resetQueue(c);
      const result = c.cancelAlgorithm(reason);
      rsdcClearAlgorithms(c);
      return result;
    };
    c.pullSteps = (readRequest) => {
      if (c.queue.length > 0) {
        const chunk = dequeueValue(c);
        if (c.closeRequested && c.queue.length === 0) {
          rsdcClearAlgorithms(c);
          readableStreamClose(s);
        } else {
          rsdcCallPullIfNeeded(c);
        }
        readRequest.chunkSteps(chunk);
      } else {
        readableStreamAddReadRequest(s, readRequest);
        rsdcCallPullIfNeeded(c);
      }
    };
    c.releaseSteps = noop;
    s.controller = c;
    const startResult = startAlgorithm();
    upon(resolved(startResult), () => {
      c.started = true;
      rsdcCallPullIfNeeded(c);
    }, (r) => rsdcError(c, r));
  }
  function setUpReadableStreamDefaultControllerFromUnderlyingSource(s, source, dict, highWaterMark, sizeAlgorithm) {
    const c = make(ReadableStreamDefaultController, { kind: "ReadableStreamDefaultController" });
    const start = dict.start, pull = dict.pull, cancel = dict.cancel;
    setUpReadableStreamDefaultController(s, c,
      () => start === undefined ? undefined : start.call(source, c.obj),
      () => promiseCall(pull, source, c.obj),
      (reason) => promiseCall(cancel, source, reason),
      highWaterMark, sizeAlgorithm);
  }

  // ---- byte stream controller -------------------------------------------------------------------------
  function rbscGetBYOBRequest(c) {
    if (c.byobRequest === null && c.pendingPullIntos.length > 0) {
      const first = c.pendingPullIntos.peek();
      const view = new Uint8Array(first.buffer, first.byteOffset + first.bytesFilled, first.byteLength - first.bytesFilled);
      const req = make(ReadableStreamBYOBRequest, { kind: "ReadableStreamBYOBRequest" });
      req.controller = c;
      req.view = view;
      c.byobRequest = req;
    }
    return c.byobRequest;
  }
  function rbscGetDesiredSize(c) {
    const state = c.stream.state;
    if (state === "errored") return null;
    if (state === "closed") return 0;
    return c.strategyHWM - c.queueTotalSize;
  }
  function rbscCallPullIfNeeded(c) {
    if (!rbscShouldCallPull(c)) return;
    if (c.pulling) { c.pullAgain = true; return; }
    c.pulling = true;
    upon(c.pullAlgorithm(), () => {
      c.pulling = false;
      if (c.pullAgain) { c.pullAgain = false; rbscCallPullIfNeeded(c); }
    }, (e) => rbscError(c, e));
  }
  function rbscClearAlgorithms(c) { c.pullAlgorithm = undefined; c.cancelAlgorithm = undefined; }
  function rbscClearPendingPullIntos(c) { rbscInvalidateBYOBRequest(c); c.pendingPullIntos = new Queue(); }
  function rbscClose(c) {
    const s = c.stream;
    if (c.closeRequested || s.state !== "readable") return;
    if (c.queueTotalSize > 0) { c.closeRequested = true; return; }
    if (c.pendingPullIntos.length > 0) {
      const first = c.pendingPullIntos.peek();
      if (first.bytesFilled % first.elementSize !== 0) {
        const e = new TypeError("Insufficient bytes to fill elements in the given buffer");
        rbscError(c, e);
        throw e;
      }
    }
    rbscClearAlgorithms(c);
    readableStreamClose(s);
  }
  function rbscCommitPullIntoDescriptor(s, d) {
    let done = false;
    if (s.state === "closed") done = true;
    const filledView = rbscConvertPullIntoDescriptor(d);
    if (d.readerType === "default") readableStreamFulfillReadRequest(s, filledView, done);
    else readableStreamFulfillReadIntoRequest(s, filledView, done);
  }
  function rbscConvertPullIntoDescriptor(d) {
    const buffer = transferBuffer(d.buffer);
    return new d.viewConstructor(buffer, d.byteOffset, d.bytesFilled / d.elementSize);
  }
  function rbscEnqueue(c, chunk) {
    const s = c.stream;
    if (c.closeRequested || s.state !== "readable") return;
    const buffer = chunk.buffer, byteOffset = chunk.byteOffset, byteLength = chunk.byteLength;
    if (isDetached(buffer)) throw new TypeError("chunk's buffer is detached and so cannot be enqueued");
    const transferred = transferBuffer(buffer);
    if (c.pendingPullIntos.length > 0) {
      const first = c.pendingPullIntos.peek();
      if (isDetached(first.buffer)) throw new TypeError("The BYOB request's buffer has been detached and so cannot be filled with an enqueued chunk");
      rbscInvalidateBYOBRequest(c);
      first.buffer = transferBuffer(first.buffer);
      if (first.readerType === "none") rbscEnqueueDetachedPullIntoToQueue(c, first);
    }
    if (readableStreamHasDefaultReader(s)) {
      rbscProcessReadRequestsUsingQueue(c);
      if (readableStreamGetNumReadRequests(s) === 0) {
        rbscEnqueueChunkToQueue(c, transferred, byteOffset, byteLength);
      } else {
        if (c.pendingPullIntos.length > 0) rbscShiftPendingPullInto(c);
        readableStreamFulfillReadRequest(s, new Uint8Array(transferred, byteOffset, byteLength), false);
      }
    } else if (readableStreamHasBYOBReader(s)) {
      rbscEnqueueChunkToQueue(c, transferred, byteOffset, byteLength);
      const filled = rbscProcessPullIntoDescriptorsUsingQueue(c);
      for (const d of filled) rbscCommitPullIntoDescriptor(s, d);
    } else {
      rbscEnqueueChunkToQueue(c, transferred, byteOffset, byteLength);
    }
    rbscCallPullIfNeeded(c);
  }
  function rbscEnqueueChunkToQueue(c, buffer, byteOffset, byteLength) {
    c.queue.push({ buffer, byteOffset, byteLength });
    c.queueTotalSize += byteLength;
  }
  function rbscEnqueueClonedChunkToQueue(c, buffer, byteOffset, byteLength) {
    let clone;
    try {
      clone = buffer.slice(byteOffset, byteOffset + byteLength);
    } catch (e) {
      rbscError(c, e);
      throw e;
    }
    rbscEnqueueChunkToQueue(c, clone, 0, byteLength);
  }
  function rbscEnqueueDetachedPullIntoToQueue(c, d) {
    if (d.bytesFilled > 0) rbscEnqueueClonedChunkToQueue(c, d.buffer, d.byteOffset, d.bytesFilled);
    rbscShiftPendingPullInto(c);
  }
  function rbscError(c, e) {
    const s = c.stream;
    if (s.state !== "readable") return;
    rbscClearPendingPullIntos(c);
    resetQueue(c);
    rbscClearAlgorithms(c);
    readableStreamError(s, e);
  }
  function rbscFillHeadPullIntoDescriptor(c, size, d) { d.bytesFilled += size; }
  function rbscFillPullIntoDescriptorFromQueue(c, d) {
    const maxBytesToCopy = Math.min(c.queueTotalSize, d.byteLength - d.bytesFilled);
    const maxBytesFilled = d.bytesFilled + maxBytesToCopy;
    let totalBytesToCopyRemaining = maxBytesToCopy;
    let ready = false;
    const remainderBytes = maxBytesFilled % d.elementSize;
    const maxAlignedBytes = maxBytesFilled - remainderBytes;
    if (maxAlignedBytes >= d.minimumFill) {
      totalBytesToCopyRemaining = maxAlignedBytes - d.bytesFilled;
      ready = true;
    }
    const queue = c.queue;
    while (totalBytesToCopyRemaining > 0) {
      const head = queue.peek();
      const bytesToCopy = Math.min(totalBytesToCopyRemaining, head.byteLength);
      const destStart = d.byteOffset + d.bytesFilled;
      copyBytes(d.buffer, destStart, head.buffer, head.byteOffset, bytesToCopy);
      if (head.byteLength === bytesToCopy) queue.shift();
      else { head.byteOffset += bytesToCopy; head.byteLength -= bytesToCopy; }
      c.queueTotalSize -= bytesToCopy;
      rbscFillHeadPullIntoDescriptor(c, bytesToCopy, d);
      totalBytesToCopyRemaining -= bytesToCopy;
    }
    return ready;
  }
  function rbscFillReadRequestFromQueue(c, readRequest) {
    const entry = c.queue.shift();
    c.queueTotalSize -= entry.byteLength;
    rbscHandleQueueDrain(c);
    readRequest.chunkSteps(new Uint8Array(entry.buffer, entry.byteOffset, entry.byteLength));
  }
  function rbscHandleQueueDrain(c) {
    if (c.queueTotalSize === 0 && c.closeRequested) {
      rbscClearAlgorithms(c);
      readableStreamClose(c.stream);
    } else {
      rbscCallPullIfNeeded(c);
    }
  }
  function rbscInvalidateBYOBRequest(c) {
    if (c.byobRequest === null) return;
    c.byobRequest.controller = undefined;
    c.byobRequest.view = null;
    c.byobRequest = null;
  }
  function rbscProcessPullIntoDescriptorsUsingQueue(c) {
    const filled = [];
    while (c.pendingPullIntos.length > 0) {
      if (c.queueTotalSize === 0) break;
      const d = c.pendingPullIntos.peek();
      if (rbscFillPullIntoDescriptorFromQueue(c, d)) {
        rbscShiftPendingPullInto(c);
        filled.push(d);
      }
    }
    return filled;
  }
  function rbscProcessReadRequestsUsingQueue(c) {
    const reader = c.stream.reader;
    while (reader.readRequests.length > 0) {
      if (c.queueTotalSize === 0) return;
      rbscFillReadRequestFromQueue(c, reader.readRequests.shift());
    }
  }
  function readableByteStreamControllerPullInto(c, view, min, readIntoRequest) {
    const s = c.stream;
    const ctor = viewCtor(view);
    const esize = elementSize(view);
    const minimumFill = min * esize;
    const byteOffset = view.byteOffset, byteLength = view.byteLength;
    let buffer;
    try {
      buffer = transferBuffer(view.buffer);
    } catch (e) {
      readIntoRequest.errorSteps(e);
      return;
    }
    const d = {
      buffer, bufferByteLength: buffer.byteLength, byteOffset, byteLength, bytesFilled: 0, minimumFill,
      elementSize: esize, viewConstructor: ctor, readerType: "byob",
    };
    if (c.pendingPullIntos.length > 0) {
      c.pendingPullIntos.push(d);
      readableStreamAddReadIntoRequest(s, readIntoRequest);
      return;
    }
    if (s.state === "closed") {
      const emptyView = new ctor(d.buffer, d.byteOffset, 0);
      readIntoRequest.closeSteps(emptyView);
      return;
    }
    if (c.queueTotalSize > 0) {
      if (rbscFillPullIntoDescriptorFromQueue(c, d)) {
        const filledView = rbscConvertPullIntoDescriptor(d);
        rbscHandleQueueDrain(c);
        readIntoRequest.chunkSteps(filledView);
        return;
      }
      if (c.closeRequested) {
        const e = new TypeError("Insufficient bytes to fill elements in the given buffer");
        rbscError(c, e);
        readIntoRequest.errorSteps(e);
        return;
      }
    }
    c.pendingPullIntos.push(d);
    readableStreamAddReadIntoRequest(s, readIntoRequest);
    rbscCallPullIfNeeded(c);
  }
  function rbscRespond(c, bytesWritten) {
    const first = c.pendingPullIntos.peek();
    const state = c.stream.state;
    if (state === "closed") {
      if (bytesWritten !== 0) throw new TypeError("bytesWritten must be 0 when calling respond() on a closed stream");
    } else {
      if (bytesWritten === 0) throw new TypeError("bytesWritten must be greater than 0 when calling respond() on a readable stream");
      if (first.bytesFilled + bytesWritten > first.byteLength) throw new RangeError('"bytesWritten" out of range');
    }
    first.buffer = transferBuffer(first.buffer);
    rbscRespondInternal(c, bytesWritten);
  }
  function rbscRespondInClosedState(c, first) {
    if (first.readerType === "none") rbscShiftPendingPullInto(c);
    const s = c.stream;
    if (readableStreamHasBYOBReader(s)) {
      const filled = [];
      while (filled.length < readableStreamGetNumReadIntoRequests(s)) filled.push(rbscShiftPendingPullInto(c));
      for (const d of filled) rbscCommitPullIntoDescriptor(s, d);
    }
  }
  function rbscRespondInReadableState(c, bytesWritten, d) {
    rbscFillHeadPullIntoDescriptor(c, bytesWritten, d);
    if (d.readerType === "none") {
      rbscEnqueueDetachedPullIntoToQueue(c, d);
      const filled = rbscProcessPullIntoDescriptorsUsingQueue(c);
      for (const f of filled) rbscCommitPullIntoDescriptor(c.stream, f);
      return;
    }
    if (d.bytesFilled < d.minimumFill) return;
    rbscShiftPendingPullInto(c);
    const remainderSize = d.bytesFilled % d.elementSize;
    if (remainderSize > 0) {
      const end = d.byteOffset + d.bytesFilled;
      rbscEnqueueClonedChunkToQueue(c, d.buffer, end - remainderSize, remainderSize);
    }
    d.bytesFilled -= remainderSize;
    const filled = rbscProcessPullIntoDescriptorsUsingQueue(c);
    rbscCommitPullIntoDescriptor(c.stream, d);
    for (const f of filled) rbscCommitPullIntoDescriptor(c.stream, f);
  }
  function rbscRespondInternal(c, bytesWritten) {
    const first = c.pendingPullIntos.peek();
    rbscInvalidateBYOBRequest(c);
    if (c.stream.state === "closed") rbscRespondInClosedState(c, first);
    else rbscRespondInReadableState(c, bytesWritten, first);
    rbscCallPullIfNeeded(c);
  }
  function rbscRespondWithNewView(c, view) {
    const first = c.pendingPullIntos.peek();
    const state = c.stream.state;
    if (state === "closed") {
      if (view.byteLength !== 0) throw new TypeError("The view's length must be 0 when calling respondWithNewView() on a closed stream");
    } else if (view.byteLength === 0) {
      throw new TypeError("The view's length must be greater than 0 when calling respondWithNewView() on a readable stream");
    }
    if (first.byteOffset + first.bytesFilled !== view.byteOffset) throw new RangeError("The region specified by view does not match byobRequest");
    if (first.bufferByteLength !== view.buffer.byteLength) throw new RangeError("The buffer of view has different capacity than byobRequest");
    if (first.bytesFilled + view.byteLength > first.byteLength) throw new RangeError("The region specified by view is larger than byobRequest");
    const viewByteLength = view.byteLength;
    first.buffer = transferBuffer(view.buffer);
    rbscRespondInternal(c, viewByteLength);
  }
  function rbscShiftPendingPullInto(c) { return c.pendingPullIntos.shift(); }
  function rbscShouldCallPull(c) {
    const s = c.stream;
    if (s.state !== "readable" || c.closeRequested || !c.started) return false;
    if (readableStreamHasDefaultReader(s) && readableStreamGetNumReadRequests(s) > 0) return true;
    if (readableStreamHasBYOBReader(s) && readableStreamGetNumReadIntoRequests(s) > 0) return true;
    return rbscGetDesiredSize(c) > 0;
  }
  function setUpReadableByteStreamController(s, c, startAlgorithm, pullAlgorithm, cancelAlgorithm, highWaterMark, autoAllocateChunkSize) {
    c.stream = s;
    c.pullAgain = c.pulling = false;
    c.byobRequest = null;
    resetQueue(c);
    c.closeRequested = c.started = false;
    c.strategyHWM = highWaterMark;
    c.pullAlgorithm = pullAlgorithm;
    c.cancelAlgorithm = cancelAlgorithm;
    c.autoAllocateChunkSize = autoAllocateChunkSize;
    c.pendingPullIntos = new Queue();
    c.cancelSteps = (reason) => {
      rbscClearPendingPullIntos(c);
      resetQueue(c);
      const result = c.cancelAlgorithm(reason);
      rbscClearAlgorithms(c);
      return result;
    };
    c.pullSteps = (readRequest) => {
      if (c.queueTotalSize > 0) {
        rbscFillReadRequestFromQueue(c, readRequest);
        return;
      }
      const size = c.autoAllocateChunkSize;
      if (size !== undefined) {
        let buffer;
        try {
          buffer = new ArrayBuffer(size);
        } catch (e) {
          readRequest.errorSteps(e);
          return;
        }
        c.pendingPullIntos.push({
          buffer, bufferByteLength: size, byteOffset: 0, byteLength: size, bytesFilled: 0, minimumFill: 1,
          elementSize: 1, viewConstructor: Uint8Array, readerType: "default",
        });
      }
      readableStreamAddReadRequest(s, readRequest);
      rbscCallPullIfNeeded(c);
    };
    c.releaseSteps = () => {
      if (c.pendingPullIntos.length > 0) {
        const first = c.pendingPullIntos.peek();
        first.readerType = "none";
        c.pendingPullIntos = new Queue();
        c.pendingPullIntos.push(first);
      }
    };
    s.controller = c;
    const startResult = startAlgorithm();
    upon(resolved(startResult), () => {
      c.started = true;
      rbscCallPullIfNeeded(c);
    }, (r) => rbscError(c, r));
  }
  function setUpReadableByteStreamControllerFromUnderlyingSource(s, source, dict, highWaterMark) {
    const c = make(ReadableByteStreamController, { kind: "ReadableByteStreamController" });
    const start = dict.start, pull = dict.pull, cancel = dict.cancel;
    let autoAllocateChunkSize = dict.autoAllocateChunkSize;
    if (autoAllocateChunkSize !== undefined) {
      autoAllocateChunkSize = Number(autoAllocateChunkSize);
      if (!Number.isFinite(autoAllocateChunkSize) || autoAllocateChunkSize < 0) {
        throw new TypeError("Failed to construct 'ReadableStream': 'autoAllocateChunkSize' of 'UnderlyingSource' (Argument 1) is not a finite number");
      }
      autoAllocateChunkSize = Math.trunc(autoAllocateChunkSize);
      if (autoAllocateChunkSize === 0) throw new TypeError("autoAllocateChunkSize must be greater than 0");
    }
    setUpReadableByteStreamController(s, c,
      () => start === undefined ? undefined : start.call(source, c.obj),
      () => promiseCall(pull, source, c.obj),
      (reason) => promiseCall(cancel, source, reason),
      highWaterMark, autoAllocateChunkSize);
  }

  // ---- tee ----------------------------------------------------------------------------------------
  function readableStreamTee(s, cloneForBranch2) {
    if (s.controller.kind === "ReadableByteStreamController") return readableByteStreamTee(s);
    return readableStreamDefaultTee(s, cloneForBranch2);
  }
  function readableStreamDefaultTee(s, cloneForBranch2) {
    const reader = acquireDefaultReader(s);
    let reading = false, readAgain = false, canceled1 = false, canceled2 = false;
    let reason1, reason2, branch1, branch2;
    const cancelPromise = new Deferred();
    function pullAlgorithm() {
      if (reading) { readAgain = true; return resolved(undefined); }
      reading = true;
      readableStreamDefaultReaderRead(reader, {
        chunkSteps(chunk) {
          queueMicrotask(() => {
            readAgain = false;
            const chunk1 = chunk;
            let chunk2 = chunk;
            if (!canceled2 && cloneForBranch2) chunk2 = structuredClone(chunk2);
            if (!canceled1) rsdcEnqueue(branch1.controller, chunk1);
            if (!canceled2) rsdcEnqueue(branch2.controller, chunk2);
            reading = false;
            if (readAgain) pullAlgorithm();
          });
        },
        closeSteps() {
          reading = false;
          if (!canceled1) rsdcClose(branch1.controller);
          if (!canceled2) rsdcClose(branch2.controller);
          if (!canceled1 || !canceled2) cancelPromise.resolve(undefined);
        },
        errorSteps() { reading = false; },
      });
      return resolved(undefined);
    }
    function cancel1(reason) {
      canceled1 = true;
      reason1 = reason;
      if (canceled2) cancelPromise.resolve(readableStreamCancel(s, [reason1, reason2]));
      return cancelPromise.promise;
    }
    function cancel2(reason) {
      canceled2 = true;
      reason2 = reason;
      if (canceled1) cancelPromise.resolve(readableStreamCancel(s, [reason1, reason2]));
      return cancelPromise.promise;
    }
    const start = () => undefined;
    branch1 = createReadableStream(start, pullAlgorithm, cancel1);
    branch2 = createReadableStream(start, pullAlgorithm, cancel2);
    upon(reader.closed.promise, undefined, (r) => {
      rsdcError(branch1.controller, r);
      rsdcError(branch2.controller, r);
      if (!canceled1 || !canceled2) cancelPromise.resolve(undefined);
    });
    return [branch1.obj, branch2.obj];
  }
  function readableByteStreamTee(s) {
    let reader = acquireDefaultReader(s);
    let reading = false, readAgainForBranch1 = false, readAgainForBranch2 = false;
    let canceled1 = false, canceled2 = false, reason1, reason2, branch1, branch2;
    const cancelPromise = new Deferred();
    const ctl = (b) => b.controller;
    function forwardReaderError(thisReader) {
      upon(thisReader.closed.promise, undefined, (r) => {
        if (thisReader !== reader) return;
        rbscError(ctl(branch1), r);
        rbscError(ctl(branch2), r);
        if (!canceled1 || !canceled2) cancelPromise.resolve(undefined);
      });
    }
    function pullWithDefaultReader() {
      if (reader.kind === "ReadableStreamBYOBReader") {
        readableStreamBYOBReaderRelease(reader);
        reader = acquireDefaultReader(s);
        forwardReaderError(reader);
      }
      readableStreamDefaultReaderRead(reader, {
        chunkSteps(chunk) {
          queueMicrotask(() => {
            readAgainForBranch1 = readAgainForBranch2 = false;
            const chunk1 = chunk;
            let chunk2 = chunk;
            if (!canceled1 && !canceled2) {
              try {
                chunk2 = cloneAsUint8Array(chunk);
              } catch (e) {
                rbscError(ctl(branch1), e);
                rbscError(ctl(branch2), e);
                cancelPromise.resolve(readableStreamCancel(s, e));
                return;
              }
            }
            if (!canceled1) rbscEnqueue(ctl(branch1), chunk1);
            if (!canceled2) rbscEnqueue(ctl(branch2), chunk2);
            reading = false;
            if (readAgainForBranch1) pull1Algorithm();
            else if (readAgainForBranch2) pull2Algorithm();
          });
        },
        closeSteps() {
          reading = false;
          if (!canceled1) rbscClose(ctl(branch1));
          if (!canceled2) rbscClose(ctl(branch2));
          if (ctl(branch1).pendingPullIntos.length > 0) rbscRespond(ctl(branch1), 0);
          if (ctl(branch2).pendingPullIntos.length > 0) rbscRespond(ctl(branch2), 0);
          if (!canceled1 || !canceled2) cancelPromise.resolve(undefined);
        },
        errorSteps() { reading = false; },
      });
    }
    function pullWithBYOBReader(view, forBranch2) {
      if (reader.kind === "ReadableStreamDefaultReader") {
        readableStreamDefaultReaderRelease(reader);
        reader = acquireBYOBReader(s);
        forwardReaderError(reader);
      }
      const byobBranch = forBranch2 ? branch2 : branch1;
      const otherBranch = forBranch2 ? branch1 : branch2;
      readableStreamBYOBReaderRead(reader, view, 1, {
        chunkSteps(chunk) {
          queueMicrotask(() => {
            readAgainForBranch1 = readAgainForBranch2 = false;
            const byobCanceled = forBranch2 ? canceled2 : canceled1;
            const otherCanceled = forBranch2 ? canceled1 : canceled2;
            if (!otherCanceled) {
              let clonedChunk;
              try {
                clonedChunk = cloneAsUint8Array(chunk);
              } catch (e) {
                rbscError(ctl(byobBranch), e);
                rbscError(ctl(otherBranch), e);
                cancelPromise.resolve(readableStreamCancel(s, e));
                return;
              }
              if (!byobCanceled) rbscRespondWithNewView(ctl(byobBranch), chunk);
              rbscEnqueue(ctl(otherBranch), clonedChunk);
            } else if (!byobCanceled) {
              rbscRespondWithNewView(ctl(byobBranch), chunk);
            }
            reading = false;
            if (readAgainForBranch1) pull1Algorithm();
            else if (readAgainForBranch2) pull2Algorithm();
          });
        },
        closeSteps(chunk) {
          reading = false;
          const byobCanceled = forBranch2 ? canceled2 : canceled1;
          const otherCanceled = forBranch2 ? canceled1 : canceled2;
          if (!byobCanceled) rbscClose(ctl(byobBranch));
          if (!otherCanceled) rbscClose(ctl(otherBranch));
          if (chunk !== undefined) {
            if (!byobCanceled) rbscRespondWithNewView(ctl(byobBranch), chunk);
            if (!otherCanceled && ctl(otherBranch).pendingPullIntos.length > 0) rbscRespond(ctl(otherBranch), 0);
          }
          if (!byobCanceled || !otherCanceled) cancelPromise.resolve(undefined);
        },
        errorSteps() { reading = false; },
      });
    }
    function pull1Algorithm() {
      if (reading) { readAgainForBranch1 = true; return resolved(undefined); }
      reading = true;
      const byobRequest = rbscGetBYOBRequest(ctl(branch1));
      if (byobRequest === null) pullWithDefaultReader();
      else pullWithBYOBReader(byobRequest.view, false);
      return resolved(undefined);
    }
    function pull2Algorithm() {
      if (reading) { readAgainForBranch2 = true; return resolved(undefined); }
      reading = true;
      const byobRequest = rbscGetBYOBRequest(ctl(branch2));
      if (byobRequest === null) pullWithDefaultReader();
      else pullWithBYOBReader(byobRequest.view, true);
      return resolved(undefined);
    }
    function cancel1(reason) {
      canceled1 = true;
      reason1 = reason;
      if (canceled2) cancelPromise.resolve(readableStreamCancel(s, [reason1, reason2]));
      return cancelPromise.promise;
    }
    function cancel2(reason) {
      canceled2 = true;
      reason2 = reason;
      if (canceled1) cancelPromise.resolve(readableStreamCancel(s, [reason1, reason2]));
      return cancelPromise.promise;
    }
    const start = () => undefined;
    branch1 = createReadableByteStream(start, pull1Algorithm, cancel1);
    branch2 = createReadableByteStream(start, pull2Algorithm, cancel2);
    forwardReaderError(reader);
    return [branch1.obj, branch2.obj];
  }

  // ---- from(asyncIterable) ------------------------------------------------------------------------------
  function getAsyncIterator(obj) {
    const method = obj[Symbol.asyncIterator];
    if (method !== undefined && method !== null) {
      const iterator = method.call(obj);
      if (typeof iterator !== "object" || iterator === null) throw new TypeError("Result of the Symbol.asyncIterator method is not an object");
      return { iterator, next: iterator.next };
    }
    const syncMethod = obj[Symbol.iterator];
    if (syncMethod === undefined || syncMethod === null) {
      throw new TypeError("Failed to execute 'ReadableStream.from': Argument 1 can not be converted to async sequence.");
    }
    const syncIterator = syncMethod.call(obj);
    if (typeof syncIterator !== "object" || syncIterator === null) throw new TypeError("Result of the Symbol.iterator method is not an object");
    const syncNext = syncIterator.next;
    // %AsyncFromSyncIteratorPrototype%: awaits each value the sync iterator yields.
    const fromSync = (result) => {
      if (typeof result !== "object" || result === null) throw new TypeError(`Iterator result ${result} is not an object`);
      const done = !!result.done;
      return upon(resolved(result.value), (value) => ({ value, done }));
    };
    const iterator = {
      next(v) {
        try { return fromSync(syncNext.call(syncIterator, v)); } catch (e) { return rejected(e); }
      },
      return(v) {
        try {
          const ret = syncIterator.return;
          if (ret === undefined || ret === null) return resolved({ value: v, done: true });
          return fromSync(ret.call(syncIterator, v));
        } catch (e) { return rejected(e); }
      },
    };
    return { iterator, next: iterator.next };
  }
  function readableStreamFromIterable(asyncIterable) {
    if ((typeof asyncIterable !== "object" && typeof asyncIterable !== "function") || asyncIterable === null) {
      throw new TypeError("Failed to execute 'ReadableStream.from': Argument 1 can not be converted to async sequence.");
    }
    const record = getAsyncIterator(asyncIterable);
    let stream;
    const pullAlgorithm = () => {
      let nextResult;
      try {
        nextResult = record.next.call(record.iterator);
      } catch (e) {
        return rejected(e);
      }
      return upon(resolved(nextResult), (iterResult) => {
        if (typeof iterResult !== "object" || iterResult === null) {
          throw new TypeError("The promise returned by the iterator.next() method must fulfill with an object");
        }
        const c = stream.controller;
        if (iterResult.done) rsdcClose(c);
        else rsdcEnqueue(c, iterResult.value);
      });
    };
    const cancelAlgorithm = (reason) => {
      const iterator = record.iterator;
      let returnResult;
      try {
        const returnMethod = iterator.return;
        if (returnMethod === undefined || returnMethod === null) return resolved(undefined);
        returnResult = returnMethod.call(iterator, reason);
      } catch (e) {
        return rejected(e);
      }
      return upon(resolved(returnResult), (r) => {
        if (typeof r !== "object" || r === null) {
          throw new TypeError("The promise returned by the iterator.return() method must fulfill with an object");
        }
      });
    };
    stream = createReadableStream(() => undefined, pullAlgorithm, cancelAlgorithm, 0);
    return stream.obj;
  }

  // ---- pipeTo -------------------------------------------------------------------------------------
  function readableStreamPipeTo(source, dest, preventClose, preventAbort, preventCancel, signal) {
    const reader = acquireDefaultReader(source);
    const writer = acquireWriter(dest);
    source.disturbed = true;
    let shuttingDown = false;
    let currentWrite = resolved(undefined);
    const promise = new Deferred();
    let abortAlgorithm;

    function finalize(isError, error) {
      writableStreamDefaultWriterRelease(writer);
      readableStreamDefaultReaderRelease(reader);
      if (signal !== undefined) signal.removeEventListener("abort", abortAlgorithm);
      if (isError) promise.reject(error); else promise.resolve(undefined);
    }
    function waitForWritesToFinish() {
      const old = currentWrite;
      return upon(currentWrite, () => (old !== currentWrite ? waitForWritesToFinish() : undefined));
    }
    function shutdownWithAction(action, originalIsError, originalError) {
      if (shuttingDown) return;
      shuttingDown = true;
      const doTheRest = () => {
        upon(action(), () => finalize(originalIsError, originalError), (newError) => finalize(true, newError));
      };
      if (dest.state === "writable" && !writableStreamCloseQueuedOrInFlight(dest)) upon(waitForWritesToFinish(), doTheRest);
      else doTheRest();
    }
    function shutdown(isError, error) {
      if (shuttingDown) return;
      shuttingDown = true;
      if (dest.state === "writable" && !writableStreamCloseQueuedOrInFlight(dest)) {
        upon(waitForWritesToFinish(), () => finalize(isError, error));
      } else {
        finalize(isError, error);
      }
    }
    if (signal !== undefined) {
      abortAlgorithm = () => {
        const error = signal.reason;
        const actions = [];
        if (!preventAbort) actions.push(() => (dest.state === "writable" ? writableStreamAbort(dest, error) : resolved(undefined)));
        if (!preventCancel) actions.push(() => (source.state === "readable" ? readableStreamCancel(source, error) : resolved(undefined)));
        shutdownWithAction(() => Promise.all(actions.map((a) => a())), true, error);
      };
      if (signal.aborted) {
        abortAlgorithm();
        return promise.promise;
      }
      signal.addEventListener("abort", abortAlgorithm);
    }

    function pipeStep() {
      if (shuttingDown) return resolved(true);
      return upon(writer.ready.promise, () => new Promise((resolveRead, rejectRead) => {
        readableStreamDefaultReaderRead(reader, {
          chunkSteps(chunk) {
            currentWrite = upon(writableStreamDefaultWriterWrite(writer, chunk), undefined, noop);
            resolveRead(false);
          },
          closeSteps() { resolveRead(true); },
          errorSteps: rejectRead,
        });
      }));
    }
    function pipeLoop() {
      return new Promise((resolveLoop, rejectLoop) => {
        const next = (done) => {
          if (done) resolveLoop();
          else upon(pipeStep(), next, rejectLoop);
        };
        next(false);
      });
    }

    // Errors must be propagated forward.
    if (source.state === "errored") {
      if (!preventAbort) shutdownWithAction(() => writableStreamAbort(dest, source.storedError), true, source.storedError);
      else shutdown(true, source.storedError);
    } else {
      upon(reader.closed.promise, undefined, (e) => {
        if (!preventAbort) shutdownWithAction(() => writableStreamAbort(dest, e), true, e);
        else shutdown(true, e);
      });
    }
    // Errors must be propagated backward.
    if (dest.state === "errored") {
      if (!preventCancel) shutdownWithAction(() => readableStreamCancel(source, dest.storedError), true, dest.storedError);
      else shutdown(true, dest.storedError);
    } else {
      upon(writer.closed.promise, undefined, (e) => {
        if (!preventCancel) shutdownWithAction(() => readableStreamCancel(source, e), true, e);
        else shutdown(true, e);
      });
    }
    // Closing must be propagated forward.
    if (source.state === "closed") {
      if (!preventClose) shutdownWithAction(() => writableStreamDefaultWriterCloseWithErrorPropagation(writer));
      else shutdown();
    } else {
      upon(reader.closed.promise, () => {
        if (!preventClose) shutdownWithAction(() => writableStreamDefaultWriterCloseWithErrorPropagation(writer));
        else shutdown();
      }, noop);
    }
    // Closing must be propagated backward.
    if (writableStreamCloseQueuedOrInFlight(dest) || dest.state === "closed") {
      const destClosed = new TypeError("The destination writable stream closed before all the data could be piped to it.");
      if (!preventCancel) shutdownWithAction(() => readableStreamCancel(source, destClosed), true, destClosed);
      else shutdown(true, destClosed);
    }
    setHandled(pipeLoop());
    return promise.promise;
  }

  // ---- public classes -------------------------------------------------------------------------------
  class ReadableStream {
    constructor(underlyingSource = undefined, strategy = undefined) {
      const ctx = "Failed to construct 'ReadableStream'";
      if (underlyingSource === undefined) underlyingSource = null;
      checkDict(underlyingSource, ctx, "Argument 1", "UnderlyingSource");
      checkDict(strategy, ctx, "Argument 2", "QueuingStrategy");
      const dict = {
        autoAllocateChunkSize: dictMember(underlyingSource, "autoAllocateChunkSize"),
        cancel: callbackMember(underlyingSource, "cancel", ctx, "UnderlyingSource"),
        pull: callbackMember(underlyingSource, "pull", ctx, "UnderlyingSource"),
        start: callbackMember(underlyingSource, "start", ctx, "UnderlyingSource"),
        type: dictMember(underlyingSource, "type"),
      };
      if (dict.type !== undefined) dict.type = enumValue(dict.type, ["bytes"], ctx, "ReadableStreamType");
      const s = attach(this, newReadableRecord());
      if (dict.type === "bytes") {
        if (dictMember(strategy, "size") !== undefined) {
          throw new RangeError(`${ctx}: When underlying source is "bytes", strategy.size must be 'undefined'`);
        }
        const hwm = extractHighWaterMark(strategy, 0);
        setUpReadableByteStreamControllerFromUnderlyingSource(s, underlyingSource, dict, hwm);
      } else {
        const sizeAlgorithm = extractSizeAlgorithm(strategy);
        const hwm = extractHighWaterMark(strategy, 1);
        setUpReadableStreamDefaultControllerFromUnderlyingSource(s, underlyingSource, dict, hwm, sizeAlgorithm);
      }
    }
    static from(asyncIterable) { return readableStreamFromIterable(asyncIterable); }
    get locked() { return isReadableStreamLocked(unwrap(this, "ReadableStream")); }
    cancel(reason = undefined) {
      let s;
      try { s = unwrap(this, "ReadableStream"); } catch (e) { return rejected(e); }
      if (isReadableStreamLocked(s)) return rejected(new TypeError("Cannot cancel a locked ReadableStream."));
      return readableStreamCancel(s, reason);
    }
    getReader(options = undefined) {
      const s = unwrap(this, "ReadableStream");
      checkDict(options, "Failed to execute 'getReader' on 'ReadableStream'", "Argument 1", "ReadableStreamGetReaderOptions");
      let mode = dictMember(options, "mode");
      if (mode !== undefined) mode = enumValue(mode, ["byob"], "Failed to execute 'getReader' on 'ReadableStream'", "ReadableStreamReaderMode");
      if (mode === undefined) return acquireDefaultReader(s).obj;
      return acquireBYOBReader(s).obj;
    }
    pipeThrough(transform, options = {}) {
      const s = unwrap(this, "ReadableStream");
      const ctx = "Failed to execute 'pipeThrough' on 'ReadableStream'";
      if (transform === undefined || transform === null || typeof transform !== "object" && typeof transform !== "function") {
        throw new TypeError(`${ctx}: Argument 1 can not be converted to 'ReadableWritablePair' because 'readable' is required in 'ReadableWritablePair'`);
      }
      const readable = transform.readable;
      if (readable === undefined) {
        throw new TypeError(`${ctx}: Argument 1 can not be converted to 'ReadableWritablePair' because 'readable' is required in 'ReadableWritablePair'`);
      }
      if (!isKind(readable, "ReadableStream")) throw new TypeError(`${ctx}: 'readable' of 'ReadableWritablePair' (Argument 1) is not of type ReadableStream`);
      const writable = transform.writable;
      if (writable === undefined) {
        throw new TypeError(`${ctx}: Argument 1 can not be converted to 'ReadableWritablePair' because 'writable' is required in 'ReadableWritablePair'`);
      }
      if (!isKind(writable, "WritableStream")) throw new TypeError(`${ctx}: 'writable' of 'ReadableWritablePair' (Argument 1) is not of type WritableStream`);
      const o = pipeOptions(options, ctx);
      if (isReadableStreamLocked(s)) throw new TypeError("ReadableStream is already locked");
      const w = Slot.of(writable);
      if (isWritableStreamLocked(w)) throw new TypeError("Target WritableStream is already locked");
      const promise = readableStreamPipeTo(s, w, o.preventClose, o.preventAbort, o.preventCancel, o.signal);
      setHandled(promise);
      return readable;
    }
    pipeTo(destination, options = {}) {
      const ctx = "Failed to execute 'pipeTo' on 'ReadableStream'";
      let s, o;
      try {
        s = unwrap(this, "ReadableStream");
        if (!isKind(destination, "WritableStream")) throw new TypeError(`${ctx}: Argument 1 is not of type WritableStream`);
        o = pipeOptions(options, ctx);
      } catch (e) {
        return rejected(e);
      }
      const w = Slot.of(destination);
      if (isReadableStreamLocked(s)) return rejected(new TypeError("ReadableStream is already locked."));
      if (isWritableStreamLocked(w)) return rejected(new TypeError("destination WritableStream is already locked."));
      return readableStreamPipeTo(s, w, o.preventClose, o.preventAbort, o.preventCancel, o.signal);
    }
    tee() {
      const s = unwrap(this, "ReadableStream");
      if (isReadableStreamLocked(s)) throw new TypeError("ReadableStream is locked");
      return readableStreamTee(s, false);
    }
    values(options = undefined) {
      const s = unwrap(this, "ReadableStream");
      const preventCancel = !!dictMember(options, "preventCancel");
      const reader = acquireDefaultReader(s);
      const it = Object.create(asyncIteratorPrototype);
      attach(it, { kind: "ReadableStreamAsyncIterator", reader, preventCancel, ongoing: undefined, finished: false });
      return it;
    }
  }
  function pipeOptions(options, ctx) {
    checkDict(options, ctx, "Argument 2", "StreamPipeOptions");
    const signal = dictMember(options, "signal");
    if (signal !== undefined) {
      const AbortSignal = globalThis.AbortSignal;
      if (typeof AbortSignal !== "function" || !(signal instanceof AbortSignal)) {
        throw new TypeError(`${ctx}: 'signal' of 'StreamPipeOptions' (Argument 2) is not of type AbortSignal`);
      }
    }
    return {
      preventAbort: !!dictMember(options, "preventAbort"),
      preventCancel: !!dictMember(options, "preventCancel"),
      preventClose: !!dictMember(options, "preventClose"),
      signal,
    };
  }
  Object.defineProperty(ReadableStream.prototype, Symbol.asyncIterator, {
    value: ReadableStream.prototype.values, writable: true, configurable: true,
  });

  // WebIDL async iterator: next() calls are chained so they settle in order.
  const asyncIteratorPrototype = Object.create(Object.getPrototypeOf(Object.getPrototypeOf(async function* () {}).prototype));
  function iteratorNextSteps(it) {
    if (it.finished) return resolved({ value: undefined, done: true });
    const d = new Deferred();
    readableStreamDefaultReaderRead(it.reader, {
      chunkSteps: (chunk) => d.resolve(chunk),
      closeSteps: () => { readableStreamDefaultReaderRelease(it.reader); d.resolve(endOfIteration); },
      errorSteps: (e) => { readableStreamDefaultReaderRelease(it.reader); d.reject(e); },
    });
    return upon(d.promise, (next) => {
      it.ongoing = undefined;
      if (next === endOfIteration) { it.finished = true; return { value: undefined, done: true }; }
      return { value: next, done: false };
    }, (reason) => {
      it.ongoing = undefined;
      it.finished = true;
      throw reason;
    });
  }
  const endOfIteration = Symbol("end of iteration");
  Object.defineProperties(asyncIteratorPrototype, {
    next: {
      value: function next() {
        let it;
        try { it = unwrap(this, "ReadableStreamAsyncIterator"); } catch (e) { return rejected(e); }
        const steps = () => iteratorNextSteps(it);
        it.ongoing = it.ongoing === undefined ? steps() : upon(it.ongoing, steps, steps);
        return it.ongoing;
      },
      writable: true, configurable: true,
    },
    return: {
      value: function (value) {
        let it;
        try { it = unwrap(this, "ReadableStreamAsyncIterator"); } catch (e) { return rejected(e); }
        const steps = () => {
          if (it.finished) return resolved({ value, done: true });
          it.finished = true;
          const reader = it.reader;
          if (reader.stream === undefined) return resolved(undefined);
          if (!it.preventCancel) {
            const result = readerGenericCancel(reader, value);
            readableStreamDefaultReaderRelease(reader);
            return result;
          }
          readableStreamDefaultReaderRelease(reader);
          return resolved(undefined);
        };
        const returnPromise = it.ongoing === undefined ? steps() : upon(it.ongoing, steps, steps);
        return upon(returnPromise, () => ({ value, done: true }));
      },
      writable: true, configurable: true,
    },
  });

  class ReadableStreamDefaultReader {
    constructor(stream) {
      if (!isKind(stream, "ReadableStream")) {
        throw new TypeError("Failed to construct 'ReadableStreamDefaultReader': Argument 1 is not of type ReadableStream");
      }
      const r = attach(this, { kind: "ReadableStreamDefaultReader" });
      setUpDefaultReader(r, Slot.of(stream));
    }
    get closed() {
      let r;
      try { r = unwrap(this, "ReadableStreamDefaultReader"); } catch (e) { return rejected(e); }
      return r.closed.promise;
    }
    cancel(reason = undefined) {
      let r;
      try { r = unwrap(this, "ReadableStreamDefaultReader"); } catch (e) { return rejected(e); }
      if (r.stream === undefined) return rejected(new TypeError("Reader has no associated stream."));
      return readerGenericCancel(r, reason);
    }
    read() {
      let r;
      try { r = unwrap(this, "ReadableStreamDefaultReader"); } catch (e) { return rejected(e); }
      if (r.stream === undefined) return rejected(new TypeError("Reader has no associated stream."));
      const d = new Deferred();
      readableStreamDefaultReaderRead(r, readRequestFor(d));
      return d.promise;
    }
    releaseLock() {
      const r = unwrap(this, "ReadableStreamDefaultReader");
      if (r.stream === undefined) return;
      readableStreamDefaultReaderRelease(r);
    }
  }

  class ReadableStreamBYOBReader {
    constructor(stream) {
      if (!isKind(stream, "ReadableStream")) {
        throw new TypeError("Failed to construct 'ReadableStreamBYOBReader': Argument 1 is not of type ReadableStream");
      }
      const r = attach(this, { kind: "ReadableStreamBYOBReader" });
      setUpBYOBReader(r, Slot.of(stream));
    }
    get closed() {
      let r;
      try { r = unwrap(this, "ReadableStreamBYOBReader"); } catch (e) { return rejected(e); }
      return r.closed.promise;
    }
    cancel(reason = undefined) {
      let r;
      try { r = unwrap(this, "ReadableStreamBYOBReader"); } catch (e) { return rejected(e); }
      if (r.stream === undefined) return rejected(new TypeError("Reader has no associated stream."));
      return readerGenericCancel(r, reason);
    }
    read(view, options = {}) {
      let r, min;
      try {
        r = unwrap(this, "ReadableStreamBYOBReader");
        if (!isView(view)) {
          throw new TypeError("Failed to execute 'read' on 'ReadableStreamBYOBReader': Argument 1 is not a view on an ArrayBuffer or SharedArrayBuffer");
        }
        checkDict(options, "Failed to execute 'read' on 'ReadableStreamBYOBReader'", "Argument 2", "ReadableStreamBYOBReaderReadOptions");
        min = dictMember(options, "min");
        min = min === undefined ? 1 : enforceRange(min, "Failed to execute 'read' on 'ReadableStreamBYOBReader': 'min' of 'ReadableStreamBYOBReaderReadOptions' (Argument 2)");
      } catch (e) {
        return rejected(e);
      }
      if (view.byteLength === 0) return rejected(new TypeError("view must have non-zero byteLength"));
      if (view.buffer.byteLength === 0) {
        return rejected(new TypeError(isDetached(view.buffer) ? "view's buffer has been detached" : "view's buffer must have non-zero byteLength"));
      }
      if (isDetached(view.buffer)) return rejected(new TypeError("view's buffer has been detached"));
      if (min === 0) return rejected(new TypeError("options.min must be non-zero"));
      if (view instanceof DataView) {
        if (min > view.byteLength) return rejected(new RangeError("options.min must be smaller or equal to view's byteLength"));
      } else if (min > view.length) {
        return rejected(new RangeError("options.min must be smaller or equal to view's size"));
      }
      if (r.stream === undefined) return rejected(new TypeError("Reader has no associated stream."));
      const d = new Deferred();
      readableStreamBYOBReaderRead(r, view, min, {
        chunkSteps: (chunk) => d.resolve({ value: chunk, done: false }),
        closeSteps: (chunk) => d.resolve({ value: chunk, done: true }),
        errorSteps: (e) => d.reject(e),
      });
      return d.promise;
    }
    releaseLock() {
      const r = unwrap(this, "ReadableStreamBYOBReader");
      if (r.stream === undefined) return;
      readableStreamBYOBReaderRelease(r);
    }
  }
  function enforceRange(v, ctx) {
    const n = Number(v);
    if (!Number.isFinite(n)) throw new TypeError(`${ctx} is not a finite number`);
    const t = Math.trunc(n);
    if (t < 0 || t > Number.MAX_SAFE_INTEGER) throw new TypeError(`${ctx} is outside the accepted range of 0 to ${Number.MAX_SAFE_INTEGER}, inclusive`);
    return t;
  }

  class ReadableStreamDefaultController {
    constructor(...args) { throw illegalConstructor(); }
    get desiredSize() { return rsdcGetDesiredSize(unwrap(this, "ReadableStreamDefaultController")); }
    close() {
      const c = unwrap(this, "ReadableStreamDefaultController");
      if (!rsdcCanCloseOrEnqueue(c)) throw new TypeError("The stream controller cannot close or enqueue");
      rsdcClose(c);
    }
    enqueue(chunk = undefined) {
      const c = unwrap(this, "ReadableStreamDefaultController");
      if (!rsdcCanCloseOrEnqueue(c)) throw new TypeError("The stream controller cannot close or enqueue");
      rsdcEnqueue(c, chunk);
    }
    error(e = undefined) { rsdcError(unwrap(this, "ReadableStreamDefaultController"), e); }
  }

  class ReadableByteStreamController {
    constructor(...args) { throw illegalConstructor(); }
    get byobRequest() {
      const r = rbscGetBYOBRequest(unwrap(this, "ReadableByteStreamController"));
      return r === null ? null : r.obj;
    }
    get desiredSize() { return rbscGetDesiredSize(unwrap(this, "ReadableByteStreamController")); }
    close() {
      const c = unwrap(this, "ReadableByteStreamController");
      if (c.closeRequested) throw new TypeError("Closed already requested.");
      if (c.stream.state !== "readable") throw new TypeError("ReadableByteStreamController's stream is not in a readable state.");
      rbscClose(c);
    }
    enqueue(chunk) {
      const c = unwrap(this, "ReadableByteStreamController");
      const ctx = "Failed to execute 'enqueue' on 'ReadableByteStreamController'";
      if (!isView(chunk)) throw new TypeError(`${ctx}: Argument 1 is not a view on an ArrayBuffer or SharedArrayBuffer`);
      if (chunk.byteLength === 0) throw new TypeError(`${ctx}: Argument 1 Length must be non-zero`);
      if (chunk.buffer.byteLength === 0) throw new TypeError(`${ctx}: Argument 1 ArrayBuffer is detached or has zero length`);
      if (c.closeRequested) throw new TypeError("Cannot enqueue chunk after a close has been requested.");
      if (c.stream.state !== "readable") throw new TypeError("Cannot enqueue chunk when underlying stream is not readable.");
      rbscEnqueue(c, chunk);
    }
    error(e = undefined) { rbscError(unwrap(this, "ReadableByteStreamController"), e); }
  }

  class ReadableStreamBYOBRequest {
    constructor(...args) { throw illegalConstructor(); }
    get view() { return unwrap(this, "ReadableStreamBYOBRequest").view; }
    respond(bytesWritten) {
      const r = unwrap(this, "ReadableStreamBYOBRequest");
      const n = enforceRange(bytesWritten, "Failed to execute 'respond' on 'ReadableStreamBYOBRequest': Argument 1");
      if (r.controller === undefined) throw new TypeError("This BYOB request has been invalidated");
      if (isDetached(r.view.buffer)) throw new TypeError("The BYOB request's buffer has been detached and so cannot be used as a response");
      rbscRespond(r.controller, n);
    }
    respondWithNewView(view) {
      const r = unwrap(this, "ReadableStreamBYOBRequest");
      if (!isView(view)) {
        throw new TypeError("Failed to execute 'respondWithNewView' on 'ReadableStreamBYOBRequest': Argument 1 is not a view on an ArrayBuffer or SharedArrayBuffer");
      }
      if (r.controller === undefined) throw new TypeError("This BYOB request has been invalidated");
      if (isDetached(view.buffer)) throw new TypeError("The given view's buffer has been detached and so cannot be used as a response");
      rbscRespondWithNewView(r.controller, view);
    }
  }

  // =================================================================================================
  // WritableStream
  // =================================================================================================
  function initializeWritableStream(w) {
    w.state = "writable";
    w.storedError = undefined;
    w.writer = undefined;
    w.controller = undefined;
    w.inFlightWriteRequest = undefined;
    w.closeRequest = undefined;
    w.inFlightCloseRequest = undefined;
    w.pendingAbortRequest = undefined;
    w.writeRequests = new Queue();
    w.backpressure = false;
  }
  function createWritableStream(startAlgorithm, writeAlgorithm, closeAlgorithm, abortAlgorithm, highWaterMark = 1, sizeAlgorithm = () => 1) {
    const w = make(WritableStream, { kind: "WritableStream" });
    initializeWritableStream(w);
    const c = make(WritableStreamDefaultController, { kind: "WritableStreamDefaultController" });
    setUpWritableStreamDefaultController(w, c, startAlgorithm, writeAlgorithm, closeAlgorithm, abortAlgorithm, highWaterMark, sizeAlgorithm);
    return w;
  }
  function acquireWriter(w) {
    const writer = make(WritableStreamDefaultWriter, { kind: "WritableStreamDefaultWriter" });
    setUpWritableStreamDefaultWriter(writer, w);
    return writer;
  }
  function isWritableStreamLocked(w) { return w.writer !== undefined; }

  function writableStreamAbort(w, reason) {
    if (w.state === "closed" || w.state === "errored") return resolved(undefined);
    w.controller.abortController?.abort(reason);
    const state = w.state;
    if (state === "closed" || state === "errored") return resolved(undefined);
    if (w.pendingAbortRequest !== undefined) return w.pendingAbortRequest.promise.promise;
    let wasAlreadyErroring = false;
    if (state === "erroring") {
      wasAlreadyErroring = true;
      reason = undefined;
    }
    const promise = new Deferred();
    w.pendingAbortRequest = { promise, reason, wasAlreadyErroring };
    if (!wasAlreadyErroring) writableStreamStartErroring(w, reason);
    return promise.promise;
  }
  function writableStreamClose(w) {
    const state = w.state;
    if (state === "closed" || state === "errored") {
      return rejected(new TypeError("The stream is closing or is closed."));
    }
    const promise = new Deferred();
    w.closeRequest = promise;
    const writer = w.writer;
    if (writer !== undefined && w.backpressure && state === "writable") writer.ready.resolve(undefined);
    wsdcClose(w.controller);
    return promise.promise;
  }
  function writableStreamAddWriteRequest(w) {
    const promise = new Deferred();
    w.writeRequests.push(promise);
    return promise.promise;
  }
  function writableStreamDealWithRejection(w, error) {
    if (w.state === "writable") {
      writableStreamStartErroring(w, error);
      return;
    }
    writableStreamFinishErroring(w);
  }
  function writableStreamFinishErroring(w) {
    w.state = "errored";
    w.controller.errorSteps();
    const storedError = w.storedError;
    for (const req of w.writeRequests) req.reject(storedError);
    w.writeRequests = new Queue();
    if (w.pendingAbortRequest === undefined) {
      writableStreamRejectCloseAndClosedPromiseIfNeeded(w);
      return;
    }
    const abortRequest = w.pendingAbortRequest;
    w.pendingAbortRequest = undefined;
    if (abortRequest.wasAlreadyErroring) {
      abortRequest.promise.reject(storedError);
      writableStreamRejectCloseAndClosedPromiseIfNeeded(w);
      return;
    }
    const promise = w.controller.abortSteps(abortRequest.reason);
    upon(promise, () => {
      abortRequest.promise.resolve(undefined);
      writableStreamRejectCloseAndClosedPromiseIfNeeded(w);
    }, (reason) => {
      abortRequest.promise.reject(reason);
      writableStreamRejectCloseAndClosedPromiseIfNeeded(w);
    });
  }
  function writableStreamFinishInFlightClose(w) {
    w.inFlightCloseRequest.resolve(undefined);
    w.inFlightCloseRequest = undefined;
    if (w.state === "erroring") {
      w.storedError = undefined;
      if (w.pendingAbortRequest !== undefined) {
        w.pendingAbortRequest.promise.resolve(undefined);
        w.pendingAbortRequest = undefined;
      }
    }
    w.state = "closed";
    const writer = w.writer;
    if (writer !== undefined) writer.closed.resolve(undefined);
  }
  function writableStreamFinishInFlightCloseWithError(w, error) {
    w.inFlightCloseRequest.reject(error);
    w.inFlightCloseRequest = undefined;
    if (w.pendingAbortRequest !== undefined) {
      w.pendingAbortRequest.promise.reject(error);
      w.pendingAbortRequest = undefined;
    }
    writableStreamDealWithRejection(w, error);
  }
  function writableStreamFinishInFlightWrite(w) {
    w.inFlightWriteRequest.resolve(undefined);
    w.inFlightWriteRequest = undefined;
  }
  function writableStreamFinishInFlightWriteWithError(w, error) {
    w.inFlightWriteRequest.reject(error);
    w.inFlightWriteRequest = undefined;
    writableStreamDealWithRejection(w, error);
  }
  function writableStreamHasOperationMarkedInFlight(w) {
    return w.inFlightWriteRequest !== undefined || w.inFlightCloseRequest !== undefined;
  }
  function writableStreamMarkCloseRequestInFlight(w) {
    w.inFlightCloseRequest = w.closeRequest;
    w.closeRequest = undefined;
  }
  function writableStreamMarkFirstWriteRequestInFlight(w) { w.inFlightWriteRequest = w.writeRequests.shift(); }
  function writableStreamRejectCloseAndClosedPromiseIfNeeded(w) {
    if (w.closeRequest !== undefined) {
      w.closeRequest.reject(w.storedError);
      w.closeRequest = undefined;
    }
    const writer = w.writer;
    if (writer !== undefined) {
      writer.closed.reject(w.storedError);
      setHandled(writer.closed.promise);
    }
  }
  function writableStreamStartErroring(w, reason) {
    const c = w.controller;
    w.state = "erroring";
    w.storedError = reason;
    const writer = w.writer;
    if (writer !== undefined) writableStreamDefaultWriterEnsureReadyPromiseRejected(writer, reason);
    if (!writableStreamHasOperationMarkedInFlight(w) && c.started) writableStreamFinishErroring(w);
  }
  function writableStreamUpdateBackpressure(w, backpressure) {
    const writer = w.writer;
    if (writer !== undefined && backpressure !== w.backpressure) {
      if (backpressure) writer.ready = new Deferred();
      else writer.ready.resolve(undefined);
    }
    w.backpressure = backpressure;
  }
  function writableStreamCloseQueuedOrInFlight(w) {
    return w.closeRequest !== undefined || w.inFlightCloseRequest !== undefined;
  }

  // ---- writer ------------------------------------------------------------------------------------
  function setUpWritableStreamDefaultWriter(writer, w) {
    if (isWritableStreamLocked(w)) throw new TypeError("The stream is already locked");
    writer.stream = w;
    w.writer = writer;
    const state = w.state;
    if (state === "writable") {
      if (!writableStreamCloseQueuedOrInFlight(w) && w.backpressure) writer.ready = new Deferred();
      else writer.ready = Deferred.resolved(undefined);
      writer.closed = new Deferred();
    } else if (state === "erroring") {
      writer.ready = Deferred.rejected(w.storedError);
      setHandled(writer.ready.promise);
      writer.closed = new Deferred();
    } else if (state === "closed") {
      writer.ready = Deferred.resolved(undefined);
      writer.closed = Deferred.resolved(undefined);
    } else {
      writer.ready = Deferred.rejected(w.storedError);
      setHandled(writer.ready.promise);
      writer.closed = Deferred.rejected(w.storedError);
      setHandled(writer.closed.promise);
    }
  }
  function writableStreamDefaultWriterAbort(writer, reason) { return writableStreamAbort(writer.stream, reason); }
  function writableStreamDefaultWriterClose(writer) { return writableStreamClose(writer.stream); }
  function writableStreamDefaultWriterCloseWithErrorPropagation(writer) {
    const w = writer.stream;
    const state = w.state;
    if (writableStreamCloseQueuedOrInFlight(w) || state === "closed") return resolved(undefined);
    if (state === "errored") return rejected(w.storedError);
    return writableStreamDefaultWriterClose(writer);
  }
  function writableStreamDefaultWriterEnsureClosedPromiseRejected(writer, error) {
    if (writer.closed.state === "pending") writer.closed.reject(error);
    else writer.closed = Deferred.rejected(error);
    setHandled(writer.closed.promise);
  }
  function writableStreamDefaultWriterEnsureReadyPromiseRejected(writer, error) {
    if (writer.ready.state === "pending") writer.ready.reject(error);
    else writer.ready = Deferred.rejected(error);
    setHandled(writer.ready.promise);
  }
  function writableStreamDefaultWriterGetDesiredSize(writer) {
    const w = writer.stream;
    const state = w.state;
    if (state === "errored" || state === "erroring") return null;
    if (state === "closed") return 0;
    return wsdcGetDesiredSize(w.controller);
  }
  function writableStreamDefaultWriterRelease(writer) {
    const w = writer.stream;
    const releasedError = new TypeError("The writer has already been released.");
    writableStreamDefaultWriterEnsureReadyPromiseRejected(writer, releasedError);
    writableStreamDefaultWriterEnsureClosedPromiseRejected(writer, releasedError);
    w.writer = undefined;
    writer.stream = undefined;
  }
  function writableStreamDefaultWriterWrite(writer, chunk) {
    const w = writer.stream;
    const c = w.controller;
    const chunkSize = wsdcGetChunkSize(c, chunk);
    if (w !== writer.stream) return rejected(new TypeError("The writer has been released."));
    const state = w.state;
    if (state === "errored") return rejected(w.storedError);
    if (writableStreamCloseQueuedOrInFlight(w) || state === "closed") {
      return rejected(new TypeError("The stream is closing or is closed."));
    }
    if (state === "erroring") return rejected(w.storedError);
    const promise = writableStreamAddWriteRequest(w);
    wsdcWrite(c, chunk, chunkSize);
    return promise;
  }

  // ---- writable controller -------------------------------------------------------------------------
  const closeSentinel = Symbol("close sentinel");
  function setUpWritableStreamDefaultController(w, c, startAlgorithm, writeAlgorithm, closeAlgorithm, abortAlgorithm, highWaterMark, sizeAlgorithm) {
    c.stream = w;
    w.controller = c;
    resetQueue(c);
    const AbortController = globalThis.AbortController;
    c.abortController = typeof AbortController === "function" ? new AbortController() : undefined;
    c.started = false;
    c.strategySizeAlgorithm = sizeAlgorithm;
    c.strategyHWM = highWaterMark;
    c.writeAlgorithm = writeAlgorithm;
    c.closeAlgorithm = closeAlgorithm;
    c.abortAlgorithm = abortAlgorithm;
    c.abortSteps = (reason) => {
      const result = c.abortAlgorithm(reason);
      wsdcClearAlgorithms(c);
      return result;
    };
    c.errorSteps = () => resetQueue(c);
    writableStreamUpdateBackpressure(w, wsdcGetBackpressure(c));
    const startResult = startAlgorithm();
    upon(resolved(startResult), () => {
      c.started = true;
      wsdcAdvanceQueueIfNeeded(c);
    }, (r) => {
      c.started = true;
      writableStreamDealWithRejection(w, r);
    });
  }
  function setUpWritableStreamDefaultControllerFromUnderlyingSink(w, sink, dict, highWaterMark, sizeAlgorithm) {
    const c = make(WritableStreamDefaultController, { kind: "WritableStreamDefaultController" });
    const { start, write, close, abort } = dict;
    setUpWritableStreamDefaultController(w, c,
      () => start === undefined ? undefined : start.call(sink, c.obj),
      (chunk) => promiseCall(write, sink, chunk, c.obj),
      () => promiseCall(close, sink),
      (reason) => promiseCall(abort, sink, reason),
      highWaterMark, sizeAlgorithm);
  }
  function wsdcAdvanceQueueIfNeeded(c) {
    const w = c.stream;
    if (!c.started) return;
    if (w.inFlightWriteRequest !== undefined) return;
    const state = w.state;
    if (state === "erroring") { writableStreamFinishErroring(w); return; }
    if (c.queue.length === 0) return;
    const value = c.queue.peek().value;
    if (value === closeSentinel) wsdcProcessClose(c);
    else wsdcProcessWrite(c, value);
  }
  function wsdcClearAlgorithms(c) {
    c.writeAlgorithm = undefined;
    c.closeAlgorithm = undefined;
    c.abortAlgorithm = undefined;
    c.strategySizeAlgorithm = undefined;
  }
  function wsdcClose(c) {
    enqueueValueWithSize(c, closeSentinel, 0);
    wsdcAdvanceQueueIfNeeded(c);
  }
  function wsdcError(c, error) {
    const w = c.stream;
    wsdcClearAlgorithms(c);
    writableStreamStartErroring(w, error);
  }
  function wsdcErrorIfNeeded(c, error) {
    if (c.stream.state === "writable") wsdcError(c, error);
  }
  function wsdcGetBackpressure(c) { return wsdcGetDesiredSize(c) <= 0; }
  function wsdcGetChunkSize(c, chunk) {
    if (c.strategySizeAlgorithm === undefined) return 1;
    try {
      return c.strategySizeAlgorithm(chunk);
    } catch (e) {
      wsdcErrorIfNeeded(c, e);
      return 1;
    }
  }
  function wsdcGetDesiredSize(c) { return c.strategyHWM - c.queueTotalSize; }
  function wsdcProcessClose(c) {
    const w = c.stream;
    writableStreamMarkCloseRequestInFlight(w);
    dequeueValue(c);
    const sinkClosePromise = c.closeAlgorithm();
    wsdcClearAlgorithms(c);
    upon(sinkClosePromise, () => writableStreamFinishInFlightClose(w),
      (reason) => writableStreamFinishInFlightCloseWithError(w, reason));
  }
  function wsdcProcessWrite(c, chunk) {
    const w = c.stream;
    writableStreamMarkFirstWriteRequestInFlight(w);
    const sinkWritePromise = c.writeAlgorithm(chunk);
    upon(sinkWritePromise, () => {
      writableStreamFinishInFlightWrite(w);
      const state = w.state;
      dequeueValue(c);
      if (!writableStreamCloseQueuedOrInFlight(w) && state === "writable") {
        writableStreamUpdateBackpressure(w, wsdcGetBackpressure(c));
      }
      wsdcAdvanceQueueIfNeeded(c);
    }, (reason) => {
      if (w.state === "writable") wsdcClearAlgorithms(c);
      writableStreamFinishInFlightWriteWithError(w, reason);
    });
  }
  function wsdcWrite(c, chunk, chunkSize) {
    try {
      enqueueValueWithSize(c, chunk, chunkSize);
    } catch (e) {
      wsdcErrorIfNeeded(c, e);
      return;
    }
    const w = c.stream;
    if (!writableStreamCloseQueuedOrInFlight(w) && w.state === "writable") {
      writableStreamUpdateBackpressure(w, wsdcGetBackpressure(c));
    }
    wsdcAdvanceQueueIfNeeded(c);
  }

  class WritableStream {
    constructor(underlyingSink = undefined, strategy = undefined) {
      const ctx = "Failed to construct 'WritableStream'";
      if (underlyingSink === undefined) underlyingSink = null;
      checkDict(underlyingSink, ctx, "Argument 1", "UnderlyingSink");
      checkDict(strategy, ctx, "Argument 2", "QueuingStrategy");
      const dict = {
        abort: callbackMember(underlyingSink, "abort", ctx, "UnderlyingSink"),
        close: callbackMember(underlyingSink, "close", ctx, "UnderlyingSink"),
        start: callbackMember(underlyingSink, "start", ctx, "UnderlyingSink"),
        type: dictMember(underlyingSink, "type"),
        write: callbackMember(underlyingSink, "write", ctx, "UnderlyingSink"),
      };
      if (dict.type !== undefined) throw new RangeError(`${ctx}: WritableStream does not support 'type' in the underlying sink`);
      const w = attach(this, { kind: "WritableStream" });
      initializeWritableStream(w);
      const sizeAlgorithm = extractSizeAlgorithm(strategy);
      const hwm = extractHighWaterMark(strategy, 1);
      setUpWritableStreamDefaultControllerFromUnderlyingSink(w, underlyingSink, dict, hwm, sizeAlgorithm);
    }
    get locked() { return isWritableStreamLocked(unwrap(this, "WritableStream")); }
    abort(reason = undefined) {
      let w;
      try { w = unwrap(this, "WritableStream"); } catch (e) { return rejected(e); }
      if (isWritableStreamLocked(w)) return rejected(new TypeError("The writable stream is locked, therefore cannot be aborted."));
      return writableStreamAbort(w, reason);
    }
    close() {
      let w;
      try { w = unwrap(this, "WritableStream"); } catch (e) { return rejected(e); }
      if (isWritableStreamLocked(w)) return rejected(new TypeError("The writable stream is locked, therefore cannot be closed."));
      if (writableStreamCloseQueuedOrInFlight(w)) return rejected(new TypeError("The associated stream is already closing."));
      return writableStreamClose(w);
    }
    getWriter() { return acquireWriter(unwrap(this, "WritableStream")).obj; }
  }

  class WritableStreamDefaultWriter {
    constructor(stream) {
      if (!isKind(stream, "WritableStream")) {
        throw new TypeError("Failed to construct 'WritableStreamDefaultWriter': Argument 1 is not of type WritableStream");
      }
      setUpWritableStreamDefaultWriter(attach(this, { kind: "WritableStreamDefaultWriter" }), Slot.of(stream));
    }
    get closed() {
      let r;
      try { r = unwrap(this, "WritableStreamDefaultWriter"); } catch (e) { return rejected(e); }
      return r.closed.promise;
    }
    get desiredSize() {
      const r = unwrap(this, "WritableStreamDefaultWriter");
      if (r.stream === undefined) throw new TypeError("A writable stream is not associated with the writer");
      return writableStreamDefaultWriterGetDesiredSize(r);
    }
    get ready() {
      let r;
      try { r = unwrap(this, "WritableStreamDefaultWriter"); } catch (e) { return rejected(e); }
      return r.ready.promise;
    }
    abort(reason = undefined) {
      let r;
      try { r = unwrap(this, "WritableStreamDefaultWriter"); } catch (e) { return rejected(e); }
      if (r.stream === undefined) return rejected(new TypeError("A writable stream is not associated with the writer."));
      return writableStreamDefaultWriterAbort(r, reason);
    }
    close() {
      let r;
      try { r = unwrap(this, "WritableStreamDefaultWriter"); } catch (e) { return rejected(e); }
      const w = r.stream;
      if (w === undefined) return rejected(new TypeError("A writable stream is not associated with the writer."));
      if (writableStreamCloseQueuedOrInFlight(w)) return rejected(new TypeError("The associated stream is already closing."));
      return writableStreamDefaultWriterClose(r);
    }
    releaseLock() {
      const r = unwrap(this, "WritableStreamDefaultWriter");
      if (r.stream === undefined) return;
      writableStreamDefaultWriterRelease(r);
    }
    write(chunk = undefined) {
      let r;
      try { r = unwrap(this, "WritableStreamDefaultWriter"); } catch (e) { return rejected(e); }
      if (r.stream === undefined) return rejected(new TypeError("A writable stream is not associate with the writer."));
      return writableStreamDefaultWriterWrite(r, chunk);
    }
  }

  class WritableStreamDefaultController {
    constructor(...args) { throw illegalConstructor(); }
    get signal() {
      const c = unwrap(this, "WritableStreamDefaultController");
      return c.abortController?.signal;
    }
    error(e = undefined) {
      const c = unwrap(this, "WritableStreamDefaultController");
      if (c.stream.state !== "writable") return;
      wsdcError(c, e);
    }
  }

  // =================================================================================================
  // TransformStream
  // =================================================================================================
  function initializeTransformStream(t, startPromise, writableHWM, writableSizeAlgorithm, readableHWM, readableSizeAlgorithm) {
    const startAlgorithm = () => startPromise;
    t.writable = createWritableStream(startAlgorithm,
      (chunk) => transformStreamDefaultSinkWriteAlgorithm(t, chunk),
      () => transformStreamDefaultSinkCloseAlgorithm(t),
      (reason) => transformStreamDefaultSinkAbortAlgorithm(t, reason),
      writableHWM, writableSizeAlgorithm);
    t.readable = createReadableStream(startAlgorithm,
      () => transformStreamDefaultSourcePullAlgorithm(t),
      (reason) => transformStreamDefaultSourceCancelAlgorithm(t, reason),
      readableHWM, readableSizeAlgorithm);
    t.backpressure = undefined;
    t.backpressureChangePromise = undefined;
    transformStreamSetBackpressure(t, true);
    t.controller = undefined;
  }
  const readableOf = (t) => t.readable;
  const writableOf = (t) => t.writable;
  function transformStreamError(t, e) {
    rsdcError(readableOf(t).controller, e);
    transformStreamErrorWritableAndUnblockWrite(t, e);
  }
  function transformStreamErrorWritableAndUnblockWrite(t, e) {
    tsdcClearAlgorithms(t.controller);
    wsdcErrorIfNeeded(writableOf(t).controller, e);
    transformStreamUnblockWrite(t);
  }
  function transformStreamSetBackpressure(t, backpressure) {
    if (t.backpressureChangePromise !== undefined) t.backpressureChangePromise.resolve(undefined);
    t.backpressureChangePromise = new Deferred();
    t.backpressure = backpressure;
  }
  function transformStreamUnblockWrite(t) {
    if (t.backpressure) transformStreamSetBackpressure(t, false);
  }
  function setUpTransformStreamDefaultController(t, c, transformAlgorithm, flushAlgorithm, cancelAlgorithm) {
    c.stream = t;
    t.controller = c;
    c.transformAlgorithm = transformAlgorithm;
    c.flushAlgorithm = flushAlgorithm;
    c.cancelAlgorithm = cancelAlgorithm;
    c.finishPromise = undefined;
  }
  function setUpTransformStreamDefaultControllerFromTransformer(t, transformer, dict) {
    const c = make(TransformStreamDefaultController, { kind: "TransformStreamDefaultController" });
    const transformAlgorithm = dict.transform === undefined
      ? (chunk) => {
        try {
          tsdcEnqueue(c, chunk);
          return resolved(undefined);
        } catch (e) {
          return rejected(e);
        }
      }
      : (chunk) => promiseCall(dict.transform, transformer, chunk, c.obj);
    const flushAlgorithm = (() => promiseCall(dict.flush, transformer, c.obj));
    const cancelAlgorithm = ((reason) => promiseCall(dict.cancel, transformer, reason));
    setUpTransformStreamDefaultController(t, c, transformAlgorithm, flushAlgorithm, cancelAlgorithm);
  }
  function tsdcClearAlgorithms(c) {
    c.transformAlgorithm = undefined;
    c.flushAlgorithm = undefined;
    c.cancelAlgorithm = undefined;
  }
  function tsdcEnqueue(c, chunk) {
    const t = c.stream;
    const rc = readableOf(t).controller;
    if (!rsdcCanCloseOrEnqueue(rc)) throw new TypeError("Readable stream is unavailable");
    try {
      rsdcEnqueue(rc, chunk);
    } catch (e) {
      transformStreamErrorWritableAndUnblockWrite(t, e);
      throw readableOf(t).storedError;
    }
    const backpressure = rsdcHasBackpressure(rc);
    if (backpressure !== t.backpressure) transformStreamSetBackpressure(t, true);
  }
  function tsdcError(c, e) { transformStreamError(c.stream, e); }
  function tsdcPerformTransform(c, chunk) {
    const transformPromise = c.transformAlgorithm(chunk);
    return upon(transformPromise, undefined, (r) => {
      transformStreamError(c.stream, r);
      throw r;
    });
  }
  function tsdcTerminate(c) {
    const t = c.stream;
    rsdcClose(readableOf(t).controller);
    transformStreamErrorWritableAndUnblockWrite(t, new TypeError("The stream has been terminated."));
  }
  function transformStreamDefaultSinkWriteAlgorithm(t, chunk) {
    const c = t.controller;
    if (t.backpressure) {
      return upon(t.backpressureChangePromise.promise, () => {
        const writable = writableOf(t);
        if (writable.state === "erroring") throw writable.storedError;
        return tsdcPerformTransform(c, chunk);
      });
    }
    return tsdcPerformTransform(c, chunk);
  }
  function transformStreamDefaultSinkAbortAlgorithm(t, reason) {
    const c = t.controller;
    if (c.finishPromise !== undefined) return c.finishPromise.promise;
    const readable = readableOf(t);
    c.finishPromise = new Deferred();
    const cancelPromise = c.cancelAlgorithm(reason);
    tsdcClearAlgorithms(c);
    upon(cancelPromise, () => {
      if (readable.state === "errored") c.finishPromise.reject(readable.storedError);
      else {
        rsdcError(readable.controller, reason);
        c.finishPromise.resolve(undefined);
      }
    }, (r) => {
      rsdcError(readable.controller, r);
      c.finishPromise.reject(r);
    });
    return c.finishPromise.promise;
  }
  function transformStreamDefaultSinkCloseAlgorithm(t) {
    const c = t.controller;
    if (c.finishPromise !== undefined) return c.finishPromise.promise;
    const readable = readableOf(t);
    c.finishPromise = new Deferred();
    const flushPromise = c.flushAlgorithm();
    tsdcClearAlgorithms(c);
    upon(flushPromise, () => {
      if (readable.state === "errored") c.finishPromise.reject(readable.storedError);
      else {
        rsdcClose(readable.controller);
        c.finishPromise.resolve(undefined);
      }
    }, (r) => {
      rsdcError(readable.controller, r);
      c.finishPromise.reject(r);
    });
    return c.finishPromise.promise;
  }
  function transformStreamDefaultSourcePullAlgorithm(t) {
    transformStreamSetBackpressure(t, false);
    return t.backpressureChangePromise.promise;
  }
  function transformStreamDefaultSourceCancelAlgorithm(t, reason) {
    const c = t.controller;
    if (c.finishPromise !== undefined) return c.finishPromise.promise;
    const writable = writableOf(t);
    c.finishPromise = new Deferred();
    const cancelPromise = c.cancelAlgorithm(reason);
    tsdcClearAlgorithms(c);
    upon(cancelPromise, () => {
      if (writable.state === "errored") c.finishPromise.reject(writable.storedError);
      else {
        wsdcErrorIfNeeded(writable.controller, reason);
        transformStreamUnblockWrite(t);
        c.finishPromise.resolve(undefined);
      }
    }, (r) => {
      wsdcErrorIfNeeded(writable.controller, r);
      transformStreamUnblockWrite(t);
      c.finishPromise.reject(r);
    });
    return c.finishPromise.promise;
  }

  class TransformStream {
    constructor(transformer = undefined, writableStrategy = undefined, readableStrategy = undefined) {
      const ctx = "Failed to construct 'TransformStream'";
      if (transformer === undefined) transformer = null;
      checkDict(transformer, ctx, "Argument 1", "Transformer");
      checkDict(writableStrategy, ctx, "Argument 2", "QueuingStrategy");
      checkDict(readableStrategy, ctx, "Argument 3", "QueuingStrategy");
      const dict = {
        cancel: callbackMember(transformer, "cancel", ctx, "Transformer"),
        flush: callbackMember(transformer, "flush", ctx, "Transformer"),
        readableType: dictMember(transformer, "readableType"),
        start: callbackMember(transformer, "start", ctx, "Transformer"),
        transform: callbackMember(transformer, "transform", ctx, "Transformer"),
        writableType: dictMember(transformer, "writableType"),
      };
      if (dict.readableType !== undefined) throw new RangeError(`${ctx}: readableType transformers not supported`);
      if (dict.writableType !== undefined) throw new RangeError(`${ctx}: writableType transformers not supported`);
      const readableHWM = extractHighWaterMark(readableStrategy, 0);
      const readableSizeAlgorithm = extractSizeAlgorithm(readableStrategy);
      const writableHWM = extractHighWaterMark(writableStrategy, 1);
      const writableSizeAlgorithm = extractSizeAlgorithm(writableStrategy);
      const t = attach(this, { kind: "TransformStream" });
      const startPromise = new Deferred();
      initializeTransformStream(t, startPromise.promise, writableHWM, writableSizeAlgorithm, readableHWM, readableSizeAlgorithm);
      setUpTransformStreamDefaultControllerFromTransformer(t, transformer, dict);
      if (dict.start !== undefined) startPromise.resolve(dict.start.call(transformer, t.controller.obj));
      else startPromise.resolve(undefined);
    }
    get readable() { return unwrap(this, "TransformStream").readable.obj; }
    get writable() { return unwrap(this, "TransformStream").writable.obj; }
  }

  class TransformStreamDefaultController {
    constructor(...args) { throw illegalConstructor(); }
    get desiredSize() {
      const c = unwrap(this, "TransformStreamDefaultController");
      return rsdcGetDesiredSize(readableOf(c.stream).controller);
    }
    enqueue(chunk = undefined) { tsdcEnqueue(unwrap(this, "TransformStreamDefaultController"), chunk); }
    error(reason = undefined) { tsdcError(unwrap(this, "TransformStreamDefaultController"), reason); }
    terminate() { tsdcTerminate(unwrap(this, "TransformStreamDefaultController")); }
  }

  // =================================================================================================
  // Queuing strategies
  // =================================================================================================
  function strategyInit(init, ctx) {
    if (arguments.length === 0 || init === undefined && ctx === undefined) return undefined;
    if (init === undefined || init === null || typeof init !== "object" && typeof init !== "function") {
      if (init !== undefined && init !== null) {
        throw new TypeError(`${ctx}: Argument 1 can not be converted to 'QueuingStrategyInit' because it is not an object`);
      }
    }
    const hwm = init?.highWaterMark;
    if (hwm === undefined) {
      throw new TypeError(`${ctx}: Argument 1 can not be converted to 'QueuingStrategyInit' because 'highWaterMark' is required in 'QueuingStrategyInit'`);
    }
    return Number(hwm);
  }
  // One size function per realm, shared by every instance (the spec's "function ... cached").
  const byteLengthSize = { size(chunk) { return chunk.byteLength; } }.size;
  const countSize = { size() { return 1; } }.size;
  class ByteLengthQueuingStrategy {
    constructor(init) {
      const ctx = "Failed to construct 'ByteLengthQueuingStrategy'";
      if (arguments.length === 0) throw new TypeError(`${ctx}: 1 argument required, but only 0 present`);
      attach(this, { kind: "ByteLengthQueuingStrategy", highWaterMark: strategyInit(init, ctx) });
    }
    get highWaterMark() { return unwrap(this, "ByteLengthQueuingStrategy").highWaterMark; }
    get size() { unwrap(this, "ByteLengthQueuingStrategy"); return byteLengthSize; }
  }
  class CountQueuingStrategy {
    constructor(init) {
      const ctx = "Failed to construct 'CountQueuingStrategy'";
      if (arguments.length === 0) throw new TypeError(`${ctx}: 1 argument required, but only 0 present`);
      attach(this, { kind: "CountQueuingStrategy", highWaterMark: strategyInit(init, ctx) });
    }
    get highWaterMark() { return unwrap(this, "CountQueuingStrategy").highWaterMark; }
    get size() { unwrap(this, "CountQueuingStrategy"); return countSize; }
  }

  // console.log shows these objects as Deno does: the class name and a few live getters.
  const defineInspect = internal.defineInspect;
  const desiredSizeOf = (o) => ({ desiredSize: o.desiredSize });
  const closedOf = (o) => ({ closed: o.closed });
  const pairOf = (o) => ({ readable: o.readable, writable: o.writable });
  const strategyOf = (o) => ({ highWaterMark: o.highWaterMark, size: o.size });
  defineInspect(ReadableStream, (o) => ({
    locked: o.locked,
    state: unwrap(o, "ReadableStream").state,
    supportsBYOB: unwrap(o, "ReadableStream").controller.kind === "ReadableByteStreamController",
  }));
  defineInspect(WritableStream, (o) => ({ locked: o.locked }));
  defineInspect(TransformStream, pairOf);
  defineInspect(ReadableStreamDefaultReader, closedOf);
  defineInspect(ReadableStreamBYOBReader, closedOf);
  defineInspect(WritableStreamDefaultWriter, (o) => ({ closed: o.closed, desiredSize: o.desiredSize, ready: o.ready }));
  defineInspect(ReadableStreamDefaultController, desiredSizeOf);
  defineInspect(ReadableByteStreamController, desiredSizeOf);
  defineInspect(TransformStreamDefaultController, desiredSizeOf);
  defineInspect(WritableStreamDefaultController, (o) => ({ signal: o.signal }));
  defineInspect(ByteLengthQueuingStrategy, strategyOf);
  defineInspect(CountQueuingStrategy, strategyOf);

  const classes = {
    ReadableStream, ReadableStreamDefaultReader, ReadableStreamBYOBReader, ReadableStreamBYOBRequest,
    ReadableStreamDefaultController, ReadableByteStreamController, WritableStream,
    WritableStreamDefaultWriter, WritableStreamDefaultController, TransformStream,
    TransformStreamDefaultController, ByteLengthQueuingStrategy, CountQueuingStrategy,
  };
  for (const [name, cls] of Object.entries(classes)) {
    Object.defineProperty(cls.prototype, Symbol.toStringTag, { value: name, configurable: true });
  }

  // For the other web APIs (Blob.stream, compression): streams built by the runtime, not by user code.
  function readableByteStreamFromPull(pull, cancel = () => resolved(undefined)) {
    let s;
    s = createReadableByteStream(() => undefined, () => {
      try {
        const c = s.controller;
        return resolved(pull({
          enqueue: (chunk) => rbscEnqueue(c, chunk),
          close: () => { rbscClose(c); if (c.pendingPullIntos.length > 0) rbscRespond(c, 0); },
          error: (e) => rbscError(c, e),
        }));
      } catch (e) {
        return rejected(e);
      }
    }, cancel);
    return s.obj;
  }

  internal.webApis = Object.assign(internal.webApis ?? {}, classes);
  internal.streams = {
    ...classes,
    readableByteStreamFromPull,
    isReadableStream: (o) => isKind(o, "ReadableStream"),
  };
})
