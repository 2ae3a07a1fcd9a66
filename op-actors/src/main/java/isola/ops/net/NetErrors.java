package isola.ops.net;

import isola.protocol.ErrorKind;
import isola.protocol.OpError;
import java.net.UnknownHostException;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.UnresolvedAddressException;

/**
 * Socket failures as Deno reports them: the Rust io::Error text with its errno ({@code Connection
 * refused (os error 111)}) and the {@code Deno.errors} class. The JDK only gives the strerror text, so
 * the errno is looked up from it (Linux numbering, as Deno shows on Linux).
 */
public final class NetErrors {
  private NetErrors() {}

  private record Known(String text, ErrorKind kind, String code, int errno) {}

  private static final Known[] KNOWN = {
    new Known("Connection refused", ErrorKind.ConnectionRefused, "ECONNREFUSED", 111),
    new Known("Address already in use", ErrorKind.AddrInUse, "EADDRINUSE", 98),
    new Known("Cannot assign requested address", ErrorKind.AddrNotAvailable, "EADDRNOTAVAIL", 99),
    new Known("Connection reset by peer", ErrorKind.ConnectionReset, "ECONNRESET", 104),
    new Known("Broken pipe", ErrorKind.BrokenPipe, "EPIPE", 32),
    new Known("Permission denied", ErrorKind.PermissionDenied, "EACCES", 13),
    new Known("Network is unreachable", ErrorKind.NetworkUnreachable, "ENETUNREACH", 101),
    new Known("No route to host", ErrorKind.Error, "EHOSTUNREACH", 113),
    new Known("Connection timed out", ErrorKind.TimedOut, "ETIMEDOUT", 110),
    new Known("Transport endpoint is not connected", ErrorKind.NotConnected, "ENOTCONN", 107),
  };

  /**
   * Deno's error for a read or write pending when its socket was closed. Requests on an id already
   * closed never reach the socket (the isolate answers BadResource), so a closed channel here always
   * means a close that came after the request.
   */
  public static final OpError INTERRUPTED =
      new OpError(ErrorKind.Interrupted, "EINTR", "operation canceled");

  public static OpError of(Throwable t) {
    if (t instanceof ClosedChannelException) return INTERRUPTED;
    if (t instanceof UnknownHostException || t instanceof UnresolvedAddressException) {
      return OpError.of(ErrorKind.Error, "failed to lookup address information: Name or service not known");
    }
    String message = t.getMessage() == null ? t.toString() : t.getMessage();
    for (Known k : KNOWN) {
      if (message.startsWith(k.text)) {
        return new OpError(k.kind, k.code, k.text + " (os error " + k.errno + ")");
      }
    }
    if (message.equals("Connection reset")) {
      return new OpError(ErrorKind.ConnectionReset, "ECONNRESET", "Connection reset by peer (os error 104)");
    }
    return OpError.of(ErrorKind.Error, message);
  }
}
