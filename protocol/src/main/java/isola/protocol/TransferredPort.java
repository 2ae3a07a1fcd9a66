package isola.protocol;

import org.apache.pekko.actor.typed.ActorRef;

/** A MessagePort in a message: side {@code side} of the pair actor {@code pair}. */
public record TransferredPort(ActorRef<PortCommand> pair, int side) implements CborSerializable {}
