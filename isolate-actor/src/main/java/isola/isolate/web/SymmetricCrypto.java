package isola.isolate.web;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/** Digests, HMAC and AES through the JDK's providers; hash names are Web Crypto's ("SHA-256"). */
public final class SymmetricCrypto {
  private SymmetricCrypto() {}

  public static byte[] digest(String hash, byte[] data) {
    byte[] fast = OpenSslHash.digest(hash, data);
    if (fast != null) return fast;
    try {
      return MessageDigest.getInstance(hash).digest(data);
    } catch (GeneralSecurityException e) {
      throw new IllegalArgumentException(e);
    }
  }

  public static byte[] hmac(String hash, byte[] key, byte[] data) {
    byte[] fast = OpenSslHash.hmac(hash, key, data);
    if (fast != null) return fast;
    try {
      String name = "Hmac" + hash.replace("-", "");
      Mac mac = Mac.getInstance(name);
      mac.init(new SecretKeySpec(key, name));
      return mac.doFinal(data);
    } catch (GeneralSecurityException e) {
      throw new IllegalArgumentException(e);
    }
  }

  public static byte[] aesGcm(boolean encrypt, byte[] key, byte[] iv, byte[] aad, int tagBits, byte[] data)
      throws CryptoFailure {
    try {
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(encrypt ? Cipher.ENCRYPT_MODE : Cipher.DECRYPT_MODE, new SecretKeySpec(key, "AES"),
          new GCMParameterSpec(tagBits, iv));
      if (aad != null) cipher.updateAAD(aad);
      return cipher.doFinal(data);
    } catch (AEADBadTagException e) {
      throw CryptoFailure.operation("Decryption failed");
    } catch (GeneralSecurityException | IllegalArgumentException e) {
      throw CryptoFailure.operation(encrypt ? "Encryption failed" : "Decryption failed");
    }
  }

  public static byte[] aesCbc(boolean encrypt, byte[] key, byte[] iv, byte[] data) throws CryptoFailure {
    return aes("AES/CBC/PKCS5Padding", encrypt, key, iv, data);
  }

  /** AES-CTR with the whole 128-bit block as the counter; JS rejects counters that would wrap. */
  public static byte[] aesCtr(byte[] key, byte[] counter, byte[] data) throws CryptoFailure {
    return aes("AES/CTR/NoPadding", true, key, counter, data);
  }

  /**
   * AES-KW (RFC 3394) with the default IV, written over AES-ECB: the JDK's "AES/KW/NoPadding" refuses a
   * single 64-bit block, which Deno wraps (the RFC's algorithm with n = 1). JS checks the length is a
   * multiple of 8.
   */
  public static byte[] aesKw(boolean wrap, byte[] key, byte[] data) throws CryptoFailure {
    int n = data.length / 8 - (wrap ? 0 : 1);
    if (n < 1) throw CryptoFailure.operation("decryption error - integrity check failed");
    try {
      Cipher aes = Cipher.getInstance("AES/ECB/NoPadding");
      aes.init(wrap ? Cipher.ENCRYPT_MODE : Cipher.DECRYPT_MODE, new SecretKeySpec(key, "AES"));
      byte[] block = new byte[16];
      byte[] r = new byte[8 * n];
      if (wrap) {
        java.util.Arrays.fill(block, 0, 8, (byte) 0xa6);
        System.arraycopy(data, 0, r, 0, r.length);
        for (int j = 0; j < 6; j++) {
          for (int i = 1; i <= n; i++) {
            System.arraycopy(r, 8 * (i - 1), block, 8, 8);
            aes.doFinal(block, 0, 16, block, 0);
            xorCounter(block, (long) n * j + i);
            System.arraycopy(block, 8, r, 8 * (i - 1), 8);
          }
        }
        byte[] out = new byte[8 + r.length];
        System.arraycopy(block, 0, out, 0, 8);
        System.arraycopy(r, 0, out, 8, r.length);
        return out;
      }
      System.arraycopy(data, 0, block, 0, 8);
      System.arraycopy(data, 8, r, 0, r.length);
      for (int j = 5; j >= 0; j--) {
        for (int i = n; i >= 1; i--) {
          xorCounter(block, (long) n * j + i);
          System.arraycopy(r, 8 * (i - 1), block, 8, 8);
          aes.doFinal(block, 0, 16, block, 0);
          System.arraycopy(block, 8, r, 8 * (i - 1), 8);
        }
      }
      for (int i = 0; i < 8; i++) {
        if (block[i] != (byte) 0xa6) throw CryptoFailure.operation("decryption error - integrity check failed");
      }
      return r;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  private static void xorCounter(byte[] block, long t) {
    for (int k = 0; k < 8; k++) block[7 - k] ^= (byte) (t >>> (8 * k));
  }

  private static byte[] aes(String transformation, boolean encrypt, byte[] key, byte[] iv, byte[] data)
      throws CryptoFailure {
    try {
      Cipher cipher = Cipher.getInstance(transformation);
      cipher.init(encrypt ? Cipher.ENCRYPT_MODE : Cipher.DECRYPT_MODE, new SecretKeySpec(key, "AES"),
          new IvParameterSpec(iv));
      return cipher.doFinal(data);
    } catch (GeneralSecurityException | IllegalArgumentException e) {
      throw CryptoFailure.operation(encrypt ? "Encryption failed" : "Decryption failed");
    }
  }
}
