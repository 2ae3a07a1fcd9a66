package isola.ops.fetch;

import java.util.List;

/**
 * A response's head and its body: whole ({@code body}) when the server announced a small one, else
 * {@code stream}, the exchange its body is read from on demand. A local value: it holds a live
 * connection and never leaves the JVM.
 */
public record FetchResponse(
    int status, String statusText, List<String> headerPairs, byte[] body, FetchExchange stream) {}
