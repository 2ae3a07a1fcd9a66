package isola.ops.messaging;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import isola.protocol.BroadcastCommand;
import isola.protocol.BroadcastMessage;
import isola.protocol.IsolateMessage;
import isola.protocol.PortCommand;
import isola.protocol.PortEvent;
import isola.protocol.SerializedValue;
import java.time.Duration;
import java.util.List;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.actor.testkit.typed.javadsl.TestProbe;
import org.apache.pekko.actor.typed.ActorRef;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * A port moving between isolates loses and reorders nothing: what waited at its old owner, what
 * reaches the old owner late (bounced back) and what is posted meanwhile all reach the new owner in
 * order, then the peer's close. Also the BroadcastChannel registry's fan-out.
 */
class PortPairTest {
  static final ActorTestKit testKit = ActorTestKit.create();
  static final Duration QUIET = Duration.ofMillis(200);

  @AfterAll
  static void cleanup() {
    testKit.shutdownTestKit();
  }

  static SerializedValue value(int n) {
    return new SerializedValue(new byte[] {(byte) n}, List.of(), List.of(), List.of());
  }

  static int valueOf(IsolateMessage m) {
    return ((PortEvent.Message) m).data().bytes()[0];
  }

  @Test
  void aPortInTransitGetsItsMessagesInOrderOnceClaimed() {
    TestProbe<IsolateMessage> a = testKit.createTestProbe();
    TestProbe<IsolateMessage> b = testKit.createTestProbe();
    TestProbe<IsolateMessage> c = testKit.createTestProbe();
    // Side 0 stays with a (its port 1); side 1 leaves with message 1 unread.
    ActorRef<PortCommand> pair = testKit.spawn(PortPair.create(a.getRef(), 1, 0,
        List.of(new PortCommand.Queued(1, value(1)))));
    pair.tell(new PortCommand.Post(0, value(2)));
    b.expectNoMessage(QUIET);
    pair.tell(new PortCommand.Claim(1, b.getRef(), 7));
    assertEquals(1, valueOf(b.receiveMessage()));
    PortEvent.Message second = (PortEvent.Message) b.receiveMessage();
    assertEquals(2, valueOf(second));
    assertEquals(7, second.portId());

    // b sends the port on having read only message 1: message 2 reaches b late and comes back.
    pair.tell(new PortCommand.Moving(1, 1, List.of()));
    pair.tell(new PortCommand.Post(0, value(3)));
    pair.tell(new PortCommand.Claim(1, c.getRef(), 9));
    c.expectNoMessage(QUIET);
    pair.tell(new PortCommand.Bounce(1, second.seq(), second.data()));
    assertEquals(2, valueOf(c.receiveMessage()));
    assertEquals(3, valueOf(c.receiveMessage()));

    // Side 1 answers to side 0 at a.
    pair.tell(new PortCommand.Post(1, value(4)));
    PortEvent.Message answer = (PortEvent.Message) a.receiveMessage();
    assertEquals(4, valueOf(answer));
    assertEquals(1, answer.portId());

    pair.tell(new PortCommand.Close(0));
    assertEquals(new PortEvent.PeerClosed(9), c.receiveMessage());
  }

  @Test
  void anOwnerThatEndsClosesItsSide() {
    TestProbe<IsolateMessage> a = testKit.createTestProbe();
    TestProbe<IsolateMessage> b = testKit.createTestProbe();
    ActorRef<PortCommand> pair = testKit.spawn(PortPair.create(a.getRef(), 1, 0, List.of()));
    pair.tell(new PortCommand.Claim(1, b.getRef(), 2));
    a.stop();
    assertEquals(new PortEvent.PeerClosed(2), b.receiveMessage());
  }

  @Test
  void aBroadcastReachesEverySubscriberOfTheNameButTheSender() {
    TestProbe<IsolateMessage> a = testKit.createTestProbe();
    TestProbe<IsolateMessage> b = testKit.createTestProbe();
    TestProbe<IsolateMessage> c = testKit.createTestProbe();
    ActorRef<BroadcastCommand> registry = testKit.spawn(BroadcastRegistry.create());
    registry.tell(new BroadcastCommand.Subscribe("room", a.getRef()));
    registry.tell(new BroadcastCommand.Subscribe("room", b.getRef()));
    registry.tell(new BroadcastCommand.Subscribe("hall", c.getRef()));
    registry.tell(new BroadcastCommand.Publish("room", a.getRef(), value(5)));
    BroadcastMessage got = (BroadcastMessage) b.receiveMessage();
    assertEquals("room", got.name());
    assertArrayEquals(new byte[] {5}, got.data().bytes());
    a.expectNoMessage(QUIET);
    c.expectNoMessage(Duration.ZERO);

    registry.tell(new BroadcastCommand.Unsubscribe("room", b.getRef()));
    registry.tell(new BroadcastCommand.Publish("room", c.getRef(), value(6)));
    assertArrayEquals(new byte[] {6}, ((BroadcastMessage) a.receiveMessage()).data().bytes());
    b.expectNoMessage(QUIET);
  }
}
