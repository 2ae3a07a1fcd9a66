package isola.isolate.web;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.SymbolLookup;
import java.lang.invoke.MethodHandle;
import java.util.Map;

/**
 * SHA digests and HMAC through the system's OpenSSL (libcrypto 3), called with the FFM API, when
 * it is there; {@link SymmetricCrypto} falls back to the JDK otherwise.
 *
 * <p>Why: the launcher stops the JVM's JIT at C1 (bin/isola: it gets JS to compiled code sooner), and
 * C1 has no SHA intrinsics: the JDK's SHA-256 ran at 7.4 ms per MiB there against 0.6 ms in
 * libcrypto (Deno: 0.8 ms). The calls are "critical", so they read the Java arrays in place.
 */
final class OpenSslHash {
  private OpenSslHash() {}

  private static final MethodHandle DIGEST;
  private static final MethodHandle HMAC;
  /** Web Crypto's hash name -> libcrypto's EVP_MD for it. */
  private static final Map<String, MemorySegment> MDS;

  static {
    MethodHandle digest = null;
    MethodHandle hmac = null;
    Map<String, MemorySegment> mds = Map.of();
    try {
      SymbolLookup lib = SymbolLookup.libraryLookup("libcrypto.so.3", Arena.global());
      Linker linker = Linker.nativeLinker();
      Linker.Option inPlace = Linker.Option.critical(true);
      // int EVP_Digest(const void *data, size_t count, unsigned char *md, unsigned int *size,
      //                const EVP_MD *type, ENGINE *impl)
      digest = linker.downcallHandle(lib.findOrThrow("EVP_Digest"),
          FunctionDescriptor.of(JAVA_INT, ADDRESS, JAVA_LONG, ADDRESS, ADDRESS, ADDRESS, ADDRESS), inPlace);
      // unsigned char *HMAC(const EVP_MD *evp_md, const void *key, int key_len,
      //                     const unsigned char *data, size_t data_len, unsigned char *md, unsigned int *md_len)
      hmac = linker.downcallHandle(lib.findOrThrow("HMAC"),
          FunctionDescriptor.of(ADDRESS, ADDRESS, ADDRESS, JAVA_INT, ADDRESS, JAVA_LONG, ADDRESS, ADDRESS), inPlace);
      FunctionDescriptor noArgs = FunctionDescriptor.of(ADDRESS);
      mds = Map.of(
          "SHA-1", (MemorySegment) linker.downcallHandle(lib.findOrThrow("EVP_sha1"), noArgs).invokeExact(),
          "SHA-256", (MemorySegment) linker.downcallHandle(lib.findOrThrow("EVP_sha256"), noArgs).invokeExact(),
          "SHA-384", (MemorySegment) linker.downcallHandle(lib.findOrThrow("EVP_sha384"), noArgs).invokeExact(),
          "SHA-512", (MemorySegment) linker.downcallHandle(lib.findOrThrow("EVP_sha512"), noArgs).invokeExact());
    } catch (Throwable e) {
      // No libcrypto 3 (or no native access): the JDK does it.
      digest = null;
      hmac = null;
      mds = Map.of();
    }
    DIGEST = digest;
    HMAC = hmac;
    MDS = mds;
  }

  /** {@code data}'s digest, or null when OpenSSL cannot make it. */
  static byte[] digest(String hash, byte[] data) {
    MemorySegment md = MDS.get(hash);
    if (md == null || DIGEST == null) return null;
    byte[] out = new byte[64];
    int[] length = new int[1];
    try {
      int ok = (int) DIGEST.invokeExact(MemorySegment.ofArray(data), (long) data.length,
          MemorySegment.ofArray(out), MemorySegment.ofArray(length), md, MemorySegment.NULL);
      return ok == 1 ? java.util.Arrays.copyOf(out, length[0]) : null;
    } catch (Throwable e) {
      return null;
    }
  }

  /** HMAC of {@code data} under {@code key}, or null when OpenSSL cannot make it. */
  static byte[] hmac(String hash, byte[] key, byte[] data) {
    MemorySegment md = MDS.get(hash);
    if (md == null || HMAC == null) return null;
    byte[] out = new byte[64];
    int[] length = new int[1];
    try {
      MemorySegment result = (MemorySegment) HMAC.invokeExact(md, MemorySegment.ofArray(key), key.length,
          MemorySegment.ofArray(data), (long) data.length, MemorySegment.ofArray(out), MemorySegment.ofArray(length));
      return result.equals(MemorySegment.NULL) ? null : java.util.Arrays.copyOf(out, length[0]);
    } catch (Throwable e) {
      return null;
    }
  }
}
