package isola.isolate;

import isola.ops.OpException;
import isola.ops.permissions.PermissionKind;
import isola.ops.permissions.Permissions;
import isola.ops.websocket.WebSocketClient;
import isola.ops.websocket.WebSocketConnection;
import isola.protocol.ErrorKind;
import isola.protocol.OpError;
import isola.protocol.OpReply;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.pekko.actor.typed.ActorRef;
import org.graalvm.polyglot.Value;
import org.graalvm.polyglot.proxy.ProxyExecutable;

/**
 * Ops of 65_websocket.js: client WebSockets ({@code new WebSocket}) and the server end of
 * {@code Deno.upgradeWebSocket} (the 101 itself is {@code op_http_upgrade_websocket}, see
 * {@link HttpBinding}). Each open socket is a {@link WebSocketConnection} with a Deno resource id,
 * given when its connect or upgrade reply arrives.
 *
 * <p>Runs only on the isolate's thread.
 */
final class WebSocketBinding {
  private final Permissions permissions;
  private final ResourceTable resources;
  private final ActorRef<OpReply> replyTo;
  private final JsErrors errors;
  private final Map<Integer, WebSocketConnection> sockets = new HashMap<>();
  /** Connects in progress, by the handle the script cancels them with. */
  private final Map<Integer, WebSocketClient.Connecting> connecting = new HashMap<>();
  /** The handle of each connect still waiting for its reply, by promise id. */
  private final Map<Integer, Integer> handleOfPromise = new HashMap<>();

  WebSocketBinding(Permissions permissions, ResourceTable resources, ActorRef<OpReply> replyTo, JsErrors errors) {
    this.permissions = permissions;
    this.resources = resources;
    this.replyTo = replyTo;
    this.errors = errors;
  }

  void register(Map<String, Object> ops) {
    // Deno checks before connecting, so that new WebSocket() itself throws NotCapable.
    ops.put("op_ws_check_permission", (ProxyExecutable) a -> errors.guard(() -> {
      URI url = URI.create(a[0].asString());
      permissions.check(PermissionKind.NET, NetBinding.urlHostPort(url));
      return resources.newRid();
    }));
    // Deno's op_http_websocket_accept_header: the handshake's proof (RFC 6455, section 4.2.2).
    ops.put("op_ws_accept_key", (ProxyExecutable) a -> acceptKey(a[0].asString()));
    ops.put("op_ws_create", (ProxyExecutable) a -> {
      int promiseId = a[0].asInt();
      int handle = a[1].asInt();
      handleOfPromise.put(promiseId, handle);
      connecting.put(handle, WebSocketClient.connect(promiseId, URI.create(a[2].asString()),
          JsValues.strings(a[3]), replyTo));
      return null;
    });
    ops.put("op_ws_cancel", (ProxyExecutable) a -> {
      WebSocketClient.Connecting c = connecting.remove(a[0].asInt());
      if (c != null) c.cancel();
      return null;
    });
    ops.put("op_ws_next_event", (ProxyExecutable) a -> errors.guard(() -> {
      socket(a[1].asInt()).next(a[0].asInt(), replyTo);
      return null;
    }));
    ops.put("op_ws_send_text", (ProxyExecutable) a -> errors.guard(() -> {
      socket(a[0].asInt()).sendText(a[1].asString());
      return null;
    }));
    ops.put("op_ws_send_binary", (ProxyExecutable) a -> errors.guard(() -> {
      socket(a[0].asInt()).sendBinary(JsValues.bytes(a[1]));
      return null;
    }));
    ops.put("op_ws_send_ping", (ProxyExecutable) a -> errors.guard(() -> {
      socket(a[0].asInt()).sendPing();
      return null;
    }));
    ops.put("op_ws_get_buffered_amount", (ProxyExecutable) a -> errors.guard(() ->
        (double) socket(a[0].asInt()).bufferedAmount()));
    // [promiseId, rid, code|undefined, reason|undefined]
    ops.put("op_ws_close", (ProxyExecutable) a -> errors.guard(() -> {
      socket(a[1].asInt()).close(a[0].asInt(), optionalInt(a[2]), optionalString(a[3]), replyTo);
      return null;
    }));
    // core.tryClose of the socket's resource: whatever is still open is dropped.
    ops.put("op_ws_release", (ProxyExecutable) a -> {
      WebSocketConnection socket = sockets.remove(a[0].asInt());
      if (socket != null) socket.abort();
      return null;
    });
  }

  /**
   * A connect's {@link WebSocketClient.Opened} becomes {@code [rid, protocol, extensions]}; an upgraded
   * server connection becomes its rid.
   */
  OpReply adopt(OpReply reply) {
    Integer handle = handleOfPromise.remove(reply.promiseId());
    if (handle != null) connecting.remove(handle);
    if (!(reply instanceof OpReply.Ok ok)) return reply;
    if (ok.value() instanceof WebSocketClient.Opened opened) {
      int rid = resources.newRid();
      sockets.put(rid, opened.connection());
      return OpReply.ok(ok.promiseId(), List.of(rid, opened.protocol(), opened.extensions()));
    }
    if (ok.value() instanceof WebSocketConnection upgraded) {
      int rid = resources.newRid();
      sockets.put(rid, upgraded);
      return OpReply.ok(ok.promiseId(), rid);
    }
    return reply;
  }

  void closeAll() {
    connecting.values().forEach(WebSocketClient.Connecting::cancel);
    connecting.clear();
    sockets.values().forEach(WebSocketConnection::abort);
    sockets.clear();
  }

  private static String acceptKey(String key) {
    try {
      MessageDigest sha1 = MessageDigest.getInstance("SHA-1");
      byte[] digest = sha1.digest((key + "258EAFA5-E914-47DA-95CA-C5AB0DC85B11").getBytes(StandardCharsets.UTF_8));
      return Base64.getEncoder().encodeToString(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-1", e);
    }
  }

  private WebSocketConnection socket(int rid) throws OpException {
    WebSocketConnection socket = sockets.get(rid);
    if (socket == null) throw new OpException(OpError.of(ErrorKind.BadResource, "Bad resource ID"));
    return socket;
  }

  private static Integer optionalInt(Value v) {
    return v == null || v.isNull() ? null : v.asInt();
  }

  private static String optionalString(Value v) {
    return v == null || v.isNull() ? null : v.asString();
  }
}
