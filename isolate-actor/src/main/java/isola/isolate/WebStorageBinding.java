package isola.isolate;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import org.graalvm.polyglot.proxy.ProxyArray;
import org.graalvm.polyglot.proxy.ProxyExecutable;

/**
 * Sync ops of 66_webstorage.js, named as Deno's ext/webstorage names them; the last argument of each
 * says which area: true for localStorage, false for sessionStorage.
 *
 * <p>localStorage belongs to the main module's URL, as in Deno without {@code --location}: kept under
 * {@code $ISOLA_DIR/location_data/<sha-256 of the URL>/local_storage.json} ({@code ISOLA_DIR}
 * defaults to {@code ~/.cache/isola}), so a script finds what its previous runs stored.
 */
final class WebStorageBinding {
  private final String mainModuleUrl;
  private final HostOutput output;
  private OriginStorage local;
  private OriginStorage session;

  WebStorageBinding(String mainModuleUrl, HostOutput output) {
    this.mainModuleUrl = mainModuleUrl;
    this.output = output;
  }

  void register(Map<String, Object> ops) {
    ops.put("op_webstorage_length", (ProxyExecutable) args -> area(args[0].asBoolean()).length());
    ops.put("op_webstorage_key", (ProxyExecutable) args -> area(args[1].asBoolean()).key(args[0].asLong()));
    ops.put("op_webstorage_get", (ProxyExecutable) args -> area(args[1].asBoolean()).get(args[0].asString()));
    // False when the quota would be exceeded: the script gets QuotaExceededError.
    ops.put("op_webstorage_set", (ProxyExecutable) args ->
        area(args[2].asBoolean()).set(args[0].asString(), args[1].asString()));
    ops.put("op_webstorage_remove", (ProxyExecutable) args -> {
      area(args[1].asBoolean()).remove(args[0].asString());
      return null;
    });
    ops.put("op_webstorage_clear", (ProxyExecutable) args -> {
      area(args[0].asBoolean()).clear();
      return null;
    });
    ops.put("op_webstorage_iterate_keys", (ProxyExecutable) args ->
        ProxyArray.fromList(new java.util.ArrayList<Object>(area(args[0].asBoolean()).keys())));
  }

  /** Called when the isolate's turn ends: what the turn stored in localStorage goes to disk. */
  void persist() {
    if (local == null) return;
    try {
      local.persist();
    } catch (java.io.UncheckedIOException e) {
      // Kept in memory and tried again after the next turn that changes it.
      output.print("warning: " + e.getMessage() + ": " + e.getCause().getMessage() + "\n", true);
    }
  }

  private OriginStorage area(boolean persistent) {
    if (!persistent) {
      if (session == null) session = OriginStorage.session();
      return session;
    }
    if (local == null) local = OriginStorage.local(originDirectory().resolve("local_storage.json"));
    return local;
  }

  private Path originDirectory() {
    return dataDirectory().resolve("location_data").resolve(sha256(mainModuleUrl));
  }

  static Path dataDirectory() {
    String configured = System.getenv("ISOLA_DIR");
    if (configured != null && !configured.isEmpty()) return Path.of(configured);
    String cache = System.getenv("XDG_CACHE_HOME");
    if (cache != null && !cache.isEmpty()) return Path.of(cache, "isola");
    return Path.of(System.getProperty("user.home"), ".cache", "isola");
  }

  private static String sha256(String text) {
    try {
      return HexFormat.of().formatHex(
          MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
