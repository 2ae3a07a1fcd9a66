package isola.ops.net;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.channels.AsynchronousSocketChannel;

/**
 * A connected socket on its way from an accept or connect to the isolate, which adopts it as a
 * connection resource ({@link TcpConnection}). Addresses are read once, here, for
 * {@code localAddr}/{@code remoteAddr}.
 */
public record OpenSocket(AsynchronousSocketChannel channel, InetSocketAddress local,
    InetSocketAddress remote) {
  static OpenSocket of(AsynchronousSocketChannel channel) throws IOException {
    return new OpenSocket(channel, (InetSocketAddress) channel.getLocalAddress(),
        (InetSocketAddress) channel.getRemoteAddress());
  }

  /** Closes a socket that no isolate will adopt (its isolate ended first). */
  public void discard() {
    try {
      channel.close();
    } catch (IOException e) {
      // nothing else holds it
    }
  }
}
