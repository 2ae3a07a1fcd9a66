package isola.embed;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.typesafe.config.Config;
import isola.isolate.HostOutput;
import isola.isolate.SharedEngine;
import isola.ops.actors.ShardedNames;
import isola.ops.http.HttpServer.Router;
import isola.protocol.ActorMail;
import isola.protocol.EntityCommand;
import isola.protocol.EntityStatus;
import isola.protocol.HttpRequestData;
import isola.protocol.HttpResponseData;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.apache.pekko.Done;
import org.apache.pekko.actor.Address;
import org.apache.pekko.actor.CoordinatedShutdown;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.Props;
import org.apache.pekko.actor.typed.javadsl.Adapter;
import org.apache.pekko.actor.typed.javadsl.AskPattern;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.cluster.Member;
import org.apache.pekko.cluster.sharding.ShardRegion;
import org.apache.pekko.cluster.sharding.typed.ClusterShardingQuery;
import org.apache.pekko.cluster.sharding.typed.GetClusterShardingStats;
import org.apache.pekko.cluster.sharding.typed.ShardingEnvelope;
import org.apache.pekko.cluster.sharding.typed.HashCodeMessageExtractor;
import org.apache.pekko.cluster.sharding.typed.javadsl.ClusterSharding;
import org.apache.pekko.cluster.sharding.typed.javadsl.Entity;
import org.apache.pekko.cluster.sharding.typed.javadsl.EntityRef;
import org.apache.pekko.cluster.sharding.typed.javadsl.EntityTypeKey;
import org.apache.pekko.cluster.typed.Cluster;
import org.apache.pekko.management.javadsl.PekkoManagement;

/**
 * {@code isola serve --manifest FILE --cluster}: this JVM is one node of a Pekko cluster whose nodes
 * all host the same manifest. Each script's isolate is a Cluster Sharding entity keyed by its name
 * ({@link IsolateEntity}), living on one node at a time; the front door of every node routes a request
 * to it wherever it is, carrying the request and the response whole between nodes. When a node dies,
 * the next request for its isolates starts them on a survivor; when it leaves (SIGTERM), its front
 * door stops taking requests first, then its isolates answer what they have and hand off.
 */
public final class ClusterHost implements AutoCloseable {
  static final EntityTypeKey<EntityCommand> ISOLATES = EntityTypeKey.create(EntityCommand.class, "isolate");
  private static final ObjectMapper JSON = Manifest.JSON;
  private static final String[] TEXT = {"content-type", "text/plain;charset=UTF-8"};

  private final ActorSystem<Void> system;
  private final ClusterSharding sharding;
  private final Map<String, Manifest.Script> scripts = new LinkedHashMap<>();
  private final RouteTable<String> routes;
  private final Duration requestTimeout;
  private final HashCodeMessageExtractor<EntityCommand> shards;
  private final isola.ops.http.HttpServer frontDoor;
  private final HttpServer admin;
  private final InetSocketAddress management;

  private ClusterHost(Manifest manifest, Path base, HostOutput output, Config config) throws Throwable {
    // An isolate may come here any time (failover, a rebalance): its first request should not wait
    // for the JS engine to start.
    SharedEngine.startPrewarm();
    this.system = ActorSystem.create(Behaviors.empty(), "isola", config);
    this.sharding = ClusterSharding.get(system);
    this.requestTimeout = config.getDuration("isola.cluster.request-timeout");
    this.shards = new HashCodeMessageExtractor<>(config.getInt("pekko.cluster.sharding.number-of-shards"));
    List<Map.Entry<Manifest.Route, String>> table = new ArrayList<>();
    for (Manifest.Script s : manifest.scripts()) {
      scripts.put(s.name(), s);
      for (Manifest.Route r : s.routes() == null ? List.<Manifest.Route>of() : s.routes()) table.add(Map.entry(r, s.name()));
    }
    this.routes = RouteTable.of(table);
    String node = node(Cluster.get(system).selfMember().address());
    Entity<EntityCommand, ShardingEnvelope<EntityCommand>> entity = Entity.of(ISOLATES,
            ctx -> IsolateEntity.create(ctx.getEntityId(), node, scripts::get, base, output))
        .withStopMessage(new EntityCommand.HandOff());
    String role = config.getString("isola.cluster.isolate-role");
    sharding.init(role.isEmpty() ? entity : entity.withRole(role));
    // Mail to a script's name starts its isolate wherever it belongs, as a request to its route does.
    ShardedNames names = ShardedNames.get(system);
    for (String name : scripts.keySet()) names.add(name, entity(name));

    Manifest.Listen listen = manifest.listen() != null ? manifest.listen() : new Manifest.Listen("0.0.0.0", 8000);
    this.frontDoor = isola.ops.http.HttpServer.bind(listen.host(), listen.port(), new Router() {
      @Override
      public void arrived(isola.ops.http.HttpExchange exchange) {
        String name = routes.match(exchange);
        if (name == null) exchange.respond(404, TEXT, "Not Found");
        else forward(name, exchange);
      }

      @Override
      public void lost(isola.ops.http.HttpExchange exchange) {
        // The request may be on another node already; its answer will find the connection gone.
      }
    });
    this.admin = manifest.admin() == null ? null : startAdmin(manifest.admin());
    this.management = config.getBoolean("isola.cluster.management") ? startManagement() : null;
    leaveGracefully();
  }

  public static ClusterHost start(Path manifestFile, HostOutput output, Config config) throws Throwable {
    Path file = manifestFile.toAbsolutePath().normalize();
    return new ClusterHost(Manifest.read(file), file.getParent(), output, config);
  }

  public InetSocketAddress address() {
    return frontDoor.localAddress();
  }

  public InetSocketAddress adminAddress() {
    return admin == null ? null : admin.getAddress();
  }

  /** Where Pekko Management's HTTP endpoints listen ({@code --management}), or null. */
  public InetSocketAddress managementAddress() {
    return management;
  }

  /** This node's Artery address, {@code host:port}. */
  public String node() {
    return node(Cluster.get(system).selfMember().address());
  }

  public ActorSystem<Void> system() {
    return system;
  }

  /**
   * Where the named script's isolate runs and how it is doing, asked of its entity through sharding
   * (which starts it, on some node, if it is not running).
   */
  public CompletionStage<EntityStatus> status(String name, Duration timeout) {
    return entity(name).ask(EntityCommand.Status::new, timeout);
  }

  /**
   * Mails the named script from Java, through sharding (which starts its isolate if it is not running):
   * it reaches the script's {@code register(name, handler)} under its own name, and an answer goes to
   * {@code mail.replyTo()}. A mail the script has not taken within the request timeout (it never
   * registered its name) gets {@code ActorMail.failure("No actor is registered as ...")} when it was
   * an ask, and is dropped when it was not.
   */
  public void mail(String name, ActorMail mail) {
    entity(name).tell(new EntityCommand.Mail(mail, System.currentTimeMillis() + requestTimeout.toMillis(), null));
  }

  /**
   * Asks the named script from Java as {@link #mail} does, for callers that are not actors: completes
   * with the script's answer, or {@code ActorMail.failure(...)} (it threw, or never registered its
   * name), or fails after {@code timeout}.
   */
  public CompletionStage<ActorMail> ask(String name, JsonNode body, Duration timeout) {
    long deliverBy = System.currentTimeMillis() + Math.min(timeout.toMillis(), requestTimeout.toMillis());
    return entity(name).ask(replyTo -> new EntityCommand.Mail(ActorMail.of(body, replyTo), deliverBy, null), timeout);
  }

  private EntityRef<EntityCommand> entity(String name) {
    return sharding.entityRefFor(ISOLATES, name);
  }

  // ---- front door ----

  private void forward(String name, isola.ops.http.HttpExchange exchange) {
    if (!exchange.hasBody()) {
      call(name, exchange, new byte[0]);
    } else {
      system.systemActorOf(RequestBody.read(exchange, body -> call(name, exchange, body)),
          "request-body-" + exchange.id(), Props.empty());
    }
  }

  /**
   * The request goes to the entity as a message and waits at most the request timeout: a node that
   * died with the request in hand makes it a 503, not a hang.
   */
  private void call(String name, isola.ops.http.HttpExchange exchange, byte[] body) {
    InetSocketAddress remote = exchange.remoteAddress();
    HttpRequestData request = new HttpRequestData(exchange.method(), exchange.url(), exchange.headerPairs(), body,
        remote.getAddress().getHostAddress(), remote.getPort());
    long answerBy = System.currentTimeMillis() + requestTimeout.toMillis();
    entity(name).<HttpResponseData>ask(replyTo -> new EntityCommand.HttpCall(request, answerBy, replyTo), requestTimeout)
        .whenComplete((response, error) -> {
          if (error != null) {
            exchange.respond(503, TEXT, "Service Unavailable: isolate \"" + name + "\" did not answer within "
                + requestTimeout.toMillis() + " ms");
          } else {
            exchange.respond(response.status(), response.headerPairs().toArray(String[]::new), response.body());
          }
        });
  }

  /**
   * On SIGTERM (or when this node is downed), coordinated shutdown first closes the front door and
   * waits for its requests to be answered, and only then do the shard regions hand their isolates off
   * (each answers what it has; requests for it wait in the region and go to its next home).
   */
  private void leaveGracefully() {
    CoordinatedShutdown shutdown = CoordinatedShutdown.get(Adapter.toClassic(system));
    CompletableFuture<Done> drained = new CompletableFuture<>();
    shutdown.addTask(CoordinatedShutdown.PhaseServiceUnbind(), "isola-front-door-unbind", () -> {
      if (admin != null) admin.stop(0);
      frontDoor.shutdown(() -> drained.complete(Done.getInstance()));
      return CompletableFuture.completedFuture(Done.getInstance());
    });
    shutdown.addTask(CoordinatedShutdown.PhaseServiceRequestsDone(), "isola-front-door-drained", () -> drained);
  }

  // ---- admin endpoint ----

  /**
   * Pekko Management's endpoints (health checks for an orchestrator's probes, members and shards as
   * Pekko reports them), next to isola's own admin endpoint, which knows scripts and isolates. A port
   * that cannot be bound fails the node's start, as the front door's does.
   */
  private InetSocketAddress startManagement() throws Exception {
    PekkoManagement.get(system).start().toCompletableFuture().get(30, TimeUnit.SECONDS);
    Config http = system.settings().config().getConfig("pekko.management.http");
    return InetSocketAddress.createUnresolved(http.getString("hostname"), http.getInt("port"));
  }

  private HttpServer startAdmin(Manifest.Listen listen) throws IOException {
    HttpServer server = HttpServer.create(new InetSocketAddress(listen.host(), listen.port()), 16);
    server.createContext("/isolates", this::adminIsolates);
    server.createContext("/cluster", this::adminCluster);
    server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
    server.start();
    return server;
  }

  private void adminIsolates(HttpExchange http) throws IOException {
    try (http) {
      String[] parts = http.getRequestURI().getPath().replaceAll("/+$", "").split("/");
      String method = http.getRequestMethod();
      if (parts.length == 2 && method.equals("GET")) {
        ManifestHost.reply(http, 200, isolates(hosts()));
      } else if (parts.length == 4 && method.equals("POST") && parts[3].equals("reload") && scripts.containsKey(parts[2])) {
        entity(parts[2]).tell(new EntityCommand.Reload());
        ManifestHost.reply(http, 202, JSON.createObjectNode().put("name", parts[2]).put("reloading", true));
      } else if (parts.length == 4 && method.equals("POST") && parts[3].equals("reload")) {
        ManifestHost.reply(http, 404, ManifestHost.error("no script \"" + parts[2] + "\""));
      } else if (method.equals("POST")) {
        ManifestHost.reply(http, 501, ManifestHost.error(
            "in cluster mode every node hosts the manifest it was started with: deploy and stop by changing it"));
      } else {
        ManifestHost.reply(http, 404, ManifestHost.error("no such admin call: " + method + " " + http.getRequestURI().getPath()));
      }
    } catch (Exception e) {
      ManifestHost.reply(http, 500, ManifestHost.error(String.valueOf(e.getMessage())));
    }
  }

  private void adminCluster(HttpExchange http) throws IOException {
    try (http) {
      Cluster cluster = Cluster.get(system);
      ObjectNode out = JSON.createObjectNode();
      out.put("self", node(cluster.selfMember().address()));
      Address leader = cluster.state().getLeader();
      out.put("leader", leader == null ? null : node(leader));
      ArrayNode members = out.putArray("members");
      for (Member m : cluster.state().getMembers()) {
        ObjectNode n = members.addObject();
        n.put("node", node(m.address()));
        n.put("status", m.status().toString());
        n.set("roles", JSON.valueToTree(m.getRoles()));
        n.put("reachable", !cluster.state().getUnreachable().contains(m));
      }
      ShardRegion.ClusterShardingStats stats = shardStats();
      ObjectNode regions = out.putObject("shards");
      stats.getRegions().forEach((address, region) ->
          regions.set(node(address), JSON.valueToTree(region.getStats())));
      out.set("isolates", JSON.valueToTree(hosts(stats)));
      ManifestHost.reply(http, 200, out);
    } catch (Exception e) {
      ManifestHost.reply(http, 500, ManifestHost.error(String.valueOf(e.getMessage())));
    }
  }

  private ShardRegion.ClusterShardingStats shardStats() throws Exception {
    Duration timeout = Duration.ofSeconds(3);
    return AskPattern.<ClusterShardingQuery, ShardRegion.ClusterShardingStats>ask(sharding.shardState(),
        replyTo -> new GetClusterShardingStats(ISOLATES, timeout, replyTo), timeout.plusSeconds(1), system.scheduler())
        .toCompletableFuture().get(5, TimeUnit.SECONDS);
  }

  private Map<String, String> hosts() throws Exception {
    return hosts(shardStats());
  }

  /** Which node hosts each script's isolate now (null: none, it starts on its next message). */
  private Map<String, String> hosts(ShardRegion.ClusterShardingStats stats) {
    Map<String, String> where = new LinkedHashMap<>();
    for (String name : scripts.keySet()) {
      String shard = shards.shardId(name);
      String host = null;
      for (Map.Entry<Address, ShardRegion.ShardRegionStats> r : stats.getRegions().entrySet()) {
        Object count = r.getValue().getStats().get(shard);
        if (count instanceof Integer n && n > 0) host = node(r.getKey());
      }
      where.put(name, host);
    }
    return where;
  }

  private ArrayNode isolates(Map<String, String> hosts) throws Exception {
    ArrayNode out = JSON.createArrayNode();
    for (Manifest.Script s : scripts.values()) {
      ObjectNode node = out.addObject();
      node.put("name", s.name());
      node.put("module", s.module());
      node.set("routes", JSON.valueToTree(s.routes()));
      String host = hosts.get(s.name());
      node.put("node", host);
      if (host != null) {
        EntityStatus status = status(s.name(), Duration.ofSeconds(3)).toCompletableFuture().get(5, TimeUnit.SECONDS);
        node.put("state", status.state()).put("restarts", status.restarts())
            .put("lastReason", status.lastReason()).put("lastError", status.lastError())
            .put("uptimeMillis", status.uptimeMillis()).put("messagesIn", status.messagesIn())
            .put("messagesOut", status.messagesOut());
      }
    }
    return out;
  }

  private static String node(Address address) {
    return address.host().get() + ":" + address.port().get();
  }

  /** Leaves the cluster as SIGTERM does, and waits until this node is out. */
  @Override
  public void close() {
    CoordinatedShutdown.get(Adapter.toClassic(system))
        .runAll(CoordinatedShutdown.unknownReason()).toCompletableFuture().join();
  }
}
