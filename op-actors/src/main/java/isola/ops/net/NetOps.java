package isola.ops.net;

import isola.protocol.ConnectRequest;
import isola.protocol.OpReply;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.channels.AsynchronousSocketChannel;
import java.nio.channels.CompletionHandler;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.javadsl.Behaviors;

/**
 * Opens TCP connections for an isolate. Resolving a host name may block, so this actor runs on the
 * blocking-I/O pool ({@link isola.ops.fs.FsOps#DISPATCHER}); the connect itself is non-blocking and
 * its completion handler replies to the isolate directly.
 */
public final class NetOps {
  private NetOps() {}

  public static Behavior<ConnectRequest> create() {
    return Behaviors.receiveMessage(request -> {
      connect(request);
      return Behaviors.same();
    });
  }

  private static void connect(ConnectRequest request) {
    AsynchronousSocketChannel channel = null;
    try {
      InetAddress address = InetAddress.getByName(request.hostname());
      channel = AsynchronousSocketChannel.open();
      AsynchronousSocketChannel ch = channel;
      ch.connect(new InetSocketAddress(address, request.port()), request,
          new CompletionHandler<Void, ConnectRequest>() {
            @Override
            public void completed(Void v, ConnectRequest r) {
              try {
                r.replyTo().tell(OpReply.ok(r.promiseId(), OpenSocket.of(ch)));
              } catch (IOException e) {
                fail(r, ch, e);
              }
            }

            @Override
            public void failed(Throwable e, ConnectRequest r) {
              fail(r, ch, e);
            }
          });
    } catch (IOException | RuntimeException e) {
      fail(request, channel, e);
    }
  }

  private static void fail(ConnectRequest r, AsynchronousSocketChannel channel, Throwable e) {
    if (channel != null) {
      try {
        channel.close();
      } catch (IOException ignored) {
        // it never connected
      }
    }
    r.replyTo().tell(OpReply.err(r.promiseId(), NetErrors.of(e)));
  }
}
