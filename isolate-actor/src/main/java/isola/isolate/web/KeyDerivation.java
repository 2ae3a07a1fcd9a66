package isola.isolate.web;

import java.security.GeneralSecurityException;
import javax.crypto.Mac;
import javax.crypto.SecretKey;

/**
 * HKDF (RFC 5869) and PBKDF2 (RFC 8018) over the JDK's HMAC. Neither the JDK's KDF ("HKDF-SHA256", no SHA-1
 * variant) nor its "PBKDF2WithHmac*" key factories (passwords are chars, re-encoded as UTF-8) take what
 * Web Crypto hands over: any hash of the four, and passwords and key material of arbitrary, even empty, bytes.
 */
public final class KeyDerivation {
  private KeyDerivation() {}

  public static byte[] hkdf(String hash, byte[] key, byte[] salt, byte[] info, int length) {
    try {
      Mac mac = mac(hash, salt.length == 0 ? new byte[Mac.getInstance(macName(hash)).getMacLength()] : salt);
      byte[] prk = mac.doFinal(key);
      mac = mac(hash, prk);
      byte[] out = new byte[length];
      byte[] block = new byte[0];
      for (int at = 0, counter = 1; at < length; counter++) {
        mac.update(block);
        mac.update(info);
        mac.update((byte) counter);
        block = mac.doFinal();
        int n = Math.min(block.length, length - at);
        System.arraycopy(block, 0, out, at, n);
        at += n;
      }
      return out;
    } catch (GeneralSecurityException e) {
      throw new IllegalArgumentException(e);
    }
  }

  public static byte[] pbkdf2(String hash, byte[] password, byte[] salt, int iterations, int length) {
    try {
      Mac mac = mac(hash, password);
      int hLen = mac.getMacLength();
      byte[] out = new byte[length];
      byte[] u = new byte[hLen];
      byte[] t = new byte[hLen];
      for (int at = 0, block = 1; at < length; block++) {
        mac.update(salt);
        mac.update(new byte[] {(byte) (block >>> 24), (byte) (block >>> 16), (byte) (block >>> 8), (byte) block});
        mac.doFinal(u, 0);
        System.arraycopy(u, 0, t, 0, hLen);
        for (int i = 1; i < iterations; i++) {
          mac.update(u);
          mac.doFinal(u, 0);
          for (int j = 0; j < hLen; j++) t[j] ^= u[j];
        }
        int n = Math.min(hLen, length - at);
        System.arraycopy(t, 0, out, at, n);
        at += n;
      }
      return out;
    } catch (GeneralSecurityException e) {
      throw new IllegalArgumentException(e);
    }
  }

  private static String macName(String hash) {
    return "Hmac" + hash.replace("-", "");
  }

  private static Mac mac(String hash, byte[] key) throws GeneralSecurityException {
    Mac mac = Mac.getInstance(macName(hash));
    mac.init(new RawKey(key, macName(hash)));
    return mac;
  }

  /** An HMAC key of any length; SecretKeySpec refuses the empty key that an empty password is. */
  private record RawKey(byte[] bytes, String algorithm) implements SecretKey {
    @Override
    public String getAlgorithm() {
      return algorithm;
    }

    @Override
    public String getFormat() {
      return "RAW";
    }

    @Override
    public byte[] getEncoded() {
      return bytes.clone();
    }
  }
}
