package isola.protocol;

import org.apache.pekko.actor.typed.ActorRef;

/** What reaches an isolate for one of its MessagePorts ({@code portId}: its number in this isolate). */
public sealed interface PortEvent extends IsolateMessage {
  /** A message from the entangled port, number {@code seq} on this side of {@code pair}. */
  record Message(int portId, long seq, SerializedValue data, ActorRef<PortCommand> pair, int side)
      implements PortEvent {}

  /** The entangled port closed (or its isolate ended): after the queued messages, the port ends. */
  record PeerClosed(int portId) implements PortEvent {}

  /** To self: hand the port's next queued message (or its end) to the script, one per turn. */
  record Pump(int portId) implements PortEvent {}
}
