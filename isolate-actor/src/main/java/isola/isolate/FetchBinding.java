package isola.isolate;

import isola.ops.fetch.FetchClient;
import isola.ops.fetch.FetchExchange;
import isola.ops.fetch.FetchResponse;
import isola.ops.permissions.PermissionKind;
import isola.ops.permissions.Permissions;
import isola.protocol.OpReply;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.pekko.actor.typed.ActorRef;
import org.graalvm.polyglot.Value;
import org.graalvm.polyglot.proxy.ProxyExecutable;

/**
 * Ops of 63_fetch.js. Each fetch is a resource ({@link FetchExchange}) with a Deno resource id, from
 * the request until the script is done with the response body. Permissions are checked here,
 * against the URL's host and port as Deno names them ({@code "example.com:80"}).
 *
 * <p>Runs only on the isolate's thread.
 */
final class FetchBinding {
  private final Permissions permissions;
  private final ResourceTable resources;
  private final ActorRef<OpReply> replyTo;
  private final JsErrors errors;
  private final Map<Integer, FetchExchange> exchanges = new HashMap<>();

  FetchBinding(Permissions permissions, ResourceTable resources, ActorRef<OpReply> replyTo, JsErrors errors) {
    this.permissions = permissions;
    this.resources = resources;
    this.replyTo = replyTo;
    this.errors = errors;
  }

  void register(Map<String, Object> ops) {
    ops.put("op_fetch_rid", (ProxyExecutable) a -> resources.newRid());
    // [promiseId, rid, method, url, headerPairs, body (null|string|bytes), streamBody]
    ops.put("op_fetch", (ProxyExecutable) a -> errors.guard(() -> {
      URI url = URI.create(a[3].asString());
      permissions.check(PermissionKind.NET, NetBinding.urlHostPort(url));
      exchanges.put(a[1].asInt(), FetchClient.send(a[0].asInt(), a[2].asString(), url,
          JsValues.strings(a[4]), body(a[5]), a[6].asBoolean(), replyTo));
      return null;
    }));
    ops.put("op_fetch_write", (ProxyExecutable) a -> {
      FetchExchange exchange = exchanges.get(a[1].asInt());
      if (exchange == null) replyTo.tell(OpReply.ok(a[0].asInt(), null));
      else exchange.write(a[0].asInt(), JsValues.bytes(a[2]), replyTo);
      return null;
    });
    ops.put("op_fetch_end", (ProxyExecutable) a -> {
      FetchExchange exchange = exchanges.get(a[0].asInt());
      if (exchange != null) exchange.end(a[1].asBoolean());
      return null;
    });
    ops.put("op_fetch_read", (ProxyExecutable) a -> {
      FetchExchange exchange = exchanges.get(a[1].asInt());
      if (exchange == null) replyTo.tell(OpReply.ok(a[0].asInt(), null));
      else exchange.read(a[0].asInt(), replyTo);
      return null;
    });
    ops.put("op_fetch_close", (ProxyExecutable) a -> {
      FetchExchange exchange = exchanges.remove(a[0].asInt());
      if (exchange != null) exchange.cancel();
      return null;
    });
  }

  /** A {@link FetchResponse} becomes {@code [status, statusText, headerPairs, body, streamed]}. */
  static OpReply adopt(OpReply reply) {
    if (!(reply instanceof OpReply.Ok ok) || !(ok.value() instanceof FetchResponse response)) return reply;
    List<Object> fields = new ArrayList<>(5);
    fields.add(response.status());
    fields.add(response.statusText());
    fields.add(new ArrayList<Object>(response.headerPairs()));
    fields.add(response.body());
    fields.add(response.stream() != null);
    return OpReply.ok(ok.promiseId(), fields);
  }

  void closeAll() {
    exchanges.values().forEach(FetchExchange::cancel);
    exchanges.clear();
  }

  private static byte[] body(Value body) {
    if (body.isNull()) return null;
    if (body.isString()) return body.asString().getBytes(StandardCharsets.UTF_8);
    return JsValues.bytes(body);
  }
}
