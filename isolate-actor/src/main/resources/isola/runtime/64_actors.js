// isola:actors, isola's own module (Deno has none like it): scripts reach other isolates and Java actors
// by name through Pekko's receptionist, and make themselves reachable by name. Messages are JSON values.
//   send(name, message)                       delivered to one actor registered as `name`
//   ask(name, message, { timeout = 5000 })    its answer
//   register(name, handler)                   handler(message, { name }) answers asks (may be async)
(function (binding, internal) {
  "use strict";
  const ops = internal.ops;
  const DEFAULT_TIMEOUT = 5000;

  const registrations = new Map();
  let refed = 0;

  function checkName(name) {
    if (typeof name !== "string" || name === "") {
      throw new TypeError(`The actor name must be a non-empty string, got: ${internal.inspect(name)}`);
    }
    return name;
  }

  function jsonText(value) {
    const text = JSON.stringify(value);
    if (text === undefined) throw new TypeError(`The message must be a JSON value, got: ${typeof value}`);
    return text;
  }

  async function send(name, message) {
    checkName(name);
    await internal.opAsync("op_actor_call", name, jsonText(message), false, DEFAULT_TIMEOUT);
  }

  async function ask(name, message, options = undefined) {
    checkName(name);
    const timeout = options?.timeout ?? DEFAULT_TIMEOUT;
    if (typeof timeout !== "number" || !(timeout > 0) || !Number.isFinite(timeout)) {
      throw new RangeError(`The timeout must be a positive number of milliseconds, got: ${internal.inspect(timeout)}`);
    }
    return JSON.parse(await internal.opAsync("op_actor_call", name, jsonText(message), true, Math.ceil(timeout)));
  }

  class Registration {
    #own = internal.ownShape(this);
    #id;
    #name;
    #refed = true;

    constructor(id, name) {
      this.#id = id;
      this.#name = name;
    }

    get name() {
      return this.#name;
    }

    /** Leaves the receptionist's listing; asks not yet answered fail. */
    close() {
      if (!registrations.delete(this.#id)) return;
      if (this.#refed) refed--;
      ops.op_actor_close(this.#id);
    }

    /** An open registration keeps the isolate alive, unless unref'd. */
    ref() {
      if (!this.#refed && registrations.has(this.#id)) refed++;
      this.#refed = true;
    }

    unref() {
      if (this.#refed && registrations.has(this.#id)) refed--;
      this.#refed = false;
    }

    [Symbol.dispose]() {
      this.close();
    }
  }

  function register(name, handler) {
    checkName(name);
    if (typeof handler !== "function") throw new TypeError("The handler must be a function");
    const id = ops.op_actor_register(name);
    const registration = new Registration(id, name);
    registrations.set(id, { name, handler });
    refed++;
    return registration;
  }

  function answer(id, replyId, value) {
    const text = JSON.stringify(value);
    ops.op_actor_reply(id, replyId, text === undefined ? "null" : text, null);
  }

  function fail(id, replyId, error) {
    ops.op_actor_reply(id, replyId, null, String(error?.message ?? error));
  }

  // A mail for registration `id`; replyId 0: a send, whose handler errors are the script's own uncaught
  // errors (as an onmessage handler's); otherwise an ask, whose handler errors go back to the asker.
  internal.host.actorMail = (id, body, replyId) => {
    const registration = registrations.get(id);
    if (registration === undefined) {
      if (replyId !== 0) fail(id, replyId, "closed");
      return;
    }
    const message = JSON.parse(body);
    if (replyId === 0) {
      try {
        const result = registration.handler(message, { name: registration.name });
        if (typeof result?.then === "function") result.then(undefined, (e) => internal.reportException(e));
      } catch (e) {
        internal.reportException(e);
      }
      return;
    }
    let result;
    try {
      result = registration.handler(message, { name: registration.name });
    } catch (e) {
      fail(id, replyId, e);
      return;
    }
    Promise.resolve(result).then((value) => answer(id, replyId, value), (e) => fail(id, replyId, e));
  };

  internal.actors = { keepsAlive: () => refed > 0 };
  Object.defineProperty(globalThis, Symbol.for("isola.actors"), {
    value: Object.freeze({ send, ask, register }),
  });
})
