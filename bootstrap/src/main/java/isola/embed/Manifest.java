package isola.embed;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import isola.protocol.IsolateLimits;
import isola.protocol.PermissionSet;
import isola.protocol.PermissionSet.Grant;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * An {@code isola serve --manifest} file: where the front door and the admin endpoint listen, and the
 * scripts to host with their routes, permissions, limits and restart policy. JSON:
 *
 * <pre>{@code
 * { "listen": { "host": "0.0.0.0", "port": 8000 },
 *   "admin":  { "host": "127.0.0.1", "port": 8001 },
 *   "scripts": [
 *     { "name": "hello", "module": "hello.js",
 *       "routes": [ { "path": "/hello" }, { "host": "hello.example" } ],
 *       "permissions": { "read": ["./data"], "net": true },
 *       "limits": { "cpuMs": 100, "memoryMiB": 64, "wallMs": 30000, "pendingOps": 1000, "queue": 100 },
 *       "restart": { "minBackoffMs": 100, "maxBackoffMs": 10000, "maxRestarts": 5, "windowMs": 60000 } } ] }
 * }</pre>
 */
public record Manifest(Listen listen, Listen admin, List<Script> scripts) {
  static final ObjectMapper JSON = new ObjectMapper()
      .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true);

  public record Listen(String host, int port) {}

  /** A route matches a request's Host (without port) and/or its path prefix (whole segments). */
  public record Route(String host, String path) {
    boolean matches(String requestHost, String requestPath) {
      if (host != null && !host.equalsIgnoreCase(requestHost)) return false;
      if (path == null || path.equals("/")) return true;
      return requestPath.equals(path) || requestPath.startsWith(path.endsWith("/") ? path : path + "/");
    }

    /** More specific routes win: a host and a longer path. */
    int specificity() {
      return (host != null ? 100_000 : 0) + (path == null ? 0 : path.length());
    }
  }

  /** Absent members are 0: that limit is off (IsolateLimits). */
  public record Limits(long cpuMs, long memoryMiB, long wallMs, int pendingOps, int queue) {
    IsolateLimits toIsolateLimits() {
      return new IsolateLimits(cpuMs, memoryMiB << 20, wallMs, pendingOps, queue);
    }
  }

  public record Restart(long minBackoffMs, long maxBackoffMs, int maxRestarts, long windowMs) {}

  public record Script(String name, String module, List<Route> routes, JsonNode permissions, Limits limits,
      Restart restart) {
    IsolateOptions options(Path base) {
      IsolateOptions o = IsolateOptions.of(name, base.resolve(module)).withPermissions(permissionSet());
      if (limits != null) o = o.withLimits(limits.toIsolateLimits());
      if (restart != null) {
        o = o.withRestart(RestartPolicy.backoff(Duration.ofMillis(restart.minBackoffMs()),
            Duration.ofMillis(restart.maxBackoffMs()), restart.maxRestarts(), Duration.ofMillis(restart.windowMs())));
      }
      return o;
    }

    /** {"read": true | ["paths"], ...} as Deno's --allow-* flags; what is left out is not granted. */
    PermissionSet permissionSet() {
      if (permissions == null) return PermissionSet.none();
      return new PermissionSet(grant("read"), grant("write"), grant("net"), grant("env"), grant("run"),
          grant("sys"), grant("ffi"), grant("import"));
    }

    private Grant grant(String kind) {
      JsonNode v = permissions.get(kind);
      if (v == null || (v.isBoolean() && !v.booleanValue())) return Grant.NONE;
      if (v.isBoolean()) return Grant.ALL;
      List<String> entries = new ArrayList<>();
      v.forEach(e -> entries.add(e.asText()));
      return new Grant(entries, null);
    }
  }

  public static Manifest read(Path file) throws IOException {
    return JSON.readValue(file.toFile(), Manifest.class);
  }

  static Script script(String json) throws IOException {
    return JSON.readValue(json, Script.class);
  }
}
