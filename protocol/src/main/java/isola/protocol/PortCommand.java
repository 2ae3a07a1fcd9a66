package isola.protocol;

import java.util.List;
import org.apache.pekko.actor.typed.ActorRef;

/**
 * Messages to the actor of one entangled MessagePort pair whose ports live (or may live) in different
 * isolates. {@code side} is 0 or 1, the port the command is about. The pair actor forwards each
 * side's messages to the isolate that owns the other side, numbering them per side so that a port in
 * transit between isolates loses and reorders nothing.
 */
public sealed interface PortCommand extends CborSerializable {
  /** {@code port.postMessage(v)} on {@code side}: for the other side. */
  record Post(int side, SerializedValue data) implements PortCommand {}

  /** {@code port.close()} on {@code side}: the other side learns it after the messages before it. */
  record Close(int side) implements PortCommand {}

  /** Isolate {@code owner} received port {@code side} (its number there is {@code portId}). */
  record Claim(int side, ActorRef<IsolateMessage> owner, int portId) implements PortCommand {}

  /**
   * The owner of {@code side} transferred it away. It had received messages up to {@code lastSeq};
   * {@code undelivered} are those its script had not read, which travel on with the port. Messages
   * after {@code lastSeq} reach the old owner later and come back as {@link Bounce}s.
   */
  record Moving(int side, long lastSeq, List<Queued> undelivered) implements PortCommand {
    public Moving {
      undelivered = List.copyOf(undelivered);
    }
  }

  /** A message for {@code side} that reached its former owner after the port had left. */
  record Bounce(int side, long seq, SerializedValue data) implements PortCommand {}

  /** An owner of a side ended: its ports are gone, as if closed. */
  record OwnerGone(ActorRef<IsolateMessage> owner) implements PortCommand {}

  /** A message with its number on its side. */
  record Queued(long seq, SerializedValue data) implements CborSerializable {}
}
