package isola.isolate.web;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.SignatureException;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.MGF1ParameterSpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.PSSParameterSpec;
import java.security.spec.RSAKeyGenParameterSpec;
import java.security.spec.RSAPrivateCrtKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.security.spec.X509EncodedKeySpec;
import javax.crypto.Cipher;
import javax.crypto.spec.OAEPParameterSpec;
import javax.crypto.spec.PSource;

/**
 * RSASSA-PKCS1-v1_5, RSA-PSS and RSA-OAEP (SunRsaSign, SunJCE). Keys cross to JS as DER (SPKI for public,
 * PKCS#8 for private keys), as {@link EcCrypto}'s do.
 */
public final class RsaCrypto {
  private RsaCrypto() {}

  /** [pkcs8, spki] of a new key pair. */
  public static byte[][] generate(int modulusLength, byte[] publicExponent) throws CryptoFailure {
    try {
      KeyPairGenerator gen = KeyPairGenerator.getInstance("RSA");
      gen.initialize(new RSAKeyGenParameterSpec(modulusLength, new BigInteger(1, publicExponent)));
      KeyPair pair = gen.generateKeyPair();
      return new byte[][] {pair.getPrivate().getEncoded(), pair.getPublic().getEncoded()};
    } catch (GeneralSecurityException | IllegalArgumentException e) {
      throw CryptoFailure.operation("Key generation failed");
    }
  }

  /** scheme: "RSASSA-PKCS1-v1_5" or "RSA-PSS" (then saltLength counts). */
  public static byte[] sign(String scheme, String hash, int saltLength, byte[] pkcs8, byte[] data) throws CryptoFailure {
    try {
      Signature sig = signature(scheme, hash, saltLength);
      sig.initSign(privateKey(pkcs8));
      sig.update(data);
      return sig.sign();
    } catch (GeneralSecurityException e) {
      throw CryptoFailure.operation("Signing failed");
    }
  }

  public static boolean verify(String scheme, String hash, int saltLength, byte[] spki, byte[] signature, byte[] data)
      throws CryptoFailure {
    try {
      Signature sig = signature(scheme, hash, saltLength);
      sig.initVerify(publicKey(spki));
      sig.update(data);
      return sig.verify(signature);
    } catch (SignatureException e) {
      return false;
    } catch (GeneralSecurityException e) {
      throw CryptoFailure.operation("Verification failed");
    }
  }

  public static byte[] oaep(boolean encrypt, String hash, byte[] label, byte[] der, byte[] data) throws CryptoFailure {
    try {
      Cipher cipher = Cipher.getInstance("RSA/ECB/OAEPPadding");
      OAEPParameterSpec spec = new OAEPParameterSpec(hash, "MGF1", new MGF1ParameterSpec(hash),
          new PSource.PSpecified(label == null ? new byte[0] : label));
      if (encrypt) cipher.init(Cipher.ENCRYPT_MODE, publicKey(der), spec);
      else cipher.init(Cipher.DECRYPT_MODE, privateKey(der), spec);
      return cipher.doFinal(data);
    } catch (GeneralSecurityException | IllegalArgumentException e) {
      throw CryptoFailure.operation(encrypt ? "Encryption failed" : "decryption error");
    }
  }

  /** [der, modulus] of imported SPKI or PKCS#8 data, the modulus giving JS modulusLength and the exponent. */
  public static byte[][] importKey(boolean isPrivate, byte[] der) throws CryptoFailure {
    try {
      if (isPrivate) {
        RSAPrivateCrtKey key = (RSAPrivateCrtKey) privateKey(der);
        return new byte[][] {key.getEncoded(), unsigned(key.getModulus()), unsigned(key.getPublicExponent())};
      }
      RSAPublicKey key = (RSAPublicKey) publicKey(der);
      return new byte[][] {key.getEncoded(), unsigned(key.getModulus()), unsigned(key.getPublicExponent())};
    } catch (GeneralSecurityException | RuntimeException e) {
      throw CryptoFailure.data(isPrivate ? "expected valid PKCS#8 data" : "expected valid SPKI data");
    }
  }

  /** The SPKI of a private key's public half (getPublicKey). */
  public static byte[] publicOf(byte[] pkcs8) {
    try {
      RSAPrivateCrtKey k = (RSAPrivateCrtKey) privateKey(pkcs8);
      return KeyFactory.getInstance("RSA").generatePublic(new RSAPublicKeySpec(k.getModulus(), k.getPublicExponent()))
          .getEncoded();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  /** JWK members: [n, e] of a public key, [n, e, d, p, q, dp, dq, qi] of a private one. */
  public static byte[][] exportJwk(boolean isPrivate, byte[] der) {
    try {
      if (!isPrivate) {
        RSAPublicKey k = (RSAPublicKey) publicKey(der);
        return new byte[][] {unsigned(k.getModulus()), unsigned(k.getPublicExponent())};
      }
      RSAPrivateCrtKey k = (RSAPrivateCrtKey) privateKey(der);
      return new byte[][] {
        unsigned(k.getModulus()), unsigned(k.getPublicExponent()), unsigned(k.getPrivateExponent()),
        unsigned(k.getPrimeP()), unsigned(k.getPrimeQ()), unsigned(k.getPrimeExponentP()),
        unsigned(k.getPrimeExponentQ()), unsigned(k.getCrtCoefficient()),
      };
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  /** members as in {@link #exportJwk}; returns the key as DER. */
  public static byte[] importJwk(byte[][] m) throws CryptoFailure {
    try {
      KeyFactory kf = KeyFactory.getInstance("RSA");
      if (m.length == 2) return kf.generatePublic(new RSAPublicKeySpec(big(m[0]), big(m[1]))).getEncoded();
      return kf.generatePrivate(new RSAPrivateCrtKeySpec(big(m[0]), big(m[1]), big(m[2]), big(m[3]), big(m[4]),
          big(m[5]), big(m[6]), big(m[7]))).getEncoded();
    } catch (GeneralSecurityException | RuntimeException e) {
      throw CryptoFailure.data("invalid RSA JWK");
    }
  }

  private static Signature signature(String scheme, String hash, int saltLength) throws GeneralSecurityException {
    if (scheme.equals("RSA-PSS")) {
      Signature sig = Signature.getInstance("RSASSA-PSS");
      sig.setParameter(new PSSParameterSpec(hash, "MGF1", new MGF1ParameterSpec(hash), saltLength, 1));
      return sig;
    }
    return Signature.getInstance(hash.replace("-", "") + "withRSA");
  }

  private static PublicKey publicKey(byte[] spki) throws GeneralSecurityException {
    return KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(spki));
  }

  private static PrivateKey privateKey(byte[] pkcs8) throws GeneralSecurityException {
    return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(pkcs8));
  }

  private static BigInteger big(byte[] b) {
    return new BigInteger(1, b);
  }

  private static byte[] unsigned(BigInteger v) {
    byte[] b = v.toByteArray();
    return b[0] == 0 && b.length > 1 ? java.util.Arrays.copyOfRange(b, 1, b.length) : b;
  }
}
