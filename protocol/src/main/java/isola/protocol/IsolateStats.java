package isola.protocol;

import org.apache.pekko.actor.typed.ActorRef;

/**
 * What an isolate has used so far, counted by itself on its own thread: the turns it ran and the bytes
 * they allocated on the JVM heap (allocation, not retained size: GraalJS keeps no per-context heap
 * account), and its async ops in flight.
 */
public record IsolateStats(long turns, long allocatedBytes, int pendingOps) implements CborSerializable {
  /** Asks an isolate for its {@link IsolateStats}; answered between turns. */
  public record Request(ActorRef<IsolateStats> replyTo) implements IsolateMessage {}
}
