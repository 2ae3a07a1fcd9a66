package isola.host;

import isola.isolate.HostOutput;
import isola.isolate.IsolateActor;
import isola.protocol.IsolateExited;
import isola.protocol.IsolateSpec;
import java.util.concurrent.CompletableFuture;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.javadsl.Behaviors;

/** Spawns one program's main isolate and completes its exit code, however the isolate ends. */
final class ProgramWatcher {
  private ProgramWatcher() {}

  static Behavior<IsolateExited> create(
      IsolateSpec spec, HostOutput output, CompletableFuture<Integer> exit) {
    return Behaviors.setup(ctx -> {
      var isolate = ctx.spawn(
          IsolateActor.create(spec, output, ctx.getSelf()), spec.name(), IsolateActor.DISPATCHER);
      // An isolate that dies without reporting (a host failure, logged by Pekko) still ends the run.
      ctx.watchWith(isolate, new IsolateExited(spec.name(), 1));
      return Behaviors.receiveMessage(exited -> {
        exit.complete(exited.exitCode());
        return Behaviors.stopped();
      });
    });
  }
}
