package isola.isolate.web;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Random;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

class OpenSslHashTest {
  private static final String[] HASHES = {"SHA-1", "SHA-256", "SHA-384", "SHA-512"};

  /** Machines of this kind have libcrypto 3; where it is missing the JDK serves, and this is skipped. */
  private static void assumeLibcrypto() {
    assumeTrue(Files.exists(Path.of("/usr/lib/x86_64-linux-gnu/libcrypto.so.3"))
        || Files.exists(Path.of("/usr/lib/aarch64-linux-gnu/libcrypto.so.3")));
  }

  @Test
  void digestsMatchTheJdk() throws Exception {
    assumeLibcrypto();
    Random random = new Random(42);
    for (int length : new int[] {0, 1, 55, 64, 1000, 1 << 20}) {
      byte[] data = new byte[length];
      random.nextBytes(data);
      for (String hash : HASHES) {
        byte[] ours = OpenSslHash.digest(hash, data);
        assertNotNull(ours, hash);
        assertArrayEquals(MessageDigest.getInstance(hash).digest(data), ours, hash + " of " + length);
      }
    }
  }

  @Test
  void hmacsMatchTheJdk() throws Exception {
    assumeLibcrypto();
    Random random = new Random(7);
    for (int keyLength : new int[] {1, 20, 64, 200}) {
      byte[] key = new byte[keyLength];
      byte[] data = new byte[333];
      random.nextBytes(key);
      random.nextBytes(data);
      for (String hash : HASHES) {
        String name = "Hmac" + hash.replace("-", "");
        Mac mac = Mac.getInstance(name);
        mac.init(new SecretKeySpec(key, name));
        byte[] ours = OpenSslHash.hmac(hash, key, data);
        assertNotNull(ours, hash);
        assertArrayEquals(mac.doFinal(data), ours, hash + " with a key of " + keyLength);
      }
    }
  }
}
