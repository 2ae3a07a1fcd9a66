package isola.ops.websocket;

import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.handler.codec.http.DefaultFullHttpRequest;
import io.netty.handler.codec.http.DefaultHttpHeadersFactory;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpClientCodec;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.util.ReferenceCountUtil;
import isola.ops.fetch.FetchClient;
import isola.ops.http.HttpEventLoops;
import isola.protocol.ErrorKind;
import isola.protocol.OpError;
import isola.protocol.OpReply;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.channels.UnresolvedAddressException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.pekko.actor.typed.ActorRef;

/**
 * Opens client WebSockets ({@code new WebSocket(url)}) on the shared HTTP event loops: connect (TLS
 * for wss:), send the upgrade request with Deno's headers, and on a 101 hand the connection over to a
 * {@link WebSocketConnection}. Like Deno (fastwebsockets) it does not check the server's
 * sec-websocket-accept, and reports failures in Deno's words.
 */
public final class WebSocketClient {
  private WebSocketClient() {}

  private static final String CODEC = "http-codec";
  private static final SecureRandom RANDOM = new SecureRandom();

  /** The reply of a successful connect. */
  public record Opened(WebSocketConnection connection, String protocol, String extensions) {}

  /** A connect in progress; cancelling it fails the connect with Deno's "operation canceled". */
  public static final class Connecting {
    private final AtomicBoolean settled = new AtomicBoolean();
    private final int promiseId;
    private final ActorRef<OpReply> replyTo;
    private volatile Channel channel;

    private Connecting(int promiseId, ActorRef<OpReply> replyTo) {
      this.promiseId = promiseId;
      this.replyTo = replyTo;
    }

    public void cancel() {
      if (!settled.compareAndSet(false, true)) return;
      Channel ch = channel;
      if (ch != null) ch.close();
      replyTo.tell(OpReply.err(promiseId, OpError.of(ErrorKind.Interrupted, "operation canceled")));
    }

    private void succeed(Opened opened) {
      if (settled.compareAndSet(false, true)) replyTo.tell(OpReply.ok(promiseId, opened));
      else opened.connection().abort();
    }

    private void fail(String message) {
      Channel ch = channel;
      if (ch != null) ch.close();
      if (settled.compareAndSet(false, true)) {
        replyTo.tell(OpReply.err(promiseId, OpError.of(ErrorKind.Error, "failed to connect to WebSocket: " + message)));
      }
    }
  }

  /**
   * Connects to a ws: or wss: URL. {@code headerPairs} are sent first (user-agent, version, protocols,
   * the script's own), then host, upgrade, connection and key, in Deno's order.
   */
  public static Connecting connect(int promiseId, URI url, String[] headerPairs, ActorRef<OpReply> replyTo) {
    Connecting connecting = new Connecting(promiseId, replyTo);
    boolean tls = "wss".equals(url.getScheme());
    String host = url.getHost().startsWith("[") ? url.getHost().substring(1, url.getHost().length() - 1) : url.getHost();
    int port = url.getPort() >= 0 ? url.getPort() : tls ? 443 : 80;
    ChannelFuture connected = new Bootstrap()
        .group(HttpEventLoops.group())
        .channel(NioSocketChannel.class)
        .option(ChannelOption.TCP_NODELAY, true)
        .handler(new ChannelInitializer<SocketChannel>() {
          @Override
          protected void initChannel(SocketChannel ch) {
            if (tls) ch.pipeline().addLast(FetchClient.clientTls().newHandler(ch.alloc(), host, port));
            ch.pipeline()
                .addLast(CODEC, new HttpClientCodec())
                .addLast(new HttpObjectAggregator(64 * 1024))
                .addLast(new Handshake(connecting));
          }
        })
        .connect(InetSocketAddress.createUnresolved(host, port));
    connecting.channel = connected.channel();
    connected.addListener(f -> {
      if (!f.isSuccess()) {
        connecting.fail(isDnsFailure(f.cause()) ? "dns error" : "tcp connect error");
        return;
      }
      connected.channel().writeAndFlush(request(url, host, port, tls, headerPairs));
    });
    return connecting;
  }

  private static boolean isDnsFailure(Throwable failure) {
    for (Throwable c = failure; c != null; c = c.getCause()) {
      if (c instanceof UnresolvedAddressException || c instanceof UnknownHostException) return true;
    }
    return false;
  }

  private static DefaultFullHttpRequest request(URI url, String host, int port, boolean tls, String[] headerPairs) {
    String target = url.getRawPath() == null || url.getRawPath().isEmpty() ? "/" : url.getRawPath();
    if (url.getRawQuery() != null) target += "?" + url.getRawQuery();
    HttpHeaders headers = DefaultHttpHeadersFactory.headersFactory().withValidation(false).newHeaders();
    for (int i = 0; i + 1 < headerPairs.length; i += 2) headers.add(headerPairs[i], headerPairs[i + 1]);
    String h = host.indexOf(':') >= 0 ? "[" + host + "]" : host;
    headers.set("host", port == (tls ? 443 : 80) ? h : h + ":" + port);
    headers.set("upgrade", "websocket");
    headers.set("connection", "Upgrade");
    byte[] nonce = new byte[16];
    RANDOM.nextBytes(nonce);
    headers.set("sec-websocket-key", Base64.getEncoder().encodeToString(nonce));
    return new DefaultFullHttpRequest(HttpVersion.HTTP_1_1, HttpMethod.GET, target, Unpooled.EMPTY_BUFFER, headers,
        DefaultHttpHeadersFactory.trailersFactory().newHeaders());
  }

  /** Waits for the server's answer to the upgrade request. */
  private static final class Handshake extends ChannelInboundHandlerAdapter {
    private final Connecting connecting;

    Handshake(Connecting connecting) {
      this.connecting = connecting;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
      if (!(msg instanceof FullHttpResponse response)) {
        ReferenceCountUtil.release(msg);
        return;
      }
      try {
        int status = response.status().code();
        if (status != 101) {
          connecting.fail("Invalid status code: " + status);
          return;
        }
        String protocol = response.headers().get("sec-websocket-protocol", "");
        String extensions = response.headers().get("sec-websocket-extensions", "");
        WebSocketConnection connection = WebSocketConnection.install(ctx.channel(), CODEC, true);
        ctx.pipeline().remove(HttpObjectAggregator.class);
        ctx.pipeline().remove(this);
        ctx.pipeline().remove(CODEC);
        connecting.succeed(new Opened(connection, protocol, extensions));
      } finally {
        response.release();
      }
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
      connecting.fail("connection closed before the handshake completed");
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
      connecting.fail(cause.getMessage() == null ? cause.toString() : cause.getMessage());
    }
  }
}
