package isola.protocol;

/**
 * Marks messages that may cross JVMs: bound to Pekko's Jackson CBOR serializer in application.conf,
 * where Java serialization is off. {@code CrossNodeMessagesTest} checks that every message reachable
 * from {@link EntityCommand} carries it and that every marked record round-trips.
 */
public interface CborSerializable {
}
