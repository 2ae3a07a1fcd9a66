package isola.isolate;

import isola.ops.core.CoreOps;
import isola.ops.fs.FsOps;
import isola.ops.permissions.Permissions;
import isola.ops.timers.TimerService;
import isola.protocol.FlushReplies;
import isola.protocol.FsRequest;
import isola.protocol.IsolateExited;
import isola.protocol.IsolateMessage;
import isola.protocol.IsolateSpec;
import isola.protocol.OpReply;
import isola.protocol.Terminate;
import isola.protocol.TimerCommand;
import isola.protocol.TimersDue;
import isola.protocol.VoidRequest;
import isola.protocol.WorkerEvent;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.DispatcherSelector;
import org.apache.pekko.actor.typed.PostStop;
import org.apache.pekko.actor.typed.PreRestart;
import org.apache.pekko.actor.typed.javadsl.AbstractBehavior;
import org.apache.pekko.actor.typed.javadsl.ActorContext;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.actor.typed.javadsl.Receive;
import org.graalvm.polyglot.PolyglotException;

/**
 * An isolate: one Deno program in one GraalJS context, owned by this actor. The mailbox is the event
 * loop: op replies, due timers and commands arrive as messages, each handled as one turn that ends with
 * the microtask checkpoint. The isolate ends when no referenced work is left (Deno's rule), on
 * {@code Deno.exit}, on an uncaught error, or on {@link Terminate}; its watcher then learns the exit code.
 *
 * <p>Its op actors (timers, core, and later files and sockets) are its children, so they stop with it.
 */
public final class IsolateActor extends AbstractBehavior<IsolateMessage> {
  /** Where isolates run; spawn them with this selector. */
  public static final DispatcherSelector DISPATCHER =
      DispatcherSelector.fromConfig("isola.isolate-dispatcher");

  private final IsolateSpec spec;
  private final HostOutput output;
  private final ActorRef<IsolateExited> watcher;
  private final ActorRef<TimerCommand> timers;
  private final IsolateContext js;
  private final List<OpReply> pendingReplies = new ArrayList<>();
  private final TimerBinding timerBinding;
  private final FsBinding fsBinding;
  private final WorkerBinding workerBinding;
  private final NetBinding netBinding;
  private boolean flushScheduled;
  private boolean finished;

  public static Behavior<IsolateMessage> create(
      IsolateSpec spec, HostOutput output, ActorRef<IsolateExited> watcher) {
    return create(spec, output, watcher, null);
  }

  /** An isolate that is a worker of {@code parent} (or a main isolate when it is null). */
  public static Behavior<IsolateMessage> create(
      IsolateSpec spec, HostOutput output, ActorRef<IsolateExited> watcher, WorkerParent parent) {
    return Behaviors.setup(ctx -> new IsolateActor(ctx, spec, output, watcher, parent).start());
  }

  private IsolateActor(
      ActorContext<IsolateMessage> ctx,
      IsolateSpec spec,
      HostOutput output,
      ActorRef<IsolateExited> watcher,
      WorkerParent parent) {
    super(ctx);
    this.spec = spec;
    this.output = output;
    this.watcher = watcher;
    this.timers = ctx.spawn(TimerService.create(ctx.getSelf()), "timers", DispatcherSelector.sameAsParent());
    ActorRef<VoidRequest> core = ctx.spawn(CoreOps.create(), "core", DispatcherSelector.sameAsParent());
    Path mainPath = Path.of(URI.create(spec.mainModule()));
    this.timerBinding = new TimerBinding(timers);
    Map<String, Object> ops = new HashMap<>();
    new CoreBinding(spec, output, core, ctx.getSelf().narrow()).register(ops);
    GuestInternals.register(ops);
    timerBinding.register(ops);
    new PerformanceBinding(timerBinding).register(ops);
    new NavigatorBinding().register(ops);
    new EncodingBinding().register(ops);
    new UrlBinding().register(ops);
    new CompressionBinding().register(ops);
    new CryptoBinding().register(ops);
    new NodeBinding(SharedEngine.get()).register(ops);
    JsErrors errors = new JsErrors();
    Permissions permissions = new Permissions(spec.permissions(), Path.of(spec.cwd()));
    WorkingDirectory cwd = new WorkingDirectory(Path.of(spec.cwd()));
    ActorRef<FsRequest> fs = ctx.spawn(FsOps.create(), "fs", FsOps.DISPATCHER);
    ResourceTable resources = new ResourceTable(ctx);
    this.fsBinding = new FsBinding(permissions, cwd, resources, fs, ctx.getSelf().narrow(), errors);
    fsBinding.register(ops);
    this.netBinding = new NetBinding(ctx, permissions, resources, ctx.getSelf().narrow(), errors);
    netBinding.register(ops);
    new PermissionsBinding(permissions, cwd).register(ops);
    new OsBinding(permissions, errors, output).register(ops);
    this.workerBinding = new WorkerBinding(ctx, spec, output, permissions, parent);
    workerBinding.register(ops);
    this.js = new IsolateContext(
        SharedEngine.get(), Path.of(spec.cwd()), mainPath, spec.mainSource(), ops, errors);
  }

  private Behavior<IsolateMessage> start() {
    return turn(() -> js.runMain(spec.mainModule()));
  }

  @Override
  public Receive<IsolateMessage> createReceive() {
    return newReceiveBuilder()
        .onMessage(OpReply.class, this::onOpReply)
        .onMessageEquals(FlushReplies.INSTANCE, this::onFlushReplies)
        .onMessage(TimersDue.class, this::onTimersDue)
        .onMessage(WorkerEvent.class, this::onWorkerEvent)
        .onMessage(Terminate.class, t -> finish(t.exitCode()))
        .onSignal(PostStop.class, s -> closeContext())
        .onSignal(PreRestart.class, s -> closeContext())
        .build();
  }

  private Behavior<IsolateMessage> onOpReply(OpReply reply) {
    pendingReplies.add(netBinding.adopt(fsBinding.adopt(reply)));
    if (!flushScheduled) {
      flushScheduled = true;
      getContext().getSelf().tell(FlushReplies.INSTANCE);
    }
    return this;
  }

  private Behavior<IsolateMessage> onFlushReplies() {
    flushScheduled = false;
    List<OpReply> batch = List.copyOf(pendingReplies);
    pendingReplies.clear();
    return turn(() -> js.resolve(batch));
  }

  private Behavior<IsolateMessage> onWorkerEvent(WorkerEvent event) {
    if (event instanceof WorkerEvent.Exited exited) workerBinding.exited(exited.workerId());
    return turn(() -> js.workerEvent(event));
  }

  private Behavior<IsolateMessage> onTimersDue(TimersDue due) {
    if (!timerBinding.isCurrent(due.generation())) return this;
    timerBinding.fired();
    return turn(this::runDueTimers);
  }

  private void runDueTimers() {
    while (js.runNextTimer()) {
      // one host call per callback: each is followed by its own microtask checkpoint
    }
  }

  /** Runs one macrotask in JS, then decides whether the isolate lives on. */
  private Behavior<IsolateMessage> turn(Runnable work) {
    if (finished) return Behaviors.stopped();
    try {
      work.run();
      while (js.runTicks()) {
        // each batch of ticks may queue more
      }
      while (js.takeRejectionsQueued()) {
        runDueTimers();
        js.processRejections();
      }
      boolean done = pendingReplies.isEmpty() && !flushScheduled && !js.hasPendingWork();
      output.flush();
      // After hasPendingWork: a beforeunload listener may have started a timer.
      timerBinding.armIfChanged();
      if (done) return finish(js.exitCode());
    } catch (PolyglotException e) {
      if (e.isExit()) return finish(e.getExitStatus());
      // The runtime reports every JS error itself; reaching here is a bug in the runtime or host.
      output.print("error: " + e.getMessage() + "\n", true);
      return finish(1);
    }
    return this;
  }

  private Behavior<IsolateMessage> finish(int exitCode) {
    if (!finished) {
      finished = true;
      output.flush();
      closeContext();
      watcher.tell(new IsolateExited(spec.name(), exitCode));
    }
    return Behaviors.stopped();
  }

  private Behavior<IsolateMessage> closeContext() {
    js.close();
    return this;
  }
}
