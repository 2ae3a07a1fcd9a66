package isola.ops.timers;

import isola.protocol.IsolateMessage;
import isola.protocol.TimerCommand;
import isola.protocol.TimersDue;
import java.time.Duration;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.actor.typed.javadsl.TimerScheduler;

/**
 * One per isolate: holds the single armed wake-up for the isolate's earliest timer deadline and tells
 * the isolate {@link TimersDue} when it passes. The timer list itself lives on the JS side (Deno keeps
 * its callbacks in JS too), so arming is one message however many timers are pending.
 *
 * <p>Resolution is the scheduler's tick, which the actor system config sets to 1 ms; a deadline that
 * has already passed is reported at once, without a scheduler round.
 */
public final class TimerService {
  private static final Object WAKE_KEY = "wake";

  private TimerService() {}

  public static Behavior<TimerCommand> create(ActorRef<IsolateMessage> isolate) {
    return Behaviors.withTimers(timers -> armed(isolate, timers));
  }

  private static Behavior<TimerCommand> armed(
      ActorRef<IsolateMessage> isolate, TimerScheduler<TimerCommand> timers) {
    return Behaviors.receive(TimerCommand.class)
        .onMessage(TimerCommand.Arm.class, arm -> {
          long delay = arm.deadlineNanos() - System.nanoTime();
          if (delay <= 0) {
            timers.cancel(WAKE_KEY);
            isolate.tell(new TimersDue(arm.generation()));
          } else {
            timers.startSingleTimer(WAKE_KEY, new TimerCommand.Wake(arm.generation()), Duration.ofNanos(delay));
          }
          return Behaviors.same();
        })
        .onMessage(TimerCommand.Disarm.class, d -> {
          timers.cancel(WAKE_KEY);
          return Behaviors.same();
        })
        .onMessage(TimerCommand.Wake.class, fire -> {
          isolate.tell(new TimersDue(fire.generation()));
          return Behaviors.same();
        })
        .build();
  }
}
