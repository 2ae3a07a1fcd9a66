// Deno's binding layer: the ops table, the promise table for async ops, and the host's entry points.
// Each runtime file is a function of (binding, internal): `binding` holds the host's ops by Deno name,
// `internal` is the runtime's private namespace, never reachable from user code.
(function (binding, internal) {
  "use strict";

  // Copy the ops into a plain object once: a property read on it is cheaper than a host map lookup.
  const ops = Object.create(null);
  for (const name of Object.keys(binding)) ops[name] = binding[name];

  // promise id -> [resolve, reject]; ids only grow, so a reply for an unknown id is a host bug.
  const pending = new Map();
  let nextPromiseId = 1;
  let unrefedOps = 0;
  const unrefed = new Set();

  function newPromise() {
    const id = nextPromiseId++;
    let resolvers;
    const promise = new Promise((resolve, reject) => { resolvers = [resolve, reject]; });
    pending.set(id, resolvers);
    promise[promiseIdSymbol] = id;
    return [id, promise];
  }
  const promiseIdSymbol = Symbol("isola.promiseId");

  // The isolate's limit on async ops in flight (IsolateLimits.maxPendingOps; 0: none, as in Deno).
  const maxPendingOps = ops.op_max_pending_ops();

  /** Calls async op `name` with args; the promise settles when its reply reaches the mailbox. */
  function opAsync(name, ...args) {
    if (maxPendingOps > 0 && pending.size >= maxPendingOps) {
      return Promise.reject(new internal.errors.Busy(
        `Too many async operations in flight: this isolate's limit is ${maxPendingOps}`));
    }
    const [id, promise] = newPromise();
    // Kept for the test runner's op sanitizer, which names what a test left pending.
    pending.get(id).push(name, args);
    try {
      ops[name](id, ...args);
    } catch (e) {
      pending.delete(id);
      throw e;
    }
    return promise;
  }

  function unrefOpPromise(promise) {
    const id = promise[promiseIdSymbol];
    if (id !== undefined && pending.has(id) && !unrefed.has(id)) { unrefed.add(id); unrefedOps++; }
  }

  function refOpPromise(promise) {
    const id = promise[promiseIdSymbol];
    if (id !== undefined && unrefed.delete(id)) unrefedOps--;
  }

  // Host entry: settle a batch of replies, flattened as [id, errorKind|null, value|message, code].
  function resolveOps(flat) {
    const n = flat.length;
    for (let i = 0; i < n; i += 4) {
      const id = flat[i];
      const resolvers = pending.get(id);
      if (resolvers === undefined) continue;
      pending.delete(id);
      if (unrefed.delete(id)) unrefedOps--;
      const kind = flat[i + 1];
      if (kind === null) {
        resolvers[0](flat[i + 2]);
      } else {
        resolvers[1](internal.opError(kind, flat[i + 2], flat[i + 3]));
      }
    }
  }

  internal.ops = ops;
  // rid -> kind of the resources the script holds open (files, sockets), for the test runner's
  // resource sanitizer.
  internal.openResources = new Map();
  internal.opAsync = opAsync;
  internal.unrefOpPromise = unrefOpPromise;
  internal.refOpPromise = refOpPromise;
  internal.pendingOpCount = () => pending.size - unrefedOps;
  /** The async ops in flight: [promise id, op name, op arguments]. */
  internal.pendingOps = () => Array.from(pending, ([id, r]) => [id, r[2], r[3]]);
  internal.print = (text, toStderr) => ops.op_print(text, !!toStderr);
  // Captured before 99_main.js removes them from the global object.
  internal.quit = globalThis.quit;
  internal.graal = globalThis.Graal;
  internal.host = { resolveOps };
})
