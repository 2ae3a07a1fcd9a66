package isola.cli;

import isola.isolate.HostOutput;
import isola.isolate.IsolateActor;
import isola.protocol.IsolateExited;
import isola.protocol.IsolateSpec;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.util.concurrent.CompletableFuture;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.javadsl.Behaviors;

/**
 * Runs one program the way {@code deno run} does: an actor system whose guardian spawns the main
 * isolate, writing to this process's stdout and stderr, and waits for its exit code.
 */
final class ProgramHost {
  private ProgramHost() {}

  static int run(IsolateSpec spec) {
    HostOutput output = new HostOutput(
        new FileOutputStream(FileDescriptor.out), new FileOutputStream(FileDescriptor.err));
    CompletableFuture<Integer> exit = new CompletableFuture<>();
    Behavior<IsolateExited> guardian = Behaviors.setup(ctx -> {
      var isolate = ctx.spawn(
          IsolateActor.create(spec, output, ctx.getSelf()), spec.name(), IsolateActor.DISPATCHER);
      // An isolate that dies without reporting (a host failure, logged by Pekko) still ends the run.
      ctx.watchWith(isolate, new IsolateExited(spec.name(), 1));
      return Behaviors.receiveMessage(exited -> {
        exit.complete(exited.exitCode());
        return Behaviors.stopped();
      });
    });
    ActorSystem.create(guardian, "isola");
    return exit.join();
  }

  /**
   * Ends the process. The program's output is flushed by then; skipping the actor system's orderly
   * shutdown saves tens of milliseconds that a CLI run would otherwise spend on nothing.
   */
  static void exit(int code) {
    System.out.flush();
    System.err.flush();
    Runtime.getRuntime().halt(code);
  }
}
