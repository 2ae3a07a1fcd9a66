// node:readline and node:readline/promises: line-by-line reading of a stream (process.stdin, mostly),
// `line` and `close` events, async iteration, question/prompt. isola has no terminal line editing:
// an interface reads its input as Node does when that input is not a TTY.
(function (binding, internal) {
  "use strict";
  const errors = internal.node.load("_errors");
  const EventEmitter = internal.node.builtin("events");
  const { StringDecoder } = internal.node.builtin("string_decoder");

  const LINE_END = /\r\n|\n|\r/;

  class Interface extends EventEmitter {
    #decoder = new StringDecoder("utf8");
    #partial = "";
    #question = null;
    #prompt = "> ";
    #sawReturn = false;
    #ondata;
    #onend;
    #closed = false;

    constructor(input, output = undefined, completer = undefined, terminal = undefined) {
      super();
      // createInterface(options) or createInterface(input, output, completer, terminal).
      if (input !== null && typeof input === "object" && typeof input.on !== "function") {
        const options = input;
        input = options.input;
        output = options.output;
        terminal = options.terminal;
        if (options.prompt !== undefined) this.#prompt = String(options.prompt);
      }
      void completer;
      this.input = input;
      this.output = output;
      this.terminal = !!terminal;
      this.line = "";
      this.cursor = 0;
      this.#ondata = (chunk) => this.#received(typeof chunk === "string" ? chunk : this.#decoder.write(chunk));
      // At the end, an unterminated last line is a "line" event even while a question waits (Node).
      this.#onend = () => {
        const rest = this.#partial + this.#decoder.end();
        this.#partial = "";
        if (rest.length > 0) this.emit("line", rest);
        this.close();
      };
      if (input !== undefined && input !== null) {
        input.on("data", this.#ondata);
        input.on("end", this.#onend);
        if (typeof input.resume === "function") input.resume();
      }
    }

    #received(text) {
      // A "\r\n" split across two chunks is one line end.
      if (this.#sawReturn && text.startsWith("\n")) text = text.slice(1);
      this.#sawReturn = text.endsWith("\r");
      const parts = (this.#partial + text).split(LINE_END);
      this.#partial = parts.pop();
      for (const line of parts) {
        if (this.#closed) return;
        this.#emitLine(line);
      }
    }

    #emitLine(line) {
      const answer = this.#question;
      if (answer !== null) {
        this.#question = null;
        answer(line);
      } else {
        this.emit("line", line);
      }
    }

    setPrompt(prompt) {
      this.#prompt = String(prompt);
    }

    getPrompt() {
      return this.#prompt;
    }

    prompt() {
      if (this.#closed) throw errors.nodeError(Error, "ERR_USE_AFTER_CLOSE", "readline was closed");
      this.output?.write?.(this.#prompt);
    }

    question(query, options, callback) {
      if (typeof options === "function") callback = options;
      if (this.#closed) throw errors.nodeError(Error, "ERR_USE_AFTER_CLOSE", "readline was closed");
      if (typeof callback !== "function") return;
      if (this.#question !== null) {
        this.prompt();
        return;
      }
      this.output?.write?.(String(query));
      this.#question = callback;
    }

    /** As if typed: the data goes through like input. */
    write(data) {
      if (this.#closed) throw errors.nodeError(Error, "ERR_USE_AFTER_CLOSE", "readline was closed");
      if (typeof data === "string") this.#received(data);
    }

    pause() {
      if (this.#closed) return this;
      this.input?.pause?.();
      this.emit("pause");
      return this;
    }

    resume() {
      if (this.#closed) return this;
      this.input?.resume?.();
      this.emit("resume");
      return this;
    }

    close() {
      if (this.#closed) return;
      this.#closed = true;
      if (this.input) {
        this.input.removeListener("data", this.#ondata);
        this.input.removeListener("end", this.#onend);
        this.input.pause?.();
      }
      this.emit("close");
    }

    getCursorPos() {
      return { rows: 0, cols: this.cursor };
    }

    [Symbol.asyncIterator]() {
      const queue = [];
      let waiting = null;
      let done = this.#closed;
      const onLine = (line) => {
        if (waiting === null) {
          queue.push(line);
          return;
        }
        const resolve = waiting;
        waiting = null;
        resolve({ value: line, done: false });
      };
      const onClose = () => {
        done = true;
        this.removeListener("line", onLine);
        if (waiting !== null) {
          const resolve = waiting;
          waiting = null;
          resolve({ value: undefined, done: true });
        }
      };
      this.on("line", onLine);
      this.on("close", onClose);
      const self = this;
      return {
        next() {
          if (queue.length > 0) return Promise.resolve({ value: queue.shift(), done: false });
          if (done) return Promise.resolve({ value: undefined, done: true });
          return new Promise((resolve) => (waiting = resolve));
        },
        // Leaving a for-await loop early closes the interface, as in Node.
        return() {
          self.removeListener("line", onLine);
          self.close();
          return Promise.resolve({ value: undefined, done: true });
        },
        [Symbol.asyncIterator]() {
          return this;
        },
      };
    }
  }

  function createInterface(input, output, completer, terminal) {
    return new Interface(input, output, completer, terminal);
  }

  function ansi(stream, text, callback) {
    if (stream === null || stream === undefined) {
      if (typeof callback === "function") queueMicrotask(callback);
      return true;
    }
    return stream.write(text, callback);
  }

  function cursorTo(stream, x, y, callback) {
    if (typeof y === "function") {
      callback = y;
      y = undefined;
    }
    return ansi(stream, typeof y !== "number" ? `\x1b[${x + 1}G` : `\x1b[${y + 1};${x + 1}H`, callback);
  }

  function moveCursor(stream, dx, dy, callback) {
    let text = "";
    if (dx < 0) text += `\x1b[${-dx}D`;
    else if (dx > 0) text += `\x1b[${dx}C`;
    if (dy < 0) text += `\x1b[${-dy}A`;
    else if (dy > 0) text += `\x1b[${dy}B`;
    return ansi(stream, text, callback);
  }

  function clearLine(stream, dir, callback) {
    return ansi(stream, dir < 0 ? "\x1b[1K" : dir > 0 ? "\x1b[0K" : "\x1b[2K", callback);
  }

  function clearScreenDown(stream, callback) {
    return ansi(stream, "\x1b[0J", callback);
  }

  /** readline/promises: question gives a promise. */
  class PromisesInterface extends Interface {
    question(query, options = undefined) {
      return new Promise((resolve, reject) => {
        const signal = options?.signal;
        if (signal?.aborted) {
          reject(signal.reason);
          return;
        }
        super.question(query, resolve);
      });
    }
  }

  const promises = {
    Interface: PromisesInterface,
    createInterface: (input, output, completer, terminal) =>
      new PromisesInterface(input, output, completer, terminal),
  };

  return {
    Interface,
    createInterface,
    cursorTo,
    moveCursor,
    clearLine,
    clearScreenDown,
    emitKeypressEvents() {},
    promises,
  };
})
