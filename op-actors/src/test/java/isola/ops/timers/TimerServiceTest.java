package isola.ops.timers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import isola.protocol.IsolateMessage;
import isola.protocol.TimerCommand;
import isola.protocol.TimersDue;
import java.time.Duration;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.actor.testkit.typed.javadsl.TestProbe;
import org.apache.pekko.actor.typed.ActorRef;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

class TimerServiceTest {
  static final ActorTestKit testKit = ActorTestKit.create();

  @AfterAll
  static void cleanup() {
    testKit.shutdownTestKit();
  }

  @Test
  void aPassedDeadlineWakesAtOnce() {
    TestProbe<IsolateMessage> isolate = testKit.createTestProbe();
    ActorRef<TimerCommand> timers = testKit.spawn(TimerService.create(isolate.getRef()));
    timers.tell(new TimerCommand.Arm(System.nanoTime() - 1_000_000, 7));
    assertEquals(new TimersDue(7), isolate.receiveMessage(Duration.ofSeconds(5)));
  }

  @Test
  void wakesNoEarlierThanTheDeadline() {
    TestProbe<IsolateMessage> isolate = testKit.createTestProbe();
    ActorRef<TimerCommand> timers = testKit.spawn(TimerService.create(isolate.getRef()));
    long deadline = System.nanoTime() + Duration.ofMillis(30).toNanos();
    timers.tell(new TimerCommand.Arm(deadline, 1));
    assertEquals(new TimersDue(1), isolate.receiveMessage(Duration.ofSeconds(5)));
    assertTrue(System.nanoTime() >= deadline, "woke before the deadline");
  }

  @Test
  void reArmingReplacesTheWakeUpAndDisarmCancelsIt() {
    TestProbe<IsolateMessage> isolate = testKit.createTestProbe();
    ActorRef<TimerCommand> timers = testKit.spawn(TimerService.create(isolate.getRef()));
    timers.tell(new TimerCommand.Arm(System.nanoTime() + Duration.ofMillis(200).toNanos(), 1));
    timers.tell(new TimerCommand.Arm(System.nanoTime() + Duration.ofMillis(20).toNanos(), 2));
    assertEquals(new TimersDue(2), isolate.receiveMessage(Duration.ofSeconds(5)));
    timers.tell(new TimerCommand.Arm(System.nanoTime() + Duration.ofMillis(50).toNanos(), 3));
    timers.tell(new TimerCommand.Disarm());
    // Generation 1 was replaced and 3 cancelled: neither may arrive.
    isolate.expectNoMessage(Duration.ofMillis(400));
  }
}
