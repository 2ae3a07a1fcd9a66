// node:stream, the basics: Readable (paused and flowing modes, pipe with back-pressure, async
// iteration, Readable.from), Writable (queued _write, _final, drain, finish), Duplex, Transform,
// PassThrough, pipeline and finished (callback and promise forms). A smaller machine than Node's:
// the event order of the common paths is Node's, corner cases (writev, cork buffering, readable
// events in object mode with highWaterMark 0) are simplified.
(function (binding, internal) {
  "use strict";
  const EventEmitter = internal.node.builtin("events");
  const errors = internal.node.load("_errors");
  const { Buffer } = internal.node.builtin("buffer");
  const nextTick = (fn, ...args) => internal.node.nextTick(fn, args);
  let defaultHighWaterMark = 65536;
  const hwm = (options, objectMode, key) =>
    options?.[key] ?? options?.highWaterMark ?? (objectMode ? 16 : defaultHighWaterMark);

  function Stream(options) {
    EventEmitter.call(this, options);
  }
  Object.setPrototypeOf(Stream.prototype, EventEmitter.prototype);
  Object.setPrototypeOf(Stream, EventEmitter);
  Stream.prototype.pipe = function (dest, options) {
    return Readable.prototype.pipe.call(this, dest, options);
  };

  function destroyImpl(stream, err, cb) {
    const r = stream._readableState;
    const w = stream._writableState;
    if ((r ?? w).destroyed) {
      if (typeof cb === "function") cb(err);
      return stream;
    }
    if (r) r.destroyed = true;
    if (w) w.destroyed = true;
    const done = (error) => {
      if (typeof cb === "function") cb(error);
      nextTick(() => {
        if (error) {
          if (r) r.errored = error;
          if (w) w.errored = error;
          stream.emit("error", error);
        }
        if ((r ?? w).emitClose !== false) {
          if (r) r.closeEmitted = true;
          if (w) w.closeEmitted = true;
          stream.emit("close");
        }
      });
    };
    stream._destroy(err ?? null, (error) => done(error ?? err));
    return stream;
  }

  // ---- Readable -----------------------------------------------------------------------------
  class Readable extends Stream {
    constructor(options) {
      super(options);
      const objectMode = !!(options?.objectMode || options?.readableObjectMode);
      this._readableState = {
        objectMode,
        highWaterMark: hwm(options, objectMode, "readableHighWaterMark"),
        buffer: [],
        length: 0,
        flowing: null,
        ended: false,
        endEmitted: false,
        reading: false,
        sync: false,
        destroyed: false,
        errored: null,
        closeEmitted: false,
        emitClose: options?.emitClose !== false,
        autoDestroy: options?.autoDestroy !== false,
        decoder: null,
        encoding: null,
        flowScheduled: false,
        pipes: [],
      };
      if (options?.encoding) this.setEncoding(options.encoding);
      if (typeof options?.read === "function") this._read = options.read;
      if (typeof options?.destroy === "function") this._destroy = options.destroy;
      if (typeof options?.construct === "function") {
        const state = this._readableState;
        state.constructing = true;
        nextTick(() => options.construct.call(this, (err) => {
          state.constructing = false;
          if (err) this.destroy(err);
          else maybeRead(this);
        }));
      }
      if (options?.signal) addAbortSignal(options.signal, this);
    }

    _read() {
      throw errors.nodeError(Error, "ERR_METHOD_NOT_IMPLEMENTED", "The _read() method is not implemented");
    }

    _destroy(err, cb) {
      cb(err);
    }

    push(chunk, encoding) {
      return addChunk(this, chunk, encoding, false);
    }

    unshift(chunk, encoding) {
      return addChunk(this, chunk, encoding, true);
    }

    read(n) {
      const state = this._readableState;
      if (n === 0 && !state.ended) {
        maybeRead(this);
        return null;
      }
      let chunk = null;
      if (state.length > 0 && (n === undefined || state.objectMode || n <= state.length)) {
        chunk = take(state, n);
      } else if (state.ended && state.length > 0) {
        chunk = take(state, undefined);
      }
      if (chunk !== null) this.emit("data", chunk);
      if (state.ended && state.length === 0) scheduleEnd(this);
      else maybeRead(this);
      return chunk;
    }

    setEncoding(encoding) {
      const { StringDecoder } = internal.node.builtin("string_decoder");
      const state = this._readableState;
      state.decoder = new StringDecoder(encoding);
      state.encoding = state.decoder.encoding;
      state.buffer = state.buffer.map((c) => (typeof c === "string" ? c : state.decoder.write(c)));
      return this;
    }

    on(event, listener) {
      const result = super.on(event, listener);
      const state = this._readableState;
      if (event === "data" && state.flowing !== false) this.resume();
      else if (event === "readable" && !state.endEmitted) {
        state.flowing = false;
        state.readableListening = true;
        nextTick(() => {
          if (state.length > 0 || state.ended) this.emit("readable");
          else maybeRead(this);
        });
      }
      return result;
    }

    pause() {
      if (this._readableState.flowing !== false) {
        this._readableState.flowing = false;
        this.emit("pause");
      }
      return this;
    }

    resume() {
      const state = this._readableState;
      if (!state.flowing) {
        state.flowing = true;
        nextTick(() => this.emit("resume"));
        scheduleFlow(this);
      }
      return this;
    }

    isPaused() {
      return this._readableState.flowing === false;
    }

    pipe(dest, options) {
      const src = this;
      const state = this._readableState;
      state.pipes.push(dest);
      const ondata = (chunk) => {
        if (dest.write(chunk) === false) src.pause();
      };
      const ondrain = () => src.resume();
      const onend = () => {
        // process.stdout and stderr are never ended by a pipe (Node).
        if (options?.end !== false && !dest._isStdio) dest.end();
      };
      src.on("data", ondata);
      dest.on("drain", ondrain);
      src.once("end", onend);
      dest.once("unpipe", (s) => {
        if (s !== src) return;
        src.removeListener("data", ondata);
        dest.removeListener("drain", ondrain);
        src.removeListener("end", onend);
      });
      dest.emit("pipe", src);
      if (!state.flowing) src.resume();
      return dest;
    }

    unpipe(dest) {
      const state = this._readableState;
      const targets = dest === undefined ? state.pipes.splice(0) : state.pipes.splice(state.pipes.indexOf(dest) >>> 0, 1);
      for (const d of targets) d.emit("unpipe", this);
      if (state.pipes.length === 0) this.pause();
      return this;
    }

    destroy(err, cb) {
      return destroyImpl(this, err, cb);
    }

    wrap(stream) {
      stream.on("data", (chunk) => {
        if (!this.push(chunk)) stream.pause();
      });
      stream.on("end", () => this.push(null));
      stream.on("error", (err) => this.destroy(err));
      this._read = () => stream.resume();
      return this;
    }

    async *[Symbol.asyncIterator]() {
      const state = this._readableState;
      let wake = null;
      let error = null;
      const signal = () => {
        const w = wake;
        wake = null;
        w?.();
      };
      this.on("readable", signal);
      this.on("end", signal);
      this.on("error", (err) => {
        error = err;
        signal();
      });
      this.on("close", signal);
      try {
        for (;;) {
          if (error) throw error;
          const chunk = state.length > 0 ? take(state, undefined) : null;
          if (chunk !== null) {
            yield chunk;
            continue;
          }
          if (state.ended && state.length === 0) {
            scheduleEnd(this);
            return;
          }
          if (state.destroyed) {
            if (error) throw error;
            return;
          }
          maybeRead(this);
          await new Promise((resolve) => { wake = resolve; });
        }
      } finally {
        if (!state.endEmitted || !state.destroyed) this.destroy();
      }
    }

    get readable() {
      const s = this._readableState;
      return !s.destroyed && !s.endEmitted && !s.errored;
    }
    get readableEnded() {
      return this._readableState.endEmitted;
    }
    get readableFlowing() {
      return this._readableState.flowing;
    }
    get readableLength() {
      return this._readableState.length;
    }
    get readableObjectMode() {
      return this._readableState.objectMode;
    }
    get readableHighWaterMark() {
      return this._readableState.highWaterMark;
    }
    get readableEncoding() {
      return this._readableState.encoding;
    }
    get destroyed() {
      return this._readableState.destroyed;
    }
    get errored() {
      return this._readableState.errored;
    }
    get closed() {
      return this._readableState.closeEmitted;
    }

    static from(iterable, options) {
      if (typeof iterable === "string" || iterable instanceof Uint8Array) {
        return new Readable({ objectMode: true, ...options, read() {
          this.push(iterable);
          this.push(null);
        } });
      }
      const iterator = iterable[Symbol.asyncIterator]?.() ?? iterable[Symbol.iterator]?.();
      if (iterator === undefined) throw errors.invalidArgType("iterable", ["Iterable"], iterable);
      let reading = false;
      return new Readable({
        objectMode: true,
        ...options,
        async read() {
          if (reading) return;
          reading = true;
          try {
            for (;;) {
              const { value, done } = await iterator.next();
              if (done) {
                this.push(null);
                break;
              }
              const v = await value;
              if (v === null) throw errors.nodeError(TypeError, "ERR_STREAM_NULL_VALUES", "May not write null values to stream");
              if (!this.push(v)) break;
            }
          } catch (err) {
            this.destroy(err);
          } finally {
            reading = false;
          }
        },
        destroy(err, cb) {
          Promise.resolve(iterator.return?.()).then(() => cb(err), (e) => cb(e ?? err));
        },
      });
    }
  }

  function addChunk(stream, chunk, encoding, front) {
    const state = stream._readableState;
    if (chunk === null) {
      state.reading = false;
      if (!state.ended) {
        state.ended = true;
        if (state.decoder) {
          const rest = state.decoder.end();
          if (rest) {
            state.buffer.push(rest);
            state.length += state.objectMode ? 1 : rest.length;
          }
        }
        if (state.flowing) scheduleFlow(stream);
        else if (state.length === 0) scheduleEnd(stream);
        if (state.readableListening) nextTick(() => stream.emit("readable"));
      }
      return false;
    }
    if (state.ended && !front) {
      const err = errors.nodeError(Error, "ERR_STREAM_PUSH_AFTER_EOF", "stream.push() after EOF");
      stream.destroy(err);
      return false;
    }
    if (!state.objectMode) {
      if (typeof chunk === "string") {
        if (!state.decoder) chunk = Buffer.from(chunk, encoding);
      } else if (chunk instanceof Uint8Array) {
        if (!(chunk instanceof Buffer)) chunk = Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
      } else {
        const err = errors.invalidArgType("chunk", ["string", "Buffer", "Uint8Array"], chunk);
        stream.destroy(err);
        return false;
      }
      if (state.decoder && typeof chunk !== "string") chunk = state.decoder.write(chunk);
      if (chunk.length === 0) {
        state.reading = false;
        return state.length < state.highWaterMark;
      }
    }
    state.reading = false;
    if (front) state.buffer.unshift(chunk);
    else state.buffer.push(chunk);
    state.length += state.objectMode ? 1 : chunk.length;
    if (state.flowing) scheduleFlow(stream);
    else if (state.readableListening) nextTick(() => stream.emit("readable"));
    return state.length < state.highWaterMark;
  }

  function take(state, n) {
    if (state.objectMode || n === undefined || n >= state.length) {
      if (state.objectMode) {
        state.length--;
        return state.buffer.shift();
      }
      const all = state.buffer.length === 1 ? state.buffer[0]
        : state.decoder ? state.buffer.join("") : Buffer.concat(state.buffer);
      state.buffer = [];
      state.length = 0;
      return all;
    }
    const all = state.decoder ? state.buffer.join("") : Buffer.concat(state.buffer);
    const chunk = all.slice(0, n);
    state.buffer = [all.slice(n)];
    state.length -= n;
    return chunk;
  }

  function maybeRead(stream) {
    const state = stream._readableState;
    if (state.reading || state.ended || state.destroyed || state.constructing || state.length >= state.highWaterMark) return;
    state.reading = true;
    try {
      stream._read(state.highWaterMark);
    } catch (err) {
      stream.destroy(err);
    }
  }

  function scheduleFlow(stream) {
    const state = stream._readableState;
    if (state.flowScheduled) return;
    state.flowScheduled = true;
    nextTick(() => {
      state.flowScheduled = false;
      // One `data` event per pushed chunk, as Node emits them.
      while (state.flowing && state.length > 0 && !state.destroyed) {
        const chunk = state.buffer.shift();
        state.length -= state.objectMode ? 1 : chunk.length;
        stream.emit("data", chunk);
      }
      if (state.ended && state.length === 0) scheduleEnd(stream);
      else if (state.flowing) maybeRead(stream);
    });
  }

  function scheduleEnd(stream) {
    const state = stream._readableState;
    if (state.endEmitted || state.endScheduled) return;
    state.endScheduled = true;
    nextTick(() => {
      if (state.endEmitted || state.destroyed || state.length > 0) {
        state.endScheduled = false;
        return;
      }
      state.endEmitted = true;
      stream.emit("end");
      const w = stream._writableState;
      if (state.autoDestroy && (!w || (w.finished && w.autoDestroy !== false))) stream.destroy();
    });
  }

  // ---- Writable -----------------------------------------------------------------------------
  function initWritable(stream, options) {
    const objectMode = !!(options?.objectMode || options?.writableObjectMode);
    stream._writableState = {
      objectMode,
      highWaterMark: hwm(options, objectMode, "writableHighWaterMark"),
      decodeStrings: options?.decodeStrings !== false,
      defaultEncoding: options?.defaultEncoding ?? "utf8",
      buffer: [],
      length: 0,
      writing: false,
      corked: 0,
      ending: false,
      ended: false,
      finished: false,
      destroyed: false,
      errored: null,
      closeEmitted: false,
      emitClose: options?.emitClose !== false,
      autoDestroy: options?.autoDestroy !== false,
      needDrain: false,
      pendingCallbacks: [],
    };
    if (typeof options?.write === "function") stream._write = options.write;
    if (typeof options?.writev === "function") stream._writev = options.writev;
    if (typeof options?.final === "function") stream._final = options.final;
    if (typeof options?.destroy === "function") stream._destroy = options.destroy;
  }

  const writableMethods = {
    write(chunk, encoding, cb) {
      const state = this._writableState;
      if (typeof encoding === "function") {
        cb = encoding;
        encoding = null;
      }
      encoding ||= state.defaultEncoding;
      if (chunk === null) throw errors.nodeError(TypeError, "ERR_STREAM_NULL_VALUES", "May not write null values to stream");
      if (!state.objectMode) {
        if (typeof chunk === "string") {
          if (state.decodeStrings) {
            chunk = Buffer.from(chunk, encoding);
            encoding = "buffer";
          }
        } else if (chunk instanceof Uint8Array) {
          if (!(chunk instanceof Buffer)) chunk = Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
          encoding = "buffer";
        } else {
          throw errors.invalidArgType("chunk", ["string", "Buffer", "Uint8Array"], chunk);
        }
      }
      let err;
      if (state.ending) err = errors.nodeError(Error, "ERR_STREAM_WRITE_AFTER_END", "write after end");
      else if (state.destroyed) err = errors.nodeError(Error, "ERR_STREAM_DESTROYED", "Cannot call write after a stream was destroyed");
      if (err) {
        nextTick(() => cb?.(err));
        if (!state.destroyed) destroyImpl(this, err);
        return false;
      }
      state.length += state.objectMode ? 1 : chunk.length;
      const ret = state.length < state.highWaterMark;
      if (!ret) state.needDrain = true;
      state.buffer.push({ chunk, encoding, cb });
      if (!state.writing && !state.corked) writeNext(this);
      return ret;
    },

    end(chunk, encoding, cb) {
      const state = this._writableState;
      if (typeof chunk === "function") {
        cb = chunk;
        chunk = null;
      } else if (typeof encoding === "function") {
        cb = encoding;
        encoding = null;
      }
      if (chunk !== null && chunk !== undefined) this.write(chunk, encoding);
      state.corked = 0;
      if (typeof cb === "function") {
        if (state.finished) nextTick(cb);
        else this.once("finish", () => cb());
      }
      if (!state.ending) {
        state.ending = true;
        if (!state.writing) writeNext(this);
      }
      return this;
    },

    cork() {
      this._writableState.corked++;
    },

    uncork() {
      const state = this._writableState;
      if (state.corked > 0 && --state.corked === 0 && !state.writing) writeNext(this);
    },

    setDefaultEncoding(encoding) {
      this._writableState.defaultEncoding = encoding;
      return this;
    },

    _write(chunk, encoding, cb) {
      if (this._writev) this._writev([{ chunk, encoding }], cb);
      else throw errors.nodeError(Error, "ERR_METHOD_NOT_IMPLEMENTED", "The _write() method is not implemented");
    },
  };

  function writeNext(stream) {
    const state = stream._writableState;
    if (state.destroyed) return;
    const entry = state.buffer.shift();
    if (entry === undefined) {
      if (state.ending && !state.ended) finishWritable(stream);
      return;
    }
    state.writing = true;
    let sync = true;
    const onwrite = (err) => {
      state.writing = false;
      state.length -= state.objectMode ? 1 : entry.chunk.length;
      if (err) {
        const after = () => {
          entry.cb?.(err);
          destroyImpl(stream, err);
        };
        if (sync) nextTick(after);
        else after();
        return;
      }
      const after = () => {
        entry.cb?.(null);
        if (state.needDrain && state.length === 0 && !state.ending) {
          state.needDrain = false;
          stream.emit("drain");
        }
        if (!state.writing && !state.corked) writeNext(stream);
      };
      if (sync) nextTick(after);
      else after();
    };
    try {
      stream._write(entry.chunk, entry.encoding, onwrite);
    } catch (err) {
      onwrite(err);
    }
    sync = false;
  }

  function finishWritable(stream) {
    const state = stream._writableState;
    state.ended = true;
    const done = (err) => {
      if (err) {
        destroyImpl(stream, err);
        return;
      }
      nextTick(() => {
        if (state.destroyed && state.errored) return;
        state.finished = true;
        stream.emit("finish");
        const r = stream._readableState;
        if (state.autoDestroy && (!r || (r.endEmitted && r.autoDestroy !== false))) stream.destroy();
      });
    };
    if (typeof stream._final === "function") {
      try {
        stream._final(done);
      } catch (err) {
        done(err);
      }
    } else {
      done();
    }
  }

  const writableGetters = {
    writable() {
      const s = this._writableState;
      return !s.destroyed && !s.ending && !s.errored;
    },
    writableEnded() {
      return this._writableState.ending;
    },
    writableFinished() {
      return this._writableState.finished;
    },
    writableLength() {
      return this._writableState.length;
    },
    writableObjectMode() {
      return this._writableState.objectMode;
    },
    writableHighWaterMark() {
      return this._writableState.highWaterMark;
    },
    writableCorked() {
      return this._writableState.corked;
    },
    writableNeedDrain() {
      return this._writableState.needDrain;
    },
  };

  function defineWritable(proto) {
    for (const [name, fn] of Object.entries(writableMethods)) {
      Object.defineProperty(proto, name, { value: fn, writable: true, configurable: true });
    }
    for (const [name, get] of Object.entries(writableGetters)) {
      Object.defineProperty(proto, name, { get, configurable: true });
    }
  }

  class Writable extends Stream {
    constructor(options) {
      super(options);
      initWritable(this, options);
      if (options?.signal) addAbortSignal(options.signal, this);
    }
    _destroy(err, cb) {
      cb(err);
    }
    destroy(err, cb) {
      return destroyImpl(this, err, cb);
    }
    get destroyed() {
      return this._writableState.destroyed;
    }
    get errored() {
      return this._writableState.errored;
    }
    get closed() {
      return this._writableState.closeEmitted;
    }
    // A Duplex is a Writable too, as in Node.
    static [Symbol.hasInstance](object) {
      if (Function.prototype[Symbol.hasInstance].call(this, object)) return true;
      return this === Writable && object?._writableState !== undefined && object instanceof Stream;
    }
  }
  defineWritable(Writable.prototype);

  class Duplex extends Readable {
    constructor(options) {
      super(options);
      initWritable(this, options);
      this.allowHalfOpen = options?.allowHalfOpen !== false;
      if (options?.readable === false) this._readableState.ended = this._readableState.endEmitted = true;
      if (options?.writable === false) this._writableState.ending = this._writableState.ended = this._writableState.finished = true;
      if (!this.allowHalfOpen) this.once("end", () => this.end());
    }
  }
  defineWritable(Duplex.prototype);

  class Transform extends Duplex {
    constructor(options) {
      super(options);
      if (typeof options?.transform === "function") this._transform = options.transform;
      if (typeof options?.flush === "function") this._flush = options.flush;
      this._readableState.sync = false;
    }

    _transform() {
      throw errors.nodeError(Error, "ERR_METHOD_NOT_IMPLEMENTED", "The _transform() method is not implemented");
    }

    _write(chunk, encoding, callback) {
      const rState = this._readableState;
      this._transform(chunk, encoding, (err, data) => {
        if (err) {
          callback(err);
          return;
        }
        if (data !== undefined && data !== null) this.push(data);
        if (rState.length < rState.highWaterMark || rState.flowing) callback();
        else this._pendingCallback = callback;
      });
    }

    _read() {
      const cb = this._pendingCallback;
      if (cb) {
        this._pendingCallback = null;
        cb();
      }
    }

    _final(callback) {
      const end = (err, data) => {
        if (err) {
          callback(err);
          return;
        }
        if (data !== undefined && data !== null) this.push(data);
        this.push(null);
        callback();
      };
      if (typeof this._flush === "function") this._flush(end);
      else end();
    }
  }

  class PassThrough extends Transform {
    _transform(chunk, encoding, cb) {
      cb(null, chunk);
    }
  }

  // ---- finished, pipeline -------------------------------------------------------------------
  function finished(stream, options, callback) {
    if (typeof options === "function") {
      callback = options;
      options = {};
    }
    let done = false;
    const finish = (err) => {
      if (done) return;
      done = true;
      cleanup();
      callback.call(stream, err);
    };
    const r = stream._readableState;
    const w = stream._writableState;
    const wantRead = options?.readable !== false && r !== undefined && !r.endEmitted;
    const wantWrite = options?.writable !== false && w !== undefined && !w.finished;
    let readDone = !wantRead;
    let writeDone = !wantWrite;
    const onend = () => {
      readDone = true;
      if (writeDone) finish();
    };
    const onfinish = () => {
      writeDone = true;
      if (readDone) finish();
    };
    const onerror = (err) => finish(err);
    const onclose = () => {
      if (!readDone || !writeDone) {
        finish(errors.nodeError(Error, "ERR_STREAM_PREMATURE_CLOSE", "Premature close"));
      } else finish();
    };
    stream.on("end", onend);
    stream.on("finish", onfinish);
    stream.on("error", onerror);
    stream.on("close", onclose);
    const cleanup = () => {
      stream.removeListener("end", onend);
      stream.removeListener("finish", onfinish);
      stream.removeListener("error", onerror);
      stream.removeListener("close", onclose);
    };
    if (readDone && writeDone) nextTick(finish);
    return cleanup;
  }

  function pipeline(...streams) {
    const callback = typeof streams[streams.length - 1] === "function" ? streams.pop() : null;
    if (Array.isArray(streams[0]) && streams.length === 1) streams = streams[0];
    if (streams.length < 2) throw errors.nodeError(TypeError, "ERR_MISSING_ARGS", 'The "streams" argument must be specified');
    streams = streams.map((s, i) => {
      if (s instanceof Stream) return s;
      if (i === 0 && s != null && (typeof s[Symbol.asyncIterator] === "function" || typeof s[Symbol.iterator] === "function")) {
        return Readable.from(s);
      }
      if (typeof s === "function" && i === 0) return Readable.from(s());
      throw errors.invalidArgType(`streams[${i}]`, ["Stream"], s);
    });
    let error;
    let remaining = streams.length;
    let called = false;
    const report = (err) => {
      if (err && !error) {
        error = err;
        for (const s of streams) if (!s.destroyed) s.destroy(err);
      }
      if (--remaining === 0 || err) {
        if (!called && callback) {
          called = true;
          callback(error);
        }
      }
    };
    for (let i = 0; i < streams.length; i++) {
      const last = i === streams.length - 1;
      finished(streams[i], { readable: i !== streams.length - 1 || !streams[i]._writableState, writable: i > 0 },
        (err) => {
          if (err?.code === "ERR_STREAM_PREMATURE_CLOSE" && error) return;
          report(err);
        });
      if (!last) streams[i].pipe(streams[i + 1]);
    }
    return streams[streams.length - 1];
  }

  function addAbortSignal(signal, stream) {
    const onAbort = () => stream.destroy(Object.assign(
      new DOMException("The operation was aborted", "AbortError"), { cause: signal.reason }));
    if (signal.aborted) onAbort();
    else signal.addEventListener("abort", onAbort, { once: true });
    return stream;
  }

  const promises = {
    pipeline: (...streams) => new Promise((resolve, reject) => {
      pipeline(...streams, (err) => (err ? reject(err) : resolve()));
    }),
    finished: (stream, options) => new Promise((resolve, reject) => {
      finished(stream, options, (err) => (err ? reject(err) : resolve()));
    }),
  };

  Object.assign(Stream, {
    Duplex,
    PassThrough,
    Readable,
    Stream,
    Transform,
    Writable,
    _isArrayBufferView: ArrayBuffer.isView,
    _isUint8Array: (v) => v instanceof Uint8Array,
    _uint8ArrayToBuffer: (chunk) => Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength),
    addAbortSignal,
    destroy: (stream, err) => stream.destroy(err),
    finished,
    getDefaultHighWaterMark: (objectMode) => (objectMode ? 16 : defaultHighWaterMark),
    isDestroyed: (stream) => !!(stream._readableState ?? stream._writableState)?.destroyed,
    isDisturbed: (stream) => !!stream._readableState && (stream._readableState.flowing !== null || stream._readableState.endEmitted),
    isErrored: (stream) => !!(stream._readableState ?? stream._writableState)?.errored,
    isReadable: (stream) => !!stream.readable,
    isWritable: (stream) => !!stream.writable,
    pipeline,
    promises,
    setDefaultHighWaterMark(objectMode, value) {
      if (!objectMode) defaultHighWaterMark = value;
    },
  });
  return Stream;
})
