package isola.protocol;

/** Marks messages that may cross JVMs (bound to Pekko's Jackson CBOR serializer in cluster mode). */
public interface CborSerializable {
}
