package isola.embed;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import isola.isolate.HostOutput;
import isola.ops.http.HttpServer.Router;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * {@code isola serve --manifest FILE}: many scripts in one JVM behind one HTTP front door. Each request
 * goes to the script whose route matches it best (its Host, its path prefix), whose
 * {@code export default { fetch }} answers it; each script is its own isolate, supervised (see
 * {@link IsolateBridge}). The admin endpoint lists the scripts and deploys, reloads and stops them.
 *
 * <p>The routing table is replaced as a whole on every change (see {@link RouteTable}).
 */
public final class ManifestHost implements AutoCloseable {
  private record Hosted(Manifest.Script script, IsolateRef ref) {}

  private final Isola runtime;
  private final Path base;
  private final HostOutput output;
  private final Map<String, Hosted> hosted = new LinkedHashMap<>();
  private volatile RouteTable<IsolateRef> routes = RouteTable.of(List.of());
  private final isola.ops.http.HttpServer frontDoor;
  private final HttpServer admin;

  private ManifestHost(Manifest manifest, Path base, HostOutput output) throws Throwable {
    this.runtime = Isola.start("serve");
    this.base = base;
    this.output = output;
    for (Manifest.Script script : manifest.scripts()) deploy(script);
    Manifest.Listen listen = manifest.listen() != null ? manifest.listen() : new Manifest.Listen("0.0.0.0", 8000);
    this.frontDoor = isola.ops.http.HttpServer.bind(listen.host(), listen.port(), new Router() {
      @Override
      public void arrived(isola.ops.http.HttpExchange exchange) {
        IsolateRef target = route(exchange);
        if (target == null) {
          exchange.respond(404, new String[] {"content-type", "text/plain;charset=UTF-8"}, "Not Found");
        } else {
          target.route(exchange);
        }
      }

      @Override
      public void lost(isola.ops.http.HttpExchange exchange) {
        IsolateRef target = route(exchange);
        if (target != null) target.routeLost(exchange);
      }
    });
    this.admin = manifest.admin() == null ? null : startAdmin(manifest.admin());
  }

  public static ManifestHost start(Path manifestFile, HostOutput output) throws Throwable {
    Path file = manifestFile.toAbsolutePath().normalize();
    return new ManifestHost(Manifest.read(file), file.getParent(), output);
  }

  public InetSocketAddress address() {
    return frontDoor.localAddress();
  }

  public InetSocketAddress adminAddress() {
    return admin == null ? null : admin.getAddress();
  }

  private IsolateRef route(isola.ops.http.HttpExchange exchange) {
    return routes.match(exchange);
  }

  synchronized IsolateRef deploy(Manifest.Script script) {
    if (hosted.containsKey(script.name())) throw new IllegalArgumentException("a script named \"" + script.name() + "\" is already hosted");
    IsolateRef ref = runtime.spawnServed(script.options(base), output);
    hosted.put(script.name(), new Hosted(script, ref));
    rebuildRoutes();
    return ref;
  }

  synchronized boolean stop(String name) {
    Hosted h = hosted.remove(name);
    if (h == null) return false;
    h.ref().terminate();
    rebuildRoutes();
    return true;
  }

  synchronized boolean reload(String name) {
    Hosted h = hosted.get(name);
    if (h == null) return false;
    h.ref().reload();
    return true;
  }

  private void rebuildRoutes() {
    List<Map.Entry<Manifest.Route, IsolateRef>> table = new ArrayList<>();
    for (Hosted h : hosted.values()) {
      List<Manifest.Route> rs = h.script().routes() == null ? List.of() : h.script().routes();
      for (Manifest.Route r : rs) table.add(Map.entry(r, h.ref()));
    }
    routes = RouteTable.of(table);
  }

  // ---- admin endpoint (JDK HttpServer: a handful of requests, no need for the front door's stack) ----

  private HttpServer startAdmin(Manifest.Listen listen) throws IOException {
    HttpServer server = HttpServer.create(new InetSocketAddress(listen.host(), listen.port()), 16);
    server.createContext("/isolates", this::admin);
    server.setExecutor(java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor());
    server.start();
    return server;
  }

  private void admin(HttpExchange http) throws IOException {
    try (http) {
      String[] parts = http.getRequestURI().getPath().replaceAll("/+$", "").split("/");
      String method = http.getRequestMethod();
      // /isolates, /isolates/NAME/reload, /isolates/NAME/stop
      if (parts.length == 2 && method.equals("GET")) {
        reply(http, 200, list());
      } else if (parts.length == 2 && method.equals("POST")) {
        Manifest.Script script = Manifest.script(new String(http.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
        try {
          deploy(script);
          reply(http, 201, status(script.name()));
        } catch (IllegalArgumentException e) {
          reply(http, 409, error(e.getMessage()));
        }
      } else if (parts.length == 4 && method.equals("POST") && parts[3].equals("reload")) {
        boolean found = reload(parts[2]);
        reply(http, found ? 202 : 404, found ? status(parts[2]) : error("no script \"" + parts[2] + "\""));
      } else if (parts.length == 4 && method.equals("POST") && parts[3].equals("stop")) {
        ObjectNode before = hosted.containsKey(parts[2]) ? status(parts[2]) : null;
        reply(http, stop(parts[2]) ? 202 : 404, before != null ? before : error("no script \"" + parts[2] + "\""));
      } else {
        reply(http, 404, error("no such admin call: " + method + " " + http.getRequestURI().getPath()));
      }
    } catch (Exception e) {
      reply(http, 400, error(String.valueOf(e.getMessage())));
    }
  }

  private synchronized ArrayNode list() throws Exception {
    ArrayNode out = Manifest.JSON.createArrayNode();
    for (String name : hosted.keySet()) out.add(status(name));
    return out;
  }

  private ObjectNode status(String name) throws Exception {
    Hosted h;
    synchronized (this) {
      h = hosted.get(name);
    }
    IsolateStatus s = h.ref().status().toCompletableFuture().get(5, TimeUnit.SECONDS);
    ObjectNode node = Manifest.JSON.valueToTree(s);
    node.put("module", h.script().module());
    node.set("routes", Manifest.JSON.valueToTree(h.script().routes()));
    return node;
  }

  static ObjectNode error(String message) {
    return Manifest.JSON.createObjectNode().put("error", message);
  }

  static void reply(HttpExchange http, int status, Object body) throws IOException {
    byte[] bytes = Manifest.JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(body);
    http.getResponseHeaders().set("content-type", "application/json");
    http.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = http.getResponseBody()) {
      out.write(bytes);
    }
  }

  @Override
  public void close() {
    if (admin != null) admin.stop(0);
    frontDoor.close();
    runtime.close();
  }
}
