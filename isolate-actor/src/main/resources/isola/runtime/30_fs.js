// Deno's file system API (Deno.readFile, Deno.open, Deno.stat, ...), paired with isola.isolate.FsBinding
// and isola.ops.fs. The glue is thin: normalise arguments, call one op, wrap the result. Every path op
// has a sync op run inline and an async op answered by the isolate's FsOps actor.
(function (binding, internal) {
  "use strict";
  const ops = internal.ops;
  const opAsync = internal.opAsync;

  /** A string path or a file: URL, as Deno's pathFromURL. */
  function pathFromURL(path) {
    if (typeof path === "string") return path;
    if (path !== null && typeof path === "object" && typeof path.protocol === "string" &&
        typeof path.pathname === "string") {
      if (path.protocol !== "file:") throw new TypeError("Must be a file URL");
      return decodeURIComponent(path.pathname);
    }
    return String(path);
  }

  /** An op's bytes (an ArrayBuffer of their own, or a sync op's staged bytes) as a Uint8Array. */
  function toBytes(buffer) {
    return new Uint8Array(internal.hostBytes(buffer));
  }

  const encoder = new internal.nativeText.TextEncoder();

  /**
   * A failed async op's error, its stack retaken where the API function resumes (the script's
   * awaiting frames), under the frame Deno shows for its function (`denoFrame` at `column` of
   * ext:deno_fs/30_fs.js; none where Deno's function is not async).
   */
  function restack(e, denoFrame = null, column = 0) {
    if (!internal.isOpError(e)) return e;
    const frames = denoFrame === null ? [] : [`${denoFrame} (ext:deno_fs/30_fs.js:1:${column})`];
    if (denoFrame === "async writeFile") frames.push("sync:Object.writeTextFile (ext:deno_fs/30_fs.js:1:11181)");
    if (denoFrame === "async open") frames.push("sync:Object.create (ext:deno_fs/30_fs.js:1:7392)");
    return internal.restack(e, frames);
  }

  function throwIfAborted(signal) {
    if (signal?.aborted) {
      throw signal.reason ?? new internal.DOMException("The signal has been aborted", "AbortError");
    }
  }

  const date = (ms) => (ms === null || ms === undefined || Number.isNaN(ms) ? null : new Date(ms));

  // Deno builds FileInfo in two places; its async ops list `mode` before `ino`. Key order is visible
  // (Object.keys, JSON), so it is kept.
  // `a`: FileInfo.numbers(), booleans as 1/0 and unrecorded times as NaN.
  function fileInfo(a, async = false) {
    const info = {
      isFile: a[0] === 1,
      isDirectory: a[1] === 1,
      isSymlink: a[2] === 1,
      size: a[3],
      mtime: date(a[4]),
      atime: date(a[5]),
      birthtime: date(a[6]),
      ctime: date(a[7]),
      dev: a[8],
    };
    if (async) info.mode = a[10];
    info.ino = a[9];
    info.mode = a[10];
    info.nlink = a[11];
    info.uid = a[12];
    info.gid = a[13];
    info.rdev = a[14];
    info.blksize = a[15];
    info.blocks = a[16];
    info.isBlockDevice = a[17] === 1;
    info.isCharDevice = a[18] === 1;
    info.isFifo = a[19] === 1;
    info.isSocket = a[20] === 1;
    return info;
  }

  function dirEntries(list) {
    const out = [];
    for (let i = 0; i < list.length; i++) {
      const e = list[i];
      out.push({ __proto__: null, name: e[0], isFile: e[1], isDirectory: e[2], isSymlink: e[3] });
    }
    return out;
  }

  /** Seconds (number) or a Date, in milliseconds as the op takes them. */
  function timeMillis(t) {
    return t instanceof Date ? t.getTime() : Number(t) * 1000;
  }

  const nullable = (v) => (v === undefined ? null : v);

  // --- whole files -------------------------------------------------------------------------------

  async function readFile(path, options) {
    try {
      throwIfAborted(options?.signal);
      const buf = await opAsync("op_fs_read_file_async", pathFromURL(path), false);
      throwIfAborted(options?.signal);
      return toBytes(buf);
    } catch (e) {
      throw restack(e, "async Object.readFile", 9715);
    }
  }

  function readFileSync(path) {
    return toBytes(ops.op_fs_read_file_sync(pathFromURL(path), false));
  }

  // Decoded by the host: a host string crosses into JS far cheaper than bytes do.
  async function readTextFile(path, options) {
    try {
      throwIfAborted(options?.signal);
      const text = await opAsync("op_fs_read_file_async", pathFromURL(path), true);
      throwIfAborted(options?.signal);
      return text;
    } catch (e) {
      throw restack(e, "async Object.readTextFile", 10042);
    }
  }

  function readTextFileSync(path) {
    return ops.op_fs_read_file_sync(pathFromURL(path), true);
  }

  function writeArgs(path, options) {
    return [
      pathFromURL(path),
      !!options?.append,
      options?.create ?? true,
      !!options?.createNew,
      nullable(options?.mode),
    ];
  }

  function isReadableStream(data) {
    return typeof globalThis.ReadableStream === "function" && data instanceof globalThis.ReadableStream;
  }

  function writeFile(path, data, options) {
    return writeFileAs(path, data, options, "async Object.writeFile");
  }

  async function writeFileAs(path, data, options, denoFrame) {
    try {
      throwIfAborted(options?.signal);
      const [p, append, create, createNew, mode] = writeArgs(path, options);
      if (isReadableStream(data)) {
        const file = await open(p, { write: true, append, create, createNew, truncate: !append, mode });
        await data.pipeTo(file.writable, { signal: options?.signal });
        return;
      }
      await opAsync("op_fs_write_file_async", p, data, append, create, createNew, mode);
      throwIfAborted(options?.signal);
    } catch (e) {
      throw restack(e, denoFrame, 10720);
    }
  }

  function writeFileSync(path, data, options) {
    const [p, append, create, createNew, mode] = writeArgs(path, options);
    ops.op_fs_write_file_sync(p, data, append, create, createNew, mode);
  }

  function writeTextFile(path, data, options) {
    if (isReadableStream(data)) {
      return writeFileAs(path, data.pipeThrough(new globalThis.TextEncoderStream()), options, "async writeFile");
    }
    return writeFileAs(path, encoder.encode(data), options, "async writeFile");
  }

  function writeTextFileSync(path, data, options) {
    writeFileSync(path, encoder.encode(data), options);
  }

  // --- open files --------------------------------------------------------------------------------

  const SeekMode = { 0: "Start", 1: "Current", 2: "End", Start: 0, Current: 1, End: 2 };

  function checkOpenOptions(options) {
    if (Object.values(options).filter((v) => v === true).length === 0) {
      throw new Error("'options' requires at least one option to be true");
    }
    if (options.truncate && !options.write) {
      throw new Error("'truncate' option requires 'write' to be true");
    }
    if ((options.create || options.createNew) && !(options.write || options.append)) {
      throw new Error("'create' or 'createNew' options require 'write' or 'append' to be true");
    }
  }

  function openArgs(path, options) {
    checkOpenOptions(options);
    return [
      pathFromURL(path), !!options.read, !!options.write, !!options.append, !!options.truncate,
      !!options.create, !!options.createNew, nullable(options.mode),
    ];
  }

  function open(path, options = { read: true }) {
    return openAs(path, options, "async Object.open");
  }

  async function openAs(path, options, denoFrame) {
    try {
      return new FsFile(await opAsync("op_fs_open_async", ...openArgs(path, options)), constructKey);
    } catch (e) {
      throw restack(e, denoFrame, 7236);
    }
  }

  function openSync(path, options = { read: true }) {
    return new FsFile(ops.op_fs_open_sync(...openArgs(path, options)), constructKey);
  }

  const createOptions = { read: true, write: true, truncate: true, create: true };
  const create = (path) => openAs(path, createOptions, "async open");
  const createSync = (path) => openSync(path, createOptions);

  function checkWhence(whence) {
    if (whence !== 0 && whence !== 1 && whence !== 2) {
      throw new TypeError(`Invalid seek mode: ${whence}`);
    }
  }

  const constructKey = Symbol("FsFile");
  const chunkSize = 64 * 1024;

  class FsFile {
    #own = internal.ownShape(this);
    #rid;
    #readable;
    #writable;

    constructor(rid, key) {
      if (key !== constructKey) {
        throw new TypeError(
          "'Deno.FsFile' cannot be constructed, use 'Deno.open()' or 'Deno.openSync()' instead");
      }
      this.#rid = rid;
      internal.openResources.set(rid, "fsFile");
    }

    async write(p) {
      return await opAsync("op_fs_file_async", this.#rid, "write", p);
    }

    writeSync(p) {
      return ops.op_fs_file_sync(this.#rid, "write", p);
    }

    async truncate(len) {
      await opAsync("op_fs_file_async", this.#rid, "truncate", len ?? 0);
    }

    truncateSync(len) {
      ops.op_fs_file_sync(this.#rid, "truncate", len ?? 0);
    }

    async read(p) {
      if (p.byteLength === 0) return 0;
      return copyRead(await opAsync("op_fs_file_async", this.#rid, "read", p.byteLength), p);
    }

    readSync(p) {
      if (p.byteLength === 0) return 0;
      return copyRead(ops.op_fs_file_sync(this.#rid, "read", p.byteLength), p);
    }

    async seek(offset, whence) {
      checkWhence(whence);
      return await opAsync("op_fs_file_async", this.#rid, "seek", Number(offset), whence);
    }

    seekSync(offset, whence) {
      checkWhence(whence);
      return ops.op_fs_file_sync(this.#rid, "seek", Number(offset), whence);
    }

    async stat() {
      return fileInfo(await opAsync("op_fs_file_async", this.#rid, "stat"), true);
    }

    statSync() {
      return fileInfo(ops.op_fs_file_sync(this.#rid, "stat"));
    }

    async syncData() {
      await opAsync("op_fs_file_async", this.#rid, "syncData");
    }

    syncDataSync() {
      ops.op_fs_file_sync(this.#rid, "syncData");
    }

    async sync() {
      await opAsync("op_fs_file_async", this.#rid, "sync");
    }

    syncSync() {
      ops.op_fs_file_sync(this.#rid, "sync");
    }

    async utime(atime, mtime) {
      await opAsync("op_fs_file_async", this.#rid, "utime", timeMillis(atime), timeMillis(mtime));
    }

    utimeSync(atime, mtime) {
      ops.op_fs_file_sync(this.#rid, "utime", timeMillis(atime), timeMillis(mtime));
    }

    isTerminal() {
      return false;
    }

    close() {
      ops.op_fs_close(this.#rid);
      internal.openResources.delete(this.#rid);
    }

    #closeQuietly() {
      try {
        this.close();
      } catch {
        // closed already
      }
    }

    [Symbol.dispose]() {
      this.#closeQuietly();
    }

    /** Reads the file in 64 KiB chunks and closes it at the end (Deno's readable). */
    get readable() {
      if (this.#readable === undefined) {
        this.#readable = readableOf((buf) => this.read(buf), () => this.#closeQuietly());
      }
      return this.#readable;
    }

    /** Writes every chunk in full; closing or aborting the stream closes the file. */
    get writable() {
      if (this.#writable === undefined) {
        this.#writable = writableOf((chunk) => this.write(chunk), () => this.#closeQuietly());
      }
      return this.#writable;
    }
  }

  /**
   * Deno's readable for a resource (a file, a connection): `read` fills a 64 KiB buffer per pull, so
   * nothing is read before the consumer asks; at the end or on cancel the resource is closed.
   * Created lazily: ReadableStream is defined by a later runtime file.
   */
  function readableOf(read, closeQuietly) {
    return new globalThis.ReadableStream({
      async pull(controller) {
        try {
          const buf = new Uint8Array(chunkSize);
          const n = await read(buf);
          if (n === null) {
            closeQuietly();
            controller.close();
          } else {
            controller.enqueue(buf.subarray(0, n));
          }
        } catch (e) {
          closeQuietly();
          controller.error(e);
        }
      },
      cancel() {
        closeQuietly();
      },
    });
  }

  /** Deno's writable for a resource: every chunk is written in full; close or abort closes it. */
  function writableOf(write, closeQuietly) {
    return new globalThis.WritableStream({
      async write(chunk) {
        let done = 0;
        while (done < chunk.byteLength) done += await write(chunk.subarray(done));
      },
      close() {
        closeQuietly();
      },
      abort() {
        closeQuietly();
      },
    });
  }

  function copyRead(buf, p) {
    if (buf === null) return null;
    const bytes = toBytes(buf);
    p.set(bytes);
    return bytes.byteLength;
  }

  // --- paths ------------------------------------------------------------------------------------

  async function stat(path) {
    try {
      return fileInfo(await opAsync("op_fs_stat_async", pathFromURL(path), true), true);
    } catch (e) {
      throw restack(e, "async Object.stat", 6237);
    }
  }
  const statSync = (path) => fileInfo(ops.op_fs_stat_sync(pathFromURL(path), true));
  async function lstat(path) {
    try {
      return fileInfo(await opAsync("op_fs_stat_async", pathFromURL(path), false), true);
    } catch (e) {
      throw restack(e, "async Object.lstat", 6124);
    }
  }
  const lstatSync = (path) => fileInfo(ops.op_fs_stat_sync(pathFromURL(path), false));

  function readDir(path) {
    // Started at once, as in Deno; failures surface when the iteration starts.
    const entries = (async () => dirEntries(await opAsync("op_fs_read_dir_async", pathFromURL(path))))();
    entries.catch(() => {});
    return {
      async *[Symbol.asyncIterator]() {
        yield* await entries;
      },
    };
  }
  const readDirSync = (path) => dirEntries(ops.op_fs_read_dir_sync(pathFromURL(path))).values();

  async function mkdir(path, options) {
    try {
      await opAsync("op_fs_mkdir_async", pathFromURL(path), !!options?.recursive, nullable(options?.mode));
    } catch (e) {
      throw restack(e, "async Object.mkdir", 2982);
    }
  }
  function mkdirSync(path, options) {
    ops.op_fs_mkdir_sync(pathFromURL(path), !!options?.recursive, nullable(options?.mode));
  }

  async function remove(path, options) {
    try {
      await opAsync("op_fs_remove_async", pathFromURL(path), !!options?.recursive);
    } catch (e) {
      throw restack(e, "async Object.remove", 3838);
    }
  }
  const removeSync = (path, options) => {
    ops.op_fs_remove_sync(pathFromURL(path), !!options?.recursive);
  };

  async function rename(from, to) {
    try {
      await opAsync("op_fs_rename_async", pathFromURL(from), pathFromURL(to));
    } catch (e) {
      throw restack(e, "async Object.rename", 3932);
    }
  }
  const renameSync = (from, to) => {
    ops.op_fs_rename_sync(pathFromURL(from), pathFromURL(to));
  };

  async function copyFile(from, to) {
    try {
      await opAsync("op_fs_copy_file_async", pathFromURL(from), pathFromURL(to));
    } catch (e) {
      throw restack(e, "async Object.copyFile", 2513);
    }
  }
  const copyFileSync = (from, to) => {
    ops.op_fs_copy_file_sync(pathFromURL(from), pathFromURL(to));
  };

  async function symlink(target, path) {
    try {
      await opAsync("op_fs_symlink_async", pathFromURL(target), pathFromURL(path), "Deno.symlink()");
    } catch (e) {
      throw restack(e, "async Object.symlink", 7061);
    }
  }
  const symlinkSync = (target, path) => {
    ops.op_fs_symlink_sync(pathFromURL(target), pathFromURL(path), "Deno.symlinkSync()");
  };

  async function link(existing, path) {
    try {
      await opAsync("op_fs_link_async", pathFromURL(existing), pathFromURL(path));
    } catch (e) {
      throw restack(e, "async Object.link", 6563);
    }
  }
  const linkSync = (existing, path) => {
    ops.op_fs_link_sync(pathFromURL(existing), pathFromURL(path));
  };

  async function readLink(path) {
    try {
      return await opAsync("op_fs_read_link_async", pathFromURL(path));
    } catch (e) {
      throw restack(e);
    }
  }
  const readLinkSync = (path) => ops.op_fs_read_link_sync(pathFromURL(path));

  async function realPath(path) {
    try {
      return await opAsync("op_fs_realpath_async", pathFromURL(path));
    } catch (e) {
      throw restack(e);
    }
  }
  const realPathSync = (path) => ops.op_fs_realpath_sync(pathFromURL(path));

  async function truncate(path, len) {
    try {
      await opAsync("op_fs_truncate_async", pathFromURL(path), Number(len ?? 0));
    } catch (e) {
      throw restack(e, "async Object.truncate", 6452);
    }
  }
  const truncateSync = (path, len) => {
    ops.op_fs_truncate_sync(pathFromURL(path), Number(len ?? 0));
  };

  async function chmod(path, mode) {
    try {
      await opAsync("op_fs_chmod_async", pathFromURL(path), mode);
    } catch (e) {
      throw restack(e, "async Object.chmod", 2341);
    }
  }
  const chmodSync = (path, mode) => {
    ops.op_fs_chmod_sync(pathFromURL(path), mode);
  };

  async function chown(path, uid, gid) {
    await opAsync("op_fs_chown_async", pathFromURL(path), nullable(uid), nullable(gid));
  }
  const chownSync = (path, uid, gid) => {
    ops.op_fs_chown_sync(pathFromURL(path), nullable(uid), nullable(gid));
  };

  async function utime(path, atime, mtime) {
    try {
      await opAsync("op_fs_utime_async", pathFromURL(path), timeMillis(atime), timeMillis(mtime));
    } catch (e) {
      throw restack(e, "async Object.utime", 6958);
    }
  }
  const utimeSync = (path, atime, mtime) => {
    ops.op_fs_utime_sync(pathFromURL(path), timeMillis(atime), timeMillis(mtime));
  };

  function tempArgs(options, directory) {
    const dir = options?.dir;
    return [dir === undefined || dir === null ? null : pathFromURL(dir),
      nullable(options?.prefix), nullable(options?.suffix), directory];
  }
  async function makeTempDir(options) {
    try {
      return await opAsync("op_fs_make_temp_async", ...tempArgs(options, true));
    } catch (e) {
      throw restack(e);
    }
  }
  const makeTempDirSync = (options) => ops.op_fs_make_temp_sync(...tempArgs(options, true));
  async function makeTempFile(options) {
    try {
      return await opAsync("op_fs_make_temp_async", ...tempArgs(options, false));
    } catch (e) {
      throw restack(e);
    }
  }
  const makeTempFileSync = (options) => ops.op_fs_make_temp_sync(...tempArgs(options, false));

  const cwd = () => ops.op_fs_cwd();
  const chdir = (directory) => {
    ops.op_fs_chdir(pathFromURL(directory));
  };

  // --- watching ----------------------------------------------------------------------------------

  /** Deno.watchFs's watcher: each next() is the next event of the host's FsWatcher actor. */
  class FsWatcher {
    #own = internal.ownShape(this);
    #rid;
    #closed = false;
    #pending = new internal.PendingOps();

    constructor(paths, options, key) {
      if (key !== constructKey) throw new TypeError("Illegal constructor");
      const list = Array.isArray(paths) ? paths : [paths];
      this.#rid = ops.op_fs_events_open(Boolean(options?.recursive), ...list.map(pathFromURL));
    }

    unref() {
      this.#pending.unref();
    }

    ref() {
      this.#pending.ref();
    }

    async next() {
      if (this.#closed) return { value: undefined, done: true };
      const event = await this.#pending.track(opAsync("op_fs_events_poll", this.#rid));
      if (event === null) return { value: undefined, done: true };
      const [kind, flag, ...paths] = Array.from(event);
      return { value: { __proto__: null, kind, paths, flag }, done: false };
    }

    return(value) {
      this.close();
      return Promise.resolve({ value, done: true });
    }

    close() {
      if (this.#closed) return;
      this.#closed = true;
      ops.op_fs_events_close(this.#rid);
    }

    [Symbol.asyncIterator]() {
      return this;
    }

    [Symbol.dispose]() {
      this.close();
    }
  }

  function watchFs(paths, options = { recursive: true }) {
    return new FsWatcher(paths, options, constructKey);
  }

  internal.fs = {
    readFile, readFileSync, readTextFile, readTextFileSync,
    writeFile, writeFileSync, writeTextFile, writeTextFileSync,
    open, openSync, create, createSync, FsFile, SeekMode,
    stat, statSync, lstat, lstatSync, readDir, readDirSync,
    mkdir, mkdirSync, remove, removeSync, rename, renameSync, copyFile, copyFileSync,
    symlink, symlinkSync, link, linkSync, readLink, readLinkSync, realPath, realPathSync,
    truncate, truncateSync, chmod, chmodSync, chown, chownSync, utime, utimeSync,
    makeTempDir, makeTempDirSync, makeTempFile, makeTempFileSync, cwd, chdir, watchFs,
  };
  internal.pathFromURL = pathFromURL;
  internal.resourceStreams = { readableOf, writableOf, copyRead };
})
