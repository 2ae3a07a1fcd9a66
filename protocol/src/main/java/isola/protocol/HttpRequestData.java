package isola.protocol;

import java.util.List;

/**
 * A whole HTTP request as the front door of one node read it, carried to the node that hosts the
 * script: header names lowercased and values alternating in arrival order, the body read to its end
 * (empty when there is none), and the client's address.
 */
public record HttpRequestData(
    String method, String url, List<String> headerPairs, byte[] body, String remoteHost, int remotePort)
    implements CborSerializable {
  public HttpRequestData {
    headerPairs = List.copyOf(headerPairs);
    if (body == null) body = new byte[0];
  }
}
