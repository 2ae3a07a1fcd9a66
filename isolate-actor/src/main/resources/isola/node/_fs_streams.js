// fs.createReadStream and fs.createWriteStream: node:stream objects over an fs file descriptor, read
// and written with the synchronous fd calls a chunk at a time (one op per chunk, no thread hop).
(function (binding, internal) {
  "use strict";
  const { Readable, Writable } = internal.node.builtin("stream");
  const { Buffer } = internal.node.builtin("buffer");

  return (fs) => {
    function opened(stream, path, flags, mode, fd) {
      stream.path = path;
      stream.fd = fd ?? null;
      stream.bytesRead = 0;
      stream.pending = true;
      internal.node.nextTick(() => {
        try {
          if (stream.fd === null) stream.fd = fs.openSync(path, flags, mode);
        } catch (err) {
          stream.destroy(err);
          return;
        }
        stream.pending = false;
        stream.emit("open", stream.fd);
        stream.emit("ready");
      }, []);
    }
    function closeFd(stream, err, cb) {
      if (stream.fd !== null && stream.autoClose !== false) {
        try {
          fs.closeSync(stream.fd);
        } catch {
          // already closed
        }
        stream.fd = null;
      }
      cb(err);
    }

    class ReadStream extends Readable {
      constructor(path, options) {
        if (typeof options === "string") options = { encoding: options };
        super({ highWaterMark: 65536, ...options });
        this.start = options?.start;
        this.end = options?.end ?? Infinity;
        this.pos = this.start;
        this.autoClose = options?.autoClose !== false;
        opened(this, path, options?.flags ?? "r", options?.mode, options?.fd);
      }
      _read(n) {
        if (this.fd === null) {
          this.once("open", () => this._read(n));
          return;
        }
        const toRead = Math.min(n, this.end - (this.pos ?? this.bytesRead) + 1);
        if (toRead <= 0) {
          this.push(null);
          return;
        }
        const buf = Buffer.allocUnsafe(toRead);
        let bytes;
        try {
          bytes = fs.readSync(this.fd, buf, 0, toRead, this.pos ?? null);
        } catch (err) {
          this.destroy(err);
          return;
        }
        if (this.pos !== undefined) this.pos += bytes;
        this.bytesRead += bytes;
        this.push(bytes > 0 ? buf.subarray(0, bytes) : null);
      }
      _destroy(err, cb) {
        closeFd(this, err, cb);
      }
      close(cb) {
        this.destroy(null, cb);
      }
    }

    class WriteStream extends Writable {
      constructor(path, options) {
        if (typeof options === "string") options = { encoding: options };
        super({ ...options, decodeStrings: true });
        this.autoClose = options?.autoClose !== false;
        this.bytesWritten = 0;
        this.start = options?.start;
        opened(this, path, options?.flags ?? "w", options?.mode, options?.fd);
      }
      _write(chunk, encoding, cb) {
        if (this.fd === null) {
          this.once("open", () => this._write(chunk, encoding, cb));
          return;
        }
        try {
          this.bytesWritten += fs.writeSync(this.fd, chunk, 0, chunk.length, this.start);
          if (this.start !== undefined) this.start += chunk.length;
        } catch (err) {
          cb(err);
          return;
        }
        cb();
      }
      _final(cb) {
        if (this.fd === null) this.once("open", () => cb());
        else cb();
      }
      _destroy(err, cb) {
        closeFd(this, err, cb);
      }
      close(cb) {
        if (cb) this.once("close", cb);
        this.end();
      }
    }

    return {
      ReadStream,
      WriteStream,
      createReadStream: (path, options) => new ReadStream(path, options),
      createWriteStream: (path, options) => new WriteStream(path, options),
    };
  };
})
