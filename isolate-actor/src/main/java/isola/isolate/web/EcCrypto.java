package isola.isolate.web;

import java.math.BigInteger;
import java.security.AlgorithmParameters;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.security.SignatureException;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECFieldFp;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECParameterSpec;
import java.security.spec.ECPoint;
import java.security.spec.ECPrivateKeySpec;
import java.security.spec.ECPublicKeySpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import javax.crypto.KeyAgreement;

/**
 * ECDSA on the NIST curves (SunEC). Keys cross to JS as DER: SPKI for public, PKCS#8 for private keys;
 * signatures are IEEE P1363 (r || s), the Web Crypto format.
 */
public final class EcCrypto {
  private EcCrypto() {}

  /** A Web Crypto curve name ("P-256") as the JDK's parameters. */
  public static ECParameterSpec curve(String namedCurve) {
    String std = switch (namedCurve) {
      case "P-256" -> "secp256r1";
      case "P-384" -> "secp384r1";
      case "P-521" -> "secp521r1";
      default -> throw new IllegalArgumentException("unknown curve " + namedCurve);
    };
    try {
      AlgorithmParameters params = AlgorithmParameters.getInstance("EC");
      params.init(new ECGenParameterSpec(std));
      return params.getParameterSpec(ECParameterSpec.class);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  /** [pkcs8, spki] of a new key pair. */
  public static byte[][] generate(String namedCurve) {
    try {
      KeyPairGenerator gen = KeyPairGenerator.getInstance("EC");
      gen.initialize(curve(namedCurve));
      KeyPair pair = gen.generateKeyPair();
      ECPoint w = ((ECPublicKey) pair.getPublic()).getW();
      BigInteger s = ((ECPrivateKey) pair.getPrivate()).getS();
      return new byte[][] {pkcs8(namedCurve, s, w), pair.getPublic().getEncoded()};
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  public static byte[] sign(String hash, byte[] pkcs8, byte[] data) throws CryptoFailure {
    try {
      Signature sig = Signature.getInstance(signatureName(hash));
      sig.initSign(privateKey(pkcs8));
      sig.update(data);
      return sig.sign();
    } catch (GeneralSecurityException e) {
      throw CryptoFailure.operation(e.getMessage());
    }
  }

  public static boolean verify(String hash, byte[] spki, byte[] signature, byte[] data) throws CryptoFailure {
    try {
      Signature sig = Signature.getInstance(signatureName(hash));
      sig.initVerify(publicKey(spki));
      sig.update(data);
      return sig.verify(signature);
    } catch (SignatureException e) {
      return false;
    } catch (GeneralSecurityException e) {
      throw CryptoFailure.operation(e.getMessage());
    }
  }

  /** ECDH: the x coordinate of the shared point, as many bytes as the curve's field (Web Crypto's secret). */
  public static byte[] deriveBits(byte[] pkcs8, byte[] spki) throws CryptoFailure {
    try {
      KeyAgreement agreement = KeyAgreement.getInstance("ECDH");
      agreement.init(privateKey(pkcs8));
      agreement.doPhase(publicKey(spki), true);
      return agreement.generateSecret();
    } catch (GeneralSecurityException e) {
      throw CryptoFailure.operation(e.getMessage());
    }
  }

  /** Checks that SPKI data holds a public key on {@code namedCurve}; returns it re-encoded. */
  public static byte[] importSpki(String namedCurve, byte[] spki) throws CryptoFailure {
    ECPublicKey key;
    try {
      key = publicKey(spki);
    } catch (GeneralSecurityException | RuntimeException e) {
      throw CryptoFailure.data("invalid " + namedCurve + " elliptic curve SPKI data");
    }
    if (!sameCurve(key.getParams(), curve(namedCurve))) {
      throw CryptoFailure.data("invalid " + namedCurve + " elliptic curve SPKI data");
    }
    return key.getEncoded();
  }

  public static byte[] importPkcs8(String namedCurve, byte[] pkcs8) throws CryptoFailure {
    ECPrivateKey key;
    try {
      key = privateKey(pkcs8);
    } catch (GeneralSecurityException | RuntimeException e) {
      throw CryptoFailure.data("expected valid PKCS#8 data");
    }
    if (!sameCurve(key.getParams(), curve(namedCurve))) throw CryptoFailure.data("curve mismatch");
    return pkcs8;
  }

  /** An uncompressed point (0x04 || x || y) as SPKI. */
  public static byte[] importRaw(String namedCurve, byte[] raw) throws CryptoFailure {
    ECParameterSpec params = curve(namedCurve);
    int size = fieldSize(params);
    if (raw.length != 1 + 2 * size || raw[0] != 4) {
      throw CryptoFailure.data("invalid " + namedCurve + " elliptic curve point");
    }
    BigInteger x = new BigInteger(1, java.util.Arrays.copyOfRange(raw, 1, 1 + size));
    BigInteger y = new BigInteger(1, java.util.Arrays.copyOfRange(raw, 1 + size, raw.length));
    if (!onCurve(params, x, y)) throw CryptoFailure.data("invalid " + namedCurve + " elliptic curve point");
    return publicFromPoint(params, x, y);
  }

  public static byte[] exportRaw(byte[] spki) {
    try {
      ECPublicKey key = publicKey(spki);
      int size = fieldSize(key.getParams());
      byte[] out = new byte[1 + 2 * size];
      out[0] = 4;
      fixed(key.getW().getAffineX(), size, out, 1);
      fixed(key.getW().getAffineY(), size, out, 1 + size);
      return out;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  /** JWK members of a key: [x, y] for a public (SPKI) key, [x, y, d] for a private (PKCS#8) one. */
  public static byte[][] exportJwk(String namedCurve, byte[] der, boolean isPrivate) {
    try {
      ECParameterSpec params = curve(namedCurve);
      int size = fieldSize(params);
      if (!isPrivate) {
        ECPoint w = publicKey(der).getW();
        return new byte[][] {fixed(w.getAffineX(), size), fixed(w.getAffineY(), size)};
      }
      BigInteger s = privateKey(der).getS();
      ECPoint w = publicPointOf(der, size);
      if (w == null) w = multiply(params, s);
      return new byte[][] {fixed(w.getAffineX(), size), fixed(w.getAffineY(), size), fixed(s, size)};
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A JWK's members as DER: SPKI when {@code d} is null, else PKCS#8. */
  public static byte[] importJwk(String namedCurve, byte[] x, byte[] y, byte[] d) throws CryptoFailure {
    ECParameterSpec params = curve(namedCurve);
    try {
      if (d == null) return publicFromPoint(params, new BigInteger(1, x), new BigInteger(1, y));
      BigInteger s = new BigInteger(1, d);
      KeyFactory.getInstance("EC").generatePrivate(new ECPrivateKeySpec(s, params));
      return pkcs8(namedCurve, s, new ECPoint(new BigInteger(1, x), new BigInteger(1, y)));
    } catch (CryptoFailure e) {
      throw e;
    } catch (GeneralSecurityException | RuntimeException e) {
      throw CryptoFailure.data("invalid " + namedCurve + " JWK");
    }
  }

  private static final byte[] EC_PUBLIC_KEY = {0x06, 0x07, 0x2a, (byte) 0x86, 0x48, (byte) 0xce, 0x3d, 0x02, 0x01};

  private static byte[] curveOid(String namedCurve) {
    return switch (namedCurve) {
      case "P-256" -> new byte[] {0x06, 0x08, 0x2a, (byte) 0x86, 0x48, (byte) 0xce, 0x3d, 0x03, 0x01, 0x07};
      case "P-384" -> new byte[] {0x06, 0x05, 0x2b, (byte) 0x81, 0x04, 0x00, 0x22};
      default -> new byte[] {0x06, 0x05, 0x2b, (byte) 0x81, 0x04, 0x00, 0x23};
    };
  }

  /**
   * PKCS#8 with the public key inside the ECPrivateKey (RFC 5915), as Deno exports it; the JDK's own
   * encoding leaves the public key out, which other tools then have to recompute.
   */
  private static byte[] pkcs8(String namedCurve, BigInteger s, ECPoint w) {
    int size = fieldSize(curve(namedCurve));
    byte[] point = new byte[2 + 2 * size];
    point[1] = 4;
    fixed(w.getAffineX(), size, point, 2);
    fixed(w.getAffineY(), size, point, 2 + size);
    byte[] ecPrivateKey = Der.sequence(
        Der.tlv(0x02, new byte[] {1}), Der.tlv(0x04, fixed(s, size)), Der.tlv(0xa1, Der.tlv(0x03, point)));
    return Der.sequence(Der.tlv(0x02, new byte[] {0}), Der.sequence(EC_PUBLIC_KEY, curveOid(namedCurve)),
        Der.tlv(0x04, ecPrivateKey));
  }

  /** The public point stored in PKCS#8 data, or null when it holds none. */
  private static ECPoint publicPointOf(byte[] pkcs8, int size) {
    try {
      Der.Tlv outer = Der.read(pkcs8, 0, pkcs8.length).get(0);
      Der.Tlv octets = outer.children().get(2);
      for (Der.Tlv t : Der.read(pkcs8, octets.contentStart(), octets.contentEnd()).get(0).children()) {
        if (t.tag() != 0xa1) continue;
        byte[] bits = t.children().get(0).content();
        if (bits.length != 2 + 2 * size || bits[1] != 4) return null;
        return new ECPoint(new BigInteger(1, java.util.Arrays.copyOfRange(bits, 2, 2 + size)),
            new BigInteger(1, java.util.Arrays.copyOfRange(bits, 2 + size, bits.length)));
      }
      return null;
    } catch (RuntimeException e) {
      return null;
    }
  }

  private static byte[] publicFromPoint(ECParameterSpec params, BigInteger x, BigInteger y) throws CryptoFailure {
    try {
      return KeyFactory.getInstance("EC").generatePublic(new ECPublicKeySpec(new ECPoint(x, y), params)).getEncoded();
    } catch (GeneralSecurityException e) {
      throw CryptoFailure.data(e.getMessage());
    }
  }

  private static String signatureName(String hash) {
    return hash.replace("-", "") + "withECDSAinP1363Format";
  }

  private static ECPublicKey publicKey(byte[] spki) throws GeneralSecurityException {
    return (ECPublicKey) KeyFactory.getInstance("EC").generatePublic(new X509EncodedKeySpec(spki));
  }

  private static ECPrivateKey privateKey(byte[] pkcs8) throws GeneralSecurityException {
    return (ECPrivateKey) KeyFactory.getInstance("EC").generatePrivate(new PKCS8EncodedKeySpec(pkcs8));
  }

  private static boolean sameCurve(ECParameterSpec a, ECParameterSpec b) {
    return a.getCurve().equals(b.getCurve()) && a.getOrder().equals(b.getOrder())
        && a.getGenerator().equals(b.getGenerator());
  }

  private static int fieldSize(ECParameterSpec params) {
    return (params.getCurve().getField().getFieldSize() + 7) / 8;
  }

  private static boolean onCurve(ECParameterSpec params, BigInteger x, BigInteger y) {
    BigInteger p = ((ECFieldFp) params.getCurve().getField()).getP();
    if (x.compareTo(p) >= 0 || y.compareTo(p) >= 0) return false;
    BigInteger left = y.multiply(y).mod(p);
    BigInteger right = x.pow(3).add(params.getCurve().getA().multiply(x)).add(params.getCurve().getB()).mod(p);
    return left.equals(right);
  }

  /** s·G in affine coordinates: the public point of a private scalar (the JDK does not expose it). */
  private static ECPoint multiply(ECParameterSpec params, BigInteger s) {
    BigInteger p = ((ECFieldFp) params.getCurve().getField()).getP();
    BigInteger a = params.getCurve().getA();
    ECPoint result = ECPoint.POINT_INFINITY;
    ECPoint addend = params.getGenerator();
    for (int i = 0; i < s.bitLength(); i++) {
      if (s.testBit(i)) result = add(result, addend, p, a);
      addend = add(addend, addend, p, a);
    }
    return result;
  }

  private static ECPoint add(ECPoint q, ECPoint r, BigInteger p, BigInteger a) {
    if (q.equals(ECPoint.POINT_INFINITY)) return r;
    if (r.equals(ECPoint.POINT_INFINITY)) return q;
    BigInteger x1 = q.getAffineX(), y1 = q.getAffineY(), x2 = r.getAffineX(), y2 = r.getAffineY();
    BigInteger lambda;
    if (x1.equals(x2)) {
      if (!y1.equals(y2) || y1.signum() == 0) return ECPoint.POINT_INFINITY;
      lambda = x1.pow(2).multiply(BigInteger.valueOf(3)).add(a).multiply(y1.shiftLeft(1).modInverse(p)).mod(p);
    } else {
      lambda = y2.subtract(y1).multiply(x2.subtract(x1).modInverse(p)).mod(p);
    }
    BigInteger x3 = lambda.pow(2).subtract(x1).subtract(x2).mod(p);
    BigInteger y3 = lambda.multiply(x1.subtract(x3)).subtract(y1).mod(p);
    return new ECPoint(x3, y3);
  }

  static byte[] fixed(BigInteger v, int size) {
    byte[] out = new byte[size];
    fixed(v, size, out, 0);
    return out;
  }

  private static void fixed(BigInteger v, int size, byte[] out, int at) {
    byte[] b = v.toByteArray();
    int copy = Math.min(b.length, size);
    System.arraycopy(b, b.length - copy, out, at + size - copy, copy);
  }
}
