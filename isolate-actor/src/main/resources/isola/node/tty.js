// node:tty: isatty for the process's descriptors, and the stream classes process.stdin/stdout are
// instances of under a terminal in Node (here plain node:stream classes with isTTY).
(function (binding, internal) {
  "use strict";
  const ops = internal.ops;
  const { Readable, Writable } = internal.node.builtin("stream");

  /** Only the three standard descriptors exist here; anything else is not a terminal. */
  function isatty(fd) {
    return Number.isInteger(fd) && fd >= 0 && fd <= 2 && ops.op_is_terminal(fd);
  }

  class ReadStream extends Readable {
    constructor(fd, options) {
      super(options);
      this.fd = fd;
      this.isTTY = true;
      this.isRaw = false;
    }

    setRawMode(mode) {
      this.isRaw = !!mode;
      return this;
    }
  }

  class WriteStream extends Writable {
    constructor(fd) {
      super();
      this.fd = fd;
      this.isTTY = true;
    }
  }

  return { isatty, ReadStream, WriteStream };
})
