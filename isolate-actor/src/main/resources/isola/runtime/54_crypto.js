// Web Crypto (https://w3c.github.io/webcrypto/): crypto.getRandomValues, randomUUID and crypto.subtle.
// The algorithms run in the host (java.security / javax.crypto, CryptoBinding.java) as sync ops; this file
// normalises algorithms and checks keys and usages as Deno does, then wraps the bytes it gets back.
(function (binding, internal) {
  "use strict";
  const ops = internal.ops;
  const DOMException = internal.DOMException;
  const { attach, unwrap, isKind } = internal.webSlot;

  class QuotaExceededError extends DOMException {
    constructor(message = "", options = undefined) {
      super(message, "QuotaExceededError");
      attach(this, { kind: "QuotaExceededError", quota: options?.quota ?? null, requested: options?.requested ?? null });
    }
    get quota() { return unwrap(this, "QuotaExceededError").quota; }
    get requested() { return unwrap(this, "QuotaExceededError").requested; }
  }

  const ctx = "Failed to execute 'call' on 'SubtleCrypto'";
  const domError = (name, message) => new DOMException(message, name);

  /** An op's result: its bytes as a JS-owned Uint8Array, or the DOMException it reported. */
  function hostResult(result) {
    if (typeof result === "string") {
      const at = result.indexOf(":");
      throw domError(result.slice(0, at), result.slice(at + 1));
    }
    if (typeof result === "boolean") return result;
    if (result !== null && typeof result === "object" && !(result instanceof ArrayBuffer) && result.length !== undefined &&
      typeof result.length === "number" && !ArrayBuffer.isView(result)) {
      return Array.from(result, (b) => copyOut(b));
    }
    return copyOut(result);
  }
  function copyOut(hostBuffer) { return new Uint8Array(hostBuffer).slice(); }
  function call(name, ...args) { return hostResult(ops[name](...args)); }

  // ---- Crypto ---------------------------------------------------------------------------------------
  const integerArrays = [Int8Array, Uint8Array, Uint8ClampedArray, Int16Array, Uint16Array, Int32Array,
    Uint32Array, BigInt64Array, BigUint64Array];
  const illegal = Symbol("illegal");

  class Crypto {
    constructor(token = undefined) {
      if (token !== illegal) throw internal.webSlot.illegalConstructor();
      attach(this, { kind: "Crypto" });
    }
    get subtle() { unwrap(this, "Crypto", "expected Crypto"); return subtle; }
    getRandomValues(array) {
      unwrap(this, "Crypto", "expected Crypto");
      if (arguments.length < 1) throw new TypeError("Failed to execute 'call' on 'Crypto': 1 argument required, but only 0 present");
      if (!ArrayBuffer.isView(array) || !integerArrays.some((c) => array instanceof c)) {
        throw domError("TypeMismatchError", "The provided value is not an integer-type TypedArray");
      }
      const n = array.byteLength;
      if (n > 65536) {
        throw new QuotaExceededError(`The ArrayBufferView's byte length (${n}) exceeds the number of bytes of entropy available via this API (65536)`);
      }
      if (n > 0) new Uint8Array(array.buffer, array.byteOffset, n).set(new Uint8Array(ops.op_crypto_random(n)));
      return array;
    }
    randomUUID() {
      unwrap(this, "Crypto", "expected Crypto");
      return ops.op_crypto_random_uuid();
    }
  }

  // ---- conversions ------------------------------------------------------------------------------------
  function bufferSource(v, argIndex) {
    if (v instanceof ArrayBuffer) return new Uint8Array(v);
    if (ArrayBuffer.isView(v)) return new Uint8Array(v.buffer, v.byteOffset, v.byteLength);
    throw new TypeError(`${ctx}: Argument ${argIndex} can not be converted to a BufferSource`);
  }
  function copyBuffer(v, argIndex) { return bufferSource(v, argIndex).slice(); }

  const b64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
  function base64url(bytes) {
    let out = "";
    let i = 0;
    for (; i + 2 < bytes.length; i += 3) {
      const n = bytes[i] << 16 | bytes[i + 1] << 8 | bytes[i + 2];
      out += b64[n >> 18] + b64[n >> 12 & 63] + b64[n >> 6 & 63] + b64[n & 63];
    }
    if (i < bytes.length) {
      const n = bytes[i] << 16 | (i + 1 < bytes.length ? bytes[i + 1] << 8 : 0);
      out += b64[n >> 18] + b64[n >> 12 & 63];
      if (i + 1 < bytes.length) out += b64[n >> 6 & 63];
    }
    return out;
  }
  function fromBase64url(s) {
    if (typeof s !== "string" || !/^[A-Za-z0-9_-]*$/.test(s) || s.length % 4 === 1) {
      throw domError("DataError", "Invalid base64url data");
    }
    const out = new Uint8Array(Math.floor(s.length * 3 / 4));
    let bits = 0, acc = 0, j = 0;
    for (let i = 0; i < s.length; i++) {
      acc = acc << 6 | b64.indexOf(s[i]);
      bits += 6;
      if (bits >= 8) { bits -= 8; out[j++] = acc >> bits & 255; }
    }
    return out;
  }

  // ---- algorithm normalisation -------------------------------------------------------------------------
  const curves = ["P-256", "P-384", "P-521"];
  const aes = ["AES-GCM", "AES-CBC", "AES-CTR", "AES-KW"];
  const ecAlgorithms = ["ECDSA", "ECDH"];
  // X25519, X448 and Ed25519 keys are their raw bytes; SPKI and PKCS#8 wrap them in a fixed DER prefix (RFC 8410).
  const okp = {
    X25519: { size: 32, spki: [0x30, 0x2a, 0x30, 0x05, 0x06, 0x03, 0x2b, 0x65, 0x6e, 0x03, 0x21, 0x00],
      pkcs8: [0x30, 0x2e, 0x02, 0x01, 0x00, 0x30, 0x05, 0x06, 0x03, 0x2b, 0x65, 0x6e, 0x04, 0x22, 0x04, 0x20] },
    X448: { size: 56, spki: [0x30, 0x42, 0x30, 0x05, 0x06, 0x03, 0x2b, 0x65, 0x6f, 0x03, 0x39, 0x00],
      pkcs8: [0x30, 0x46, 0x02, 0x01, 0x00, 0x30, 0x05, 0x06, 0x03, 0x2b, 0x65, 0x6f, 0x04, 0x3a, 0x04, 0x38] },
    Ed25519: { size: 32, spki: [0x30, 0x2a, 0x30, 0x05, 0x06, 0x03, 0x2b, 0x65, 0x70, 0x03, 0x21, 0x00],
      pkcs8: [0x30, 0x2e, 0x02, 0x01, 0x00, 0x30, 0x05, 0x06, 0x03, 0x2b, 0x65, 0x70, 0x04, 0x22, 0x04, 0x20] },
  };
  // Which algorithms each operation accepts, and the dictionary members each requires.
  const supported = {
    digest: { "SHA-1": {}, "SHA-256": {}, "SHA-384": {}, "SHA-512": {} },
    generateKey: {
      HMAC: { hash: "hash" }, ECDSA: { namedCurve: "string" }, ECDH: { namedCurve: "string" },
      "AES-GCM": { length: "number" }, "AES-CBC": { length: "number" }, "AES-CTR": { length: "number" },
      "AES-KW": { length: "number" }, X25519: {}, X448: {}, Ed25519: {},
      "RSASSA-PKCS1-v1_5": { modulusLength: "number", publicExponent: "bytes", hash: "hash" },
      "RSA-PSS": { modulusLength: "number", publicExponent: "bytes", hash: "hash" },
      "RSA-OAEP": { modulusLength: "number", publicExponent: "bytes", hash: "hash" },
    },
    importKey: {
      HMAC: {}, ECDSA: { namedCurve: "string" }, ECDH: {}, "AES-GCM": {}, "AES-CBC": {}, "AES-CTR": {},
      "AES-KW": {}, HKDF: {}, PBKDF2: {}, X25519: {}, X448: {}, Ed25519: {},
      "RSASSA-PKCS1-v1_5": { hash: "hash" }, "RSA-PSS": { hash: "hash" }, "RSA-OAEP": { hash: "hash" },
    },
    sign: {
      HMAC: {}, ECDSA: { hash: "hash" }, "RSASSA-PKCS1-v1_5": {}, "RSA-PSS": { saltLength: "number" }, Ed25519: {},
    },
    deriveBits: {
      HKDF: { hash: "hash", salt: "bytes", info: "bytes" },
      PBKDF2: { hash: "hash", salt: "bytes", iterations: "unsigned long" },
      ECDH: { public: "key" }, X25519: { public: "key" }, X448: { public: "key" },
    },
    wrapKey: { "AES-KW": {} },
    encrypt: {
      "AES-GCM": { iv: "bytes" }, "AES-CBC": { iv: "bytes" }, "AES-CTR": { counter: "bytes", length: "number" },
      "RSA-OAEP": {},
    },
  };
  supported.verify = supported.sign;
  supported.decrypt = supported.encrypt;
  supported.unwrapKey = supported.wrapKey;
  const optionalMembers = {
    length: "number", additionalData: "bytes", tagLength: "number", label: "bytes", hash: "hash", namedCurve: "string",
  };
  // What Deno says when an algorithm that needs parameters comes as a bare name.
  const bareNameOf = {
    generateKey: (name) => (ecAlgorithms.includes(name) ? "Missing EC dict" : aes.includes(name) ? "Missing AES dict" : null),
    importKey: () => null,
  };

  function checkAlgorithmIdentifier(algorithm, argIndex = 0) {
    if (typeof algorithm !== "string" && (algorithm === null || typeof algorithm !== "object" && typeof algorithm !== "function")) {
      throw new TypeError(`${ctx}: Argument ${argIndex} can not be converted to a AlgorithmIdentifier`);
    }
  }
  function findAlgorithm(algorithm, op) {
    const given = String(typeof algorithm === "string" ? algorithm : algorithm.name);
    return Object.keys(supported[op]).find((n) => n.toUpperCase() === given.toUpperCase());
  }
  /** `nested`: a hash inside another algorithm's parameters, whose unknown names Deno words differently. */
  function normalizeAlgorithm(algorithm, op, argIndex = 0, nested = false) {
    checkAlgorithmIdentifier(algorithm, argIndex);
    const bare = typeof algorithm === "string";
    if (bare) algorithm = { name: algorithm };
    if (algorithm.name === undefined) {
      throw new TypeError(`${ctx}: Argument ${argIndex} required member 'name' is undefined`);
    }
    const given = String(algorithm.name);
    const table = supported[op];
    const name = findAlgorithm(algorithm, op);
    if (name === undefined) {
      if (op === "digest" && !nested || op === "deriveBits") throw domError("NotSupportedError", `Algorithm '${given}' is not supported`);
      if (op === "generateKey") throw domError("NotSupportedError", `Unrecognized algorithm name: ${given}`);
      throw domError("NotSupportedError", "Unrecognized algorithm name");
    }
    const out = { name };
    const required = table[name];
    if (bare && Object.keys(required).length > 0) {
      const message = op in bareNameOf ? bareNameOf[op](name) : "Algorithm requires a parameter dictionary";
      if (message !== null) throw new TypeError(`${ctx}: Argument ${argIndex} ${message}`);
    }
    for (const [member, type] of Object.entries({ ...optionalMembers, ...required })) {
      const v = algorithm[member];
      if (v === undefined) {
        if (member in required) {
          if (op === "generateKey") throw new TypeError(`${ctx}: Argument ${argIndex} Missing '${member}'`);
          throw new TypeError(`${ctx}: Argument ${argIndex} required dictionary member '${member}'`);
        }
        continue;
      }
      if (type === "hash") out[member] = normalizeAlgorithm(v, "digest", argIndex, true);
      else if (type === "bytes") out[member] = memberBytes(v, member, argIndex);
      else if (type === "string") out[member] = String(v);
      else if (type === "key") out[member] = keyRecord(v, argIndex);
      else if (type === "unsigned long") out[member] = enforceUnsignedLong(v, member, argIndex);
      else out[member] = enforceRange(v, member);
    }
    return out;
  }
  function memberBytes(v, member, argIndex) {
    if (!(v instanceof ArrayBuffer) && !ArrayBuffer.isView(v)) {
      throw new TypeError(`${ctx}: Argument ${argIndex} '${member}' is not a BufferSource`);
    }
    return copyBuffer(v, argIndex);
  }
  function enforceUnsignedLong(v, member, argIndex) {
    const n = Number(v);
    if (!Number.isFinite(n)) throw new TypeError(`${ctx}: Argument ${argIndex} '${member}' is not a finite number`);
    const t = Math.trunc(n);
    if (t < 0 || t > 4294967295) {
      throw new TypeError(`${ctx}: Argument ${argIndex} '${member}' is outside the accepted range for [EnforceRange] unsigned long`);
    }
    return t;
  }
  function enforceRange(v, member) {
    const n = Number(v);
    if (!Number.isFinite(n)) throw new TypeError(`${ctx}: '${member}' of 'Algorithm' (Argument 0) is not a finite number`);
    return Math.trunc(n);
  }

  // ---- CryptoKey -------------------------------------------------------------------------------------
  class CryptoKey {
    constructor(token = undefined) {
      if (token !== illegal) throw internal.webSlot.illegalConstructor();
    }
    get type() { return unwrap(this, "CryptoKey", "expected CryptoKey").type; }
    get extractable() { return unwrap(this, "CryptoKey", "expected CryptoKey").extractable; }
    get algorithm() { return unwrap(this, "CryptoKey", "expected CryptoKey").algorithm; }
    get usages() { return unwrap(this, "CryptoKey", "expected CryptoKey").usages; }
  }
  function newKey(type, extractable, algorithm, usages, handle) {
    const key = new CryptoKey(illegal);
    attach(key, { kind: "CryptoKey", type, extractable, algorithm, usages: Object.freeze([...usages]), handle });
    return key;
  }
  function keyRecord(key, argIndex) {
    if (!isKind(key, "CryptoKey")) throw new TypeError(`${ctx}: Argument ${argIndex} can not be converted to a CryptoKey`);
    return unwrap(key, "CryptoKey");
  }

  const allUsages = ["encrypt", "decrypt", "sign", "verify", "deriveKey", "deriveBits", "wrapKey", "unwrapKey"];
  function checkUsages(usages, allowed) {
    for (const u of usages) if (!allowed.includes(u)) throw domError("SyntaxError", "Invalid key usage");
  }
  function usageList(keyUsages, argIndex = 5) {
    if (keyUsages === null || typeof keyUsages !== "object" || typeof keyUsages[Symbol.iterator] !== "function") {
      throw new TypeError(`${ctx}: Argument ${argIndex} can not be converted to a sequence`);
    }
    const list = Array.from(keyUsages, String);
    for (const u of list) {
      if (!allUsages.includes(u)) throw domError("SyntaxError", "Invalid key usage");
    }
    return list;
  }
  const derive = ["deriveKey", "deriveBits"];
  const secretUsages = {
    HMAC: ["sign", "verify"], AES: ["encrypt", "decrypt", "wrapKey", "unwrapKey"], "AES-KW": ["wrapKey", "unwrapKey"],
    HKDF: derive, PBKDF2: derive,
  };
  function familyOf(name) { return name.startsWith("AES-") && name !== "AES-KW" ? "AES" : name; }
  const hashBits = { "SHA-1": 512, "SHA-256": 512, "SHA-384": 1024, "SHA-512": 1024 };
  const hashBytes = { "SHA-1": 20, "SHA-256": 32, "SHA-384": 48, "SHA-512": 64 };
  // [public, private] usages of each asymmetric algorithm.
  const pairUsages = {
    ECDSA: [["verify"], ["sign"]], Ed25519: [["verify"], ["sign"]], ECDH: [[], derive], X25519: [[], derive],
    X448: [[], derive],
    "RSASSA-PKCS1-v1_5": [["verify"], ["sign"]], "RSA-PSS": [["verify"], ["sign"]],
    "RSA-OAEP": [["encrypt", "wrapKey"], ["decrypt", "unwrapKey"]],
  };
  function publicUsagesOf(name) { return pairUsages[name][0]; }
  function privateUsagesOf(name) { return pairUsages[name][1]; }

  // ---- generateKey -----------------------------------------------------------------------------------
  function generateKey(alg, extractable, usages) {
    const name = alg.name;
    if (name === "HMAC") {
      checkUsages(usages, secretUsages.HMAC);
      const length = alg.length ?? hashBits[alg.hash.name];
      if (length === 0 || length % 8 !== 0) throw domError("OperationError", "Invalid HMAC key length");
      if (usages.length === 0) throw domError("SyntaxError", "Usages cannot be empty");
      const raw = new Uint8Array(ops.op_crypto_random(length / 8)).slice();
      return newKey("secret", extractable, { name, length, hash: { name: alg.hash.name } }, usages, { raw });
    }
    if (aes.includes(name)) {
      checkUsages(usages, secretUsages[familyOf(name)]);
      if (![128, 192, 256].includes(alg.length)) throw domError("OperationError", "Invalid AES key length");
      if (usages.length === 0) throw domError("SyntaxError", "Usages cannot be empty");
      const raw = new Uint8Array(ops.op_crypto_random(alg.length / 8)).slice();
      return newKey("secret", extractable, { name, length: alg.length }, usages, { raw });
    }
    checkUsages(usages, [...publicUsagesOf(name), ...privateUsagesOf(name)]);
    let der, algorithm;
    if (name in okp) {
      der = call("op_crypto_okp_generate", name);
      algorithm = () => ({ name });
    } else if (ecAlgorithms.includes(name)) {
      if (!curves.includes(alg.namedCurve)) throw domError("NotSupportedError", `Unsupported named curve: ${alg.namedCurve}`);
      der = call("op_crypto_ec_generate", alg.namedCurve);
      algorithm = () => ({ name, namedCurve: alg.namedCurve });
    } else {
      der = call("op_crypto_rsa_generate", alg.modulusLength, alg.publicExponent);
      algorithm = () => ({ name, modulusLength: alg.modulusLength, publicExponent: alg.publicExponent.slice(), hash: { name: alg.hash.name } });
    }
    const privateUsages = usages.filter((u) => privateUsagesOf(name).includes(u));
    if (privateUsages.length === 0) throw domError("SyntaxError", "Usages cannot be empty");
    const publicUsages = usages.filter((u) => publicUsagesOf(name).includes(u));
    const handle = (bytes) => (name in okp ? { raw: bytes } : { der: bytes });
    return {
      publicKey: newKey("public", true, algorithm(), publicUsages, handle(der[1])),
      privateKey: newKey("private", extractable, algorithm(), privateUsages, handle(der[0])),
    };
  }

  // ---- importKey -------------------------------------------------------------------------------------
  const jwkAlgs = {
    HMAC: (a) => "HS" + a.hash.name.slice(4),
    "AES-GCM": (a) => `A${a.length}GCM`, "AES-CBC": (a) => `A${a.length}CBC`, "AES-CTR": (a) => `A${a.length}CTR`,
    "AES-KW": (a) => `A${a.length}KW`,
    ECDSA: (a) => ({ "P-256": "ES256", "P-384": "ES384", "P-521": "ES512" })[a.namedCurve],
    ECDH: () => "ECDH",
    "RSASSA-PKCS1-v1_5": (a) => "RS" + a.hash.name.slice(4),
    "RSA-PSS": (a) => "PS" + a.hash.name.slice(4),
    "RSA-OAEP": (a) => (a.hash.name === "SHA-1" ? "RSA-OAEP" : "RSA-OAEP-" + a.hash.name.slice(4)),
  };
  function checkJwk(jwk, kty, extractable, usages) {
    if (jwk.kty !== kty) throw domError("DataError", `'kty' property of JsonWebKey must be '${kty}'`);
    if (jwk.ext === false && extractable) {
      throw domError("DataError", "'ext' property of JsonWebKey must not be false if extractable is true");
    }
    if (jwk.key_ops !== undefined) {
      if (!Array.isArray(jwk.key_ops) || !usages.every((u) => jwk.key_ops.includes(u))) {
        throw domError("DataError", "'key_ops' property of JsonWebKey is invalid");
      }
    }
  }
  function checkJwkAlg(jwk, expected) {
    if (jwk.alg !== undefined && jwk.alg !== expected) {
      throw domError("DataError", `'alg' property of JsonWebKey must be '${expected}'`);
    }
  }
  function importSecret(format, keyData, alg, extractable, usages, requireUsages) {
    const name = alg.name;
    if (name === "HKDF" || name === "PBKDF2") {
      if (format !== "raw") throw domError("NotSupportedError", "Not implemented");
      checkUsages(usages, secretUsages[name]);
      if (requireUsages && usages.length === 0) throw domError("SyntaxError", "Invalid key usage");
      return newKey("secret", false, { name }, usages, { raw: keyData });
    }
    checkUsages(usages, secretUsages[familyOf(name)]);
    let raw;
    if (format === "raw") raw = keyData;
    else if (format === "jwk") {
      checkJwk(keyData, "oct", extractable, usages);
      raw = fromBase64url(keyData.k);
    } else {
      throw domError("NotSupportedError", "Not implemented");
    }
    if (name === "HMAC") {
      if (alg.hash === undefined) throw domError("DataError", "HMAC import requires 'hash'");
      if (raw.length === 0) throw domError("DataError", "Key length is zero");
      let length = raw.length * 8;
      if (alg.length !== undefined) {
        if (alg.length > length || alg.length <= length - 8) throw domError("DataError", "Key length is invalid");
        length = alg.length;
      }
      const algorithm = { name, length, hash: { name: alg.hash.name } };
      if (format === "jwk") checkJwkAlg(keyData, jwkAlgs.HMAC(algorithm));
      if (requireUsages && usages.length === 0) throw domError("SyntaxError", "Invalid key usage");
      return newKey("secret", extractable, algorithm, usages, { raw });
    }
    if (![16, 24, 32].includes(raw.length)) throw domError("DataError", "Invalid key length");
    const algorithm = { name, length: raw.length * 8 };
    if (format === "jwk" && keyData.alg !== undefined && keyData.alg !== jwkAlgs[name](algorithm)) {
      throw domError("DataError", `Invalid algorithm: ${keyData.alg}`);
    }
    if (requireUsages && usages.length === 0) throw domError("SyntaxError", "Invalid key usage");
    return newKey("secret", extractable, algorithm, usages, { raw });
  }
  function importAsymmetric(format, keyData, alg, extractable, usages, requireUsages) {
    const name = alg.name;
    if (name in okp) return importOkp(format, keyData, name, extractable, usages, requireUsages);
    if (name === "ECDH") {
      if (alg.namedCurve === undefined) throw domError("DataError", "EC import requires 'namedCurve'");
      if (format === "raw" && !curves.includes(alg.namedCurve)) throw domError("DataError", "Invalid namedCurve");
      if (format === "spki" && usages.length > 0) throw domError("SyntaxError", "Key usage must be empty");
    }
    let der, isPrivate;
    if (format === "jwk") {
      isPrivate = keyData.d !== undefined;
      checkUsages(usages, isPrivate ? privateUsagesOf(name) : publicUsagesOf(name));
      if (ecAlgorithms.includes(name)) {
        checkJwk(keyData, "EC", extractable, usages);
        if (name === "ECDH" && usages.length > 0 && keyData.use !== undefined && keyData.use !== "enc") {
          throw domError("DataError", "'use' property of JsonWebKey must be 'enc'");
        }
        if (keyData.x === undefined) throw domError("DataError", "'x' property of JsonWebKey is required for EC keys");
        if (keyData.y === undefined) throw domError("DataError", "'y' property of JsonWebKey is required for EC keys");
        const d = isPrivate ? fromBase64url(keyData.d) : null;
        der = call("op_crypto_ec_import_jwk", alg.namedCurve, fromBase64url(keyData.x), fromBase64url(keyData.y), d);
      } else {
        checkJwk(keyData, "RSA", extractable, usages);
        const members = isPrivate ? ["n", "e", "d", "p", "q", "dp", "dq", "qi"] : ["n", "e"];
        der = call("op_crypto_rsa_import_jwk", ...members.map((m) => fromBase64url(keyData[m])));
      }
    } else if (format === "raw") {
      if (!ecAlgorithms.includes(name)) throw domError("NotSupportedError", "Not implemented");
      isPrivate = false;
      checkUsages(usages, publicUsagesOf(name));
      der = call("op_crypto_ec_import", alg.namedCurve, "raw", keyData);
    } else {
      isPrivate = format === "pkcs8";
      checkUsages(usages, isPrivate ? privateUsagesOf(name) : publicUsagesOf(name));
      if (!isPrivate && keyData.length > 0 && keyData[0] !== 0x30) {
        const tag = keyData[0].toString(16).padStart(2, "0");
        throw domError("DataError", `ASN.1 error: unknown/unsupported ASN.1 DER tag: 0x${tag}`);
      }
      if (ecAlgorithms.includes(name)) der = call("op_crypto_ec_import", alg.namedCurve, format, keyData);
      else der = call("op_crypto_rsa_import", isPrivate, keyData);
    }
    let algorithm;
    if (ecAlgorithms.includes(name)) {
      if (!curves.includes(alg.namedCurve)) throw domError("NotSupportedError", `Unsupported named curve: ${alg.namedCurve}`);
      algorithm = { name, namedCurve: alg.namedCurve };
    } else {
      const [keyDer, modulus, exponent] = format === "jwk" ? call("op_crypto_rsa_import", isPrivate, der) : der;
      der = keyDer;
      let bits = modulus.length * 8;
      for (let b = modulus[0]; b < 128 && bits > 0; b <<= 1) bits--;
      algorithm = { name, modulusLength: bits, hash: { name: alg.hash.name }, publicExponent: exponent };
    }
    if (requireUsages && isPrivate && usages.length === 0) throw domError("SyntaxError", "Invalid key usage");
    return newKey(isPrivate ? "private" : "public", extractable, algorithm, usages, { der });
  }
  function importOkp(format, keyData, name, extractable, usages, requireUsages) {
    const [publicUsages, privateUsages] = pairUsages[name];
    let raw, isPrivate;
    if (format === "jwk") {
      isPrivate = keyData.d !== undefined;
      checkUsages(usages, isPrivate ? privateUsages : publicUsages);
      if (keyData.kty !== "OKP") throw domError("DataError", "Invalid key type");
      if (keyData.crv !== name) throw domError("DataError", "Invalid curve");
      if (usages.length > 0 && keyData.use !== undefined && keyData.use !== (name === "Ed25519" ? "sig" : "enc")) {
        throw domError("DataError", "Invalid key use");
      }
      if (keyData.key_ops !== undefined && (!Array.isArray(keyData.key_ops) || !usages.every((u) => keyData.key_ops.includes(u)))) {
        throw domError("DataError", "'key_ops' property of JsonWebKey is invalid");
      }
      if (keyData.ext === false && extractable) throw domError("DataError", "Invalid key extractability");
      const member = isPrivate ? keyData.d : keyData.x;
      raw = okpBytes(member, okp[name].size, isPrivate ? "Invalid private key data" : "Invalid public key data");
    } else if (format === "raw") {
      isPrivate = false;
      checkUsages(usages, publicUsages);
      raw = keyData.length === okp[name].size ? keyData : null;
    } else {
      isPrivate = format === "pkcs8";
      checkUsages(usages, isPrivate ? privateUsages : publicUsages);
      const prefix = okp[name][format];
      const fits = keyData.length === prefix.length + okp[name].size && prefix.every((b, i) => keyData[i] === b);
      raw = fits ? keyData.slice(prefix.length) : null;
    }
    if (raw === null) throw domError("DataError", "Invalid key data");
    if (requireUsages && isPrivate && usages.length === 0) throw domError("SyntaxError", "Invalid key usage");
    return newKey(isPrivate ? "private" : "public", extractable, { name }, usages, { raw });
  }
  function okpBytes(member, size, message) {
    let bytes;
    try {
      bytes = fromBase64url(member);
    } catch {
      throw domError("DataError", message);
    }
    if (bytes.length !== size) throw domError("DataError", message);
    return bytes;
  }

  // ---- exportKey -------------------------------------------------------------------------------------
  function exportKey(format, key) {
    const name = key.algorithm.name;
    if (!key.extractable) throw domError("InvalidAccessError", "Key is not extractable");
    if (key.type === "secret") {
      if (format === "raw") return key.handle.raw.slice().buffer;
      if (format !== "jwk") throw domError("NotSupportedError", "Not implemented");
      return {
        kty: "oct", alg: jwkAlgs[name](key.algorithm), k: base64url(key.handle.raw),
        key_ops: [...key.usages], ext: key.extractable,
      };
    }
    if (name in okp) return exportOkp(format, key);
    if (format === "raw") {
      if (!ecAlgorithms.includes(name)) throw domError("NotSupportedError", "Not implemented");
      if (key.type !== "public") throw domError("InvalidAccessError", "Key is not a public key");
      return call("op_crypto_ec_export_raw", key.handle.der).buffer;
    }
    if (format === "spki") {
      if (key.type !== "public") throw domError("InvalidAccessError", "Key is not a public key");
      return key.handle.der.slice().buffer;
    }
    if (format === "pkcs8") {
      if (key.type !== "private") throw domError("InvalidAccessError", "Key is not a private key");
      return key.handle.der.slice().buffer;
    }
    const isPrivate = key.type === "private";
    const isEc = ecAlgorithms.includes(name);
    const jwk = { kty: isEc ? "EC" : "RSA", alg: jwkAlgs[name](key.algorithm) };
    if (isEc) {
      const m = call("op_crypto_ec_export_jwk", key.algorithm.namedCurve, key.handle.der, isPrivate);
      jwk.crv = key.algorithm.namedCurve;
      if (isPrivate) jwk.d = base64url(m[2]);
      jwk.x = base64url(m[0]);
      jwk.y = base64url(m[1]);
    } else {
      const m = call("op_crypto_rsa_export_jwk", isPrivate, key.handle.der);
      const names = ["n", "e", "d", "p", "q", "dp", "dq", "qi"];
      m.forEach((bytes, i) => { jwk[names[i]] = base64url(bytes); });
    }
    jwk.key_ops = [...key.usages];
    jwk.ext = key.extractable;
    return jwk;
  }
  function exportOkp(format, key) {
    const { name } = key.algorithm;
    const raw = key.handle.raw;
    if (format === "raw" || format === "spki") {
      if (key.type !== "public") throw domError("InvalidAccessError", "Key is not a public key");
      return (format === "raw" ? raw.slice() : Uint8Array.of(...okp[name].spki, ...raw)).buffer;
    }
    if (format === "pkcs8") {
      if (key.type !== "private") throw domError("InvalidAccessError", "Key is not a private key");
      return Uint8Array.of(...okp[name].pkcs8, ...raw).buffer;
    }
    const jwk = { kty: "OKP", crv: name };
    if (key.type === "private") {
      jwk.d = base64url(raw);
      jwk.x = base64url(call("op_crypto_okp_public", name, raw));
    } else {
      jwk.x = base64url(raw);
    }
    jwk.key_ops = [...key.usages];
    jwk.ext = key.extractable;
    return jwk;
  }

  /** `requireUsages`: a private or secret key without usages is an error (importKey; deriveKey and unwrapKey check their own way). */
  function importKey(format, data, alg, extractable, usages, requireUsages) {
    if (alg.name in secretUsages || aes.includes(alg.name)) return importSecret(format, data, alg, extractable, usages, requireUsages);
    if (alg.name === "ECDSA" && !curves.includes(alg.namedCurve)) {
      throw domError("NotSupportedError", `Unsupported named curve: ${alg.namedCurve}`);
    }
    return importAsymmetric(format, data, alg, extractable, usages, requireUsages);
  }

  // ---- deriveBits, deriveKey -------------------------------------------------------------------------
  /** deriveBits' optional length as Deno converts it: null when absent, else a saturated unsigned 32-bit integer. */
  function bitLength(length) {
    if (length === undefined || length === null) return null;
    if (typeof length !== "number") throw new TypeError("expected f64");
    if (!(length > 0)) return 0;
    return Math.min(Math.trunc(length), 4294967295);
  }
  function deriveBits(alg, key, length) {
    const name = alg.name;
    if (name === "HKDF" || name === "PBKDF2") {
      if (length === null || length % 8 !== 0) throw domError("OperationError", "Invalid length");
      const hash = alg.hash.name;
      if (name === "HKDF") {
        if (length > 255 * hashBytes[hash] * 8) throw domError("OperationError", "The length provided for HKDF is too large");
        return call("op_crypto_hkdf", hash, key.handle.raw, alg.salt, alg.info, length / 8);
      }
      if (alg.iterations === 0) throw domError("OperationError", "iterations must not be zero");
      return call("op_crypto_pbkdf2", hash, key.handle.raw, alg.salt, alg.iterations, length / 8);
    }
    const peer = alg.public;
    if (key.type !== "private" || peer.type !== "public") throw domError("InvalidAccessError", "Invalid key type");
    if (peer.algorithm.name !== key.algorithm.name) throw domError("InvalidAccessError", "Algorithm mismatch");
    let secret;
    if (name === "ECDH") {
      if (peer.algorithm.namedCurve !== key.algorithm.namedCurve) throw domError("InvalidAccessError", "'namedCurve' mismatch");
      secret = call("op_crypto_ecdh", key.handle.der, peer.handle.der);
    } else {
      secret = call("op_crypto_xdh", name, key.handle.raw, peer.handle.raw);
    }
    if (length === null) return secret;
    if (secret.length * 8 < length) throw domError("OperationError", "Invalid length");
    return secret.subarray(0, Math.ceil(length / 8));
  }
  /** The bits deriveKey asks for a key of the normalized (import) algorithm `alg`; null for HKDF and PBKDF2. */
  function derivedKeyLength(alg) {
    if (aes.includes(alg.name)) {
      const length = alg.length ?? 0;
      if (![128, 192, 256].includes(length)) throw domError("OperationError", `Length must be 128, 192, or 256: received ${length}`);
      return length;
    }
    if (alg.name === "HMAC") {
      if (alg.length === undefined) {
        const bits = hashBits[alg.hash?.name];
        if (bits === undefined) throw domError("NotSupportedError", `Unrecognized hash algorithm: ${alg.hash?.name ?? ""}`);
        return bits;
      }
      if (alg.length === 0) throw new TypeError(`Invalid length: ${alg.length}`);
      return alg.length;
    }
    if (alg.name === "HKDF" || alg.name === "PBKDF2") return null;
    throw new TypeError("Unreachable");
  }

  // ---- wrapKey, unwrapKey ----------------------------------------------------------------------------
  /** The wrapping algorithm: a key-wrap one, else an encryption one; an unknown name stays as given. */
  function wrapAlgorithm(algorithm, wrapOp, cipherOp) {
    checkAlgorithmIdentifier(algorithm, 3);
    if (findAlgorithm(algorithm, wrapOp) !== undefined) return normalizeAlgorithm(algorithm, wrapOp, 3);
    if (findAlgorithm(algorithm, cipherOp) !== undefined) return normalizeAlgorithm(algorithm, cipherOp, 3);
    return { name: String(typeof algorithm === "string" ? algorithm : algorithm.name) };
  }
  function aesKw(wrap, key, data) {
    if (data.length % 8 !== 0) throw new TypeError("Data must be multiple of 8 bytes");
    return call("op_crypto_aes_kw", wrap, key.handle.raw, data);
  }
  function jsonBytes(value, padTo) {
    let json = JSON.stringify(value);
    // Deno pads a JWK with spaces to whole 64-bit blocks for AES-KW.
    while (json.length % padTo !== 0) json += " ";
    return Uint8Array.from(json, (c) => c.charCodeAt(0) & 255);
  }
  function parseJwk(bytes) {
    let text = "";
    for (const b of bytes) text += String.fromCharCode(b);
    try {
      return JSON.parse(text);
    } catch {
      throw domError("DataError", "Wrapped key is not valid JSON");
    }
  }

  // ---- getPublicKey ----------------------------------------------------------------------------------
  function publicHandleOf(key) {
    const name = key.algorithm.name;
    if (name in okp) return { raw: call("op_crypto_okp_public", name, key.handle.raw) };
    if (ecAlgorithms.includes(name)) {
      const curve = key.algorithm.namedCurve;
      const [x, y] = call("op_crypto_ec_export_jwk", curve, key.handle.der, true);
      return { der: call("op_crypto_ec_import_jwk", curve, x, y, null) };
    }
    return { der: call("op_crypto_rsa_public", key.handle.der) };
  }
  function copyAlgorithm(algorithm) {
    if (algorithm.modulusLength === undefined) return { ...algorithm };
    const { name, modulusLength, hash, publicExponent } = algorithm;
    return { name, modulusLength, hash: { ...hash }, publicExponent: publicExponent.slice() };
  }

  // ---- operations on keys ---------------------------------------------------------------------------
  function useKey(key, alg, usage, verb) {
    if (alg.name !== key.algorithm.name) {
      // Deno reports a mismatched decryption key differently from the other operations.
      if (verb === "Decryption") throw domError("OperationError", `${verb} algorithm "${alg.name}" does not match key algorithm`);
      throw domError("InvalidAccessError", `${verb} algorithm '${alg.name}' does not match key algorithm`);
    }
    if (!key.usages.includes(usage)) {
      throw domError("InvalidAccessError", "The requested operation is not valid for the provided key");
    }
  }
  function sign(alg, key, data) {
    const name = alg.name;
    if (name === "HMAC") return call("op_crypto_hmac", key.algorithm.hash.name, key.handle.raw, data);
    if (name === "ECDSA") return call("op_crypto_ec_sign", alg.hash.name, key.handle.der, data);
    if (name === "Ed25519") return call("op_crypto_ed25519_sign", key.handle.raw, data);
    return call("op_crypto_rsa_sign", name, key.algorithm.hash.name, alg.saltLength ?? 0, key.handle.der, data);
  }
  function verify(alg, key, signature, data) {
    const name = alg.name;
    if (name === "HMAC") {
      const expected = call("op_crypto_hmac", key.algorithm.hash.name, key.handle.raw, data);
      if (expected.length !== signature.length) return false;
      let diff = 0;
      for (let i = 0; i < expected.length; i++) diff |= expected[i] ^ signature[i];
      return diff === 0;
    }
    if (name === "ECDSA") return call("op_crypto_ec_verify", alg.hash.name, key.handle.der, signature, data);
    if (name === "Ed25519") return call("op_crypto_ed25519_verify", key.handle.raw, signature, data);
    return call("op_crypto_rsa_verify", name, key.algorithm.hash.name, alg.saltLength ?? 0, key.handle.der, signature, data);
  }
  function cipher(encrypt, alg, key, data) {
    const name = alg.name;
    if (name === "AES-GCM") {
      const tagLength = alg.tagLength ?? 128;
      if (![32, 64, 96, 104, 112, 120, 128].includes(tagLength)) {
        throw domError("OperationError", `Invalid tag length: ${tagLength}`);
      }
      if (alg.iv.length !== 12 && alg.iv.length !== 16) {
        throw domError("NotSupportedError", "Initialization vector length not supported");
      }
      if (!encrypt) {
        // Deno decrypts only full-length tags.
        if (tagLength !== 128) throw new TypeError("invalid tag length");
        if (data.length < 16) throw domError("OperationError", "The provided data is too small");
      }
      // A shorter GCM tag is the full tag's prefix; the JDK only makes tags of 96 bits and more.
      const out = call("op_crypto_aes_gcm", encrypt, key.handle.raw, alg.iv, alg.additionalData ?? null, 128, data);
      return encrypt ? out.subarray(0, out.length - 16 + tagLength / 8) : out;
    }
    if (name === "AES-CBC") {
      if (alg.iv.length !== 16) throw domError("OperationError", "Initialization vector must be 16 bytes");
      return call("op_crypto_aes_cbc", encrypt, key.handle.raw, alg.iv, data);
    }
    if (name === "AES-CTR") {
      if (alg.counter.length !== 16) throw domError("OperationError", "Counter vector must be 16 bytes");
      if (alg.length === 0 || alg.length > 128) throw domError("OperationError", "Counter length must not be 0 or greater than 128");
      checkCounterRoom(alg.counter, alg.length, data.length);
      return call("op_crypto_aes_ctr", key.handle.raw, alg.counter, data);
    }
    const der = key.handle.der;
    return call("op_crypto_rsa_oaep", encrypt, key.algorithm.hash.name, alg.label ?? null, der, data);
  }
  // The JDK's CTR mode carries into the whole block; refuse inputs whose counter bits would wrap instead.
  function checkCounterRoom(counter, lengthBits, dataLength) {
    const blocks = BigInt(Math.ceil(dataLength / 16));
    let value = 0n;
    for (const b of counter) value = value << 8n | BigInt(b);
    const mask = (1n << BigInt(lengthBits)) - 1n;
    if ((value & mask) + blocks > mask + 1n) throw domError("OperationError", "Counter block would wrap");
  }

  // ---- SubtleCrypto ------------------------------------------------------------------------------------
  const formats = ["raw", "pkcs8", "spki", "jwk"];
  function keyFormat(format, argIndex = 1) {
    const s = String(format);
    if (!formats.includes(s)) {
      throw new TypeError(`${ctx}: Argument ${argIndex} The provided value '${s}' is not a valid enum value of type KeyFormat`);
    }
    return s;
  }
  /** Runs `fn` now and settles a promise with its result, as a promise-returning WebIDL operation. */
  function settle(fn) {
    try {
      return Promise.resolve(fn());
    } catch (e) {
      return Promise.reject(e);
    }
  }

  class SubtleCrypto {
    constructor(token = undefined) {
      if (token !== illegal) throw internal.webSlot.illegalConstructor();
      attach(this, { kind: "SubtleCrypto" });
    }
    digest(algorithm, data) {
      return settle(() => {
        unwrap(this, "SubtleCrypto", "expected SubtleCrypto");
        checkAlgorithmIdentifier(algorithm);
        const bytes = bufferSource(data, 1);
        const alg = normalizeAlgorithm(algorithm, "digest");
        return call("op_crypto_digest", alg.name, bytes).buffer;
      });
    }
    generateKey(algorithm, extractable, keyUsages) {
      return settle(() => {
        unwrap(this, "SubtleCrypto", "expected SubtleCrypto");
        const usages = usageList(keyUsages);
        const alg = normalizeAlgorithm(algorithm, "generateKey");
        return generateKey(alg, !!extractable, usages);
      });
    }
    importKey(format, keyData, algorithm, extractable, keyUsages) {
      return settle(() => {
        unwrap(this, "SubtleCrypto", "expected SubtleCrypto");
        format = keyFormat(format);
        const usages = usageList(keyUsages);
        let data;
        if (format === "jwk") {
          if (keyData === null || typeof keyData !== "object" || ArrayBuffer.isView(keyData) || keyData instanceof ArrayBuffer) {
            throw new TypeError("Cannot import key: 'keyData' is not a JsonWebKey");
          }
          data = keyData;
        } else {
          if (!(keyData instanceof ArrayBuffer) && !ArrayBuffer.isView(keyData)) {
            throw new TypeError("Cannot import key: 'keyData' is a JsonWebKey");
          }
          data = copyBuffer(keyData, 1);
        }
        const alg = normalizeAlgorithm(algorithm, "importKey");
        return importKey(format, data, alg, !!extractable, usages, true);
      });
    }
    exportKey(format, key) {
      return settle(() => {
        unwrap(this, "SubtleCrypto", "expected SubtleCrypto");
        format = keyFormat(format);
        return exportKey(format, keyRecord(key, 1));
      });
    }
    sign(algorithm, key, data) {
      return settle(() => {
        unwrap(this, "SubtleCrypto", "expected SubtleCrypto");
        checkAlgorithmIdentifier(algorithm);
        const k = keyRecord(key, 1);
        const bytes = copyBuffer(data, 2);
        const alg = normalizeAlgorithm(algorithm, "sign");
        useKey(k, alg, "sign", "Signing");
        return sign(alg, k, bytes).buffer;
      });
    }
    verify(algorithm, key, signature, data) {
      return settle(() => {
        unwrap(this, "SubtleCrypto", "expected SubtleCrypto");
        checkAlgorithmIdentifier(algorithm);
        const k = keyRecord(key, 1);
        const sig = copyBuffer(signature, 2);
        const bytes = copyBuffer(data, 3);
        const alg = normalizeAlgorithm(algorithm, "verify");
        useKey(k, alg, "verify", "Verifying");
        return verify(alg, k, sig, bytes);
      });
    }
    encrypt(algorithm, key, data) {
      return settle(() => {
        unwrap(this, "SubtleCrypto", "expected SubtleCrypto");
        checkAlgorithmIdentifier(algorithm);
        const k = keyRecord(key, 1);
        const bytes = copyBuffer(data, 2);
        const alg = normalizeAlgorithm(algorithm, "encrypt");
        useKey(k, alg, "encrypt", "Encryption");
        return cipher(true, alg, k, bytes).slice().buffer;
      });
    }
    deriveBits(algorithm, baseKey, length = null) {
      return settle(() => {
        unwrap(this, "SubtleCrypto", "expected SubtleCrypto");
        checkAlgorithmIdentifier(algorithm);
        const k = keyRecord(baseKey, 1);
        const bits = bitLength(length);
        const alg = normalizeAlgorithm(algorithm, "deriveBits");
        if (alg.name !== k.algorithm.name) throw domError("InvalidAccessError", "Invalid algorithm name");
        if (!k.usages.includes("deriveBits")) throw domError("InvalidAccessError", "'baseKey' usages does not contain 'deriveBits'");
        return deriveBits(alg, k, bits).slice().buffer;
      });
    }
    deriveKey(algorithm, baseKey, derivedKeyType, extractable, keyUsages) {
      return settle(() => {
        unwrap(this, "SubtleCrypto", "expected SubtleCrypto");
        checkAlgorithmIdentifier(algorithm);
        const k = keyRecord(baseKey, 1);
        checkAlgorithmIdentifier(derivedKeyType, 2);
        const usages = usageList(keyUsages, 4);
        const alg = normalizeAlgorithm(algorithm, "deriveBits");
        const target = normalizeAlgorithm(derivedKeyType, "importKey", 2);
        if (alg.name !== k.algorithm.name) throw domError("InvalidAccessError", `Invalid algorithm name: ${alg.name}`);
        if (!k.usages.includes("deriveKey")) throw domError("InvalidAccessError", "'baseKey' usages does not contain 'deriveKey'");
        const secret = deriveBits(alg, k, derivedKeyLength(target)).slice();
        try {
          return importKey("raw", secret, target, !!extractable, usages, false);
        } catch (e) {
          // Deno reports the derived key's usage errors as TypeErrors.
          if (e instanceof DOMException && e.name === "SyntaxError") throw new TypeError(e.message);
          throw e;
        }
      });
    }
    wrapKey(format, key, wrappingKey, wrapAlgorithmIdentifier) {
      return settle(() => {
        unwrap(this, "SubtleCrypto", "expected SubtleCrypto");
        format = keyFormat(format, 0);
        const k = keyRecord(key, 1);
        const wk = keyRecord(wrappingKey, 2);
        const alg = wrapAlgorithm(wrapAlgorithmIdentifier, "wrapKey", "encrypt");
        if (alg.name !== wk.algorithm.name) throw domError("InvalidAccessError", "Wrapping algorithm does not match key algorithm");
        if (!wk.usages.includes("wrapKey")) {
          throw domError("InvalidAccessError", "The requested operation is not valid for the provided key");
        }
        if (!k.extractable) throw domError("InvalidAccessError", "Key is not extractable");
        const exported = exportKey(format, k);
        const isKw = alg.name === "AES-KW";
        const bytes = format === "jwk" ? jsonBytes(exported, isKw ? 8 : 1) : new Uint8Array(exported);
        return (isKw ? aesKw(true, wk, bytes) : cipher(true, alg, wk, bytes)).slice().buffer;
      });
    }
    unwrapKey(format, wrappedKey, unwrappingKey, unwrapAlgorithm, unwrappedKeyAlgorithm, extractable, keyUsages) {
      const argumentCount = arguments.length;
      return settle(() => {
        unwrap(this, "SubtleCrypto", "expected SubtleCrypto");
        if (argumentCount < 7) throw new TypeError(`${ctx}: 7 arguments required, but only ${argumentCount} present`);
        format = keyFormat(format, 0);
        const data = copyBuffer(wrappedKey, 2);
        const uk = keyRecord(unwrappingKey, 2);
        checkAlgorithmIdentifier(unwrappedKeyAlgorithm, 4);
        const usages = usageList(keyUsages, 6);
        const alg = wrapAlgorithm(unwrapAlgorithm, "unwrapKey", "decrypt");
        if (alg.name !== uk.algorithm.name) throw domError("InvalidAccessError", "Unwrapping algorithm does not match key algorithm");
        if (!uk.usages.includes("unwrapKey")) {
          throw domError("InvalidAccessError", "The requested operation is not valid for the provided key");
        }
        const bytes = alg.name === "AES-KW" ? aesKw(false, uk, data) : cipher(false, alg, uk, data);
        let keyData = bytes;
        if (format === "jwk") {
          keyData = parseJwk(bytes);
          if (keyData === null || typeof keyData !== "object") throw new TypeError("Cannot import key: 'keyData' is not a JsonWebKey");
        }
        const target = normalizeAlgorithm(unwrappedKeyAlgorithm, "importKey", 4);
        const result = importKey(format, keyData, target, !!extractable, usages, false);
        const record = unwrap(result, "CryptoKey");
        if (record.type !== "public" && usages.length === 0) throw domError("SyntaxError", "Invalid key type");
        return result;
      });
    }
    getPublicKey(key, keyUsages) {
      const argumentCount = arguments.length;
      return settle(() => {
        unwrap(this, "SubtleCrypto", "expected SubtleCrypto");
        if (argumentCount < 2) throw new TypeError(`${ctx}: 2 arguments required, but only ${argumentCount} present`);
        const k = keyRecord(key, 1);
        const usages = usageList(keyUsages, 1);
        const name = k.algorithm.name;
        if (k.type === "secret") throw domError("NotSupportedError", `getPublicKey() is not supported for ${name}`);
        if (k.type === "public") throw domError("InvalidAccessError", "Public keys can only be derived from private keys");
        if (name === "ECDH" && usages.length > 0) throw domError("SyntaxError", "Key usage must be empty");
        checkUsages(usages, publicUsagesOf(name));
        return newKey("public", true, copyAlgorithm(k.algorithm), usages, publicHandleOf(k));
      });
    }
    decrypt(algorithm, key, data) {
      return settle(() => {
        unwrap(this, "SubtleCrypto", "expected SubtleCrypto");
        checkAlgorithmIdentifier(algorithm);
        const k = keyRecord(key, 1);
        const bytes = copyBuffer(data, 2);
        const alg = normalizeAlgorithm(algorithm, "decrypt");
        useKey(k, alg, "decrypt", "Decryption");
        return cipher(false, alg, k, bytes).buffer;
      });
    }
  }

  for (const cls of [Crypto, SubtleCrypto, CryptoKey]) {
    Object.defineProperty(cls.prototype, Symbol.toStringTag, { value: cls.name, configurable: true });
  }
  internal.webSlot.defineInspect(Crypto, (o) => ({ subtle: o.subtle }));
  internal.webSlot.defineInspect(SubtleCrypto, () => ({}));
  internal.webSlot.defineInspect(CryptoKey, (o) => ({ type: o.type, extractable: o.extractable, algorithm: o.algorithm, usages: o.usages }));
  const subtle = new SubtleCrypto(illegal);
  const crypto = new Crypto(illegal);

  internal.webApis = Object.assign(internal.webApis ?? {}, { Crypto, SubtleCrypto, CryptoKey, crypto, QuotaExceededError });
})
