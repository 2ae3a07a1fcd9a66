package isola.ops.http;

import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.util.concurrent.DefaultThreadFactory;

/**
 * The event loops every HTTP server of the JVM shares, created on first use so that scripts without
 * {@code Deno.serve} never start them. One thread by default: on a small machine the isolates need the
 * other cores, and one loop already parses more requests per second than one isolate answers
 * ({@code isola.http.threads} raises it). Daemon threads: the isolates, not the sockets, decide when
 * the program ends.
 */
public final class HttpEventLoops {
  private HttpEventLoops() {}

  private static final class Holder {
    static final EventLoopGroup GROUP = new MultiThreadIoEventLoopGroup(
        Integer.getInteger("isola.http.threads", 1),
        new DefaultThreadFactory("isola-http", true),
        NioIoHandler.newFactory());
  }

  public static EventLoopGroup group() {
    return Holder.GROUP;
  }
}
