package isola.embed;

import isola.isolate.HostOutput;
import isola.protocol.IsolateExited;
import isola.protocol.IsolateSpec;
import isola.protocol.ServeOptions;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.util.concurrent.CompletableFuture;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.Props;
import org.apache.pekko.actor.typed.javadsl.Behaviors;

/**
 * isola embedded in a Java service: host scripts as isolates of an actor system (a new one, or the
 * service's own) and exchange messages with them.
 *
 * <pre>{@code
 * try (Isola isola = Isola.start("rules")) {
 *   IsolateRef pricing = isola.spawn(IsolateOptions.of("pricing", Path.of("pricing.js")));
 *   JsonNode quote = pricing.ask(Map.of("sku", "A-1", "qty", 3), Duration.ofSeconds(1))
 *       .toCompletableFuture().join();
 * }
 * }</pre>
 *
 * The script is written as a Deno worker: {@code self.onmessage = (e) => postMessage(answer(e.data))}.
 */
public final class Isola implements AutoCloseable {
  private final ActorSystem<?> system;
  private final boolean owned;

  private Isola(ActorSystem<?> system, boolean owned) {
    this.system = system;
    this.owned = owned;
  }

  /** A new actor system for the isolates; {@link #close} terminates it. */
  public static Isola start(String name) {
    return new Isola(ActorSystem.create(Behaviors.empty(), name), true);
  }

  /** Hosts isolates in an existing actor system (it must have isola's reference.conf on its class path). */
  public static Isola on(ActorSystem<?> system) {
    return new Isola(system, false);
  }

  /** Starts a script; its console output goes to this process's stdout and stderr. */
  public IsolateRef spawn(IsolateOptions options) {
    return spawn(options, null, new HostOutput(
        new FileOutputStream(FileDescriptor.out), new FileOutputStream(FileDescriptor.err)));
  }

  /**
   * Starts a script. Messages it posts that answer no {@link IsolateRef#ask} go to {@code subscriber}
   * (may be null), as {@link IsolateReply}s.
   */
  public IsolateRef spawn(IsolateOptions options, ActorRef<IsolateReply> subscriber, HostOutput output) {
    IsolateSpec spec = new IsolateSpec(options.name(), options.module().toUri().toString(), null, options.args(),
        options.permissions(), options.cwd().toString()).withLimits(options.limits());
    CompletableFuture<IsolateExited> exited = new CompletableFuture<>();
    ActorRef<Object> bridge = system.systemActorOf(
        IsolateBridge.create(spec, output, subscriber, exited, options.restart()), "isola-" + options.name(), Props.empty());
    return new IsolateRef(options.name(), bridge, exited);
  }

  /**
   * Starts a script whose {@code export default { fetch }} answers the HTTP requests routed to it with
   * {@link IsolateRef#route} (isola serve --manifest's front door); it binds no socket itself.
   */
  public IsolateRef spawnServed(IsolateOptions options, HostOutput output) {
    CompletableFuture<IsolateExited> exited = new CompletableFuture<>();
    ActorRef<Object> bridge = system.systemActorOf(served(options, output, exited), "isola-" + options.name(), Props.empty());
    return new IsolateRef(options.name(), bridge, exited);
  }

  /** The supervisor of a served script, for whoever spawns it (the front door's host, a sharded entity). */
  static Behavior<Object> served(IsolateOptions options, HostOutput output, CompletableFuture<IsolateExited> exited) {
    IsolateSpec spec = new IsolateSpec(options.name(), options.module().toUri().toString(), null, options.args(),
        options.permissions(), options.cwd().toString(), null, new ServeOptions("0.0.0.0", -1), options.limits());
    return IsolateBridge.create(spec, output, null, exited, options.restart());
  }

  public ActorSystem<?> system() {
    return system;
  }

  @Override
  public void close() {
    if (!owned) return;
    system.terminate();
    system.getWhenTerminated().toCompletableFuture().join();
  }
}
