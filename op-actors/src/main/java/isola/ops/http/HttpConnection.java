package isola.ops.http;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.util.ReferenceCountUtil;
import isola.ops.websocket.WebSocketConnection;
import java.net.InetSocketAddress;
import java.util.ArrayDeque;

/**
 * One HTTP/1.1 connection, on its event-loop thread only. Requests are served one at a time in
 * arrival order: a pipelined request waits in the backlog (and reading pauses) until the response
 * before it is written, so responses can never overtake each other.
 */
final class HttpConnection extends ChannelInboundHandlerAdapter {
  static final String CODEC = "http-codec";

  /** Request body bytes held for a script that has not read them yet; beyond this, reading pauses. */
  private static final int MAX_BUFFERED_BODY = 64 * 1024;

  private final HttpServer server;
  private final ArrayDeque<Object> backlog = new ArrayDeque<>();
  private ChannelHandlerContext ctx;
  private ChannelExchange current;
  private boolean rejecting;
  private boolean closeWhenIdle;

  HttpConnection(HttpServer server) {
    this.server = server;
  }

  @Override
  public void handlerAdded(ChannelHandlerContext ctx) {
    this.ctx = ctx;
  }

  @Override
  public void channelRead(ChannelHandlerContext ctx, Object msg) {
    if (!backlog.isEmpty() || (current != null && current.requestComplete())) {
      backlog.add(msg);
      updateAutoRead();
      return;
    }
    dispatch(msg);
  }

  private void dispatch(Object msg) {
    if (msg instanceof HttpRequest request) {
      if (request.decoderResult().isFailure()) {
        ReferenceCountUtil.release(msg);
        reject();
        return;
      }
      current = new ChannelExchange(this, ctx.channel(), request,
          (InetSocketAddress) ctx.channel().remoteAddress());
      server.arrived(current);
    }
    if (msg instanceof HttpContent content) {
      if (current == null || rejecting) {
        content.release();
        return;
      }
      if (content.decoderResult().isFailure()) {
        content.release();
        current.bodyFailed();
        ctx.close();
        return;
      }
      current.received(content);
    }
  }

  /**
   * The head could not be parsed (malformed, or a line or header block over the limits): Deno answers
   * every such request with a bare 400 and drops the connection.
   */
  private void reject() {
    rejecting = true;
    DefaultFullHttpResponse response = new DefaultFullHttpResponse(
        HttpVersion.HTTP_1_1, HttpResponseStatus.BAD_REQUEST, Unpooled.EMPTY_BUFFER);
    response.headers().set(HttpHeaderNames.CONTENT_LENGTH, 0)
        .set(HttpHeaderNames.DATE, HttpDates.now())
        .set(HttpHeaderNames.CONNECTION, "close");
    ctx.writeAndFlush(response).addListener(ChannelFutureListener.CLOSE);
  }

  /** Called by the current exchange when its request has been read and its response written. */
  void finished(ChannelExchange exchange) {
    if (exchange != current) return;
    current = null;
    if (closeWhenIdle) {
      ctx.close();
      return;
    }
    while (!backlog.isEmpty() && (current == null || !current.requestComplete())) {
      dispatch(backlog.poll());
    }
    updateAutoRead();
  }

  void updateAutoRead() {
    boolean read = backlog.isEmpty()
        && (current == null || current.bufferedBodyBytes() < MAX_BUFFERED_BODY);
    if (ctx.channel().config().isAutoRead() != read) ctx.channel().config().setAutoRead(read);
  }

  @Override
  public void userEventTriggered(ChannelHandlerContext ctx, Object event) {
    if (event != HttpServer.CLOSE_WHEN_IDLE) {
      ctx.fireUserEventTriggered(event);
      return;
    }
    closeWhenIdle = true;
    if (current == null) ctx.close();
  }

  @Override
  public void channelInactive(ChannelHandlerContext ctx) {
    if (current != null) current.connectionLost();
    current = null;
    backlog.forEach(ReferenceCountUtil::release);
    backlog.clear();
  }

  @Override
  public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
    // A reset or broken connection: channelInactive follows and tells whoever waits on it.
    ctx.close();
  }

  /**
   * The 101 answering {@code exchange} is out: the connection stops speaking HTTP. Anything pipelined
   * behind the upgrade request is dropped; bytes the HTTP decoder already holds go to the frames.
   */
  WebSocketConnection upgradeToWebSocket(ChannelExchange exchange) {
    current = null;
    backlog.forEach(ReferenceCountUtil::release);
    backlog.clear();
    WebSocketConnection ws = WebSocketConnection.install(ctx.channel(), CODEC, false);
    ctx.pipeline().remove(this);
    ctx.pipeline().remove(CODEC);
    if (!ctx.channel().config().isAutoRead()) ctx.channel().config().setAutoRead(true);
    return ws;
  }

  HttpServer server() {
    return server;
  }
}
