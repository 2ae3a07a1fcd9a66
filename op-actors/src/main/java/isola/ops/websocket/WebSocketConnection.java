package isola.ops.websocket;

import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelPipeline;
import io.netty.handler.codec.http.websocketx.BinaryWebSocketFrame;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.PingWebSocketFrame;
import io.netty.handler.codec.http.websocketx.PongWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocket13FrameDecoder;
import io.netty.handler.codec.http.websocketx.WebSocket13FrameEncoder;
import io.netty.handler.codec.http.websocketx.WebSocketDecoderConfig;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketFrameAggregator;
import io.netty.util.ReferenceCountUtil;
import isola.ops.http.HttpServer;
import isola.protocol.OpReply;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.pekko.actor.typed.ActorRef;

/**
 * One open WebSocket (either end), confined to its channel's event-loop thread like an actor: the
 * isolate hands it tasks and hears back by {@link OpReply} messages. Incoming messages wait here until
 * the script's event loop asks for the next one ({@link #next}); past {@link #MAX_QUEUED_BYTES} the
 * socket stops reading, so a slow script never makes the JVM buffer without bound.
 *
 * <p>An event is {@code [kind, payload]} with Deno's kinds: 0 text, 1 binary, 2 pong, 3 error (the
 * payload is the message), or a close code (the payload is the reason, null when the server's shutdown
 * closed the socket and the close frame needs no answer).
 */
public final class WebSocketConnection extends ChannelInboundHandlerAdapter {
  /** fastwebsockets' limit, which Deno keeps: a larger message fails the connection. */
  static final int MAX_MESSAGE_BYTES = 64 << 20;
  private static final int MAX_QUEUED_BYTES = 256 * 1024;
  static final int TEXT = 0;
  static final int BINARY = 1;
  static final int PONG = 2;
  static final int ERROR = 3;
  /** What a close frame without a status code reports (RFC 6455: "no status received"). */
  static final int NO_STATUS = 1005;

  private final Channel channel;
  private final AtomicLong bufferedAmount = new AtomicLong();

  // Event-loop state.
  private final ArrayDeque<List<Object>> events = new ArrayDeque<>();
  private int queuedBytes;
  private int waiting = -1;
  private ActorRef<OpReply> waitingReplyTo;
  private boolean closeSent;
  private boolean closeReceived;
  private boolean ended;

  private WebSocketConnection(Channel channel) {
    this.channel = channel;
  }

  /**
   * Puts the frame codec on a channel whose HTTP handshake is done; called on its event loop, before
   * the HTTP handlers are removed, so bytes they already read reach the frame decoder.
   */
  public static WebSocketConnection install(Channel channel, String after, boolean client) {
    WebSocketConnection connection = new WebSocketConnection(channel);
    WebSocketDecoderConfig config = WebSocketDecoderConfig.newBuilder()
        .maxFramePayloadLength(MAX_MESSAGE_BYTES)
        .expectMaskedFrames(!client)
        .allowMaskMismatch(false)
        .allowExtensions(false)
        .build();
    ChannelPipeline p = channel.pipeline();
    p.addAfter(after, "ws-connection", connection);
    p.addAfter(after, "ws-aggregator", new WebSocketFrameAggregator(MAX_MESSAGE_BYTES));
    p.addAfter(after, "ws-encoder", new WebSocket13FrameEncoder(client));
    p.addAfter(after, "ws-decoder", new WebSocket13FrameDecoder(config));
    return connection;
  }

  @Override
  public void channelRead(ChannelHandlerContext ctx, Object msg) {
    try {
      switch (msg) {
        case TextWebSocketFrame text -> queue(List.of(TEXT, text.text()), text.content().readableBytes());
        case BinaryWebSocketFrame binary -> {
          byte[] bytes = ByteBufUtil.getBytes(binary.content());
          queue(List.of(BINARY, bytes), bytes.length);
        }
        case PingWebSocketFrame ping -> {
          if (!closeSent) channel.writeAndFlush(new PongWebSocketFrame(ping.content().retain()));
        }
        case PongWebSocketFrame pong -> queue(List.of(PONG, ""), 0);
        case CloseWebSocketFrame close -> closeReceived(close);
        default -> { }
      }
    } finally {
      ReferenceCountUtil.release(msg);
    }
  }

  private void closeReceived(CloseWebSocketFrame close) {
    if (closeReceived) return;
    closeReceived = true;
    int code = close.statusCode() < 0 ? NO_STATUS : close.statusCode();
    queue(List.of(code, code == NO_STATUS ? "" : close.reasonText()), 0);
    // Both close frames have passed: the closing handshake is over.
    if (closeSent) channel.close();
  }

  @Override
  public void channelInactive(ChannelHandlerContext ctx) {
    if (!closeReceived && !ended) queue(List.of(ERROR, "Unexpected EOF"), 0);
    ended = true;
  }

  /**
   * Deno's graceful shutdown of the server: the client is told 1001 (going away) and the script's
   * socket closes at once, without waiting for the client's answer.
   */
  @Override
  public void userEventTriggered(ChannelHandlerContext ctx, Object event) {
    if (event != HttpServer.CLOSE_WHEN_IDLE) {
      ctx.fireUserEventTriggered(event);
      return;
    }
    // No reason (null, not ""): the socket is closed here already, there is nothing to answer.
    if (!closeReceived) queue(Arrays.asList(NO_STATUS, null), 0);
    ended = true;
    if (closeSent) {
      channel.close();
      return;
    }
    closeSent = true;
    channel.writeAndFlush(new CloseWebSocketFrame(true, 0, 1001, "Server shutting down")).addListener(f -> channel.close());
  }

  @Override
  public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
    // A reset, or a frame the decoder refused (it has already sent its close frame): the socket
    // ends; channelInactive tells the script.
    ctx.close();
  }

  private void queue(List<Object> event, int bytes) {
    if (ended) return;
    if (waiting >= 0) {
      ActorRef<OpReply> to = waitingReplyTo;
      int promiseId = waiting;
      waiting = -1;
      waitingReplyTo = null;
      to.tell(OpReply.ok(promiseId, List.of(event)));
      return;
    }
    events.add(event);
    queuedBytes += bytes;
    if (queuedBytes > MAX_QUEUED_BYTES) channel.config().setAutoRead(false);
  }

  /**
   * op_ws_next_event: the events that wait, all of them in one reply (a burst costs one op, not one
   * per message), or the next one as soon as it arrives. The reply is a list of events.
   */
  public void next(int promiseId, ActorRef<OpReply> replyTo) {
    channel.eventLoop().execute(() -> {
      if (events.isEmpty() && ended) {
        // The script asks past the end: answer, so that no op stays pending for ever.
        replyTo.tell(OpReply.ok(promiseId, List.of(List.of(ERROR, "Unexpected EOF"))));
        return;
      }
      if (events.isEmpty()) {
        waiting = promiseId;
        waitingReplyTo = replyTo;
        return;
      }
      List<List<Object>> batch = new ArrayList<>(events);
      events.clear();
      queuedBytes = 0;
      if (!ended) channel.config().setAutoRead(true);
      replyTo.tell(OpReply.ok(promiseId, batch));
    });
  }


  public void sendText(String text) {
    send(new TextWebSocketFrame(text), ByteBufUtil.utf8Bytes(text));
  }

  public void sendBinary(byte[] bytes) {
    send(new BinaryWebSocketFrame(Unpooled.wrappedBuffer(bytes)), bytes.length);
  }

  public void sendPing() {
    send(new PingWebSocketFrame(), 0);
  }

  private void send(WebSocketFrame frame, long size) {
    bufferedAmount.addAndGet(size);
    channel.eventLoop().execute(() -> {
      if (closeSent || ended) {
        frame.release();
        bufferedAmount.addAndGet(-size);
        return;
      }
      channel.writeAndFlush(frame).addListener(f -> bufferedAmount.addAndGet(-size));
    });
  }

  /** Bytes handed to {@code send} and not yet written to the socket. */
  public long bufferedAmount() {
    return bufferedAmount.get();
  }

  /**
   * Sends the close frame ({@code code} null: none, as Deno sends for a bare {@code close()}); the reply
   * comes once it is written. After the peer's close frame this ends the handshake and the connection.
   */
  public void close(int promiseId, Integer code, String reason, ActorRef<OpReply> replyTo) {
    channel.eventLoop().execute(() -> {
      if (closeSent || ended) {
        replyTo.tell(OpReply.ok(promiseId, null));
        return;
      }
      closeSent = true;
      CloseWebSocketFrame frame = code == null || code == NO_STATUS
          ? new CloseWebSocketFrame(true, 0, Unpooled.EMPTY_BUFFER)
          : new CloseWebSocketFrame(true, 0, code, reason == null ? "" : reason);
      channel.writeAndFlush(frame).addListener(f -> {
        replyTo.tell(OpReply.ok(promiseId, null));
        if (closeReceived || !f.isSuccess()) channel.close();
      });
    });
  }

  /** The isolate is gone: no closing handshake. */
  public void abort() {
    channel.close();
  }
}
