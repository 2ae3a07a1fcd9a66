package isola.isolate;

import isola.isolate.web.CryptoFailure;
import isola.isolate.web.EcCrypto;
import isola.isolate.web.KeyDerivation;
import isola.isolate.web.OkpCrypto;
import isola.isolate.web.RsaCrypto;
import isola.isolate.web.SymmetricCrypto;
import java.security.SecureRandom;
import java.util.Map;
import java.util.UUID;
import org.graalvm.polyglot.Value;
import org.graalvm.polyglot.proxy.ProxyArray;
import org.graalvm.polyglot.proxy.ProxyExecutable;

/**
 * Sync ops of 54_crypto.js: randomness, digests and the Web Crypto algorithms, computed by the JDK's
 * providers. Keys live in JS as bytes (raw secrets, SPKI, PKCS#8); an op that fails returns the string
 * "DOMExceptionName:message" instead of its result, which 54_crypto.js turns into the DOMException.
 */
final class CryptoBinding {
  @FunctionalInterface
  private interface CryptoOp {
    Object apply(Value[] args) throws CryptoFailure;
  }

  private final SecureRandom random = new SecureRandom();

  void register(Map<String, Object> ops) {
    ops.put("op_crypto_random", (ProxyExecutable) args -> {
      byte[] bytes = new byte[args[0].asInt()];
      random.nextBytes(bytes);
      return JsValues.toJs(bytes);
    });
    ops.put("op_crypto_random_uuid", (ProxyExecutable) args -> UUID.randomUUID().toString());
    op(ops, "op_crypto_digest", a -> SymmetricCrypto.digest(a[0].asString(), bytes(a[1])));
    op(ops, "op_crypto_hmac", a -> SymmetricCrypto.hmac(a[0].asString(), bytes(a[1]), bytes(a[2])));
    op(ops, "op_crypto_aes_gcm", a -> SymmetricCrypto.aesGcm(
        a[0].asBoolean(), bytes(a[1]), bytes(a[2]), optionalBytes(a[3]), a[4].asInt(), bytes(a[5])));
    op(ops, "op_crypto_aes_cbc", a -> SymmetricCrypto.aesCbc(a[0].asBoolean(), bytes(a[1]), bytes(a[2]), bytes(a[3])));
    op(ops, "op_crypto_aes_ctr", a -> SymmetricCrypto.aesCtr(bytes(a[0]), bytes(a[1]), bytes(a[2])));
    op(ops, "op_crypto_aes_kw", a -> SymmetricCrypto.aesKw(a[0].asBoolean(), bytes(a[1]), bytes(a[2])));
    op(ops, "op_crypto_hkdf", a ->
        KeyDerivation.hkdf(a[0].asString(), bytes(a[1]), bytes(a[2]), bytes(a[3]), a[4].asInt()));
    op(ops, "op_crypto_pbkdf2", a ->
        KeyDerivation.pbkdf2(a[0].asString(), bytes(a[1]), bytes(a[2]), a[3].asInt(), a[4].asInt()));

    op(ops, "op_crypto_ec_generate", a -> EcCrypto.generate(a[0].asString()));
    op(ops, "op_crypto_ec_sign", a -> EcCrypto.sign(a[0].asString(), bytes(a[1]), bytes(a[2])));
    op(ops, "op_crypto_ec_verify", a -> EcCrypto.verify(a[0].asString(), bytes(a[1]), bytes(a[2]), bytes(a[3])));
    op(ops, "op_crypto_ecdh", a -> EcCrypto.deriveBits(bytes(a[0]), bytes(a[1])));
    op(ops, "op_crypto_ec_import", a -> switch (a[1].asString()) {
      case "raw" -> EcCrypto.importRaw(a[0].asString(), bytes(a[2]));
      case "spki" -> EcCrypto.importSpki(a[0].asString(), bytes(a[2]));
      default -> EcCrypto.importPkcs8(a[0].asString(), bytes(a[2]));
    });
    op(ops, "op_crypto_ec_export_raw", a -> EcCrypto.exportRaw(bytes(a[0])));
    op(ops, "op_crypto_ec_export_jwk", a -> EcCrypto.exportJwk(a[0].asString(), bytes(a[1]), a[2].asBoolean()));
    op(ops, "op_crypto_ec_import_jwk", a -> EcCrypto.importJwk(a[0].asString(), bytes(a[1]), bytes(a[2]), optionalBytes(a[3])));

    op(ops, "op_crypto_okp_generate", a -> OkpCrypto.generate(a[0].asString()));
    op(ops, "op_crypto_okp_public", a -> OkpCrypto.publicOf(a[0].asString(), bytes(a[1])));
    op(ops, "op_crypto_xdh", a -> OkpCrypto.xdh(a[0].asString(), bytes(a[1]), bytes(a[2])));
    op(ops, "op_crypto_ed25519_sign", a -> OkpCrypto.sign(bytes(a[0]), bytes(a[1])));
    op(ops, "op_crypto_ed25519_verify", a -> OkpCrypto.verify(bytes(a[0]), bytes(a[1]), bytes(a[2])));

    op(ops, "op_crypto_rsa_generate", a -> RsaCrypto.generate(a[0].asInt(), bytes(a[1])));
    op(ops, "op_crypto_rsa_sign", a -> RsaCrypto.sign(a[0].asString(), a[1].asString(), a[2].asInt(), bytes(a[3]), bytes(a[4])));
    op(ops, "op_crypto_rsa_verify", a ->
        RsaCrypto.verify(a[0].asString(), a[1].asString(), a[2].asInt(), bytes(a[3]), bytes(a[4]), bytes(a[5])));
    op(ops, "op_crypto_rsa_oaep", a ->
        RsaCrypto.oaep(a[0].asBoolean(), a[1].asString(), optionalBytes(a[2]), bytes(a[3]), bytes(a[4])));
    op(ops, "op_crypto_rsa_import", a -> RsaCrypto.importKey(a[0].asBoolean(), bytes(a[1])));
    op(ops, "op_crypto_rsa_public", a -> RsaCrypto.publicOf(bytes(a[0])));
    op(ops, "op_crypto_rsa_export_jwk", a -> RsaCrypto.exportJwk(a[0].asBoolean(), bytes(a[1])));
    op(ops, "op_crypto_rsa_import_jwk", a -> {
      byte[][] members = new byte[a.length][];
      for (int i = 0; i < a.length; i++) members[i] = bytes(a[i]);
      return RsaCrypto.importJwk(members);
    });
  }

  private static void op(Map<String, Object> ops, String name, CryptoOp op) {
    ops.put(name, (ProxyExecutable) args -> {
      try {
        Object result = op.apply(args);
        if (result instanceof byte[][] many) {
          Object[] out = new Object[many.length];
          for (int i = 0; i < many.length; i++) out[i] = JsValues.toJs(many[i]);
          return ProxyArray.fromArray(out);
        }
        return JsValues.toJs(result);
      } catch (CryptoFailure e) {
        return e.name() + ":" + e.getMessage();
      }
    });
  }

  private static byte[] bytes(Value v) {
    return JsValues.bytes(v);
  }

  private static byte[] optionalBytes(Value v) {
    return v == null || v.isNull() ? null : JsValues.bytes(v);
  }
}
