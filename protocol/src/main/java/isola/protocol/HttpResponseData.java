package isola.protocol;

import java.util.List;

/** A whole HTTP response going back to the front door that took the request. */
public record HttpResponseData(int status, List<String> headerPairs, byte[] body) implements CborSerializable {
  public HttpResponseData {
    headerPairs = List.copyOf(headerPairs);
    if (body == null) body = new byte[0];
  }
}
