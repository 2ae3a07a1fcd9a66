package isola.isolate;

import isola.ops.OpException;
import isola.ops.fs.FsOps;
import isola.ops.net.NetErrors;
import isola.ops.net.OpenSocket;
import isola.ops.net.TcpConnection;
import isola.ops.net.TcpListener;
import isola.ops.permissions.PermissionKind;
import isola.ops.permissions.Permissions;
import isola.protocol.ConnectRequest;
import isola.protocol.ErrorKind;
import isola.protocol.ListenerRequest;
import isola.protocol.OpError;
import isola.protocol.OpReply;
import isola.protocol.TcpRequest;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.channels.AsynchronousServerSocketChannel;
import java.nio.channels.AsynchronousSocketChannel;
import java.nio.channels.Channel;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.DispatcherSelector;
import org.apache.pekko.actor.typed.javadsl.ActorContext;
import org.graalvm.polyglot.proxy.ProxyExecutable;

/**
 * Ops of 60_net.js. Each listener and connection is a resource actor, a child of the isolate (so its
 * socket closes when the isolate stops), with a Deno resource id. Permissions are checked here, on the
 * isolate thread, against the host as the script wrote it (Deno checks the name, not what it resolves
 * to).
 *
 * <p>Runs only on the isolate's thread.
 */
final class NetBinding {
  private final ActorContext<?> context;
  private final Permissions permissions;
  private final ResourceTable resources;
  private final ActorRef<ConnectRequest> net;
  private final ActorRef<OpReply> replyTo;
  private final JsErrors errors;
  private final Map<Integer, Conn> conns = new HashMap<>();
  private final Map<Integer, Listener> listeners = new HashMap<>();

  /**
   * Closing happens here, at once, as Deno's close is synchronous (a connect right after a listener's
   * close must be refused); NIO channels may be closed from any thread. The actor then fails what was
   * still pending on the socket and stops.
   */
  private record Conn(AsynchronousSocketChannel channel, ActorRef<TcpRequest> actor) {}

  private record Listener(AsynchronousServerSocketChannel channel, ActorRef<ListenerRequest> actor) {}

  NetBinding(ActorContext<?> context, Permissions permissions, ResourceTable resources,
      ActorRef<OpReply> replyTo, JsErrors errors) {
    this.context = context;
    this.permissions = permissions;
    this.resources = resources;
    this.net = context.spawn(isola.ops.net.NetOps.create(), "net", FsOps.DISPATCHER);
    this.replyTo = replyTo;
    this.errors = errors;
  }

  void register(Map<String, Object> ops) {
    ops.put("op_net_listen_tcp", (ProxyExecutable) a -> errors.guard(() ->
        listen(a[0].asString(), a[1].asInt())));
    ops.put("op_net_accept_tcp", (ProxyExecutable) a -> errors.guard(() -> {
      Listener listener = listeners.get(a[1].asInt());
      if (listener == null) throw new OpException(TcpListener.CLOSED);
      listener.actor().tell(new ListenerRequest.Accept(a[0].asInt(), replyTo));
      return null;
    }));
    ops.put("op_net_connect_tcp", (ProxyExecutable) a -> errors.guard(() -> {
      String hostname = a[1].asString();
      int port = a[2].asInt();
      permissions.check(PermissionKind.NET, hostPort(hostname, port));
      net.tell(new ConnectRequest(a[0].asInt(), hostname, port, replyTo));
      return null;
    }));
    ops.put("op_net_read", (ProxyExecutable) a -> errors.guard(() -> {
      conn(a[1].asInt()).tell(new TcpRequest.Read(a[0].asInt(), a[2].asInt(), replyTo));
      return null;
    }));
    ops.put("op_net_write", (ProxyExecutable) a -> errors.guard(() -> {
      conn(a[1].asInt()).tell(new TcpRequest.Write(a[0].asInt(), JsValues.bytes(a[2]), replyTo));
      return null;
    }));
    ops.put("op_net_close_write", (ProxyExecutable) a -> errors.guard(() -> {
      conn(a[1].asInt()).tell(new TcpRequest.CloseWrite(a[0].asInt(), replyTo));
      return null;
    }));
    ops.put("op_net_set_nodelay", (ProxyExecutable) a -> errors.guard(() -> {
      conn(a[0].asInt()).tell(new TcpRequest.SetNoDelay(a[1].asBoolean()));
      return null;
    }));
    ops.put("op_net_set_keepalive", (ProxyExecutable) a -> errors.guard(() -> {
      conn(a[0].asInt()).tell(new TcpRequest.SetKeepAlive(a[1].asBoolean()));
      return null;
    }));
    ops.put("op_net_close", (ProxyExecutable) a -> errors.guard(() -> {
      int rid = a[0].asInt();
      Conn conn = conns.remove(rid);
      if (conn != null) {
        closeQuietly(conn.channel());
        conn.actor().tell(new TcpRequest.Close());
        return null;
      }
      Listener listener = listeners.remove(rid);
      if (listener == null) throw badResource();
      closeQuietly(listener.channel());
      listener.actor().tell(new ListenerRequest.Close());
      return null;
    }));
  }

  /** An {@link OpenSocket} in a reply becomes a connection resource: {@code [rid, local..., remote...]}. */
  OpReply adopt(OpReply reply) {
    if (reply instanceof OpReply.Ok ok && ok.value() instanceof OpenSocket socket) {
      int rid = resources.newRid();
      conns.put(rid, new Conn(socket.channel(), context.spawn(TcpConnection.create(socket.channel()),
          "tcp-conn-" + rid, DispatcherSelector.sameAsParent())));
      return OpReply.ok(ok.promiseId(), List.of(rid,
          host(socket.local()), socket.local().getPort(),
          host(socket.remote()), socket.remote().getPort()));
    }
    return reply;
  }

  /** Binds at once (Deno.listen is synchronous): {@code [rid, hostname, port]}. */
  private Object listen(String hostname, int port) throws OpException {
    permissions.check(PermissionKind.NET, hostPort(hostname, port));
    AsynchronousServerSocketChannel channel = null;
    try {
      channel = AsynchronousServerSocketChannel.open();
      InetSocketAddress requested = new InetSocketAddress(hostname, port);
      channel.bind(requested);
      InetSocketAddress bound = (InetSocketAddress) channel.getLocalAddress();
      // The JDK binds "0.0.0.0" on a dual-stack socket and reports "::"; Deno reports what was asked.
      String shown = bound.getAddress().isAnyLocalAddress() && !requested.isUnresolved()
          ? host(requested) : host(bound);
      int rid = resources.newRid();
      listeners.put(rid, new Listener(channel, context.spawn(TcpListener.create(channel),
          "tcp-listener-" + rid, DispatcherSelector.sameAsParent())));
      return JsValues.toJs(List.of(rid, shown, bound.getPort()));
    } catch (IOException | RuntimeException e) {
      if (channel != null) closeQuietly(channel);
      throw new OpException(NetErrors.of(e));
    }
  }

  private ActorRef<TcpRequest> conn(int rid) throws OpException {
    Conn conn = conns.get(rid);
    if (conn == null) throw badResource();
    return conn.actor();
  }

  private static void closeQuietly(Channel channel) {
    try {
      channel.close();
    } catch (IOException e) {
      // the socket is released either way
    }
  }

  private static OpException badResource() {
    return new OpException(OpError.of(ErrorKind.BadResource, "Bad resource ID"));
  }

  static String host(InetSocketAddress address) {
    String h = address.getAddress().getHostAddress();
    int zone = h.indexOf('%');
    return zone >= 0 ? h.substring(0, zone) : h;
  }

  /** What Deno checks for a URL: its host and port, or the scheme's default port (443 for https: and wss:). */
  static String urlHostPort(URI url) {
    String host = url.getHost();
    if (host.startsWith("[")) host = host.substring(1, host.length() - 1);
    boolean secure = "https".equals(url.getScheme()) || "wss".equals(url.getScheme());
    return hostPort(host, url.getPort() >= 0 ? url.getPort() : secure ? 443 : 80);
  }

  /** The host as Deno's permission check and its denial show it: IPv6 in brackets. */
  static String hostPort(String hostname, int port) {
    String host = hostname.indexOf(':') >= 0 && !hostname.startsWith("[") ? "[" + hostname + "]" : hostname;
    return host + ":" + port;
  }
}
