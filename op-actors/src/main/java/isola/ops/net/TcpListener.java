package isola.ops.net;

import isola.protocol.ListenerRequest;
import isola.protocol.OpError;
import isola.protocol.ErrorKind;
import isola.protocol.OpReply;
import java.io.IOException;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.AsynchronousServerSocketChannel;
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
 * The resource actor of one TCP listener ({@code Deno.Listener}). Accepts are issued only when JS asks
 * (one in flight, as NIO allows), so unaccepted connections wait in the kernel's backlog.
 */
public final class TcpListener extends AbstractBehavior<ListenerRequest> {
  /** Deno's error for an accept on (or pending during the close of) a closed listener. */
  public static final OpError CLOSED = OpError.of(ErrorKind.BadResource, "Listener has been closed");

  private record AcceptDone() implements ListenerRequest {}

  private final AsynchronousServerSocketChannel channel;
  private final Queue<ListenerRequest.Accept> accepts = new ArrayDeque<>();
  private boolean accepting;

  public static Behavior<ListenerRequest> create(AsynchronousServerSocketChannel channel) {
    return Behaviors.setup(ctx -> new TcpListener(ctx, channel));
  }

  private TcpListener(ActorContext<ListenerRequest> ctx, AsynchronousServerSocketChannel channel) {
    super(ctx);
    this.channel = channel;
  }

  @Override
  public Receive<ListenerRequest> createReceive() {
    return newReceiveBuilder()
        .onMessage(ListenerRequest.Accept.class, a -> {
          accepts.add(a);
          startAccept();
          return this;
        })
        .onMessage(AcceptDone.class, d -> {
          accepting = false;
          startAccept();
          return this;
        })
        .onMessage(ListenerRequest.Close.class, c -> Behaviors.stopped())
        .onSignal(PostStop.class, s -> close())
        .build();
  }

  private void startAccept() {
    if (accepting || accepts.isEmpty()) return;
    accepting = true;
    ListenerRequest.Accept accept = accepts.remove();
    ActorRef<ListenerRequest> self = getContext().getSelf();
    channel.accept(accept, new CompletionHandler<AsynchronousSocketChannel, ListenerRequest.Accept>() {
      @Override
      public void completed(AsynchronousSocketChannel socket, ListenerRequest.Accept a) {
        try {
          a.replyTo().tell(OpReply.ok(a.promiseId(), OpenSocket.of(socket)));
        } catch (IOException e) {
          a.replyTo().tell(OpReply.err(a.promiseId(), NetErrors.of(e)));
        }
        self.tell(new AcceptDone());
      }

      @Override
      public void failed(Throwable e, ListenerRequest.Accept a) {
        a.replyTo().tell(OpReply.err(a.promiseId(),
            e instanceof ClosedChannelException ? CLOSED : NetErrors.of(e)));
        self.tell(new AcceptDone());
      }
    });
  }

  private Behavior<ListenerRequest> close() {
    try {
      channel.close();
    } catch (IOException e) {
      // best effort: the port is released either way
    }
    for (ListenerRequest.Accept a : accepts) a.replyTo().tell(OpReply.err(a.promiseId(), CLOSED));
    accepts.clear();
    return this;
  }
}
