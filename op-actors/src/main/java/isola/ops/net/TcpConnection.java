package isola.ops.net;

import isola.protocol.OpReply;
import isola.protocol.TcpRequest;
import java.io.IOException;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.AsynchronousSocketChannel;
import java.nio.channels.CompletionHandler;
import java.util.ArrayDeque;
import java.util.Queue;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.PostStop;
import org.apache.pekko.actor.typed.javadsl.AbstractBehavior;
import org.apache.pekko.actor.typed.javadsl.ActorContext;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.actor.typed.javadsl.Receive;

/**
 * The resource actor of one TCP connection ({@code Deno.TcpConn}). NIO allows one read and one write
 * in flight per socket, so requests queue here and start one at a time. A read is only issued when JS
 * asks for one, so a slow reader leaves unread data in the kernel's buffers (TCP's flow control
 * pushes back on the sender) instead of in the JVM.
 *
 * <p>Completion handlers run on NIO's threads; they reply to the isolate directly (one hop fewer)
 * and tell this actor, which alone touches the queues.
 */
public final class TcpConnection extends AbstractBehavior<TcpRequest> {
  /** A read never allocates more than this, whatever buffer JS passes. */
  private static final int MAX_READ = 256 * 1024;

  private record ReadDone() implements TcpRequest {}

  private record WriteDone() implements TcpRequest {}

  private final AsynchronousSocketChannel channel;
  /**
   * The connection's read buffer (reads run one at a time), as big as the largest read asked for;
   * direct so the kernel writes into it. A fresh heap buffer per read cost its zeroing plus NIO's
   * copy through a temporary direct buffer. A pending read held a buffer of its size before too.
   */
  private ByteBuffer readBuffer = ByteBuffer.allocateDirect(0);
  private final Queue<TcpRequest.Read> reads = new ArrayDeque<>();
  private final Queue<TcpRequest> writes = new ArrayDeque<>();
  private boolean reading;
  private boolean writing;

  public static Behavior<TcpRequest> create(AsynchronousSocketChannel channel) {
    return Behaviors.setup(ctx -> new TcpConnection(ctx, channel));
  }

  private TcpConnection(ActorContext<TcpRequest> ctx, AsynchronousSocketChannel channel) {
    super(ctx);
    this.channel = channel;
  }

  @Override
  public Receive<TcpRequest> createReceive() {
    return newReceiveBuilder()
        .onMessage(TcpRequest.Read.class, this::onRead)
        .onMessage(ReadDone.class, d -> {
          reading = false;
          startRead();
          return this;
        })
        .onMessage(TcpRequest.Write.class, this::onWriteOrShutdown)
        .onMessage(TcpRequest.CloseWrite.class, this::onWriteOrShutdown)
        .onMessage(WriteDone.class, d -> {
          writing = false;
          startWrite();
          return this;
        })
        .onMessage(TcpRequest.SetNoDelay.class, o -> setOption(true, o.on()))
        .onMessage(TcpRequest.SetKeepAlive.class, o -> setOption(false, o.on()))
        .onMessage(TcpRequest.Close.class, c -> Behaviors.stopped())
        .onSignal(PostStop.class, s -> close())
        .build();
  }

  private Behavior<TcpRequest> onRead(TcpRequest.Read read) {
    reads.add(read);
    startRead();
    return this;
  }

  private Behavior<TcpRequest> onWriteOrShutdown(TcpRequest request) {
    writes.add(request);
    startWrite();
    return this;
  }

  private void startRead() {
    if (reading || reads.isEmpty()) return;
    reading = true;
    TcpRequest.Read read = reads.remove();
    int length = Math.min(read.length(), MAX_READ);
    if (readBuffer.capacity() < length) readBuffer = ByteBuffer.allocateDirect(length);
    ByteBuffer buffer = readBuffer.clear().limit(length);
    ActorRef<TcpRequest> self = getContext().getSelf();
    channel.read(buffer, read, new CompletionHandler<Integer, TcpRequest.Read>() {
      @Override
      public void completed(Integer n, TcpRequest.Read r) {
        byte[] data = null;
        if (n >= 0) {
          data = new byte[n];
          buffer.get(0, data);
        }
        r.replyTo().tell(OpReply.ok(r.promiseId(), data));
        self.tell(new ReadDone());
      }

      @Override
      public void failed(Throwable e, TcpRequest.Read r) {
        r.replyTo().tell(OpReply.err(r.promiseId(), NetErrors.of(e)));
        self.tell(new ReadDone());
      }
    });
  }

  private void startWrite() {
    if (writing || writes.isEmpty()) return;
    writing = true;
    TcpRequest next = writes.remove();
    ActorRef<TcpRequest> self = getContext().getSelf();
    if (next instanceof TcpRequest.CloseWrite shutdown) {
      try {
        channel.shutdownOutput();
        shutdown.replyTo().tell(OpReply.ok(shutdown.promiseId(), null));
      } catch (IOException e) {
        shutdown.replyTo().tell(OpReply.err(shutdown.promiseId(), NetErrors.of(e)));
      }
      writing = false;
      startWrite();
      return;
    }
    TcpRequest.Write write = (TcpRequest.Write) next;
    ByteBuffer buffer = ByteBuffer.wrap(write.data());
    channel.write(buffer, write, new CompletionHandler<Integer, TcpRequest.Write>() {
      @Override
      public void completed(Integer n, TcpRequest.Write w) {
        if (buffer.hasRemaining()) {
          channel.write(buffer, w, this);
          return;
        }
        w.replyTo().tell(OpReply.ok(w.promiseId(), w.data().length));
        self.tell(new WriteDone());
      }

      @Override
      public void failed(Throwable e, TcpRequest.Write w) {
        w.replyTo().tell(OpReply.err(w.promiseId(), NetErrors.of(e)));
        self.tell(new WriteDone());
      }
    });
  }

  private Behavior<TcpRequest> setOption(boolean noDelay, boolean on) {
    try {
      if (noDelay) channel.setOption(StandardSocketOptions.TCP_NODELAY, on);
      else channel.setOption(StandardSocketOptions.SO_KEEPALIVE, on);
    } catch (IOException e) {
      // Deno ignores the result too (setNoDelay returns nothing); a dead socket fails its next read.
    }
    return this;
  }

  private Behavior<TcpRequest> close() {
    try {
      channel.close();
    } catch (IOException e) {
      // closing is best effort; the socket is gone either way
    }
    return this;
  }
}
