package isola.host;

import isola.isolate.HostOutput;
import isola.protocol.IsolateSpec;
import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.javadsl.Behaviors;

/**
 * One actor system hosting any number of programs, each in its own isolate. {@code isola run} hosts one;
 * tests and embedding Java services host many side by side.
 */
public final class IsolaHost implements AutoCloseable {
  private record Launch(IsolateSpec spec, HostOutput output, CompletableFuture<Integer> exit) {}

  private final ActorSystem<Launch> system;
  private final AtomicLong launched = new AtomicLong();

  private IsolaHost(String name) {
    this.system = ActorSystem.create(guardian(), name, LAZY_EXTENSIONS.withFallback(ConfigFactory.load()));
  }

  /**
   * Pekko creates its library extensions (serialization with every serializer on the class path, the
   * receptionist, the stream materializer) when the system starts: 300 ms of a CLI run's cold start
   * that a local program host only needs if a script reaches for them, and then Pekko creates each on
   * first use.
   */
  private static final Config LAZY_EXTENSIONS =
      ConfigFactory.parseString("pekko.library-extensions = []\npekko.actor.typed.library-extensions = []");

  public static IsolaHost start(String name) {
    return new IsolaHost(name);
  }

  /** Runs a program; the stage completes with its exit code when the isolate ends. */
  public CompletionStage<Integer> run(IsolateSpec spec, HostOutput output) {
    CompletableFuture<Integer> exit = new CompletableFuture<>();
    system.tell(new Launch(spec, output, exit));
    return exit;
  }

  private Behavior<Launch> guardian() {
    return Behaviors.receive((ctx, launch) -> {
      ctx.spawn(
          ProgramWatcher.create(launch.spec(), launch.output(), launch.exit()),
          "program-" + launched.incrementAndGet());
      return Behaviors.same();
    });
  }

  public ActorSystem<?> system() {
    return system;
  }

  @Override
  public void close() {
    system.terminate();
    system.getWhenTerminated().toCompletableFuture().join();
  }
}
