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
    try {
      return MessageDigest.getInstance(hash).digest(data);
    } catch (GeneralSecurityException e) {
      throw new IllegalArgumentException(e);
    }
  }

  public static byte[] hmac(String hash, byte[] key, byte[] data) {
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
