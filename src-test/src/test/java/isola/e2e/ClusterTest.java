package isola.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code isola serve --manifest FILE --cluster}: three nodes in three JVMs on 127.0.0.1. Scripts on
 * different nodes ask each other by name (isola:actors through sharding, which starts the one asked). A counter
 * script proves that requests through every node reach one isolate; killing the node that hosts it
 * (kill -9) moves the isolate to a survivor on the next request (its count starts over: the state was
 * in the dead JVM), and requests meanwhile fail with a 503 in bounded time; then the new host leaves
 * gracefully (SIGTERM) under load and no request fails.
 */
class ClusterTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(6);
  private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
      .connectTimeout(Duration.ofSeconds(5)).build();

  private record Node(int index, int http, int admin, int artery, Process process) {
    String name() {
      return "127.0.0.1:" + artery;
    }
  }

  @Test
  @Timeout(value = 150, unit = TimeUnit.SECONDS)
  void oneIsolateAcrossNodesFailsOverAndHandsOff(@TempDir Path dir) throws Exception {
    Files.writeString(dir.resolve("counter.js"), """
        let count = 0;
        export default { fetch() { count++; return Response.json({ count }); } };
        """);
    Files.writeString(dir.resolve("greeter.js"), """
        import { register } from "isola:actors";
        register("greeter", (m) => ({ hi: m.who, pid: Deno.pid }));
        export default { fetch: () => new Response(String(Deno.pid)) };
        """);
    Files.writeString(dir.resolve("caller.js"), """
        import { ask } from "isola:actors";
        export default { async fetch() { return Response.json({ ...await ask("greeter", { who: "c" }, { timeout: 20000 }), mine: Deno.pid }); } };
        """);
    Files.writeString(dir.resolve("cluster.conf"), """
        isola.cluster.request-timeout = %ds
        pekko.cluster.split-brain-resolver.stable-after = 3s
        """.formatted(REQUEST_TIMEOUT.toSeconds()));
    int[] ports = freePorts(9);
    List<Node> nodes = new ArrayList<>();
    try {
      for (int i = 0; i < 3; i++) nodes.add(start(dir, i, ports[i * 3], ports[i * 3 + 1], ports[i * 3 + 2], ports[2]));
      for (Node n : nodes) awaitMembers(n, 3, Duration.ofSeconds(60));

      // isola:actors across nodes, through sharding: the caller's ask by name starts the greeter (no
      // request went to it), whose shard goes to another node than the caller's (the allocation
      // strategy picks the node with the fewest shards).
      // Starting two isolates on cold JVMs may outlast the 6 s request timeout on a loaded machine: the
      // front door then answers 503 (as documented) while the isolates keep starting; ask again.
      HttpResponse<String> asked = get(nodes.get(1), "/c", Duration.ofSeconds(30));
      for (long until = System.nanoTime() + Duration.ofSeconds(40).toNanos();
          asked.statusCode() == 503 && System.nanoTime() < until; ) {
        asked = get(nodes.get(1), "/c", Duration.ofSeconds(30));
      }
      assertEquals(200, asked.statusCode(), asked.body());
      JsonNode answer = JSON.readTree(asked.body());
      assertEquals("c", answer.get("hi").asText());
      assertTrue(answer.get("pid").asInt() != answer.get("mine").asInt(), "greeter and caller share a node: " + answer);

      // One isolate: the count goes on whichever node the request comes through.
      for (int i = 0; i < 6; i++) assertEquals(i + 1, count(get(nodes.get(i % 3), Duration.ofSeconds(20))));
      Node host = hostOf(nodes, nodes.get(1));
      JsonNode cluster = admin(nodes.get(2), "/cluster");
      assertEquals(3, cluster.get("members").size());
      assertEquals(1, cluster.get("shards").get(host.name()).size(), cluster.toString());

      // kill -9 the host: requests meanwhile fail fast with a 503; then a survivor starts it afresh.
      host.process().destroyForcibly();
      nodes.remove(host);
      Node via = nodes.get(0);
      long deadline = System.nanoTime() + Duration.ofSeconds(45).toNanos();
      int afterFailover = -1;
      while (afterFailover < 0) {
        if (System.nanoTime() > deadline) fail("no answer from a survivor within 45 s of the kill");
        long t0 = System.nanoTime();
        HttpResponse<String> r = get(via, REQUEST_TIMEOUT.plusSeconds(10));
        long took = (System.nanoTime() - t0) / 1_000_000;
        if (r.statusCode() == 200) {
          afterFailover = count(r);
        } else {
          assertEquals(503, r.statusCode(), r.body());
          assertTrue(took < REQUEST_TIMEOUT.toMillis() + 3000, "a 503 took " + took + " ms");
        }
      }
      assertEquals(1, afterFailover, "the isolate's state died with its node");
      Node newHost = hostOf(nodes, via);
      assertEquals(2, count(get(nodes.get(1), Duration.ofSeconds(20))));

      // SIGTERM the new host while a client keeps sending through the other node: no request fails.
      Node other = nodes.get(0) == newHost ? nodes.get(1) : nodes.get(0);
      AtomicBoolean running = new AtomicBoolean(true);
      List<Integer> statuses = new ArrayList<>();
      List<Long> refusedAfterMs = new ArrayList<>();
      try (var pool = Executors.newSingleThreadExecutor()) {
        Future<?> load = pool.submit(() -> {
          while (running.get()) {
            long t0 = System.nanoTime();
            HttpResponse<String> r = get(other, Duration.ofSeconds(20));
            synchronized (statuses) {
              statuses.add(r.statusCode());
              if (r.statusCode() != 200) refusedAfterMs.add((System.nanoTime() - t0) / 1_000_000);
            }
          }
          return null;
        });
        Thread.sleep(500);
        newHost.process().destroy();
        assertTrue(newHost.process().waitFor(40, TimeUnit.SECONDS), "the leaving node did not exit");
        awaitMembers(other, 1, Duration.ofSeconds(30));
        Thread.sleep(500);
        running.set(false);
        load.get(30, TimeUnit.SECONDS);
      }
      synchronized (statuses) {
        assertTrue(statuses.size() > 2, "too few requests during the leave: " + statuses);
        // The criterion: no acknowledged request is lost. Pekko's shard region drops a message
        // it buffered for a shard at the instant that shard is handed off ("Dropping buffered messages
        // ... to avoid re-ordering"); a request caught there is refused with a 503 in bounded time, never
        // answered twice or left hanging. One client, one request in flight: at most one such refusal.
        assertTrue(statuses.stream().allMatch(s -> s == 200 || s == 503), "requests failed during a graceful leave: " + statuses);
        assertTrue(statuses.stream().filter(s -> s == 503).count() <= 1, "more than one request refused during a graceful leave: " + statuses);
        assertTrue(refusedAfterMs.stream().allMatch(ms -> ms < REQUEST_TIMEOUT.toMillis() + 3000),
            "a refusal took too long: " + refusedAfterMs);
      }
      // The next request (the last one of the loop may have been the refused one) runs on the survivor.
      assertEquals(200, get(other, Duration.ofSeconds(20)).statusCode());
      assertEquals(other, hostOf(nodes, other));
    } catch (AssertionError | Exception e) {
      // What the nodes logged (cluster warnings, errors) explains most failures.
      for (int i = 0; i < 3; i++) {
        Path log = dir.resolve("node-" + i + ".err");
        if (Files.exists(log)) e.addSuppressed(new AssertionError("node " + i + " stderr:\n" + Files.readString(log)));
      }
      throw e;
    } finally {
      for (Node n : nodes) n.process().destroyForcibly();
      for (Node n : nodes) n.process().waitFor(10, TimeUnit.SECONDS);
    }
  }

  private static Node start(Path dir, int index, int http, int admin, int artery, int seed) throws IOException {
    Path manifest = dir.resolve("manifest-" + index + ".json");
    Files.writeString(manifest, """
        { "listen": { "host": "127.0.0.1", "port": %d },
          "admin": { "host": "127.0.0.1", "port": %d },
          "scripts": [ { "name": "counter", "module": "counter.js", "routes": [ { "path": "/" } ] },
                       { "name": "greeter", "module": "greeter.js", "routes": [ { "path": "/g" } ] },
                       { "name": "caller", "module": "caller.js", "routes": [ { "path": "/c" } ] } ] }
        """.formatted(http, admin));
    ProcessBuilder pb = new ProcessBuilder(LauncherTest.LAUNCHER.toString(), "serve", "--manifest", manifest.toString(),
        "--cluster", "--cluster-config", dir.resolve("cluster.conf").toString(),
        "--node", "127.0.0.1:" + artery, "--seed", "127.0.0.1:" + seed)
        .directory(dir.toFile())
        .redirectOutput(dir.resolve("node-" + index + ".out").toFile())
        .redirectError(dir.resolve("node-" + index + ".err").toFile());
    pb.environment().put("ISOLA_SKIP_BUILD", "1");
    return new Node(index, http, admin, artery, pb.start());
  }

  private void awaitMembers(Node node, int count, Duration limit) throws Exception {
    long deadline = System.nanoTime() + limit.toNanos();
    String last = "";
    while (System.nanoTime() < deadline) {
      try {
        JsonNode cluster = admin(node, "/cluster");
        last = cluster.get("members").toString();
        long up = 0;
        for (JsonNode m : cluster.get("members")) if (m.get("status").asText().equals("Up")) up++;
        if (up == count && cluster.get("members").size() == count) return;
      } catch (IOException notYet) {
        last = notYet.toString();
      }
      Thread.sleep(300);
    }
    fail("node " + node.index() + " did not see " + count + " members up: " + last);
  }

  /** The node that hosts the counter's isolate, as {@code via}'s admin endpoint tells. */
  private Node hostOf(List<Node> nodes, Node via) throws Exception {
    JsonNode cluster = admin(via, "/cluster");
    String host = cluster.get("isolates").get("counter").asText();
    return nodes.stream().filter(n -> n.name().equals(host)).findFirst()
        .orElseThrow(() -> new AssertionError("the counter is hosted on no live node: " + cluster));
  }

  private JsonNode admin(Node node, String path) throws Exception {
    HttpResponse<String> r = client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + node.admin() + path))
        .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
    assertEquals(200, r.statusCode(), r.body());
    return JSON.readTree(r.body());
  }

  private HttpResponse<String> get(Node node, Duration timeout) throws Exception {
    return get(node, "/", timeout);
  }

  private HttpResponse<String> get(Node node, String path, Duration timeout) throws Exception {
    return client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + node.http() + path))
        .timeout(timeout).build(), HttpResponse.BodyHandlers.ofString());
  }

  private static int count(HttpResponse<String> r) throws IOException {
    assertEquals(200, r.statusCode(), r.body());
    return JSON.readTree(r.body()).get("count").asInt();
  }

  private static int[] freePorts(int n) throws IOException {
    List<ServerSocket> sockets = new ArrayList<>();
    try {
      int[] ports = new int[n];
      for (int i = 0; i < n; i++) {
        ServerSocket s = new ServerSocket(0);
        sockets.add(s);
        ports[i] = s.getLocalPort();
      }
      return ports;
    } finally {
      for (ServerSocket s : sockets) s.close();
    }
  }
}
