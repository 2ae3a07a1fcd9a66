package isola.protocol;

import java.util.List;

/**
 * A value in structured-clone form (runtime/45_structured_clone.js): the byte stream, its string table,
 * the ArrayBuffers it carries (copies, or buffers moved by {@code transfer}) and the MessagePorts it
 * transfers. It holds nothing of the context it came from, so it can cross from one isolate to
 * another. The arrays are owned by the message once sent: the sender never touches them again.
 */
public record SerializedValue(
    byte[] bytes, List<String> strings, List<byte[]> buffers, List<TransferredPort> ports)
    implements CborSerializable {
  public SerializedValue {
    strings = List.copyOf(strings);
    buffers = List.copyOf(buffers);
    ports = ports == null ? List.of() : List.copyOf(ports);
  }
}
