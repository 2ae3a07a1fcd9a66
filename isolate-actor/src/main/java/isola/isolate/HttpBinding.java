package isola.isolate;

import isola.ops.OpException;
import isola.ops.http.HttpExchange;
import isola.ops.http.HttpServer;
import isola.ops.net.NetErrors;
import isola.ops.permissions.PermissionKind;
import isola.ops.permissions.Permissions;
import isola.protocol.ErrorKind;
import isola.protocol.HttpEvent;
import isola.protocol.OpError;
import isola.protocol.OpReply;
import java.net.InetSocketAddress;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.pekko.actor.typed.ActorRef;
import org.graalvm.polyglot.Value;
import org.graalvm.polyglot.proxy.ProxyArray;
import org.graalvm.polyglot.proxy.ProxyExecutable;

/**
 * Ops of 62_http.js ({@code Deno.serve}). Requests reach the isolate as {@link HttpEvent} messages and
 * wait here until the script's accept loop takes them, all that arrived since its last look in one
 * batch: under load one host→JS call dispatches many requests.
 *
 * <p>Runs only on the isolate's thread.
 */
final class HttpBinding {
  private static final class Server {
    final HttpServer http;
    final ArrayDeque<HttpExchange> arrived = new ArrayDeque<>();
    int waiter = -1;
    boolean closed;

    Server(HttpServer http) {
      this.http = http;
    }
  }

  private final Permissions permissions;
  private final ResourceTable resources;
  private final ActorRef<HttpEvent> events;
  private final ActorRef<OpReply> replyTo;
  private final JsErrors errors;
  private final Map<Integer, Server> servers = new HashMap<>();
  private final Map<Integer, HttpExchange> exchanges = new HashMap<>();
  /** Exchanges whose end the script waits for (op_http_watch): exchange id -> server rid. */
  private final Map<Integer, Integer> watched = new HashMap<>();

  HttpBinding(Permissions permissions, ResourceTable resources, ActorRef<HttpEvent> events,
      ActorRef<OpReply> replyTo, JsErrors errors) {
    this.permissions = permissions;
    this.resources = resources;
    this.events = events;
    this.replyTo = replyTo;
    this.errors = errors;
  }

  void register(Map<String, Object> ops) {
    ops.put("op_http_serve", (ProxyExecutable) a -> errors.guard(() ->
        serve(a[0].asString(), a[1].asInt())));
    // isola serve --manifest: the front door (bootstrap) routes requests here; nothing is bound.
    ops.put("op_http_attach", (ProxyExecutable) a -> {
      servers.putIfAbsent(HttpEvent.FRONT_DOOR_RID, new Server(null));
      return HttpEvent.FRONT_DOOR_RID;
    });
    ops.put("op_http_next", (ProxyExecutable) a -> errors.guard(() -> next(server(a[0].asInt()))));
    ops.put("op_http_wait", (ProxyExecutable) a -> errors.guard(() -> {
      Server server = server(a[1].asInt());
      // A closed (drained) server still hands out what arrived before; then the loop ends.
      if (!server.arrived.isEmpty()) replyTo.tell(OpReply.ok(a[0].asInt(), next(server)));
      else if (server.closed) replyTo.tell(OpReply.ok(a[0].asInt(), null));
      else server.waiter = a[0].asInt();
      return null;
    }));
    ops.put("op_http_respond", (ProxyExecutable) a -> {
      HttpExchange exchange = exchanges.remove(a[0].asInt());
      if (exchange != null) exchange.respond(a[1].asInt(), JsValues.strings(a[2]), body(a[3]));
      return null;
    });
    // [promiseId, exchangeId, headerPairs]: the reply is the WebSocket (WebSocketBinding gives it a rid).
    ops.put("op_http_upgrade_websocket", (ProxyExecutable) a -> {
      int promiseId = a[0].asInt();
      HttpExchange exchange = exchanges.remove(a[1].asInt());
      if (exchange == null) replyTo.tell(OpReply.err(promiseId, connectionClosed()));
      else exchange.upgradeWebSocket(promiseId, JsValues.strings(a[2]), replyTo);
      return null;
    });
    ops.put("op_http_start", (ProxyExecutable) a -> {
      HttpExchange exchange = exchanges.get(a[0].asInt());
      if (exchange != null) exchange.startStream(a[1].asInt(), JsValues.strings(a[2]));
      return null;
    });
    ops.put("op_http_write", (ProxyExecutable) a -> {
      int promiseId = a[0].asInt();
      HttpExchange exchange = exchanges.get(a[1].asInt());
      if (exchange == null) replyTo.tell(OpReply.err(promiseId, connectionClosed()));
      else exchange.write(promiseId, JsValues.bytes(a[2]), replyTo);
      return null;
    });
    ops.put("op_http_end", (ProxyExecutable) a -> {
      HttpExchange exchange = exchanges.remove(a[0].asInt());
      if (exchange != null) {
        if (a[1].asBoolean()) exchange.end();
        else exchange.abort();
      }
      return null;
    });
    ops.put("op_http_read", (ProxyExecutable) a -> {
      int promiseId = a[0].asInt();
      HttpExchange exchange = exchanges.get(a[1].asInt());
      if (exchange == null) replyTo.tell(OpReply.err(promiseId, connectionClosed()));
      else exchange.read(promiseId, replyTo);
      return null;
    });
    // (exchangeId, serverRid): the script wants to know when this exchange ends (request.signal,
    // info.completed); httpEnded tells it, after ExchangeCompleted or ExchangeLost.
    ops.put("op_http_watch", (ProxyExecutable) a -> {
      int id = a[0].asInt();
      int rid = a[1].asInt();
      HttpExchange exchange = exchanges.get(id);
      if (exchange == null) return false;
      watched.put(id, rid);
      exchange.watch(() -> events.tell(new HttpEvent.ExchangeCompleted(rid, id)));
      return true;
    });
    ops.put("op_http_shutdown", (ProxyExecutable) a -> errors.guard(() -> {
      int promiseId = a[0].asInt();
      Server server = server(a[1].asInt());
      if (!server.closed) {
        server.closed = true;
        if (server.waiter >= 0) replyTo.tell(OpReply.ok(server.waiter, null));
        server.waiter = -1;
      }
      if (server.http == null) replyTo.tell(OpReply.ok(promiseId, null));
      else server.http.shutdown(() -> replyTo.tell(OpReply.ok(promiseId, null)));
      return null;
    }));
  }

  /** Binds at once: {@code [rid, hostname, port]}. */
  private Object serve(String hostname, int port) throws OpException {
    permissions.check(PermissionKind.NET, NetBinding.hostPort(hostname, port));
    int rid = resources.newRid();
    HttpServer http;
    try {
      http = HttpServer.bind(hostname, port, HttpServer.toIsolate(rid, events));
    } catch (Throwable e) {
      throw new OpException(NetErrors.of(e));
    }
    servers.put(rid, new Server(http));
    InetSocketAddress bound = http.localAddress();
    return JsValues.toJs(List.of(rid, hostname, bound.getPort()));
  }

  void arrived(HttpEvent.RequestArrived event) {
    // The front door may route requests before the module has loaded and attached: they wait.
    if (event.serverRid() == HttpEvent.FRONT_DOOR_RID) servers.putIfAbsent(HttpEvent.FRONT_DOOR_RID, new Server(null));
    Server server = servers.get(event.serverRid());
    HttpExchange exchange = (HttpExchange) event.exchange();
    if (server == null || server.closed) {
      exchange.respond(503, new String[0], null);
      return;
    }
    server.arrived.add(exchange);
  }

  /** Whether the script watches this exchange and must hear of its end. */
  boolean lost(HttpEvent.ExchangeLost event) {
    exchanges.remove(event.exchangeId());
    return watched.remove(event.exchangeId()) != null;
  }

  boolean completed(HttpEvent.ExchangeCompleted event) {
    return watched.remove(event.exchangeId()) != null;
  }

  /** Ends a server's accept loop: the requests already taken are still answered. */
  void drain(HttpEvent.Drain event) {
    Server server = servers.get(event.serverRid());
    if (server == null || server.closed) return;
    server.closed = true;
    if (server.waiter >= 0) replyTo.tell(OpReply.ok(server.waiter, server.arrived.isEmpty() ? null : next(server)));
    server.waiter = -1;
  }

  /** Replies for accept loops waiting on requests that have arrived; called before each flush. */
  void takeReady(List<OpReply> into) {
    for (Server server : servers.values()) {
      if (server.waiter >= 0 && !server.arrived.isEmpty()) {
        into.add(OpReply.ok(server.waiter, next(server)));
        server.waiter = -1;
      }
    }
  }

  /** The batch of arrived requests, each {@code [id, method, url, headerPairs, hasBody, host, port]}. */
  private Object next(Server server) {
    if (server.arrived.isEmpty()) return null;
    List<Object> batch = new ArrayList<>(server.arrived.size());
    for (HttpExchange e; (e = server.arrived.poll()) != null; ) {
      exchanges.put(e.id(), e);
      InetSocketAddress remote = e.remoteAddress();
      batch.add(ProxyArray.fromArray(e.id(), e.method(), e.url(),
          ProxyArray.fromList(new ArrayList<>(e.headerPairs())), e.hasBody(),
          NetBinding.host(remote), remote.getPort()));
    }
    return ProxyArray.fromList(batch);
  }

  void closeAll() {
    servers.values().forEach(s -> {
      if (s.http != null) s.http.close();
    });
    servers.clear();
    exchanges.clear();
  }

  private Server server(int rid) throws OpException {
    Server server = servers.get(rid);
    if (server == null) throw new OpException(OpError.of(ErrorKind.BadResource, "Bad resource ID"));
    return server;
  }

  private static OpError connectionClosed() {
    return HttpExchange.CONNECTION_LOST;
  }

  private static Object body(Value body) {
    if (body.isNull()) return null;
    if (body.isString()) return body.asString();
    return JsValues.bytes(body);
  }
}
