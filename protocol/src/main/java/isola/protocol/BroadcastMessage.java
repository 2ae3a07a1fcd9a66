package isola.protocol;

/** A message posted to a BroadcastChannel named {@code name} in another isolate. */
public record BroadcastMessage(String name, SerializedValue data) implements IsolateMessage {}
