package isola.embed;

import com.fasterxml.jackson.databind.JsonNode;
import isola.isolate.HostOutput;
import isola.isolate.IsolateActor;
import isola.isolate.WorkerParent;
import isola.protocol.IsolateExited;
import isola.protocol.IsolateMessage;
import isola.protocol.IsolateSpec;
import isola.protocol.WorkerEvent;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.concurrent.CompletableFuture;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.javadsl.AbstractBehavior;
import org.apache.pekko.actor.typed.javadsl.ActorContext;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.actor.typed.javadsl.Receive;

/**
 * The Java side of one hosted isolate, and its supervisor. The isolate runs as a worker whose parent
 * is this actor: the script answers {@code self.onmessage} with {@code postMessage}, exactly as a Deno
 * worker would. Messages cross in structured-clone form, converted from and to JSON here. A script's
 * message first answers the oldest pending {@link Ask}; otherwise it goes to the subscriber.
 *
 * <p>An incarnation that fails is replaced after the {@link RestartPolicy}'s backoff; messages sent
 * meanwhile wait (up to {@link #MAX_WAITING}). The failure never reaches other isolates: each
 * incarnation is this actor's child, and a child's failure stops only that child.
 */
final class IsolateBridge extends AbstractBehavior<Object> {
  sealed interface Command {}

  record Send(JsonNode message) implements Command {}

  record Ask(JsonNode message, CompletableFuture<JsonNode> answer) implements Command {}

  record Stop() implements Command {}

  record GetStatus(CompletableFuture<IsolateStatus> status) implements Command {}

  private record Ended(int incarnation) {}

  private record Restart(int incarnation) {}

  /** Messages held while the isolate restarts; beyond this they are refused. */
  static final int MAX_WAITING = 1000;

  private final IsolateSpec spec;
  private final HostOutput output;
  private final ActorRef<IsolateReply> subscriber;
  private final CompletableFuture<IsolateExited> exited;
  private final RestartPolicy policy;
  private final ArrayDeque<CompletableFuture<JsonNode>> asks = new ArrayDeque<>();
  private final ArrayDeque<Command> waiting = new ArrayDeque<>();
  private final ArrayDeque<Instant> restartTimes = new ArrayDeque<>();

  private ActorRef<IsolateMessage> isolate;
  private int incarnation;
  private String state = "running";
  private boolean stopping;
  private int restarts;
  private int consecutiveFailures;
  /** The current incarnation's own report, if it made one. */
  private IsolateExited lastExit;
  /** Why the last incarnation that ended did. */
  private String lastReason;
  private String lastError;
  private Instant startedAt;
  private long messagesIn;
  private long messagesOut;

  static Behavior<Object> create(IsolateSpec spec, HostOutput output, ActorRef<IsolateReply> subscriber,
      CompletableFuture<IsolateExited> exited, RestartPolicy policy) {
    return Behaviors.setup(ctx -> new IsolateBridge(ctx, spec, output, subscriber, exited, policy));
  }

  private IsolateBridge(ActorContext<Object> ctx, IsolateSpec spec, HostOutput output,
      ActorRef<IsolateReply> subscriber, CompletableFuture<IsolateExited> exited, RestartPolicy policy) {
    super(ctx);
    this.spec = spec;
    this.output = output;
    this.subscriber = subscriber;
    this.exited = exited;
    this.policy = policy;
    startIncarnation();
  }

  private void startIncarnation() {
    incarnation++;
    lastExit = null;
    startedAt = Instant.now();
    state = "running";
    ActorRef<IsolateMessage> self = getContext().getSelf().narrow();
    ActorRef<IsolateExited> watcher = getContext().getSelf().narrow();
    isolate = getContext().spawn(
        IsolateActor.create(spec, output, watcher, new WorkerParent(self, 0, spec.name())),
        "isolate-" + incarnation, IsolateActor.DISPATCHER);
    getContext().watchWith(isolate, new Ended(incarnation));
  }

  @Override
  public Receive<Object> createReceive() {
    return newReceiveBuilder()
        .onMessage(Send.class, this::deliver)
        .onMessage(Ask.class, this::deliver)
        .onMessage(WorkerEvent.FromWorker.class, this::onPosted)
        .onMessage(WorkerEvent.Failed.class, failed -> {
          lastError = failed.message();
          failAsks(new IsolateFailure(spec.name(), failed.message()));
          // This incarnation is ending: what comes now waits for the next one (or fails with it).
          state = "restarting";
          return this;
        })
        .onMessage(WorkerEvent.class, other -> this)
        .onMessage(IsolateExited.class, end -> {
          lastExit = end;
          return this;
        })
        .onMessage(Ended.class, this::onEnded)
        .onMessage(Restart.class, r -> {
          if (r.incarnation() != incarnation || stopping) return this;
          startIncarnation();
          while (!waiting.isEmpty()) deliver(waiting.poll());
          return this;
        })
        .onMessage(Stop.class, stop -> {
          stopping = true;
          if (getContext().getChild("isolate-" + incarnation).isPresent()) getContext().stop(isolate);
          else return finish(new IsolateExited(spec.name(), 0, "terminated"));
          return this;
        })
        .onMessage(GetStatus.class, get -> {
          long uptime = state.equals("running") ? Duration.between(startedAt, Instant.now()).toMillis() : 0;
          get.status().complete(new IsolateStatus(spec.name(), state, restarts,
              lastReason, lastError, uptime, messagesIn, messagesOut));
          return this;
        })
        .build();
  }

  private Behavior<Object> deliver(Command command) {
    if (!state.equals("running")) {
      if (waiting.size() >= MAX_WAITING) {
        if (command instanceof Ask ask) {
          ask.answer().completeExceptionally(new IsolateFailure(spec.name(), "too many messages waiting for a restart"));
        }
        return this;
      }
      waiting.add(command);
      return this;
    }
    messagesIn++;
    JsonNode message;
    if (command instanceof Ask ask) {
      asks.add(ask.answer());
      message = ask.message();
    } else {
      message = ((Send) command).message();
    }
    isolate.tell(new WorkerEvent.ToWorker(JsonClone.serialize(message)));
    return this;
  }

  private Behavior<Object> onPosted(WorkerEvent.FromWorker posted) {
    messagesOut++;
    JsonNode value;
    try {
      value = JsonClone.deserialize(posted.data());
    } catch (IllegalArgumentException e) {
      if (!asks.isEmpty()) asks.poll().completeExceptionally(e);
      return this;
    }
    if (!asks.isEmpty()) asks.poll().complete(value);
    else if (subscriber != null) subscriber.tell(new IsolateReply(spec.name(), value));
    return this;
  }

  /** An incarnation is gone: finish, or come back after the backoff, or give up. */
  private Behavior<Object> onEnded(Ended ended) {
    if (ended.incarnation() != incarnation) return this;
    // A stopped isolate reports nothing itself; without its report the host failed it.
    IsolateExited end = lastExit != null ? lastExit : new IsolateExited(spec.name(), 1, "crashed");
    if (stopping) return finish(new IsolateExited(spec.name(), 0, "terminated"));
    boolean failed = !end.reason().equals("exited") || end.exitCode() != 0;
    if (!failed) return finish(end);
    // An uncaught error ends the script with code 1: for its supervisor, that is a crash.
    if (end.reason().equals("exited")) end = new IsolateExited(spec.name(), end.exitCode(), "crashed");
    lastReason = end.reason();
    failAsks(new IsolateFailure(spec.name(), "the isolate ended (" + end.reason() + ")"));
    Instant now = Instant.now();
    while (!restartTimes.isEmpty() && restartTimes.peek().isBefore(now.minus(policy.window()))) restartTimes.poll();
    if (restartTimes.size() >= policy.maxRestarts()) {
      state = "failed";
      return finish(end);
    }
    // A run that lasted longer than the longest backoff starts the doubling over.
    consecutiveFailures = Duration.between(startedAt, now).compareTo(policy.maxBackoff()) > 0 ? 1
        : consecutiveFailures + 1;
    restartTimes.add(now);
    restarts++;
    state = "restarting";
    getContext().scheduleOnce(policy.delay(consecutiveFailures - 1), getContext().getSelf(),
        new Restart(incarnation));
    return this;
  }

  private Behavior<Object> finish(IsolateExited end) {
    if (!state.equals("failed")) state = "ended";
    lastReason = end.reason();
    failAsks(new IsolateFailure(spec.name(), "the isolate ended (" + end.reason() + ")"));
    for (Command c : waiting) {
      if (c instanceof Ask ask) ask.answer().completeExceptionally(new IsolateFailure(spec.name(), "the isolate ended"));
    }
    waiting.clear();
    exited.complete(end);
    return this;
  }

  private void failAsks(IsolateFailure failure) {
    asks.forEach(a -> a.completeExceptionally(failure));
    asks.clear();
  }
}
