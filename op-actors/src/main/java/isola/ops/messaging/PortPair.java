package isola.ops.messaging;

import isola.protocol.IsolateMessage;
import isola.protocol.PortCommand;
import isola.protocol.PortEvent;
import isola.protocol.SerializedValue;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.javadsl.AbstractBehavior;
import org.apache.pekko.actor.typed.javadsl.ActorContext;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.actor.typed.javadsl.Receive;

/**
 * One entangled MessagePort pair once a port left the isolate that created it. Each side's messages
 * go to the isolate owning the other side, as {@link PortEvent.Message}s in its mailbox. While a side
 * is in transit (transferred, not yet claimed) its messages wait here, in order: the ones its former
 * owner had not read, those that reach the former owner late and bounce back, and new ones. The pair
 * stops when both sides are closed or their isolates ended.
 */
public final class PortPair extends AbstractBehavior<PortCommand> {
  /** One port of the pair, as this actor sees it. */
  private static final class Side {
    ActorRef<IsolateMessage> owner;
    int portId;
    /** The highest message number sent to the current or former owner; the next one is +1. */
    long forwarded;
    long nextSeq;
    /** Messages the former owner will bounce back before anything may go to the new one. */
    long awaitingBounces;
    ActorRef<IsolateMessage> bouncer;
    final TreeMap<Long, SerializedValue> waiting = new TreeMap<>();
    boolean closed;
    /** The other side closed: tell this one once its waiting messages are out. */
    boolean peerClosed;
    boolean peerClosedSent;
  }

  private final Side[] sides = {new Side(), new Side()};

  /**
   * A pair created when a port first leaves its isolate: side 0 remains with {@code owner} as its port
   * {@code portId}, which has received {@code keptReceived} messages (numbered from 1); side 1 is in
   * transit, carrying {@code undelivered}.
   */
  public static Behavior<PortCommand> create(ActorRef<IsolateMessage> owner, int portId, long keptReceived,
      List<PortCommand.Queued> undelivered) {
    return Behaviors.setup(ctx -> new PortPair(ctx, owner, portId, keptReceived, undelivered));
  }

  private PortPair(ActorContext<PortCommand> ctx, ActorRef<IsolateMessage> owner, int portId,
      long keptReceived, List<PortCommand.Queued> undelivered) {
    super(ctx);
    Side kept = sides[0];
    kept.owner = owner;
    kept.portId = portId;
    kept.forwarded = keptReceived;
    kept.nextSeq = keptReceived;
    watch(owner);
    Side moving = sides[1];
    for (PortCommand.Queued q : undelivered) moving.waiting.put(q.seq(), q.data());
    moving.nextSeq = undelivered.isEmpty() ? 0 : undelivered.getLast().seq();
  }

  @Override
  public Receive<PortCommand> createReceive() {
    return newReceiveBuilder()
        .onMessage(PortCommand.Post.class, this::onPost)
        .onMessage(PortCommand.Close.class, c -> closed(c.side()))
        .onMessage(PortCommand.Claim.class, this::onClaim)
        .onMessage(PortCommand.Moving.class, this::onMoving)
        .onMessage(PortCommand.Bounce.class, this::onBounce)
        .onMessage(PortCommand.OwnerGone.class, this::onOwnerGone)
        .build();
  }

  private Behavior<PortCommand> onPost(PortCommand.Post post) {
    int to = 1 - post.side();
    Side side = sides[to];
    if (side.closed || sides[post.side()].closed) return this;
    side.waiting.put(++side.nextSeq, post.data());
    flush(to);
    return this;
  }

  private Behavior<PortCommand> onClaim(PortCommand.Claim claim) {
    Side side = sides[claim.side()];
    side.owner = claim.owner();
    side.portId = claim.portId();
    watch(claim.owner());
    flush(claim.side());
    return this;
  }

  private Behavior<PortCommand> onMoving(PortCommand.Moving moving) {
    Side side = sides[moving.side()];
    side.awaitingBounces = side.forwarded - moving.lastSeq();
    side.bouncer = side.owner;
    side.owner = null;
    for (PortCommand.Queued q : moving.undelivered()) side.waiting.put(q.seq(), q.data());
    return this;
  }

  private Behavior<PortCommand> onBounce(PortCommand.Bounce bounce) {
    Side side = sides[bounce.side()];
    if (side.closed) return this;
    side.waiting.put(bounce.seq(), bounce.data());
    side.awaitingBounces--;
    flush(bounce.side());
    return this;
  }

  private Behavior<PortCommand> onOwnerGone(PortCommand.OwnerGone gone) {
    Behavior<PortCommand> next = this;
    for (int i = 0; i < 2; i++) {
      Side side = sides[i];
      if (gone.owner().equals(side.bouncer)) {
        // What it still held for the port is lost with it.
        side.awaitingBounces = 0;
        side.bouncer = null;
        flush(i);
      }
      if (gone.owner().equals(side.owner)) next = closed(i);
    }
    return next;
  }

  private Behavior<PortCommand> closed(int which) {
    Side side = sides[which];
    side.closed = true;
    side.waiting.clear();
    Side other = sides[1 - which];
    other.peerClosed = true;
    flush(1 - which);
    return sides[0].closed && sides[1].closed ? Behaviors.stopped() : this;
  }

  /** Sends a side's waiting messages (and then its peer's close) once it has an owner to send to. */
  private void flush(int which) {
    Side side = sides[which];
    if (side.closed || side.owner == null || side.awaitingBounces > 0) return;
    for (Map.Entry<Long, SerializedValue> e : side.waiting.entrySet()) {
      side.owner.tell(new PortEvent.Message(side.portId, e.getKey(), e.getValue(), getContext().getSelf(), which));
      side.forwarded = e.getKey();
    }
    side.waiting.clear();
    if (side.peerClosed && !side.peerClosedSent) {
      side.peerClosedSent = true;
      side.owner.tell(new PortEvent.PeerClosed(side.portId));
    }
  }

  private void watch(ActorRef<IsolateMessage> owner) {
    getContext().watchWith(owner, new PortCommand.OwnerGone(owner));
  }
}
