package isola.ops.http;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.DefaultHttpContent;
import io.netty.handler.codec.http.DefaultHttpHeadersFactory;
import io.netty.handler.codec.http.DefaultHttpResponse;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.LastHttpContent;
import isola.protocol.OpReply;
import java.net.InetSocketAddress;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.pekko.actor.typed.ActorRef;

/**
 * One request and its response on a connection of this JVM. The request head is immutable and may be
 * read from any thread; all body and response state belongs to the connection's event-loop thread, so
 * the isolate's calls ({@link #respond}, {@link #read}, {@link #write}, ...) only hand tasks to that
 * thread and learn the outcome by an {@link OpReply} message.
 */
final class ChannelExchange extends ExchangeHead {
  private static final HttpHeaders NO_TRAILERS = DefaultHttpHeadersFactory.trailersFactory().newHeaders();

  private final HttpConnection connection;
  private final Channel channel;
  private final HttpVersion version;
  private final boolean keepAlive;

  // Event-loop state.
  private final ArrayDeque<byte[]> body = new ArrayDeque<>();
  private int bufferedBytes;
  private boolean requestComplete;
  private boolean bodyEnded;
  private boolean discardBody;
  private boolean responseDone;
  private boolean responseStarted;
  private boolean lost;
  /** Event-loop state: what to run once the response is out (watch). */
  private Runnable onCompleted;
  private boolean closeAfterResponse;
  private int pendingRead = -1;
  private ActorRef<OpReply> pendingReadReplyTo;

  ChannelExchange(HttpConnection connection, Channel channel, HttpRequest request, InetSocketAddress remote) {
    HttpHeaders headers = request.headers();
    List<String> pairs = new ArrayList<>(headers.size() * 2);
    String host = null;
    for (Map.Entry<String, String> h : headers) {
      String name = h.getKey().toLowerCase(Locale.ROOT);
      pairs.add(name);
      pairs.add(h.getValue());
      if (host == null && name.equals("host")) host = h.getValue();
    }
    super(request.method().name(), requestUrl(request.uri(), host, (InetSocketAddress) channel.localAddress()), pairs,
        HttpUtil.isTransferEncodingChunked(request) || HttpUtil.getContentLength(request, 0L) > 0, remote);
    this.connection = connection;
    this.channel = channel;
    this.version = request.protocolVersion();
    this.keepAlive = HttpUtil.isKeepAlive(request);
    this.closeAfterResponse = !keepAlive;
  }

  /** Deno's {@code request.url}: absolute-form targets as sent, origin-form against the Host header. */
  private static String requestUrl(String target, String host, InetSocketAddress local) {
    if (target.startsWith("http://") || target.startsWith("https://")) return target;
    if (host == null) host = local.getAddress().getHostAddress() + ":" + local.getPort();
    return "http://" + host + target;
  }

  boolean requestComplete() {
    return requestComplete;
  }

  int bufferedBodyBytes() {
    return bufferedBytes;
  }

  // ---- request body (event loop) ----

  void received(HttpContent content) {
    ByteBuf buf = content.content();
    if (buf.isReadable() && !discardBody) {
      byte[] bytes = ByteBufUtil.getBytes(buf);
      if (pendingRead >= 0) {
        replyRead(OpReply.ok(pendingRead, bytes));
      } else {
        body.add(bytes);
        bufferedBytes += bytes.length;
      }
    }
    content.release();
    if (content instanceof LastHttpContent) {
      requestComplete = true;
      bodyEnded = true;
      if (pendingRead >= 0) replyRead(OpReply.ok(pendingRead, null));
      if (responseDone) connection.finished(this);
    }
    connection.updateAutoRead();
  }

  void bodyFailed() {
    lost = true;
    if (pendingRead >= 0) replyRead(OpReply.err(pendingRead, CONNECTION_LOST));
  }

  void connectionLost() {
    done = true;
    if (lost || (responseDone && requestComplete)) return;
    bodyFailed();
    connection.server().lost(this);
  }

  @Override
  public void read(int promiseId, ActorRef<OpReply> replyTo) {
    channel.eventLoop().execute(() -> {
      if (!body.isEmpty()) {
        byte[] bytes = body.size() == 1 ? body.poll() : drainBody();
        bufferedBytes -= bytes.length;
        replyTo.tell(OpReply.ok(promiseId, bytes));
        connection.updateAutoRead();
      } else if (bodyEnded || !hasBody()) {
        replyTo.tell(OpReply.ok(promiseId, null));
      } else if (lost) {
        replyTo.tell(OpReply.err(promiseId, CONNECTION_LOST));
      } else {
        pendingRead = promiseId;
        pendingReadReplyTo = replyTo;
        connection.updateAutoRead();
      }
    });
  }

  private byte[] drainBody() {
    byte[] all = new byte[bufferedBytes];
    int at = 0;
    for (byte[] chunk; (chunk = body.poll()) != null; at += chunk.length) {
      System.arraycopy(chunk, 0, all, at, chunk.length);
    }
    return all;
  }

  private void replyRead(OpReply reply) {
    ActorRef<OpReply> to = pendingReadReplyTo;
    pendingRead = -1;
    pendingReadReplyTo = null;
    to.tell(reply);
  }

  // ---- response (called from the isolate; runs on the event loop) ----

  @Override
  public void respond(int status, String[] headerPairs, Object body) {
    channel.eventLoop().execute(() -> {
      if (lost || responseStarted) return;
      responseStarted = true;
      HttpResponseStatus st = HttpResponseStatus.valueOf(status);
      boolean noBody = bodyless(status);
      ByteBuf content = noBody || body == null || method().equals("HEAD") ? Unpooled.EMPTY_BUFFER
          : body instanceof String s ? ByteBufUtil.writeUtf8(channel.alloc(), s)
          : Unpooled.wrappedBuffer((byte[]) body);
      DefaultFullHttpResponse response = new DefaultFullHttpResponse(
          version, st, content, headers(headerPairs), NO_TRAILERS);
      if (!noBody) {
        long length = body == null ? 0 : body instanceof String s ? ByteBufUtil.utf8Bytes(s) : ((byte[]) body).length;
        response.headers().set(HttpHeaderNames.CONTENT_LENGTH, length);
      }
      finishHeaders(response.headers());
      channel.writeAndFlush(response).addListener(f -> responseWritten());
    });
  }

  @Override
  public void startStream(int status, String[] headerPairs) {
    channel.eventLoop().execute(() -> {
      if (lost || responseStarted) return;
      responseStarted = true;
      DefaultHttpResponse response =
          new DefaultHttpResponse(version, HttpResponseStatus.valueOf(status), headers(headerPairs));
      if (!bodyless(status)) {
        // HTTP/1.0 has no chunked coding: the end of the connection ends the body.
        if (version.isKeepAliveDefault()) {
          response.headers().set(HttpHeaderNames.TRANSFER_ENCODING, "chunked");
        } else {
          closeAfterResponse = true;
        }
      }
      finishHeaders(response.headers());
      channel.writeAndFlush(response);
    });
  }

  /** One chunk of a streamed body; the reply comes once it is handed to the kernel (back-pressure). */
  @Override
  public void write(int promiseId, byte[] chunk, ActorRef<OpReply> replyTo) {
    channel.eventLoop().execute(() -> {
      if (lost || responseDone) {
        replyTo.tell(OpReply.err(promiseId, CONNECTION_LOST));
        return;
      }
      if (chunk.length == 0 || method().equals("HEAD")) {
        replyTo.tell(OpReply.ok(promiseId, null));
        return;
      }
      ChannelFuture f = channel.writeAndFlush(new DefaultHttpContent(Unpooled.wrappedBuffer(chunk)));
      f.addListener(done -> replyTo.tell(done.isSuccess()
          ? OpReply.ok(promiseId, null) : OpReply.err(promiseId, CONNECTION_LOST)));
    });
  }

  @Override
  public void end() {
    channel.eventLoop().execute(() -> {
      if (lost || responseDone) return;
      channel.writeAndFlush(LastHttpContent.EMPTY_LAST_CONTENT).addListener(f -> responseWritten());
    });
  }

  @Override
  public void upgradeWebSocket(int promiseId, String[] headerPairs, ActorRef<OpReply> replyTo) {
    channel.eventLoop().execute(() -> {
      if (lost || responseStarted) {
        replyTo.tell(OpReply.err(promiseId, CONNECTION_LOST));
        return;
      }
      responseStarted = true;
      responseDone = true;
      done = true;
      DefaultFullHttpResponse response = new DefaultFullHttpResponse(
          version, HttpResponseStatus.SWITCHING_PROTOCOLS, Unpooled.EMPTY_BUFFER, headers(headerPairs), NO_TRAILERS);
      response.headers().set(HttpHeaderNames.DATE, HttpDates.now());
      channel.writeAndFlush(response).addListener(written -> {
        if (!written.isSuccess() || lost) {
          replyTo.tell(OpReply.err(promiseId, CONNECTION_LOST));
          return;
        }
        replyTo.tell(OpReply.ok(promiseId, connection.upgradeToWebSocket(this)));
      });
    });
  }

  @Override
  public void abort() {
    channel.eventLoop().execute(() -> {
      if (!responseDone) channel.close();
    });
  }

  @Override
  public void watch(Runnable completed) {
    channel.eventLoop().execute(() -> {
      if (responseDone && !lost) completed.run();
      else onCompleted = completed;
    });
  }

  private void responseWritten() {
    responseDone = true;
    done = true;
    if (onCompleted != null && !lost) onCompleted.run();
    if (closeAfterResponse) {
      channel.close();
      return;
    }
    if (requestComplete) {
      connection.finished(this);
    } else {
      // The script answered without reading the whole body: drop the rest as it arrives.
      discardBody = true;
      body.clear();
      bufferedBytes = 0;
      connection.updateAutoRead();
    }
  }

  private static boolean bodyless(int status) {
    return status == 204 || status == 304 || (status >= 100 && status < 200);
  }

  private static HttpHeaders headers(String[] pairs) {
    HttpHeaders headers = DefaultHttpHeadersFactory.headersFactory().withValidation(false).newHeaders();
    for (int i = 0; i + 1 < pairs.length; i += 2) headers.add(pairs[i], pairs[i + 1]);
    return headers;
  }

  private void finishHeaders(HttpHeaders headers) {
    headers.set(HttpHeaderNames.DATE, HttpDates.now());
    // An HTTP/1.0 client expects the close; a 1.1 one is told.
    if (closeAfterResponse && version.isKeepAliveDefault()) headers.set(HttpHeaderNames.CONNECTION, "close");
  }
}
