package isola.ops.http;

import java.net.InetSocketAddress;
import java.util.List;

/** The immutable part of an exchange, its request head, which any thread may read. */
abstract class ExchangeHead implements HttpExchange {
  private final int id;
  private final String method;
  private final String url;
  private final List<String> headerPairs;
  private final boolean hasBody;
  private final InetSocketAddress remote;
  /** Set once nothing more can happen to this exchange; read by supervisors. */
  volatile boolean done;

  ExchangeHead(String method, String url, List<String> headerPairs, boolean hasBody, InetSocketAddress remote) {
    this.id = HttpServer.nextExchangeId();
    this.method = method;
    this.url = url;
    this.headerPairs = List.copyOf(headerPairs);
    this.hasBody = hasBody;
    this.remote = remote;
  }

  @Override
  public final int id() {
    return id;
  }

  @Override
  public final boolean done() {
    return done;
  }

  @Override
  public final String method() {
    return method;
  }

  @Override
  public final String url() {
    return url;
  }

  @Override
  public final List<String> headerPairs() {
    return headerPairs;
  }

  @Override
  public final boolean hasBody() {
    return hasBody;
  }

  @Override
  public final InetSocketAddress remoteAddress() {
    return remote;
  }
}
