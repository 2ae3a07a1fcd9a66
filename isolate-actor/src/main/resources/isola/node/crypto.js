// node:crypto, the common part: hashes and HMACs (the data is collected in JS and digested by one
// sync op at digest()), random bytes, UUIDs and integers, timingSafeEqual, and Web Crypto as webcrypto.
(function (binding, internal) {
  "use strict";
  const ops = internal.ops;
  const errors = internal.node.load("_errors");
  const { Buffer } = internal.node.builtin("buffer");

  const hashNames = { md5: "MD5", sha1: "SHA-1", sha224: "SHA-224", sha256: "SHA-256", sha384: "SHA-384", sha512: "SHA-512" };
  const hmacNames = { md5: "MD5", sha1: "SHA1", sha224: "SHA224", sha256: "SHA256", sha384: "SHA384", sha512: "SHA512" };

  function javaName(table, algorithm) {
    const name = table[String(algorithm).toLowerCase().replace(/^rsa-/, "")];
    if (name === undefined) throw new Error(`Digest method not supported: ${algorithm}`);
    return name;
  }

  function toBytes(data, encoding) {
    if (typeof data === "string") return Buffer.from(data, encoding);
    if (ArrayBuffer.isView(data)) return new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
    if (data instanceof ArrayBuffer) return new Uint8Array(data);
    throw errors.invalidArgType("data", ["string", "Buffer", "TypedArray", "DataView"], data);
  }

  function result(value) {
    if (typeof value === "string") throw new Error(value.slice(value.indexOf(":") + 1));
    return Buffer.from(new Uint8Array(value));
  }

  function output(bytes, encoding) {
    return encoding === undefined || encoding === "buffer" ? bytes : bytes.toString(encoding);
  }

  class Digest {
    #parts = [];
    #done = false;
    #compute;
    constructor(compute) {
      this.#compute = compute;
    }
    update(data, encoding) {
      if (this.#done) throw errors.nodeError(Error, "ERR_CRYPTO_HASH_FINALIZED", "Digest already called");
      this.#parts.push(Buffer.from(toBytes(data, encoding)));
      return this;
    }
    copy() {
      if (this.#done) throw errors.nodeError(Error, "ERR_CRYPTO_HASH_FINALIZED", "Digest already called");
      return Object.setPrototypeOf(new Digest(this.#compute), Object.getPrototypeOf(this)).update(Buffer.concat(this.#parts));
    }
    digest(encoding) {
      if (this.#done) throw errors.nodeError(Error, "ERR_CRYPTO_HASH_FINALIZED", "Digest already called");
      this.#done = true;
      return output(this.#compute(Buffer.concat(this.#parts)), encoding);
    }
  }

  class Hash extends Digest {
    constructor(algorithm) {
      const name = javaName(hashNames, algorithm);
      super((data) => result(ops.op_crypto_digest(name, data)));
    }
  }

  class Hmac extends Digest {
    constructor(algorithm, key) {
      const name = javaName(hmacNames, algorithm);
      const keyBytes = toBytes(typeof key === "object" && key?.export ? key.export() : key);
      super((data) => result(ops.op_crypto_hmac(name, keyBytes, data)));
    }
  }

  function randomBytes(size, callback) {
    if (typeof size !== "number") throw errors.invalidArgType("size", "number", size);
    if (!(size >= 0 && size <= 2 ** 31 - 1)) throw errors.outOfRange("size", `>= 0 && <= ${2 ** 31 - 1}`, size);
    const bytes = Buffer.from(new Uint8Array(ops.op_crypto_random(size)));
    if (typeof callback === "function") {
      internal.node.nextTick(callback, [null, bytes]);
      return undefined;
    }
    return bytes;
  }

  function randomFillSync(buf, offset = 0, size) {
    const view = new Uint8Array(buf.buffer ?? buf, buf.byteOffset ?? 0, buf.byteLength);
    const end = size === undefined ? view.length : offset + size;
    view.set(new Uint8Array(ops.op_crypto_random(end - offset)), offset);
    return buf;
  }

  function randomInt(min, max, callback) {
    if (max === undefined || typeof max === "function") {
      callback = max;
      max = min;
      min = 0;
    }
    if (!Number.isSafeInteger(min)) throw errors.invalidArgType("min", "a safe integer", min);
    if (!Number.isSafeInteger(max)) throw errors.invalidArgType("max", "a safe integer", max);
    if (max <= min) {
      throw errors.outOfRange("max", `greater than the value of "min" (${min})`, max);
    }
    const range = max - min;
    const bytes = new Uint8Array(ops.op_crypto_random(6));
    let n = 0;
    for (const b of bytes) n = n * 256 + b;
    const value = min + (n % range);
    if (typeof callback === "function") {
      internal.node.nextTick(callback, [null, value]);
      return undefined;
    }
    return value;
  }

  function timingSafeEqual(a, b) {
    const x = toBytes(a);
    const y = toBytes(b);
    if (x.byteLength !== y.byteLength) {
      throw errors.nodeError(RangeError, "ERR_CRYPTO_TIMING_SAFE_EQUAL_LENGTH", "Input buffers must have the same byte length");
    }
    let diff = 0;
    for (let i = 0; i < x.length; i++) diff |= x[i] ^ y[i];
    return diff === 0;
  }

  const webcrypto = internal.webApis.crypto;
  return {
    Hash,
    Hmac,
    constants: {},
    createHash: (algorithm) => new Hash(algorithm),
    createHmac: (algorithm, key) => new Hmac(algorithm, key),
    getHashes: () => Object.keys(hashNames),
    getRandomValues: (array) => webcrypto.getRandomValues(array),
    hash: (algorithm, data, encoding = "hex") => new Hash(algorithm).update(data).digest(encoding),
    randomBytes,
    pseudoRandomBytes: randomBytes,
    randomFill(buf, offset, size, callback) {
      callback = [offset, size, callback].find((f) => typeof f === "function");
      randomFillSync(buf, typeof offset === "number" ? offset : 0, typeof size === "number" ? size : undefined);
      internal.node.nextTick(callback, [null, buf]);
    },
    randomFillSync,
    randomInt,
    randomUUID: () => ops.op_crypto_random_uuid(),
    subtle: webcrypto.subtle,
    timingSafeEqual,
    webcrypto,
  };
})
