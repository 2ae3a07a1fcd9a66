package isola.isolate.web;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.interfaces.EdECPrivateKey;
import java.security.interfaces.EdECPublicKey;
import java.security.interfaces.XECPrivateKey;
import java.security.interfaces.XECPublicKey;
import java.security.spec.EdECPoint;
import java.security.spec.EdECPrivateKeySpec;
import java.security.spec.EdECPublicKeySpec;
import java.security.spec.NamedParameterSpec;
import java.security.spec.XECPrivateKeySpec;
import java.security.spec.XECPublicKeySpec;
import javax.crypto.KeyAgreement;

/**
 * X25519, X448 and Ed25519 (SunEC), the octet key pairs of RFC 8037. Keys cross to JS as their raw bytes
 * (32, or 56 for X448), the form Web Crypto's "raw" and JWK formats use: the private scalar or seed, and
 * the public u coordinate or encoded point, all little-endian.
 */
public final class OkpCrypto {
  private OkpCrypto() {}

  private static int size(String algorithm) {
    return algorithm.equals("X448") ? 56 : 32;
  }

  /** [private, public] of a new key pair; {@code algorithm} is "X25519", "X448" or "Ed25519". */
  public static byte[][] generate(String algorithm) {
    byte[] secret = new byte[size(algorithm)];
    new SecureRandom().nextBytes(secret);
    return new byte[][] {secret, publicOf(algorithm, secret)};
  }

  /**
   * The public key of a private one. The JDK derives it only while generating a pair, so the generator
   * is handed a random source that yields exactly these private bytes.
   */
  public static byte[] publicOf(String algorithm, byte[] secret) {
    try {
      KeyPairGenerator gen = KeyPairGenerator.getInstance(algorithm);
      gen.initialize(new NamedParameterSpec(algorithm), new FixedBytes(secret));
      KeyPair pair = gen.generateKeyPair();
      if (pair.getPublic() instanceof XECPublicKey xec) return littleEndian(xec.getU(), size(algorithm));
      EdECPoint point = ((EdECPublicKey) pair.getPublic()).getPoint();
      byte[] out = littleEndian(point.getY(), 32);
      if (point.isXOdd()) out[31] |= (byte) 0x80;
      return out;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  /** X25519(k, u) or X448(k, u); an all-zero result (a small-order u) is Web Crypto's "Invalid key". */
  public static byte[] xdh(String algorithm, byte[] secret, byte[] publicU) throws CryptoFailure {
    try {
      NamedParameterSpec params = new NamedParameterSpec(algorithm);
      KeyFactory kf = KeyFactory.getInstance(algorithm);
      KeyAgreement agreement = KeyAgreement.getInstance(algorithm);
      agreement.init(kf.generatePrivate(new XECPrivateKeySpec(params, secret)));
      byte[] u = publicU.clone();
      // RFC 7748: X25519 ignores the top bit of u; X448 uses all 448.
      if (algorithm.equals("X25519")) u[31] &= 0x7f;
      agreement.doPhase(kf.generatePublic(new XECPublicKeySpec(params, fromLittleEndian(u))), true);
      return agreement.generateSecret();
    } catch (GeneralSecurityException e) {
      throw CryptoFailure.operation("Invalid key");
    }
  }

  public static byte[] sign(byte[] seed, byte[] data) throws CryptoFailure {
    try {
      Signature sig = Signature.getInstance("Ed25519");
      sig.initSign(KeyFactory.getInstance("Ed25519").generatePrivate(new EdECPrivateKeySpec(NamedParameterSpec.ED25519, seed)));
      sig.update(data);
      return sig.sign();
    } catch (GeneralSecurityException e) {
      throw CryptoFailure.operation("Failed to sign");
    }
  }

  /** False for any signature that does not verify, including a public key that is not a curve point. */
  public static boolean verify(byte[] publicKey, byte[] signature, byte[] data) {
    if (signature.length != 64) return false;
    try {
      byte[] y = publicKey.clone();
      boolean xOdd = (y[31] & 0x80) != 0;
      y[31] &= 0x7f;
      EdECPoint point = new EdECPoint(xOdd, fromLittleEndian(y));
      Signature sig = Signature.getInstance("Ed25519");
      sig.initVerify(KeyFactory.getInstance("Ed25519").generatePublic(new EdECPublicKeySpec(NamedParameterSpec.ED25519, point)));
      sig.update(data);
      return sig.verify(signature);
    } catch (GeneralSecurityException | RuntimeException e) {
      return false;
    }
  }

  private static byte[] littleEndian(BigInteger v, int size) {
    byte[] big = EcCrypto.fixed(v, size);
    byte[] out = new byte[size];
    for (int i = 0; i < size; i++) out[i] = big[size - 1 - i];
    return out;
  }

  private static BigInteger fromLittleEndian(byte[] b) {
    byte[] big = new byte[b.length];
    for (int i = 0; i < b.length; i++) big[i] = b[b.length - 1 - i];
    return new BigInteger(1, big);
  }

  /** A random source that yields the given bytes: how a key pair generator is made to use a known secret. */
  private static final class FixedBytes extends SecureRandom {
    private final byte[] bytes;

    FixedBytes(byte[] bytes) {
      this.bytes = bytes;
    }

    @Override
    public void nextBytes(byte[] out) {
      System.arraycopy(bytes, 0, out, 0, out.length);
    }
  }
}
