// Deno.permissions, paired with isola.isolate.PermissionsBinding. There is never a prompt (Deno without a
// TTY): request() grants only what the flags already grant, revoke() narrows them for good.
(function (binding, internal) {
  "use strict";
  const ops = internal.ops;
  const { EventTarget } = internal.events;

  const illegal = Symbol("illegal constructor");

  // The descriptor field that names the entry, per permission kind.
  const valueField = {
    read: "path", write: "path", ffi: "path", net: "host", import: "host", env: "variable",
    sys: "kind", run: "command",
  };

  class PermissionStatus extends EventTarget {
    #state;
    #partial;
    onchange = null;

    constructor(key, state, partial) {
      if (key !== illegal) throw new TypeError("Illegal constructor");
      super();
      this.#state = state;
      this.#partial = partial;
    }

    get state() {
      return this.#state;
    }

    get partial() {
      return this.#partial;
    }
  }

  /** [name, value|null] of a valid descriptor; TypeError otherwise, with Deno's message. */
  function descriptor(desc) {
    const name = desc?.name;
    if (typeof desc !== "object" || desc === null || !Object.hasOwn(valueField, name)) {
      throw new TypeError(`The provided value "${name}" is not a valid permission name`);
    }
    const raw = desc[valueField[name]];
    if (raw === undefined || raw === null) return [name, null];
    const field = valueField[name];
    if (field === "path") return [name, internal.pathFromURL(raw)];
    const value = String(raw);
    if (field === "host") checkHost(value);
    return [name, value];
  }

  // Deno parses the host as a domain name or an IP address (port optional).
  function checkHost(value) {
    const host = value.startsWith("[") ? value.slice(1, value.indexOf("]")) : value.replace(/:\d*$/, "");
    if (!/^[A-Za-z0-9.\-_:*]+$/.test(host)) {
      throw new URIError(`invalid host '${host}': invalid char found in FQDN`);
    }
  }

  function run(action, desc) {
    const [name, value] = descriptor(desc);
    const result = ops.op_permission(action, name, value);
    return new PermissionStatus(illegal, result[0], result[1]);
  }

  internal.defineInspect(PermissionStatus, (s) => ({ state: s.state, onchange: s.onchange }));

  class Permissions {
    constructor(key) {
      if (key !== illegal) throw new TypeError("Illegal constructor");
    }

    async query(desc) {
      return run("query", desc);
    }

    querySync(desc) {
      return run("query", desc);
    }

    async revoke(desc) {
      return run("revoke", desc);
    }

    revokeSync(desc) {
      return run("revoke", desc);
    }

    async request(desc) {
      return run("request", desc);
    }

    requestSync(desc) {
      return run("request", desc);
    }
  }

  internal.permissions = {
    permissions: new Permissions(illegal),
    Permissions,
    PermissionStatus,
  };
})
