// node:fs and node:fs/promises over the Deno fs functions (30_fs.js), so every call goes through the
// same ops and permission checks. Deno's errors become Node's (`ENOENT: no such file or directory,
// open '/x'` with errno, syscall, code, path); NotCapable passes through unchanged, as in Deno.
(function (binding, internal) {
  "use strict";
  const errors = internal.node.load("_errors");
  const { Buffer } = internal.node.builtin("buffer");
  const pathModule = internal.node.builtin("path");
  const dfs = internal.fs;

  const uvErrors = {
    ENOENT: [-2, "no such file or directory"],
    EEXIST: [-17, "file already exists"],
    EISDIR: [-21, "illegal operation on a directory"],
    ENOTDIR: [-20, "not a directory"],
    ENOTEMPTY: [-39, "directory not empty"],
    EACCES: [-13, "permission denied"],
    EPERM: [-1, "operation not permitted"],
    EINVAL: [-22, "invalid argument"],
    EBADF: [-9, "bad file descriptor"],
    ELOOP: [-40, "too many symbolic links encountered"],
    EXDEV: [-18, "cross-device link not permitted"],
    EMFILE: [-24, "too many open files"],
    ENAMETOOLONG: [-36, "name too long"],
    EBUSY: [-16, "resource busy or locked"],
  };

  function uvException(code, syscall, path, dest) {
    const [errno, description] = uvErrors[code];
    let message = `${code}: ${description}, ${syscall}`;
    if (path !== undefined) message += ` '${path}'`;
    if (dest !== undefined) message += ` -> '${dest}'`;
    const err = new Error(message);
    err.errno = errno;
    err.syscall = syscall;
    err.code = code;
    if (path !== undefined) err.path = path;
    if (dest !== undefined) err.dest = dest;
    return err;
  }

  function nodeError(e, syscall, path, dest) {
    if (e !== null && typeof e === "object" && Object.hasOwn(uvErrors, e.code) && !(e instanceof internal.errors.NotCapable)) {
      return uvException(e.code, syscall, path, dest);
    }
    return e;
  }

  // Runs a Deno fs call as Node's `syscall` on `path`: Node's error on failure.
  function sync(syscall, path, fn, dest) {
    try {
      return fn();
    } catch (e) {
      throw nodeError(e, syscall, path, dest);
    }
  }
  async function async(syscall, path, fn, dest) {
    try {
      return await fn();
    } catch (e) {
      throw nodeError(e, syscall, path, dest);
    }
  }

  function toPath(path, name = "path") {
    if (typeof path === "string") return path;
    if (path instanceof URL) return internal.node.builtin("url").fileURLToPath(path);
    if (path instanceof Uint8Array) return new TextDecoder().decode(path);
    throw errors.invalidArgType(name, ["string", "Buffer", "URL"], path);
  }

  function encodingOf(options, fallback) {
    if (typeof options === "string") return options;
    if (options !== null && typeof options === "object" && options.encoding != null) return options.encoding;
    return fallback;
  }

  function toBytes(data, encoding) {
    if (typeof data === "string") return Buffer.from(data, encoding ?? "utf8");
    if (ArrayBuffer.isView(data)) return new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
    throw errors.invalidArgType("data", ["string", "Buffer", "TypedArray", "DataView"], data);
  }

  function decoded(bytes, encoding) {
    const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    return encoding && encoding !== "buffer" ? buf.toString(encoding) : buf;
  }

  // ---- Stats and Dirent ---------------------------------------------------------------------
  const S_IFMT = 0o170000;
  const S_IFREG = 0o100000;
  const S_IFDIR = 0o040000;
  const S_IFLNK = 0o120000;
  const S_IFCHR = 0o020000;
  const S_IFBLK = 0o060000;
  const S_IFIFO = 0o010000;
  const S_IFSOCK = 0o140000;

  class StatsBase {
    isFile() {
      return (this.mode & S_IFMT) === S_IFREG;
    }
    isDirectory() {
      return (this.mode & S_IFMT) === S_IFDIR;
    }
    isSymbolicLink() {
      return (this.mode & S_IFMT) === S_IFLNK;
    }
    isCharacterDevice() {
      return (this.mode & S_IFMT) === S_IFCHR;
    }
    isBlockDevice() {
      return (this.mode & S_IFMT) === S_IFBLK;
    }
    isFIFO() {
      return (this.mode & S_IFMT) === S_IFIFO;
    }
    isSocket() {
      return (this.mode & S_IFMT) === S_IFSOCK;
    }
  }
  class Stats extends StatsBase {}

  function toStats(info) {
    const stats = new Stats();
    const ms = (d) => (d === null ? 0 : d.getTime());
    Object.assign(stats, {
      dev: info.dev, mode: info.mode, nlink: info.nlink, uid: info.uid, gid: info.gid, rdev: info.rdev,
      blksize: info.blksize, ino: info.ino, size: info.size, blocks: info.blocks,
      atimeMs: ms(info.atime), mtimeMs: ms(info.mtime), ctimeMs: ms(info.ctime), birthtimeMs: ms(info.birthtime),
    });
    stats.atime = new Date(stats.atimeMs);
    stats.mtime = new Date(stats.mtimeMs);
    stats.ctime = new Date(stats.ctimeMs);
    Object.defineProperty(stats, "birthtime", {
      get() {
        return new Date(this.birthtimeMs);
      },
      configurable: true,
    });
    return stats;
  }

  const kType = Symbol("type");
  class Dirent extends StatsBase {
    constructor(name, type, parentPath) {
      super();
      this.name = name;
      this.parentPath = parentPath;
      this[kType] = type;
    }
    get path() {
      return this.parentPath;
    }
    isFile() {
      return this[kType] === 1;
    }
    isDirectory() {
      return this[kType] === 2;
    }
    isSymbolicLink() {
      return this[kType] === 3;
    }
    isFIFO() {
      return false;
    }
    isSocket() {
      return false;
    }
    isCharacterDevice() {
      return false;
    }
    isBlockDevice() {
      return false;
    }
  }
  const direntType = (entry) => (entry.isFile ? 1 : entry.isDirectory ? 2 : entry.isSymlink ? 3 : 0);

  // ---- the synchronous API ------------------------------------------------------------------
  function readFileSync(path, options) {
    if (typeof path === "number") return decoded(readAllFd(path), encodingOf(options));
    const p = toPath(path);
    return decoded(sync("open", p, () => dfs.readFileSync(p)), encodingOf(options));
  }

  function writeOptions(options, flag) {
    const mode = typeof options === "object" && options !== null ? options.mode : undefined;
    flag = (typeof options === "object" && options !== null && options.flag) || flag;
    return { append: flag.startsWith("a"), createNew: flag.includes("x"), mode };
  }

  function writeFileSync(path, data, options, flag = "w") {
    const bytes = toBytes(data, encodingOf(options));
    if (typeof path === "number") {
      writeAllFd(path, bytes);
      return;
    }
    const p = toPath(path);
    sync("open", p, () => dfs.writeFileSync(p, bytes, writeOptions(options, flag)));
  }

  function appendFileSync(path, data, options) {
    writeFileSync(path, data, options, "a");
  }

  function existsSync(path) {
    try {
      dfs.lstatSync(toPath(path));
      return true;
    } catch {
      return false;
    }
  }

  function statSync(path, options) {
    const p = toPath(path);
    try {
      return toStats(dfs.statSync(p));
    } catch (e) {
      if (options?.throwIfNoEntry === false && e?.code === "ENOENT") return undefined;
      throw nodeError(e, "stat", p);
    }
  }

  function lstatSync(path, options) {
    const p = toPath(path);
    try {
      return toStats(dfs.lstatSync(p));
    } catch (e) {
      if (options?.throwIfNoEntry === false && e?.code === "ENOENT") return undefined;
      throw nodeError(e, "lstat", p);
    }
  }

  function readdirSync(path, options) {
    const p = toPath(path);
    const withFileTypes = options?.withFileTypes === true;
    const out = [];
    const walk = (dir, prefix) => {
      for (const entry of sync("readdir", p, () => [...dfs.readDirSync(dir)])) {
        const name = prefix === "" ? entry.name : `${prefix}/${entry.name}`;
        out.push(withFileTypes ? new Dirent(entry.name, direntType(entry), prefix === "" ? p : pathModule.join(p, prefix)) : name);
        if (options?.recursive && entry.isDirectory) walk(`${dir}/${entry.name}`, name);
      }
    };
    walk(p, "");
    const encoding = encodingOf(options);
    if (encoding === "buffer" && !withFileTypes) return out.map((name) => Buffer.from(name));
    return out;
  }

  function mkdirSync(path, options) {
    const p = toPath(path);
    const recursive = typeof options === "object" && options !== null && options.recursive === true;
    const mode = typeof options === "number" || typeof options === "string" ? options : options?.mode;
    const first = recursive ? firstMissing(p) : undefined;
    sync("mkdir", p, () => dfs.mkdirSync(p, { recursive, mode: typeof mode === "string" ? parseInt(mode, 8) : mode }));
    return first;
  }
  // mkdir -p returns the first directory it created (undefined when all existed).
  function firstMissing(path) {
    let current = pathModule.resolve(path);
    let missing;
    while (!existsSync(current)) {
      missing = current;
      const parent = pathModule.dirname(current);
      if (parent === current) break;
      current = parent;
    }
    return missing;
  }

  function rmSync(path, options) {
    const p = toPath(path);
    const info = sync("lstat", p, () => {
      try {
        return dfs.lstatSync(p);
      } catch (e) {
        if (options?.force && e?.code === "ENOENT") return null;
        throw e;
      }
    });
    if (info === null) return;
    if (info.isDirectory && !options?.recursive) {
      throw Object.assign(errors.nodeError(Error, "ERR_FS_EISDIR", `Path is a directory: rm returned EISDIR (is a directory) ${p}`), {
        errno: 21, syscall: "rm", path: p,
      });
    }
    sync("rm", p, () => dfs.removeSync(p, { recursive: options?.recursive === true }));
  }

  function rmdirSync(path, options) {
    const p = toPath(path);
    sync("rmdir", p, () => dfs.removeSync(p, { recursive: options?.recursive === true }));
  }

  function unlinkSync(path) {
    const p = toPath(path);
    sync("unlink", p, () => dfs.removeSync(p));
  }

  function renameSync(from, to) {
    const a = toPath(from, "oldPath");
    const b = toPath(to, "newPath");
    sync("rename", a, () => dfs.renameSync(a, b), b);
  }

  function copyFileSync(from, to, mode = 0) {
    const a = toPath(from, "src");
    const b = toPath(to, "dest");
    if ((mode & 1) && existsSync(b)) throw uvException("EEXIST", "copyfile", a, b);
    sync("copyfile", a, () => dfs.copyFileSync(a, b), b);
  }

  function realpathSync(path) {
    const p = toPath(path);
    return sync("realpath", p, () => dfs.realPathSync(p));
  }
  realpathSync.native = realpathSync;

  function readlinkSync(path) {
    const p = toPath(path);
    return sync("readlink", p, () => dfs.readLinkSync(p));
  }

  function symlinkSync(target, path) {
    const t = toPath(target, "target");
    const p = toPath(path);
    sync("symlink", t, () => dfs.symlinkSync(t, p), p);
  }

  function linkSync(existing, path) {
    const e = toPath(existing, "existingPath");
    const p = toPath(path, "newPath");
    sync("link", e, () => dfs.linkSync(e, p), p);
  }

  function accessSync(path, mode = 0) {
    const p = toPath(path);
    const info = sync("access", p, () => dfs.statSync(p));
    // Deno has no access(2); the permission bits decide, for the owner (isola runs as the file's user).
    if ((mode & 2) && !(info.mode & 0o222)) throw uvException("EACCES", "access", p);
    if ((mode & 1) && !(info.mode & 0o111)) throw uvException("EACCES", "access", p);
  }

  function chmodSync(path, mode) {
    const p = toPath(path);
    sync("chmod", p, () => dfs.chmodSync(p, typeof mode === "string" ? parseInt(mode, 8) : mode));
  }

  function chownSync(path, uid, gid) {
    const p = toPath(path);
    sync("chown", p, () => dfs.chownSync(p, uid, gid));
  }

  function utimesSync(path, atime, mtime) {
    const p = toPath(path);
    sync("utime", p, () => dfs.utimeSync(p, atime, mtime));
  }

  function truncateSync(path, len = 0) {
    if (typeof path === "number") {
      fileOf(path).truncateSync(len);
      return;
    }
    const p = toPath(path);
    sync("open", p, () => dfs.truncateSync(p, len));
  }

  function mkdtempSync(prefix) {
    errors.validateString(prefix, "prefix");
    const chars = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
    for (;;) {
      let candidate = prefix;
      for (let i = 0; i < 6; i++) candidate += chars[Math.floor(Math.random() * chars.length)];
      try {
        dfs.mkdirSync(candidate);
        return candidate;
      } catch (e) {
        if (e?.code !== "EEXIST") throw nodeError(e, "mkdtemp", `${prefix}XXXXXX`);
      }
    }
  }

  // ---- file descriptors: numbers of this module's own, from 3 up, each naming an open FsFile ----
  const files = new Map();
  let nextFd = 3;
  function fileOf(fd) {
    const file = files.get(fd);
    if (file === undefined) throw uvException("EBADF", "fstat");
    return file;
  }

  function openFlags(flags) {
    switch (flags ?? "r") {
      case "r": case "rs": case "sr": return { read: true };
      case "r+": case "rs+": case "sr+": return { read: true, write: true };
      case "w": return { write: true, create: true, truncate: true };
      case "wx": case "xw": return { write: true, createNew: true };
      case "w+": return { read: true, write: true, create: true, truncate: true };
      case "wx+": case "xw+": return { read: true, write: true, createNew: true };
      case "a": return { append: true, create: true };
      case "ax": case "xa": return { append: true, createNew: true };
      case "a+": return { read: true, append: true, create: true };
      case "ax+": case "xa+": return { read: true, append: true, createNew: true };
      default: throw errors.invalidArgValue("flags", flags);
    }
  }

  function openSync(path, flags, mode) {
    const p = toPath(path);
    const file = sync("open", p, () => dfs.openSync(p, { ...openFlags(flags), mode }));
    const fd = nextFd++;
    files.set(fd, file);
    return fd;
  }

  function closeSync(fd) {
    fileOf(fd).close();
    files.delete(fd);
  }

  function readSync(fd, buffer, offsetOrOptions, length, position) {
    let offset = offsetOrOptions;
    if (typeof offsetOrOptions === "object" && offsetOrOptions !== null) {
      ({ offset = 0, length = buffer.byteLength - offset, position = null } = offsetOrOptions);
    }
    offset ??= 0;
    length ??= buffer.byteLength - offset;
    const file = fileOf(fd);
    if (typeof position === "number" && position >= 0) file.seekSync(position, 0);
    const view = new Uint8Array(buffer.buffer, buffer.byteOffset + offset, length);
    return file.readSync(view) ?? 0;
  }

  function writeSync(fd, data, offsetOrEncoding, length, position) {
    let bytes;
    if (typeof data === "string") {
      bytes = toBytes(data, typeof length === "string" ? length : undefined);
      if (typeof offsetOrEncoding === "number") position = offsetOrEncoding;
    } else {
      const offset = offsetOrEncoding ?? 0;
      bytes = new Uint8Array(data.buffer, data.byteOffset + offset, length ?? data.byteLength - offset);
    }
    if (fd === 1 || fd === 2) return (fd === 1 ? internal.os.stdout : internal.os.stderr).writeSync(bytes);
    const file = fileOf(fd);
    if (typeof position === "number" && position >= 0) file.seekSync(position, 0);
    let written = 0;
    while (written < bytes.length) written += file.writeSync(bytes.subarray(written));
    return written;
  }

  function readAllFd(fd) {
    const chunks = [];
    const chunk = new Uint8Array(65536);
    let n;
    while ((n = fileOf(fd).readSync(chunk)) !== null && n > 0) chunks.push(chunk.slice(0, n));
    return Buffer.concat(chunks);
  }
  function writeAllFd(fd, bytes) {
    writeSync(fd, bytes);
  }

  function fstatSync(fd) {
    return toStats(fileOf(fd).statSync());
  }

  // ---- promises and callbacks ---------------------------------------------------------------
  const promises = {
    async readFile(path, options) {
      if (typeof path === "number") return readFileSync(path, options);
      const p = toPath(path);
      return decoded(await async("open", p, () => dfs.readFile(p, { signal: options?.signal })), encodingOf(options));
    },
    async writeFile(path, data, options, flag = "w") {
      if (typeof path === "number") return writeFileSync(path, data, options);
      const p = toPath(path);
      const bytes = toBytes(data, encodingOf(options));
      await async("open", p, () => dfs.writeFile(p, bytes, writeOptions(options, flag)));
    },
    appendFile: (path, data, options) => promises.writeFile(path, data, options, "a"),
    async stat(path, options) {
      const p = toPath(path);
      return toStats(await async("stat", p, () => dfs.stat(p)));
    },
    async lstat(path) {
      const p = toPath(path);
      return toStats(await async("lstat", p, () => dfs.lstat(p)));
    },
    async readdir(path, options) {
      if (options?.recursive) return readdirSync(path, options);
      const p = toPath(path);
      const out = [];
      await async("readdir", p, async () => {
        for await (const entry of dfs.readDir(p)) {
          out.push(options?.withFileTypes ? new Dirent(entry.name, direntType(entry), p) : entry.name);
        }
      });
      return out;
    },
    async mkdir(path, options) {
      const p = toPath(path);
      const recursive = options?.recursive === true;
      const first = recursive ? firstMissing(p) : undefined;
      await async("mkdir", p, () => dfs.mkdir(p, { recursive, mode: typeof options === "object" ? options?.mode : options }));
      return first;
    },
    async rm(path, options) {
      rmSync(path, options);
    },
    async rmdir(path, options) {
      const p = toPath(path);
      await async("rmdir", p, () => dfs.remove(p, { recursive: options?.recursive === true }));
    },
    async unlink(path) {
      const p = toPath(path);
      await async("unlink", p, () => dfs.remove(p));
    },
    async rename(from, to) {
      const a = toPath(from, "oldPath");
      const b = toPath(to, "newPath");
      await async("rename", a, () => dfs.rename(a, b), b);
    },
    async copyFile(from, to, mode) {
      copyFileSync(from, to, mode);
    },
    async realpath(path) {
      const p = toPath(path);
      return async("realpath", p, () => dfs.realPath(p));
    },
    async readlink(path) {
      const p = toPath(path);
      return async("readlink", p, () => dfs.readLink(p));
    },
    async symlink(target, path) {
      symlinkSync(target, path);
    },
    async link(existing, path) {
      linkSync(existing, path);
    },
    async access(path, mode) {
      accessSync(path, mode);
    },
    async chmod(path, mode) {
      chmodSync(path, mode);
    },
    async chown(path, uid, gid) {
      chownSync(path, uid, gid);
    },
    async utimes(path, atime, mtime) {
      utimesSync(path, atime, mtime);
    },
    async truncate(path, len) {
      truncateSync(path, len);
    },
    async mkdtemp(prefix) {
      return mkdtempSync(prefix);
    },
  };

  const constants = {
    UV_FS_SYMLINK_DIR: 1, UV_FS_SYMLINK_JUNCTION: 2, O_RDONLY: 0, O_WRONLY: 1, O_RDWR: 2,
    UV_DIRENT_UNKNOWN: 0, UV_DIRENT_FILE: 1, UV_DIRENT_DIR: 2, UV_DIRENT_LINK: 3, UV_DIRENT_FIFO: 4,
    UV_DIRENT_SOCKET: 5, UV_DIRENT_CHAR: 6, UV_DIRENT_BLOCK: 7, S_IFMT, S_IFREG, S_IFDIR, S_IFCHR,
    S_IFBLK, S_IFIFO, S_IFLNK, S_IFSOCK, O_CREAT: 64, O_EXCL: 128, UV_FS_O_FILEMAP: 0, O_NOCTTY: 256,
    O_TRUNC: 512, O_APPEND: 1024, O_DIRECTORY: 65536, O_NOATIME: 262144, O_NOFOLLOW: 131072, O_SYNC: 1052672,
    O_DSYNC: 4096, O_DIRECT: 16384, O_NONBLOCK: 2048, S_IRWXU: 448, S_IRUSR: 256, S_IWUSR: 128, S_IXUSR: 64,
    S_IRWXG: 56, S_IRGRP: 32, S_IWGRP: 16, S_IXGRP: 8, S_IRWXO: 7, S_IROTH: 4, S_IWOTH: 2, S_IXOTH: 1,
    F_OK: 0, R_OK: 4, W_OK: 2, X_OK: 1, UV_FS_COPYFILE_EXCL: 1, COPYFILE_EXCL: 1, UV_FS_COPYFILE_FICLONE: 2,
    COPYFILE_FICLONE: 2, UV_FS_COPYFILE_FICLONE_FORCE: 4, COPYFILE_FICLONE_FORCE: 4,
  };
  promises.constants = constants;

  // The callback form of promise function `name`: the callback is the last argument.
  function callbackOf(name) {
    return function (...args) {
      const callback = args.pop();
      errors.validateFunction(callback, "cb");
      promises[name](...args).then(
        (value) => callback(null, value),
        (err) => callback(err),
      );
    };
  }
  // And of a sync function, for the fd-based calls (their work is synchronous anyway).
  function callbackOfSync(fn) {
    return function (...args) {
      const callback = args.pop();
      errors.validateFunction(callback, "cb");
      let result;
      try {
        result = fn(...args);
      } catch (err) {
        internal.node.nextTick(callback, [err]);
        return;
      }
      internal.node.nextTick(callback, [null, result]);
    };
  }

  const fs = {
    Dirent,
    Stats,
    access: callbackOf("access"),
    accessSync,
    appendFile: callbackOf("appendFile"),
    appendFileSync,
    chmod: callbackOf("chmod"),
    chmodSync,
    chown: callbackOf("chown"),
    chownSync,
    close: callbackOfSync(closeSync),
    closeSync,
    constants,
    copyFile: callbackOf("copyFile"),
    copyFileSync,
    exists(path, callback) {
      promises.access(path).then(() => callback(true), () => callback(false));
    },
    existsSync,
    fstat: callbackOfSync(fstatSync),
    fstatSync,
    link: callbackOf("link"),
    linkSync,
    lstat: callbackOf("lstat"),
    lstatSync,
    mkdir: callbackOf("mkdir"),
    mkdirSync,
    mkdtemp: callbackOf("mkdtemp"),
    mkdtempSync,
    open: callbackOfSync(openSync),
    openSync,
    promises,
    read: callbackOfSync(readSync),
    readFile: callbackOf("readFile"),
    readFileSync,
    readSync,
    readdir: callbackOf("readdir"),
    readdirSync,
    readlink: callbackOf("readlink"),
    readlinkSync,
    realpath: Object.assign(callbackOf("realpath"), { native: callbackOf("realpath") }),
    realpathSync,
    rename: callbackOf("rename"),
    renameSync,
    rm: callbackOf("rm"),
    rmSync,
    rmdir: callbackOf("rmdir"),
    rmdirSync,
    stat: callbackOf("stat"),
    statSync,
    symlink: callbackOf("symlink"),
    symlinkSync,
    truncate: callbackOf("truncate"),
    truncateSync,
    unlink: callbackOf("unlink"),
    unlinkSync,
    utimes: callbackOf("utimes"),
    utimesSync,
    write: callbackOfSync(writeSync),
    writeFile: callbackOf("writeFile"),
    writeFileSync,
    writeSync,
  };
  // Callbacks of fs.read and fs.write get (err, bytes, buffer).
  fs.read = function read(fd, buffer, ...rest) {
    const callback = rest.pop();
    fs.read.impl(fd, buffer, ...rest, (err, n) => callback(err, n, buffer));
  };
  fs.read.impl = callbackOfSync(readSync);
  fs.write = function write(fd, data, ...rest) {
    const callback = rest.pop();
    fs.write.impl(fd, data, ...rest, (err, n) => callback(err, n, data));
  };
  fs.write.impl = callbackOfSync(writeSync);
  Object.defineProperty(fs.read, "impl", { enumerable: false });
  Object.defineProperty(fs.write, "impl", { enumerable: false });

  // Streams need node:stream; they are made on first use.
  Object.defineProperties(fs, {
    createReadStream: { value: (...args) => streams().createReadStream(...args), enumerable: true, writable: true, configurable: true },
    createWriteStream: { value: (...args) => streams().createWriteStream(...args), enumerable: true, writable: true, configurable: true },
  });
  let fileStreams;
  function streams() {
    if (fileStreams === undefined) fileStreams = internal.node.load("_fs_streams")(fs);
    return fileStreams;
  }

  return fs;
})
