package isola.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import isola.embed.ManifestHost;
import isola.isolate.HostOutput;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * isola serve --manifest: routing by path and host, 404s, a crashing script restarted, the admin
 * endpoint, and a reload under load that drops no request.
 */
class ServeManifestTest {
  private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

  private HttpResponse<String> get(String url, String host) throws Exception {
    if (host != null) return null;
    return client.send(HttpRequest.newBuilder(URI.create(url)).timeout(java.time.Duration.ofSeconds(20)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  /** A GET with another Host header (the JDK client refuses to set one): "status body". */
  private static String getAs(int port, String path, String host) throws Exception {
    try (java.net.Socket socket = new java.net.Socket("127.0.0.1", port)) {
      socket.setSoTimeout(20_000);
      socket.getOutputStream().write(("GET " + path + " HTTP/1.1\r\nHost: " + host + "\r\nConnection: close\r\n\r\n")
          .getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
      String response = new String(socket.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
      String status = response.substring(9, 12);
      return status + " " + response.substring(response.indexOf("\r\n\r\n") + 4);
    }
  }

  private HttpResponse<String> post(String url, String body) throws Exception {
    return client.send(HttpRequest.newBuilder(URI.create(url)).timeout(java.time.Duration.ofSeconds(20))
            .POST(HttpRequest.BodyPublishers.ofString(body)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void hostsRoutesRestartsAndReloads(@TempDir Path dir) throws Throwable {
    Files.writeString(dir.resolve("app.js"),
        "export default { fetch(req) { return new Response('v1 ' + new URL(req.url).pathname); } };\n");
    Files.writeString(dir.resolve("other.js"),
        "export default { fetch(req) { return new Response('other ' + req.headers.get('host')); } };\n");
    Files.writeString(dir.resolve("crash.js"), """
        export default { fetch(req) {
          if (req.url.endsWith("/boom")) setTimeout(() => { throw new Error("kaboom"); });
          return new Response("alive");
        } };
        """);
    Files.writeString(dir.resolve("manifest.json"), """
        { "listen": { "host": "127.0.0.1", "port": 0 },
          "admin": { "host": "127.0.0.1", "port": 0 },
          "scripts": [
            { "name": "app", "module": "app.js", "routes": [ { "path": "/app" } ] },
            { "name": "other", "module": "other.js", "routes": [ { "host": "other.test" } ] },
            { "name": "crash", "module": "crash.js", "routes": [ { "path": "/crash" } ],
              "restart": { "minBackoffMs": 20, "maxBackoffMs": 500, "maxRestarts": 3, "windowMs": 60000 } } ] }
        """);
    try (ManifestHost host = ManifestHost.start(dir.resolve("manifest.json"),
        new HostOutput(new ByteArrayOutputStream(), new ByteArrayOutputStream()))) {
      String base = "http://127.0.0.1:" + host.address().getPort();
      String admin = "http://127.0.0.1:" + host.adminAddress().getPort() + "/isolates";

      assertEquals("v1 /app/x", get(base + "/app/x", null).body());
      int port = host.address().getPort();
      assertEquals("200 other other.test", getAs(port, "/app/x", "other.test"));
      assertEquals(404, get(base + "/apple", null).statusCode());

      assertEquals("alive", get(base + "/crash/boom", null).body());
      String after = "";
      for (int i = 0; i < 100 && !after.equals("alive"); i++) {
        Thread.sleep(50);
        after = get(base + "/crash/ok", null).body();
      }
      assertEquals("alive", after);

      JsonNode list = new ObjectMapper().readTree(get(admin, null).body());
      assertEquals(3, list.size());
      JsonNode crash = list.get(2);
      assertEquals("crash", crash.get("name").asText());
      assertEquals("running", crash.get("state").asText());
      assertEquals(1, crash.get("restarts").asInt());
      assertEquals("crashed", crash.get("lastReason").asText());
      // The running incarnation's own figures: it has run turns that allocated memory.
      assertTrue(crash.get("current").get("turns").asLong() > 0, crash.toString());
      assertTrue(crash.get("current").get("allocatedBytes").asLong() > 0, crash.toString());

      // Reload under load: every request is answered, by v1 until the switch, by v2 after it.
      AtomicBoolean going = new AtomicBoolean(true);
      List<String> failures = java.util.Collections.synchronizedList(new ArrayList<>());
      List<String> seen = java.util.Collections.synchronizedList(new ArrayList<>());
      try (var load = Executors.newVirtualThreadPerTaskExecutor()) {
        List<Future<?>> clients = new ArrayList<>();
        for (int c = 0; c < 8; c++) {
          clients.add(load.submit(() -> {
            while (going.get()) {
              try {
                HttpResponse<String> r = get(base + "/app", null);
                if (r.statusCode() != 200) failures.add(r.statusCode() + " " + r.body());
                else seen.add(r.body());
              } catch (Exception e) {
                failures.add(e.toString());
              }
            }
            return null;
          }));
        }
        Thread.sleep(300);
        Files.writeString(dir.resolve("app.js"),
            "export default { fetch(req) { return new Response('v2 ' + new URL(req.url).pathname); } };\n");
        assertEquals(202, post(admin + "/app/reload", "").statusCode());
        for (int i = 0; i < 100 && !seen.isEmpty() && !seen.get(seen.size() - 1).startsWith("v2"); i++) Thread.sleep(50);
        Thread.sleep(300);
        going.set(false);
        for (Future<?> f : clients) f.get();
      }
      assertEquals(List.of(), failures);
      assertTrue(seen.contains("v1 /app") && seen.get(seen.size() - 1).equals("v2 /app"), seen.toString());

      assertEquals(202, post(admin + "/other/stop", "").statusCode());
      assertTrue(getAs(port, "/", "other.test").startsWith("404 "));
      assertEquals(201, post(admin, "{\"name\":\"late\",\"module\":\"other.js\",\"routes\":[{\"path\":\"/late\"}]}").statusCode());
      assertEquals("other 127.0.0.1:" + host.address().getPort(), get(base + "/late", null).body());
    }
  }

  @Test
  void wallClockAndQueueLimits(@TempDir Path dir) throws Throwable {
    // "/hang" never answers; "/slow" answers after 1.5 s; anything else at once.
    Files.writeString(dir.resolve("app.js"), """
        export default { fetch(req) {
          const path = new URL(req.url).pathname;
          if (path === "/hang") return new Promise(() => {});
          if (path === "/slow") return new Promise((r) => setTimeout(() => r(new Response("slow")), 1500));
          return new Response("quick");
        } };
        """);
    Files.writeString(dir.resolve("manifest.json"), """
        { "listen": { "host": "127.0.0.1", "port": 0 },
          "admin": { "host": "127.0.0.1", "port": 0 },
          "scripts": [
            { "name": "app", "module": "app.js", "routes": [ { "path": "/" } ],
              "limits": { "wallMs": 4000, "queue": 2 },
              "restart": { "minBackoffMs": 20, "maxBackoffMs": 500, "maxRestarts": 3, "windowMs": 60000 } } ] }
        """);
    try (ManifestHost host = ManifestHost.start(dir.resolve("manifest.json"),
        new HostOutput(new ByteArrayOutputStream(), new ByteArrayOutputStream()))) {
      String base = "http://127.0.0.1:" + host.address().getPort();
      String admin = "http://127.0.0.1:" + host.adminAddress().getPort() + "/isolates";
      assertEquals("quick", get(base + "/", null).body());

      // Two slow requests fill the queue of 2: a third one is refused at once, the two are answered.
      try (var clients = Executors.newVirtualThreadPerTaskExecutor()) {
        Future<HttpResponse<String>> first = clients.submit(() -> get(base + "/slow", null));
        Future<HttpResponse<String>> second = clients.submit(() -> get(base + "/slow", null));
        // Both are with the isolate (1 request before them): then the queue is full.
        for (int i = 0; i < 200 && new ObjectMapper().readTree(get(admin, null).body()).get(0)
            .get("messagesIn").asInt() < 3; i++) {
          Thread.sleep(10);
        }
        HttpResponse<String> third = get(base + "/", null);
        assertEquals(503, third.statusCode());
        assertEquals("slow", first.get().body());
        assertEquals("slow", second.get().body());
      }
      assertEquals("quick", get(base + "/", null).body());

      // A request past its wall-clock limit gets a 504; the isolate is restarted (reason wall-clock).
      HttpResponse<String> hung = get(base + "/hang", null);
      assertEquals(504, hung.statusCode());
      String after = "";
      for (int i = 0; i < 100 && !after.equals("quick"); i++) {
        Thread.sleep(50);
        after = get(base + "/", null).body();
      }
      assertEquals("quick", after);
      JsonNode app = new ObjectMapper().readTree(get(admin, null).body()).get(0);
      assertEquals("running", app.get("state").asText());
      assertEquals(1, app.get("restarts").asInt());
      assertEquals("wall-clock", app.get("lastReason").asText());
    }
  }
}
