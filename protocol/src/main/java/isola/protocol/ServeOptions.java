package isola.protocol;

/** Where {@code isola serve} answers HTTP with the main module's {@code export default { fetch }}. */
public record ServeOptions(String hostname, int port) implements CborSerializable {}
