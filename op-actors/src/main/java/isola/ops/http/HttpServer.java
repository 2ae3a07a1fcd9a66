package isola.ops.http;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.util.concurrent.ImmediateEventExecutor;
import isola.protocol.HttpEvent;
import java.net.InetSocketAddress;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.pekko.actor.typed.ActorRef;

/**
 * One {@code Deno.serve} server: a listening socket on the shared {@link HttpEventLoops}. Each
 * connection is a Netty channel confined to its event-loop thread, which plays the part of a
 * per-connection actor: the isolate reaches it only by handing tasks to that thread (see
 * {@link HttpExchange}), and it reaches the isolate only by messages ({@link HttpEvent}).
 */
public final class HttpServer {
  /** Near hyper's limits (Deno's HTTP stack): a 20 KB header passes, 500 KB of headers or a 100 KB URI get a 400. */
  static final int MAX_HEADER_BYTES = 400 * 1024;
  static final int MAX_LINE_BYTES = 64 * 1024;

  /** Where a server's requests go: one isolate (Deno.serve) or one per route (isola serve --manifest). */
  public interface Router {
    void arrived(HttpExchange exchange);

    void lost(HttpExchange exchange);
  }

  /** The router of a Deno.serve server: every request to one isolate, as its resource {@code rid}. */
  public static Router toIsolate(int rid, ActorRef<HttpEvent> isolate) {
    return new Router() {
      @Override
      public void arrived(HttpExchange exchange) {
        isolate.tell(new HttpEvent.RequestArrived(rid, exchange));
      }

      @Override
      public void lost(HttpExchange exchange) {
        isolate.tell(new HttpEvent.ExchangeLost(rid, exchange.id()));
      }
    };
  }

  /** Sent down every connection by a graceful shutdown; an upgraded one (a WebSocket) handles it too. */
  public static final Object CLOSE_WHEN_IDLE = new Object();

  private final Router router;
  private final ChannelGroup connections = new DefaultChannelGroup(ImmediateEventExecutor.INSTANCE);
  /** Exchange ids are unique in the JVM: a front door's requests reach many isolates. */
  private static final AtomicInteger NEXT_EXCHANGE_ID = new AtomicInteger();
  private Channel listener;

  private HttpServer(Router router) {
    this.router = router;
  }

  /** Binds at once, as Deno.serve does; the failure is the socket's (address in use, ...). */
  public static HttpServer bind(String hostname, int port, Router router) throws Throwable {
    HttpServer server = new HttpServer(router);
    ChannelFuture bound = new ServerBootstrap()
        .group(HttpEventLoops.group())
        .channel(NioServerSocketChannel.class)
        .option(ChannelOption.SO_BACKLOG, 1024)
        .childOption(ChannelOption.TCP_NODELAY, true)
        .childHandler(new ChannelInitializer<SocketChannel>() {
          @Override
          protected void initChannel(SocketChannel ch) {
            server.connections.add(ch);
            ch.pipeline()
                .addLast(HttpConnection.CODEC, new HttpServerCodec(MAX_LINE_BYTES, MAX_HEADER_BYTES, 64 * 1024))
                .addLast(new HttpConnection(server));
          }
        })
        .bind(new InetSocketAddress(hostname, port))
        .awaitUninterruptibly();
    if (!bound.isSuccess()) throw bound.cause();
    server.listener = bound.channel();
    return server;
  }

  public InetSocketAddress localAddress() {
    return (InetSocketAddress) listener.localAddress();
  }

  static int nextExchangeId() {
    return NEXT_EXCHANGE_ID.incrementAndGet();
  }

  void arrived(ChannelExchange exchange) {
    router.arrived(exchange);
  }

  void lost(ChannelExchange exchange) {
    router.lost(exchange);
  }

  /**
   * Deno's graceful shutdown: stop accepting, close idle connections, let each busy one finish its
   * response and then close; {@code done} runs when the last connection is gone.
   */
  public void shutdown(Runnable done) {
    listener.close().awaitUninterruptibly();
    for (Channel c : connections) c.pipeline().fireUserEventTriggered(CLOSE_WHEN_IDLE);
    connections.newCloseFuture().addListener(f -> done.run());
  }

  /** Closes everything now: the isolate is gone. */
  public void close() {
    listener.close();
    connections.close();
  }
}
