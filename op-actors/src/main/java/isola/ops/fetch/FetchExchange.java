package isola.ops.fetch;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.pool.ChannelPool;
import io.netty.handler.codec.http.DefaultHttpContent;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.LastHttpContent;
import isola.protocol.ErrorKind;
import isola.protocol.OpError;
import isola.protocol.OpReply;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.util.ArrayDeque;
import java.util.List;
import org.apache.pekko.actor.typed.ActorRef;

/**
 * One fetch on one pooled connection. Like the server's exchanges, its state belongs to the
 * connection's event-loop thread: the isolate's calls ({@link #read}, {@link #write}, ...) hand tasks
 * to that thread and learn the outcome from an {@link OpReply}.
 */
public final class FetchExchange {
  /** Bodies announced at most this big arrive whole with the head: one message instead of three. */
  static final long WHOLE_BODY_LIMIT = 64 * 1024;
  private static final int MAX_BUFFERED_BODY = 64 * 1024;

  private final int promiseId;
  private final ActorRef<OpReply> replyTo;
  private final URI url;
  private final boolean head;
  private Channel channel;
  private ChannelPool pool;
  /** Tasks the isolate handed over before the connection was ready (guarded by {@code this}). */
  private List<Runnable> early = new java.util.ArrayList<>();

  // Event-loop state.
  private List<String> rawHeaders;
  private int status;
  private boolean keepAlive;
  private ByteArrayOutputStream whole;
  private final ArrayDeque<byte[]> chunks = new ArrayDeque<>();
  private int buffered;
  private int pendingRead = -1;
  private ActorRef<OpReply> pendingReadReplyTo;
  private boolean answered;
  private boolean responseEnded;
  private boolean requestSent;
  private boolean done;
  private OpError failure;

  FetchExchange(int promiseId, ActorRef<OpReply> replyTo, URI url, boolean head) {
    this.promiseId = promiseId;
    this.replyTo = replyTo;
    this.url = url;
    this.head = head;
  }

  /** On the connection's event loop, once it is acquired; runs what the isolate asked for meanwhile. */
  void attach(Channel channel, ChannelPool pool) {
    List<Runnable> tasks;
    synchronized (this) {
      this.channel = channel;
      this.pool = pool;
      tasks = early;
      early = null;
    }
    tasks.forEach(Runnable::run);
  }

  /** Runs {@code task} on the connection's event loop, or once there is a connection. */
  private void onLoop(Runnable task) {
    Channel ch;
    synchronized (this) {
      if (early != null) {
        early.add(task);
        return;
      }
      ch = channel;
    }
    if (ch == null) task.run(); // never connected: the task only reports the failure
    else ch.eventLoop().execute(task);
  }

  /** The connection could not be made: what the isolate asks of this exchange now fails at once. */
  void neverConnected(OpError error) {
    List<Runnable> tasks;
    synchronized (this) {
      failure = error;
      done = true;
      answered = true;
      tasks = early;
      early = null;
    }
    tasks.forEach(Runnable::run);
  }

  // ---- from the channel's handlers (event loop) ----

  void rawHeaders(List<String> pairs) {
    rawHeaders = pairs;
  }

  void responseHead(HttpResponse response) {
    status = response.status().code();
    keepAlive = HttpUtil.isKeepAlive(response);
    long length = HttpUtil.getContentLength(response, -1L);
    if (head || (length >= 0 && length <= WHOLE_BODY_LIMIT)) {
      whole = new ByteArrayOutputStream(!head && length > 0 ? (int) length : 32);
    } else {
      answer(null);
    }
  }

  void content(HttpContent content) {
    ByteBuf buf = content.content();
    if (buf.isReadable()) {
      if (whole != null) {
        whole.writeBytes(ByteBufUtil.getBytes(buf));
      } else {
        byte[] bytes = ByteBufUtil.getBytes(buf);
        if (pendingRead >= 0) {
          replyRead(OpReply.ok(pendingRead, bytes));
        } else {
          chunks.add(bytes);
          buffered += bytes.length;
          if (buffered >= MAX_BUFFERED_BODY) channel.config().setAutoRead(false);
        }
      }
    }
    content.release();
    if (content instanceof LastHttpContent) {
      responseEnded = true;
      if (whole != null) answer(whole.toByteArray());
      else if (pendingRead >= 0) replyRead(OpReply.ok(pendingRead, null));
      finishIfDone();
    }
  }

  /** The connection broke or closed before the response was complete. */
  void failed(Throwable cause) {
    if (done) return;
    OpError error = OpError.of(ErrorKind.Error, FetchClient.sendError(url, cause, answered));
    failure = error;
    if (!answered) {
      answered = true;
      replyTo.tell(OpReply.err(promiseId, error));
    } else if (pendingRead >= 0) {
      replyRead(OpReply.err(pendingRead, error));
    }
    release(false);
  }

  private void answer(byte[] body) {
    answered = true;
    String text = HttpResponseStatus.valueOf(status).reasonPhrase();
    replyTo.tell(OpReply.ok(promiseId,
        new FetchResponse(status, text, rawHeaders, body, body == null ? this : null)));
  }

  void requestSent() {
    requestSent = true;
    finishIfDone();
  }

  private void finishIfDone() {
    if (responseEnded && requestSent) release(keepAlive);
  }

  private void release(boolean reusable) {
    if (done) return;
    done = true;
    channel.config().setAutoRead(true);
    FetchClient.release(channel, pool, reusable);
  }

  // ---- from the isolate (tasks run on the event loop) ----

  /** The next chunk of a streamed body: byte[], or null at its end. */
  public void read(int readPromiseId, ActorRef<OpReply> to) {
    onLoop(() -> {
      if (!chunks.isEmpty()) {
        byte[] bytes = chunks.poll();
        buffered -= bytes.length;
        if (buffered < MAX_BUFFERED_BODY && !done) channel.config().setAutoRead(true);
        to.tell(OpReply.ok(readPromiseId, bytes));
      } else if (responseEnded) {
        to.tell(OpReply.ok(readPromiseId, null));
      } else if (failure != null) {
        to.tell(OpReply.err(readPromiseId, failure));
      } else {
        pendingRead = readPromiseId;
        pendingReadReplyTo = to;
        channel.config().setAutoRead(true);
      }
    });
  }

  /** The script is done with the body: an unfinished one cannot leave the connection reusable. */
  public void cancel() {
    onLoop(() -> {
      chunks.clear();
      if (done) return;
      // Settle what the script may still wait on (an aborted fetch's op, a read), then drop the connection.
      OpError aborted = OpError.of(ErrorKind.Interrupted, "operation canceled");
      if (!answered) {
        answered = true;
        replyTo.tell(OpReply.err(promiseId, aborted));
      }
      if (pendingRead >= 0) replyRead(OpReply.err(pendingRead, aborted));
      release(false);
    });
  }

  /** One chunk of a streamed request body; the reply comes once it is on its way (back-pressure). */
  public void write(int writePromiseId, byte[] chunk, ActorRef<OpReply> to) {
    onLoop(() -> {
      if (done) {
        to.tell(OpReply.err(writePromiseId, failure != null ? failure
            : OpError.of(ErrorKind.BrokenPipe, "the request body was not needed")));
        return;
      }
      channel.writeAndFlush(new DefaultHttpContent(Unpooled.wrappedBuffer(chunk))).addListener(f ->
          to.tell(f.isSuccess() ? OpReply.ok(writePromiseId, null)
              : OpReply.err(writePromiseId, OpError.of(ErrorKind.BrokenPipe, String.valueOf(f.cause())))));
    });
  }

  /** Ends a streamed request body; {@code ok} false abandons the request (the stream failed). */
  public void end(boolean ok) {
    onLoop(() -> {
      if (done) return;
      if (!ok) {
        channel.close();
        return;
      }
      channel.writeAndFlush(LastHttpContent.EMPTY_LAST_CONTENT).addListener(f -> requestSent());
    });
  }

  private void replyRead(OpReply reply) {
    ActorRef<OpReply> to = pendingReadReplyTo;
    pendingRead = -1;
    pendingReadReplyTo = null;
    to.tell(reply);
  }
}
