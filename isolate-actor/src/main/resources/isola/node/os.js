// node:os over the Deno namespace's system facts (31_os.js), so --allow-sys (and --allow-env for the
// home and temporary directories) is checked as for Deno's own calls.
(function (binding, internal) {
  "use strict";
  const dos = internal.os;
  const env = (name) => dos.env.get(name);

  const signals = {
    SIGHUP: 1, SIGINT: 2, SIGQUIT: 3, SIGILL: 4, SIGTRAP: 5, SIGABRT: 6, SIGIOT: 6, SIGBUS: 7, SIGFPE: 8,
    SIGKILL: 9, SIGUSR1: 10, SIGSEGV: 11, SIGUSR2: 12, SIGPIPE: 13, SIGALRM: 14, SIGTERM: 15, SIGCHLD: 17,
    SIGSTKFLT: 16, SIGCONT: 18, SIGSTOP: 19, SIGTSTP: 20, SIGTTIN: 21, SIGTTOU: 22, SIGURG: 23, SIGXCPU: 24,
    SIGXFSZ: 25, SIGVTALRM: 26, SIGPROF: 27, SIGWINCH: 28, SIGIO: 29, SIGPOLL: 29, SIGPWR: 30, SIGSYS: 31,
  };
  const errno = {
    E2BIG: 7, EACCES: 13, EADDRINUSE: 98, EADDRNOTAVAIL: 99, EAGAIN: 11, EBADF: 9, EBUSY: 16,
    ECONNABORTED: 103, ECONNREFUSED: 111, ECONNRESET: 104, EEXIST: 17, EINTR: 4, EINVAL: 22, EIO: 5,
    EISDIR: 21, EMFILE: 24, ENAMETOOLONG: 36, ENOENT: 2, ENOMEM: 12, ENOSPC: 28, ENOTDIR: 20,
    ENOTEMPTY: 39, EPERM: 1, EPIPE: 32, ETIMEDOUT: 110, EXDEV: 18,
  };

  function cpus() {
    const n = navigator.hardwareConcurrency;
    return Array.from({ length: n }, () => ({
      model: "unknown", speed: 0, times: { user: 0, nice: 0, sys: 0, idle: 0, irq: 0 },
    }));
  }

  return {
    EOL: "\n",
    arch: () => "x64",
    availableParallelism: () => navigator.hardwareConcurrency,
    constants: { signals, errno, priority: { PRIORITY_LOW: 19, PRIORITY_BELOW_NORMAL: 10, PRIORITY_NORMAL: 0,
      PRIORITY_ABOVE_NORMAL: -7, PRIORITY_HIGH: -14, PRIORITY_HIGHEST: -20 }, dlopen: {}, UV_UDP_REUSEADDR: 4 },
    cpus,
    devNull: "/dev/null",
    endianness: () => "LE",
    freemem: () => dos.systemMemoryInfo().free,
    getPriority: () => 0,
    homedir: () => env("HOME") ?? null,
    hostname: () => dos.hostname(),
    loadavg: () => dos.loadavg(),
    machine: () => "x86_64",
    networkInterfaces: () => ({}),
    platform: () => "linux",
    release: () => dos.osRelease(),
    setPriority() {},
    tmpdir() {
      let dir = env("TMPDIR") || env("TMP") || env("TEMP") || "/tmp";
      if (dir.length > 1 && dir.endsWith("/")) dir = dir.slice(0, -1);
      return dir;
    },
    totalmem: () => dos.systemMemoryInfo().total,
    type: () => "Linux",
    uptime: () => Math.floor(internal.ops.op_now() / 1000),
    userInfo: () => ({ uid: -1, gid: -1, username: env("USER") ?? "", homedir: env("HOME") ?? "", shell: env("SHELL") ?? null }),
    version: () => dos.osRelease(),
  };
})
