package isola.embed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.typesafe.config.Config;
import com.typesafe.config.ConfigValueFactory;
import isola.isolate.HostOutput;
import isola.protocol.ActorMail;
import java.io.ByteArrayOutputStream;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.apache.pekko.actor.testkit.typed.javadsl.TestProbe;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One cluster node in this JVM: requests with bodies and streamed responses cross the sharding
 * boundary whole, the admin endpoint shows members, shards and where each isolate lives, and the
 * configuration layers (flags over file over defaults).
 */
class ClusterHostTest {
  private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

  private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
    return client.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void servesThroughShardingAndReportsWhereIsolatesLive(@TempDir Path dir) throws Throwable {
    Files.writeString(dir.resolve("echo.js"), """
        export default {
          async fetch(req) {
            const path = new URL(req.url).pathname;
            if (path === "/e/stream") {
              const bytes = new TextEncoder();
              return new Response(new ReadableStream({ start(c) {
                c.enqueue(bytes.encode("a")); c.enqueue(bytes.encode("b")); c.close(); } }));
            }
            return Response.json({ method: req.method, path, body: await req.text() }, { status: 201 });
          },
        };
        """);
    Files.writeString(dir.resolve("manifest.json"), """
        { "listen": { "host": "127.0.0.1", "port": 0 },
          "admin": { "host": "127.0.0.1", "port": 0 },
          "scripts": [ { "name": "echo", "module": "echo.js", "routes": [ { "path": "/e" } ] } ] }
        """);
    int artery;
    try (ServerSocket s = new ServerSocket(0)) {
      artery = s.getLocalPort();
    }
    // The first request starts the isolate, interpreted here (tests run without the Graal JIT): slow
    // on a busy machine.
    Config config = ClusterConfig.of(null, "127.0.0.1:" + artery, null, List.of("front"))
        .withValue("isola.cluster.request-timeout", ConfigValueFactory.fromAnyRef("60s"));
    try (ClusterHost host = ClusterHost.start(dir.resolve("manifest.json"),
        new HostOutput(new ByteArrayOutputStream(), new ByteArrayOutputStream()), config)) {
      String base = "http://127.0.0.1:" + host.address().getPort();
      String admin = "http://127.0.0.1:" + host.adminAddress().getPort();
      assertEquals("127.0.0.1:" + artery, host.node());

      HttpResponse<String> posted = send(HttpRequest.newBuilder(URI.create(base + "/e/x"))
          .POST(HttpRequest.BodyPublishers.ofString("héllo")));
      assertEquals(201, posted.statusCode());
      JsonNode echoed = Manifest.JSON.readTree(posted.body());
      assertEquals("POST", echoed.get("method").asText());
      assertEquals("/e/x", echoed.get("path").asText());
      assertEquals("héllo", echoed.get("body").asText());
      assertEquals("ab", send(HttpRequest.newBuilder(URI.create(base + "/e/stream"))).body());
      assertEquals(404, send(HttpRequest.newBuilder(URI.create(base + "/elsewhere"))).statusCode());

      JsonNode cluster = Manifest.JSON.readTree(send(HttpRequest.newBuilder(URI.create(admin + "/cluster"))).body());
      assertEquals(host.node(), cluster.get("self").asText());
      assertEquals(1, cluster.get("members").size());
      assertEquals("Up", cluster.get("members").get(0).get("status").asText());
      assertTrue(cluster.get("members").get(0).get("roles").toString().contains("front"), cluster.toString());
      assertEquals(host.node(), cluster.get("isolates").get("echo").asText());
      assertEquals(1, cluster.get("shards").get(host.node()).size());

      JsonNode isolates = Manifest.JSON.readTree(send(HttpRequest.newBuilder(URI.create(admin + "/isolates"))).body());
      assertEquals("echo", isolates.get(0).get("name").asText());
      assertEquals(host.node(), isolates.get(0).get("node").asText());
      assertEquals("running", isolates.get(0).get("state").asText());
      assertEquals(2, isolates.get(0).get("messagesIn").asInt());

      assertEquals(202, send(HttpRequest.newBuilder(URI.create(admin + "/isolates/echo/reload"))
          .POST(HttpRequest.BodyPublishers.noBody())).statusCode());
      assertEquals(404, send(HttpRequest.newBuilder(URI.create(admin + "/isolates/nope/reload"))
          .POST(HttpRequest.BodyPublishers.noBody())).statusCode());
      assertEquals(501, send(HttpRequest.newBuilder(URI.create(admin + "/isolates"))
          .POST(HttpRequest.BodyPublishers.ofString("{}"))).statusCode());
      assertEquals("/e/y", Manifest.JSON.readTree(send(HttpRequest.newBuilder(URI.create(base + "/e/y"))).body())
          .get("path").asText());
    }
  }

  @Test
  void mailByNameStartsTheScriptsIsolateThroughShardingAndPekkoManagementServes(@TempDir Path dir) throws Throwable {
    Files.writeString(dir.resolve("counter.js"), """
        import { register } from "isola:actors";
        let count = 0;
        register("counter", (message) => ({ count: ++count, message }));
        export default { fetch: () => new Response("counter") };
        """);
    Files.writeString(dir.resolve("silent.js"), "export default { fetch: () => new Response('silent') };\n");
    Files.writeString(dir.resolve("front.js"), """
        import { ask, send } from "isola:actors";
        export default {
          async fetch(req) {
            const path = new URL(req.url).pathname;
            try {
              if (path === "/f/send") return new Response(String(await send("counter", "sent")));
              if (path === "/f/silent") return Response.json(await ask("silent", 1, { timeout: 2000 }));
              return Response.json(await ask("counter", { from: "front" }, { timeout: 50000 }));
            } catch (e) {
              return new Response(`${e.name}: ${e.message}`, { status: 500 });
            }
          },
        };
        """);
    Files.writeString(dir.resolve("manifest.json"), """
        { "listen": { "host": "127.0.0.1", "port": 0 },
          "admin": { "host": "127.0.0.1", "port": 0 },
          "scripts": [ { "name": "front", "module": "front.js", "routes": [ { "path": "/f" } ] },
                       { "name": "counter", "module": "counter.js" },
                       { "name": "silent", "module": "silent.js" } ] }
        """);
    int artery;
    try (ServerSocket s = new ServerSocket(0)) {
      artery = s.getLocalPort();
    }
    int management;
    try (ServerSocket s = new ServerSocket(0)) {
      management = s.getLocalPort();
    }
    Config config = ClusterConfig.withManagement(ClusterConfig.of(null, "127.0.0.1:" + artery, null, null),
            "127.0.0.1:" + management)
        .withValue("isola.cluster.request-timeout", ConfigValueFactory.fromAnyRef("60s"));
    try (ClusterHost host = ClusterHost.start(dir.resolve("manifest.json"),
        new HostOutput(new ByteArrayOutputStream(), new ByteArrayOutputStream()), config)) {
      String base = "http://127.0.0.1:" + host.address().getPort();
      String admin = "http://127.0.0.1:" + host.adminAddress().getPort();
      JsonNode before = Manifest.JSON.readTree(send(HttpRequest.newBuilder(URI.create(admin + "/cluster"))).body());
      assertTrue(before.get("isolates").get("counter").isNull(), "counter has no route and was not mailed yet: " + before);

      // counter has no route: the ask starts its isolate, which registers its name, and then answers.
      HttpResponse<String> asked = send(HttpRequest.newBuilder(URI.create(base + "/f")));
      assertEquals(200, asked.statusCode(), asked.body());
      assertEquals("{\"count\":1,\"message\":{\"from\":\"front\"}}", asked.body());
      assertEquals("undefined", send(HttpRequest.newBuilder(URI.create(base + "/f/send"))).body());

      // From Java, through sharding too.
      TestProbe<ActorMail> probe = TestProbe.create(host.system());
      host.mail("counter", ActorMail.of(Manifest.JSON.readTree("{\"from\":\"java\"}"), probe.getRef()));
      ActorMail answer = probe.expectMessageClass(ActorMail.class, Duration.ofSeconds(30));
      assertEquals("{\"count\":3,\"message\":{\"from\":\"java\"}}", answer.body().toString());
      ActorMail asked4 = host.ask("counter", Manifest.JSON.readTree("4"), Duration.ofSeconds(30))
          .toCompletableFuture().get(30, java.util.concurrent.TimeUnit.SECONDS);
      assertEquals("{\"count\":4,\"message\":4}", asked4.body().toString());

      // A script that never registers its name: the mail waits, then the sender hears nobody took it.
      HttpResponse<String> silent = send(HttpRequest.newBuilder(URI.create(base + "/f/silent")));
      assertEquals("NotFound: No actor is registered as \"silent\"", silent.body());
      JsonNode after = Manifest.JSON.readTree(send(HttpRequest.newBuilder(URI.create(admin + "/cluster"))).body());
      assertEquals(host.node(), after.get("isolates").get("counter").asText());

      // Pekko Management next to the admin endpoint: probes, and the cluster as Pekko sees it, read-only.
      String pekko = "http://127.0.0.1:" + management;
      assertEquals(200, send(HttpRequest.newBuilder(URI.create(pekko + "/ready"))).statusCode());
      assertEquals(200, send(HttpRequest.newBuilder(URI.create(pekko + "/alive"))).statusCode());
      JsonNode members = Manifest.JSON.readTree(send(HttpRequest.newBuilder(URI.create(pekko + "/cluster/members"))).body());
      assertEquals("pekko://isola@" + host.node(), members.get("selfNode").asText());
      assertEquals("Up", members.get("members").get(0).get("status").asText());
      JsonNode shards = Manifest.JSON.readTree(send(HttpRequest.newBuilder(URI.create(pekko + "/cluster/shards/isolate"))).body());
      assertEquals(3, shards.get("regions").size(), shards.toString());
      HttpResponse<String> leave = send(HttpRequest.newBuilder(URI.create(pekko + "/cluster/members/pekko://isola@" + host.node()))
          .PUT(HttpRequest.BodyPublishers.ofString("operation=Leave")).header("content-type", "application/x-www-form-urlencoded"));
      assertTrue(leave.statusCode() >= 400, "a read-only management endpoint took a leave: " + leave.statusCode());
    }
  }

  @Test
  void flagsWinOverTheFileWhichWinsOverTheDefaults(@TempDir Path dir) throws Exception {
    Files.writeString(dir.resolve("node.conf"), """
        isola.cluster.request-timeout = 3s
        pekko.remote.artery.canonical.port = 1
        pekko.cluster.roles = [from-file]
        """);
    Config config = ClusterConfig.of(dir.resolve("node.conf"), "10.0.0.5:2600",
        List.of("10.0.0.1:2551", "10.0.0.2:2551"), null);
    assertEquals(Duration.ofSeconds(3), config.getDuration("isola.cluster.request-timeout"));
    assertEquals("10.0.0.5", config.getString("pekko.remote.artery.canonical.hostname"));
    assertEquals(2600, config.getInt("pekko.remote.artery.canonical.port"));
    assertEquals(List.of("pekko://isola@10.0.0.1:2551", "pekko://isola@10.0.0.2:2551"),
        config.getStringList("pekko.cluster.seed-nodes"));
    assertEquals(List.of("from-file"), config.getStringList("pekko.cluster.roles"));
    assertEquals("keep-majority", config.getString("pekko.cluster.split-brain-resolver.active-strategy"));
    assertEquals("none", config.getString("pekko.cluster.sharding.passivation.strategy"));
    assertEquals("cluster", config.getString("pekko.actor.provider"));

    Config alone = ClusterConfig.of(null, "127.0.0.1:2700", null, null);
    assertEquals(List.of("pekko://isola@127.0.0.1:2700"), alone.getStringList("pekko.cluster.seed-nodes"));
  }
}
