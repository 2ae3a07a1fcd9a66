package isola.isolate;

import isola.ops.messaging.Messaging;
import isola.protocol.IsolateMessage;
import isola.protocol.PortCommand;
import isola.protocol.PortEvent;
import isola.protocol.SerializedValue;
import isola.protocol.TransferredPort;
import java.nio.ByteBuffer;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.javadsl.ActorContext;
import org.graalvm.polyglot.Value;
import org.graalvm.polyglot.proxy.ProxyArray;
import org.graalvm.polyglot.proxy.ProxyExecutable;

/**
 * Ops of runtime/48_message_port.js, and the wire form of messages between isolates (a
 * {@link SerializedValue}, whose MessagePorts are transferred and adopted here).
 *
 * <p>A MessageChannel starts as two ports of this isolate with no actor: a message is queued at the
 * peer at once. When a port first leaves (transferred in a message), the pair gets a {@code PortPair}
 * actor and from then on every message goes through it. Messages wait in the receiving port's queue
 * until the script reads them: one per turn (a {@link PortEvent.Pump} to self) once the port is
 * started, or all at once when it closes (Deno's close reads what has arrived).
 *
 * <p>Runs only on the isolate's thread.
 */
final class PortBinding {
  private static final class Port {
    final int id;
    /** The entangled port while both have always been in this isolate; else null. */
    Port localPeer;
    ActorRef<PortCommand> pair;
    int side;
    final ArrayDeque<PortCommand.Queued> queue = new ArrayDeque<>();
    long lastSeq;
    boolean started;
    boolean peerClosed;
    boolean endTaken;
    boolean pumpScheduled;

    Port(int id) {
      this.id = id;
    }
  }

  private final ActorContext<IsolateMessage> ctx;
  private final Map<Integer, Port> ports = new HashMap<>();
  private int nextId = 1;

  PortBinding(ActorContext<IsolateMessage> ctx) {
    this.ctx = ctx;
  }

  void register(Map<String, Object> ops) {
    ops.put("op_port_create", (ProxyExecutable) args -> {
      Port a = add(new Port(nextId++));
      Port b = add(new Port(nextId++));
      a.localPeer = b;
      b.localPeer = a;
      return ProxyArray.fromArray(a.id, b.id);
    });
    // (id, bytes, strings, buffers, portIds): the script checked that the port is open.
    ops.put("op_port_post", (ProxyExecutable) args -> {
      Port port = ports.get(args[0].asInt());
      SerializedValue value = serialized(args[1], args[2], args[3], args[4]);
      if (port == null) return null;
      if (port.localPeer != null) {
        port.localPeer.queue.add(new PortCommand.Queued(0, value));
        pump(port.localPeer);
      } else if (port.pair != null) {
        port.pair.tell(new PortCommand.Post(port.side, value));
      }
      return null;
    });
    ops.put("op_port_start", (ProxyExecutable) args -> {
      Port port = ports.get(args[0].asInt());
      if (port != null) {
        port.started = true;
        pump(port);
      }
      return null;
    });
    // The next message that arrived, in wire form; "end" once the peer closed and all were read;
    // null if none is waiting.
    ops.put("op_port_take", (ProxyExecutable) args -> {
      Port port = ports.get(args[0].asInt());
      if (port == null) return null;
      PortCommand.Queued next = port.queue.poll();
      if (next == null) {
        if (!port.peerClosed || port.endTaken) return null;
        port.endTaken = true;
        return "end";
      }
      pump(port);
      return wire(next.data());
    });
    ops.put("op_port_close", (ProxyExecutable) args -> {
      Port port = ports.remove(args[0].asInt());
      if (port == null) return null;
      if (port.localPeer != null) {
        port.localPeer.localPeer = null;
        port.localPeer.peerClosed = true;
        pump(port.localPeer);
      } else if (port.pair != null) {
        port.pair.tell(new PortCommand.Close(port.side));
      }
      return null;
    });
  }

  private Port add(Port port) {
    ports.put(port.id, port);
    return port;
  }

  /** A message for one of this isolate's ports, or for one that left since (it goes back). */
  void arrived(PortEvent.Message m) {
    Port port = ports.get(m.portId());
    if (port == null || !m.pair().equals(port.pair)) {
      m.pair().tell(new PortCommand.Bounce(m.side(), m.seq(), m.data()));
      return;
    }
    port.queue.add(new PortCommand.Queued(m.seq(), m.data()));
    port.lastSeq = m.seq();
    pump(port);
  }

  void peerClosed(int portId) {
    Port port = ports.get(portId);
    if (port == null) return;
    port.peerClosed = true;
    pump(port);
  }

  /** Whether a pump is due for this port (it still exists); the turn then reads one message. */
  boolean pumped(int portId) {
    Port port = ports.get(portId);
    if (port == null) return false;
    port.pumpScheduled = false;
    return true;
  }

  private void pump(Port port) {
    if (port.started && !port.pumpScheduled && (!port.queue.isEmpty() || (port.peerClosed && !port.endTaken))) {
      port.pumpScheduled = true;
      ctx.getSelf().tell(new PortEvent.Pump(port.id));
    }
  }

  /** The ports of a message being sent leave this isolate: each becomes a {@link TransferredPort}. */
  private List<TransferredPort> transfer(Value ids) {
    List<TransferredPort> moved = new ArrayList<>((int) ids.getArraySize());
    for (long i = 0; i < ids.getArraySize(); i++) {
      Port port = ports.remove(ids.getArrayElement(i).asInt());
      if (port == null) continue;
      if (port.pair == null) {
        // First time out: the pair gets its actor; side 0 stays here, side 1 is this port.
        Port kept = port.localPeer;
        List<PortCommand.Queued> undelivered = renumber(port.queue);
        long keptReceived = kept == null ? 0 : kept.queue.size();
        port.pair = Messaging.get(ctx.getSystem())
            .newPortPair(ctx.getSelf(), kept == null ? -1 : kept.id, keptReceived, undelivered);
        port.side = 1;
        if (kept == null) {
          port.pair.tell(new PortCommand.Close(0));
        } else {
          List<PortCommand.Queued> keptQueue = renumber(kept.queue);
          kept.queue.clear();
          kept.queue.addAll(keptQueue);
          kept.lastSeq = keptReceived;
          kept.localPeer = null;
          kept.pair = port.pair;
          kept.side = 0;
        }
      } else {
        port.pair.tell(new PortCommand.Moving(port.side, port.lastSeq, List.copyOf(port.queue)));
      }
      moved.add(new TransferredPort(port.pair, port.side));
    }
    return moved;
  }

  /** Messages queued while the pair had no actor, numbered 1.. as the actor will count them. */
  private static List<PortCommand.Queued> renumber(ArrayDeque<PortCommand.Queued> queue) {
    List<PortCommand.Queued> numbered = new ArrayList<>(queue.size());
    long seq = 0;
    for (PortCommand.Queued q : queue) numbered.add(new PortCommand.Queued(++seq, q.data()));
    return numbered;
  }

  /** A message the script sends, from its wire form ({@code serialize} of 45_structured_clone.js). */
  SerializedValue serialized(Value bytes, Value strings, Value buffers, Value portIds) {
    List<String> table = new ArrayList<>((int) strings.getArraySize());
    for (long i = 0; i < strings.getArraySize(); i++) table.add(strings.getArrayElement(i).asString());
    List<byte[]> moved = new ArrayList<>((int) buffers.getArraySize());
    for (long i = 0; i < buffers.getArraySize(); i++) moved.add(JsValues.bytes(buffers.getArrayElement(i)));
    return new SerializedValue(JsValues.bytes(bytes), table, moved, transfer(portIds));
  }

  /**
   * A message the script receives, in wire form: [bytes, strings, buffers, portIds]. Its ports become
   * ports of this isolate now, and their pairs learn where to send.
   */
  ProxyArray wire(SerializedValue value) {
    Object[] ids = new Object[value.ports().size()];
    for (int i = 0; i < ids.length; i++) {
      TransferredPort t = value.ports().get(i);
      Port port = add(new Port(nextId++));
      port.pair = t.pair();
      port.side = t.side();
      t.pair().tell(new PortCommand.Claim(t.side(), ctx.getSelf(), port.id));
      ids[i] = port.id;
    }
    return ProxyArray.fromArray(
        ByteBuffer.wrap(value.bytes()),
        ProxyArray.fromList(new ArrayList<Object>(value.strings())),
        ProxyArray.fromList(value.buffers().stream().map(b -> (Object) ByteBuffer.wrap(b)).toList()),
        ProxyArray.fromArray(ids));
  }
}
