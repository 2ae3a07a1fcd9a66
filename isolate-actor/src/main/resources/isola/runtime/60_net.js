// Deno.listen / Deno.connect over TCP: thin glue over the op_net_* ops (NetBinding.java). Each
// listener and connection is a resource actor on the host; here they are Deno.Listener and
// Deno.TcpConn. Pending accepts and reads keep the program alive unless unref()'d, as in Deno.
(function (binding, internal) {
  "use strict";
  const ops = internal.ops;
  const opAsync = internal.opAsync;
  const { readableOf, writableOf, copyRead } = internal.resourceStreams;
  const constructKey = Symbol("isola.net.construct");

  function netAddr(hostname, port) {
    return { __proto__: null, hostname, port, transport: "tcp" };
  }

  class Conn {
    #own = internal.ownShape(this);
    #rid;
    #localAddr;
    #remoteAddr;
    #pending = new internal.PendingOps();
    #readable;
    #writable;

    constructor(key, [rid, localHost, localPort, remoteHost, remotePort]) {
      if (key !== constructKey) throw new TypeError("Illegal constructor");
      this.#rid = rid;
      internal.openResources.set(rid, "tcpStream");
      this.#localAddr = netAddr(localHost, localPort);
      this.#remoteAddr = netAddr(remoteHost, remotePort);
    }

    get remoteAddr() {
      return this.#remoteAddr;
    }

    get localAddr() {
      return this.#localAddr;
    }

    async write(p) {
      return await opAsync("op_net_write", this.#rid, p);
    }

    async read(p) {
      if (p.byteLength === 0) return 0;
      return copyRead(await this.#pending.track(opAsync("op_net_read", this.#rid, p.byteLength)), p);
    }

    close() {
      ops.op_net_close(this.#rid);
      internal.openResources.delete(this.#rid);
    }

    async closeWrite() {
      await opAsync("op_net_close_write", this.#rid);
    }

    #closeQuietly() {
      try {
        ops.op_net_close(this.#rid);
      } catch {
        // closed already
      }
    }

    get readable() {
      if (this.#readable === undefined) {
        this.#readable = readableOf((buf) => this.read(buf), () => this.#closeQuietly());
      }
      return this.#readable;
    }

    get writable() {
      if (this.#writable === undefined) {
        this.#writable = writableOf((chunk) => this.write(chunk), () => this.#closeQuietly());
      }
      return this.#writable;
    }

    ref() {
      this.#pending.ref();
    }

    unref() {
      this.#pending.unref();
    }

    [Symbol.dispose]() {
      this.#closeQuietly();
    }

    static rid(conn) {
      return conn.#rid;
    }
  }

  class TcpConn extends Conn {
    setNoDelay(noDelay = true) {
      return ops.op_net_set_nodelay(Conn.rid(this), !!noDelay);
    }

    setKeepAlive(keepAlive = true) {
      return ops.op_net_set_keepalive(Conn.rid(this), !!keepAlive);
    }
  }

  class Listener {
    #own = internal.ownShape(this);
    #rid;
    #addr;
    #pending = new internal.PendingOps();

    constructor(key, rid, addr) {
      if (key !== constructKey) throw new TypeError("Illegal constructor");
      this.#rid = rid;
      internal.openResources.set(rid, "tcpListener");
      this.#addr = addr;
    }

    get addr() {
      return this.#addr;
    }

    async accept() {
      return new TcpConn(constructKey, await this.#pending.track(opAsync("op_net_accept_tcp", this.#rid)));
    }

    async next() {
      try {
        return { value: await this.accept(), done: false };
      } catch (e) {
        // Deno ends the iteration when the listener is closed under it.
        if (e instanceof internal.errors.BadResource || e instanceof internal.errors.Interrupted) {
          return { value: undefined, done: true };
        }
        throw e;
      }
    }

    return(value) {
      this.close();
      return Promise.resolve({ value, done: true });
    }

    close() {
      ops.op_net_close(this.#rid);
      internal.openResources.delete(this.#rid);
    }

    ref() {
      this.#pending.ref();
    }

    unref() {
      this.#pending.unref();
    }

    [Symbol.asyncIterator]() {
      return this;
    }

    [Symbol.dispose]() {
      try {
        this.close();
      } catch {
        // closed already
      }
    }
  }

  function checkTransport(transport) {
    if (transport !== "tcp") throw new TypeError(`Unsupported transport: '${transport}'`);
  }

  function listen(options) {
    const { hostname = "0.0.0.0", port, transport = "tcp" } = options;
    checkTransport(transport);
    const [rid, host, boundPort] = ops.op_net_listen_tcp(String(hostname), validPort(port));
    return new Listener(constructKey, rid, netAddr(host, boundPort));
  }

  async function connect(options) {
    const { hostname = "127.0.0.1", port, transport = "tcp" } = options;
    checkTransport(transport);
    let reply;
    try {
      reply = await opAsync("op_net_connect_tcp", String(hostname), validPort(port));
    } catch (e) {
      throw internal.isOpError(e) ? internal.restack(e, ["async Object.connect (ext:deno_net/01_net.js:1:8642)"]) : e;
    }
    return new TcpConn(constructKey, reply);
  }

  function validPort(port) {
    const n = Number(port);
    if (!Number.isInteger(n) || n < 0 || n > 65535) throw new RangeError(`Invalid port (out of range): ${port}`);
    return n;
  }

  internal.net = { listen, connect };
  internal.validPort = validPort;
})
