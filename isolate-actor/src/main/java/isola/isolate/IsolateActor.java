package isola.isolate;

import isola.ops.core.CoreOps;
import isola.ops.fs.FsOps;
import isola.ops.permissions.Permissions;
import isola.ops.timers.TimerService;
import isola.protocol.ActorEvent;
import isola.protocol.BroadcastMessage;
import isola.protocol.FlushReplies;
import isola.protocol.IsolateStats;
import isola.protocol.FsRequest;
import isola.protocol.HttpEvent;
import isola.protocol.IsolateExited;
import isola.protocol.IsolateLimits;
import isola.protocol.IsolateMessage;
import isola.protocol.IsolateSpec;
import isola.protocol.OpReply;
import isola.protocol.ProcessOutput;
import isola.protocol.PortEvent;
import isola.protocol.SignalEvent;
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
  private final HttpBinding httpBinding;
  private final FetchBinding fetchBinding;
  private final WebSocketBinding webSocketBinding;
  private final SignalBinding signalBinding;
  private final PortBinding portBinding;
  private final WebStorageBinding webStorage;
  private boolean flushScheduled;
  private boolean finished;
  /** For IsolateStats: turns run and the bytes they allocated (the JVM counts allocation per thread). */
  private long turns;
  private long allocatedBytes;
  private static final com.sun.management.ThreadMXBean THREADS =
      (com.sun.management.ThreadMXBean) java.lang.management.ManagementFactory.getThreadMXBean();
  /**
   * Set from another thread when the context is cancelled: by the watchdog when a turn broke a limit
   * ("cpu", "memory"), by the parent's {@code worker.terminate()} ("terminated").
   */
  private volatile String limitBroken;

  public static Behavior<IsolateMessage> create(
      IsolateSpec spec, HostOutput output, ActorRef<IsolateExited> watcher) {
    return create(spec, output, watcher, null);
  }

  /** An isolate that is a worker of {@code parent} (or a main isolate when it is null). */
  public static Behavior<IsolateMessage> create(
      IsolateSpec spec, HostOutput output, ActorRef<IsolateExited> watcher, WorkerParent parent) {
    return Behaviors.setup(ctx -> {
      try {
        return new IsolateActor(ctx, spec, output, watcher, parent).start();
      } catch (RuntimeException e) {
        return failedToStart(spec, output, watcher, parent, e);
      }
    });
  }

  /**
   * An isolate whose context or main module could not even be set up: the failure is reported as an
   * uncaught error and the isolate exits 1, so a parent or a CLI run never waits for it.
   */
  private static Behavior<IsolateMessage> failedToStart(
      IsolateSpec spec, HostOutput output, ActorRef<IsolateExited> watcher, WorkerParent parent, RuntimeException e) {
    String message = "Error: " + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
    String where = parent == null ? "" : "(in worker \"" + parent.name() + "\") ";
    output.print("error: Uncaught " + where + message + "\n", true);
    output.flush();
    if (parent != null) parent.parent().tell(new WorkerEvent.Failed(parent.workerId(), message, "", 0, 0));
    watcher.tell(new IsolateExited(spec.name(), 1, "crashed"));
    return Behaviors.stopped();
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
    Path mainPath = mainPath(spec);
    this.timerBinding = new TimerBinding(timers);
    Map<String, Object> ops = new HashMap<>();
    new CoreBinding(spec, output, core, ctx.getSelf().narrow()).register(ops);
    GuestInternals.register(ops);
    timerBinding.register(ops);
    new PerformanceBinding(timerBinding).register(ops);
    new NavigatorBinding().register(ops);
    new DateBinding().register(ops);
    new EncodingBinding().register(ops);
    this.webStorage = new WebStorageBinding(spec.mainModule(), output);
    webStorage.register(ops);
    new UrlBinding().register(ops);
    new CompressionBinding().register(ops);
    new CryptoBinding().register(ops);
    new NodeBinding(SharedEngine.get()).register(ops);
    JsErrors errors = new JsErrors();
    Permissions permissions = new Permissions(spec.permissions(), Path.of(spec.cwd()));
    WorkingDirectory cwd = new WorkingDirectory(Path.of(spec.cwd()));
    ActorRef<FsRequest> fs = ctx.spawn(FsOps.create(), "fs", FsOps.DISPATCHER);
    ResourceTable resources = new ResourceTable(ctx);
    StagedBytes staged = new StagedBytes();
    this.fsBinding = new FsBinding(permissions, cwd, resources, fs, ctx.getSelf().narrow(), errors, staged);
    fsBinding.register(ops);
    this.netBinding = new NetBinding(ctx, permissions, resources, ctx.getSelf().narrow(), errors);
    netBinding.register(ops);
    this.httpBinding = new HttpBinding(
        permissions, resources, ctx.getSelf().narrow(), ctx.getSelf().narrow(), errors);
    httpBinding.register(ops);
    this.fetchBinding = new FetchBinding(permissions, resources, ctx.getSelf().narrow(), errors);
    fetchBinding.register(ops);
    this.webSocketBinding = new WebSocketBinding(permissions, resources, ctx.getSelf().narrow(), errors);
    webSocketBinding.register(ops);
    this.signalBinding = new SignalBinding(ctx.getSelf().narrow(), errors);
    signalBinding.register(ops);
    new PermissionsBinding(permissions, cwd, errors).register(ops);
    new RequirePermission(permissions, cwd, errors).register(ops);
    OsBinding os = new OsBinding(permissions, errors, output, ctx.getSelf().narrow());
    os.register(ops);
    new ProcessBinding(ctx, permissions, cwd, os::environment, resources, ctx.getSelf().narrow(),
        ctx.getSelf().narrow(), output, errors, staged).register(ops);
    this.portBinding = new PortBinding(ctx);
    portBinding.register(ops);
    new BroadcastBinding(ctx, portBinding).register(ops);
    new ActorsBinding(ctx).register(ops);
    this.workerBinding = new WorkerBinding(ctx, spec, output, permissions, parent, errors, portBinding);
    workerBinding.register(ops);
    this.js = new IsolateContext(
        SharedEngine.get(), Path.of(spec.cwd()), mainPath, spec.mainSource(), spec.config(), ops, errors, staged);
    if (parent != null) parent.cancel().attach(() -> stopForLimit("terminated"));
  }

  /**
   * The main module's file, or for a data: module (a worker's) a file that does not exist in the
   * working directory: where its bare imports and import map are looked up from.
   */
  private static Path mainPath(IsolateSpec spec) {
    String url = spec.mainModule();
    return url.startsWith("file:") ? Path.of(URI.create(url)) : Path.of(spec.cwd()).resolve("$isola$data-module.js");
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
        .onMessage(PortEvent.class, this::onPortEvent)
        .onMessage(BroadcastMessage.class, m -> turn(() -> js.broadcast(m.name(), portBinding.wire(m.data()))))
        .onMessage(ActorEvent.class, e -> turn(() -> js.actorMail(e)))
        .onMessage(HttpEvent.RequestArrived.class, this::onRequestArrived)
        .onMessage(HttpEvent.ExchangeLost.class, lost ->
            httpBinding.lost(lost) ? turn(() -> js.httpEnded(lost.exchangeId(), false)) : this)
        .onMessage(HttpEvent.ExchangeCompleted.class, done ->
            httpBinding.completed(done) ? turn(() -> js.httpEnded(done.exchangeId(), true)) : this)
        .onMessage(HttpEvent.Drain.class, drain -> {
          httpBinding.drain(drain);
          return this;
        })
        .onMessage(SignalEvent.class, signal -> turn(() -> js.signal(signal.signal())))
        .onMessage(Terminate.class, t -> finish(t.exitCode()))
        .onMessage(ProcessOutput.class, o -> {
          output.write(o.data(), o.stderr());
          return this;
        })
        .onMessage(IsolateStats.Request.class, r -> {
          r.replyTo().tell(new IsolateStats(turns, allocatedBytes, js.pendingOpCount()));
          return this;
        })
        .onSignal(PostStop.class, s -> closeContext())
        .onSignal(PreRestart.class, s -> closeContext())
        .build();
  }

  private Behavior<IsolateMessage> onOpReply(OpReply reply) {
    pendingReplies.add(webSocketBinding.adopt(FetchBinding.adopt(netBinding.adopt(fsBinding.adopt(reply)))));
    scheduleFlush();
    return this;
  }

  /** Requests wait in the binding; the flush hands all of them to the waiting accept loop at once. */
  private Behavior<IsolateMessage> onRequestArrived(HttpEvent.RequestArrived arrived) {
    httpBinding.arrived(arrived);
    scheduleFlush();
    return this;
  }

  private void scheduleFlush() {
    if (!flushScheduled) {
      flushScheduled = true;
      getContext().getSelf().tell(FlushReplies.INSTANCE);
    }
  }

  private Behavior<IsolateMessage> onFlushReplies() {
    flushScheduled = false;
    httpBinding.takeReady(pendingReplies);
    if (pendingReplies.isEmpty()) return this;
    List<OpReply> batch = List.copyOf(pendingReplies);
    pendingReplies.clear();
    return turn(() -> js.resolve(batch));
  }

  private Behavior<IsolateMessage> onWorkerEvent(WorkerEvent event) {
    if (event instanceof WorkerEvent.Exited exited) workerBinding.exited(exited.workerId());
    return turn(() -> js.workerEvent(event, portBinding::wire));
  }

  private Behavior<IsolateMessage> onPortEvent(PortEvent event) {
    switch (event) {
      case PortEvent.Message m -> portBinding.arrived(m);
      case PortEvent.PeerClosed c -> portBinding.peerClosed(c.portId());
      case PortEvent.Pump p -> {
        if (portBinding.pumped(p.portId())) return turn(() -> js.portPump(p.portId()));
      }
    }
    return this;
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
    if (limitBroken != null) return finishForLimit();
    Object watched = spec.limits().any() ? TurnWatchdog.begin(spec.limits(), this::stopForLimit) : null;
    long allocatedBefore = THREADS.getCurrentThreadAllocatedBytes();
    timerBinding.newTask();
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
      webStorage.persist();
      // After hasPendingWork: a beforeunload listener may have started a timer.
      timerBinding.armIfChanged();
      if (done) return finish(js.exitCode());
    } catch (PolyglotException e) {
      if (limitBroken != null) return finishForLimit();
      if (e.isExit()) return finish(e.getExitStatus());
      // The runtime reports every JS error itself; reaching here is a bug in the runtime or host.
      output.print("error: " + e.getMessage() + "\n", true);
      return finish(1);
    } catch (IllegalStateException e) {
      // The watchdog closed the context just as the turn was ending.
      if (limitBroken != null) return finishForLimit();
      throw e;
    } finally {
      turns++;
      allocatedBytes += THREADS.getCurrentThreadAllocatedBytes() - allocatedBefore;
      if (watched != null) TurnWatchdog.end(watched);
    }
    return this;
  }

  /**
   * Called on the watchdog's (or the parent's) thread: cancelling the context unwinds the running turn on the isolate's
   * thread (a PolyglotException there), which frees it. The cancel itself runs on a thread of its own,
   * as closing waits for the turn to unwind (a platform thread: GraalJS warns about virtual ones).
   */
  private void stopForLimit(String limit) {
    limitBroken = limit;
    Thread.ofPlatform().daemon().name("isola-stop-" + spec.name()).start(js::close);
  }

  private Behavior<IsolateMessage> finishForLimit() {
    // A terminated worker ends silently, as in Deno; its parent already forgot it.
    if (limitBroken.equals("terminated")) return finish(1, limitBroken);
    IsolateLimits limits = spec.limits();
    String what = limitBroken.equals("cpu")
        ? "used more than its CPU time limit of " + limits.cpuMillisPerTurn() + " ms"
        : "allocated more than its memory limit of " + (limits.memoryBytesPerTurn() >> 20) + " MiB";
    output.print("error: isolate \"" + spec.name() + "\" was stopped: one turn " + what + "\n", true);
    return finish(1, limitBroken);
  }

  private Behavior<IsolateMessage> finish(int exitCode) {
    return finish(exitCode, "exited");
  }

  private Behavior<IsolateMessage> finish(int exitCode, String reason) {
    if (!finished) {
      finished = true;
      output.flush();
      // Before the watcher hears of the exit: isola run halts the JVM then.
      webStorage.persist();
      closeContext();
      watcher.tell(new IsolateExited(spec.name(), exitCode, reason));
    }
    return Behaviors.stopped();
  }

  private Behavior<IsolateMessage> closeContext() {
    httpBinding.closeAll();
    fetchBinding.closeAll();
    webSocketBinding.closeAll();
    signalBinding.closeAll();
    js.close();
    return this;
  }
}
