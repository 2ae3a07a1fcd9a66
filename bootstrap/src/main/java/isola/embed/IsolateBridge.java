package isola.embed;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import isola.isolate.HostOutput;
import isola.isolate.IsolateActor;
import isola.isolate.WorkerCancel;
import isola.isolate.WorkerParent;
import isola.ops.http.HttpExchange;
import isola.protocol.ActorMail;
import isola.protocol.HttpEvent;
import isola.protocol.IsolateExited;
import isola.protocol.IsolateMessage;
import isola.protocol.IsolateStats;
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
import org.apache.pekko.actor.typed.receptionist.Receptionist;

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

  /** An HTTP request the front door routed to this script ({@code isola serve --manifest}). */
  record Route(HttpExchange exchange) implements Command {}

  /** The client of a routed request went away. */
  record RouteLost(HttpExchange exchange) implements Command {}

  /** A new incarnation (the module read again) takes new work; a served old one drains first. */
  record Reload() implements Command {}

  private record Ended(int incarnation) {}

  private record Reported(int incarnation, IsolateExited exited) {}

  private record Restart(int incarnation) {}

  /** An incarnation ended without its report in time: the host failed it (reason crashed). */
  private record ReportOverdue(int incarnation) {}

  /** The running incarnation's own figures for a status request (null: it did not answer in time). */
  private record StatsArrived(GetStatus request, IsolateStats stats) {}

  /** A routed request's wall-clock limit ran out. */
  private record RequestTimedOut(int incarnation, HttpExchange exchange) {}

  /** Messages held while the isolate restarts; beyond this they are refused. */
  static final int MAX_WAITING = 1000;

  private final IsolateSpec spec;
  private final HostOutput output;
  private final ActorRef<IsolateReply> subscriber;
  private final CompletableFuture<IsolateExited> exited;
  private final RestartPolicy policy;
  /** Served scripts run as main isolates behind the front door; others as workers of this actor. */
  private final boolean served;
  private final ArrayDeque<CompletableFuture<JsonNode>> asks = new ArrayDeque<>();
  private final ArrayDeque<Command> waiting = new ArrayDeque<>();
  private final ArrayDeque<Instant> restartTimes = new ArrayDeque<>();
  /** Requests routed to the current incarnation and not yet answered (answered ones are pruned). */
  private final ArrayDeque<HttpExchange> inFlight = new ArrayDeque<>();

  private ActorRef<IsolateMessage> isolate;
  /** Cancels the current (worker) incarnation's context, so a script stuck in a loop stops too. */
  private WorkerCancel cancel;
  private int incarnation;
  private String state = "running";
  private boolean stopping;
  private int restarts;
  private int consecutiveFailures;
  /** The current incarnation's own report, if it made one. */
  private IsolateExited lastExit;
  /** The current incarnation has ended, its report not yet in. */
  private boolean endedUnreported;
  private boolean reportOverdue;
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
    this.served = spec.serve() != null;
    // Scripts (isola:actors) and Java actors reach a worker-style isolate by its name.
    if (!served) {
      ctx.getSystem().receptionist().tell(Receptionist.register(ActorMail.key(spec.name()), ctx.getSelf().narrow()));
    }
    startIncarnation();
  }

  private void startIncarnation() {
    int n = ++incarnation;
    lastExit = null;
    startedAt = Instant.now();
    state = "running";
    ActorRef<Object> bridge = getContext().getSelf();
    // Each incarnation reports its end to a watcher of its own, so an old one's report is told apart.
    ActorRef<IsolateExited> watcher = getContext().spawnAnonymous(Behaviors.receive(IsolateExited.class)
        .onMessage(IsolateExited.class, e -> {
          bridge.tell(new Reported(n, e));
          return Behaviors.stopped();
        })
        .build());
    cancel = new WorkerCancel();
    WorkerParent parent = served ? null : new WorkerParent(getContext().getSelf().narrow(), 0, spec.name(), cancel);
    isolate = getContext().spawn(IsolateActor.create(spec, output, watcher, parent),
        "isolate-" + n, IsolateActor.DISPATCHER);
    getContext().watchWith(isolate, new Ended(n));
  }

  @Override
  public Receive<Object> createReceive() {
    return newReceiveBuilder()
        .onMessage(Send.class, this::deliver)
        .onMessage(Ask.class, this::deliver)
        .onMessage(ActorMail.class, this::onMail)
        .onMessage(WorkerEvent.FromWorker.class, this::onPosted)
        .onMessage(WorkerEvent.Failed.class, failed -> {
          lastError = failed.message();
          failAsks(new IsolateFailure(spec.name(), failed.message()));
          // This incarnation is ending: what comes now waits for the next one (or fails with it).
          state = "restarting";
          return this;
        })
        .onMessage(WorkerEvent.class, other -> this)
        .onMessage(Reported.class, r -> {
          if (r.incarnation() != incarnation) return this;
          lastExit = r.exited();
          return endedUnreported ? onEnded(new Ended(incarnation)) : this;
        })
        .onMessage(ReportOverdue.class, r -> {
          if (r.incarnation() != incarnation || !endedUnreported) return this;
          reportOverdue = true;
          return onEnded(new Ended(incarnation));
        })
        .onMessage(Route.class, this::deliver)
        .onMessage(RouteLost.class, lost -> {
          isolate.tell(new HttpEvent.ExchangeLost(HttpEvent.FRONT_DOOR_RID, lost.exchange().id()));
          return this;
        })
        .onMessage(Reload.class, reload -> {
          if (!state.equals("running")) return this;
          ActorRef<IsolateMessage> old = isolate;
          // The old incarnation answers what it was given before it drains.
          inFlight.clear();
          startIncarnation();
          if (served) old.tell(new HttpEvent.Drain(HttpEvent.FRONT_DOOR_RID));
          else getContext().stop(old);
          return this;
        })
        .onMessage(RequestTimedOut.class, this::onRequestTimedOut)
        .onMessage(Ended.class, this::onEnded)
        .onMessage(Restart.class, r -> {
          if (r.incarnation() != incarnation || stopping) return this;
          startIncarnation();
          while (!waiting.isEmpty()) deliver(waiting.poll());
          return this;
        })
        .onMessage(Stop.class, stop -> {
          stopping = true;
          if (getContext().getChild("isolate-" + incarnation).isPresent()) {
            cancel.cancel();
            getContext().stop(isolate);
          }
          else return finish(new IsolateExited(spec.name(), 0, "terminated"));
          return this;
        })
        .onMessage(GetStatus.class, get -> {
          if (!state.equals("running")) return complete(get, null);
          // A turn that runs long delays the answer: then the figures are left out, not waited for.
          getContext().ask(IsolateStats.class, isolate, Duration.ofSeconds(1), IsolateStats.Request::new,
              (stats, failure) -> new StatsArrived(get, stats));
          return this;
        })
        .onMessage(StatsArrived.class, s -> complete(s.request(), s.stats()))
        .build();
  }

  private Behavior<Object> deliver(Command command) {
    if (!state.equals("running")) {
      if (waiting.size() >= MAX_WAITING || state.equals("ended") || state.equals("failed")) {
        refuse(command);
        return this;
      }
      waiting.add(command);
      return this;
    }
    if (overQueueLimit(command)) {
      refuse(command);
      return this;
    }
    messagesIn++;
    if (command instanceof Route route) {
      inFlight.add(route.exchange());
      long wall = spec.limits().wallMillisPerRequest();
      if (wall > 0) {
        getContext().scheduleOnce(Duration.ofMillis(wall), getContext().getSelf(),
            new RequestTimedOut(incarnation, route.exchange()));
      }
      isolate.tell(new HttpEvent.RequestArrived(HttpEvent.FRONT_DOOR_RID, route.exchange()));
      return this;
    }
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

  private Behavior<Object> complete(GetStatus get, IsolateStats stats) {
    long uptime = state.equals("running") ? Duration.between(startedAt, Instant.now()).toMillis() : 0;
    get.status().complete(new IsolateStatus(spec.name(), state, restarts, lastReason, lastError, uptime,
        messagesIn, messagesOut, stats));
    return this;
  }

  /** Asks and routed requests still unanswered, against {@code IsolateLimits.maxQueued}. */
  private boolean overQueueLimit(Command command) {
    int max = spec.limits().maxQueued();
    if (max <= 0 || !(command instanceof Ask || command instanceof Route)) return false;
    inFlight.removeIf(HttpExchange::done);
    return asks.size() + inFlight.size() >= max;
  }

  /**
   * A request over its wall-clock limit gets a 504, and the incarnation that held it too long is
   * stopped (reason {@code wall-clock}): its supervisor restarts it like a crashed one.
   */
  private Behavior<Object> onRequestTimedOut(RequestTimedOut timedOut) {
    if (timedOut.incarnation() != incarnation || timedOut.exchange().done() || !state.equals("running")) return this;
    timedOut.exchange().respond(504, new String[] {"content-type", "text/plain;charset=UTF-8"}, "Gateway Timeout");
    lastExit = new IsolateExited(spec.name(), 1, "wall-clock");
    lastError = "a request took longer than " + spec.limits().wallMillisPerRequest() + " ms";
    state = "restarting";
    cancel.cancel();
    getContext().stop(isolate);
    return this;
  }

  /** A mail by name: a send becomes a message event, an ask waits for the script's next postMessage. */
  private Behavior<Object> onMail(ActorMail mail) {
    JsonNode body = mail.body() == null ? NullNode.getInstance() : mail.body();
    if (mail.replyTo() == null) return deliver(new Send(body));
    ActorRef<ActorMail> asker = mail.replyTo();
    CompletableFuture<JsonNode> answer = new CompletableFuture<>();
    answer.whenComplete((value, error) ->
        asker.tell(error == null ? ActorMail.reply(value) : ActorMail.failure(error.getMessage())));
    return deliver(new Ask(body, answer));
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
    // The end is a system message and may overtake the incarnation's own report (why it ended),
    // which comes through its watcher: wait a little for it.
    if (lastExit == null && !stopping && !reportOverdue) {
      if (!endedUnreported) {
        endedUnreported = true;
        getContext().scheduleOnce(Duration.ofSeconds(1), getContext().getSelf(), new ReportOverdue(incarnation));
      }
      return this;
    }
    endedUnreported = false;
    reportOverdue = false;
    // Requests the dead incarnation never answered get a 503 (answering twice is a no-op): running a
    // handler again on the next incarnation could repeat what the first one already did.
    for (HttpExchange e : inFlight) {
      e.respond(503, new String[] {"content-type", "text/plain;charset=UTF-8"}, "Service Unavailable");
    }
    inFlight.clear();
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

  /** Work that cannot be done: an ask fails, a routed request gets a 503. */
  private void refuse(Command command) {
    if (command instanceof Ask ask) {
      ask.answer().completeExceptionally(new IsolateFailure(spec.name(), state.equals("running")
          ? "the isolate already holds " + spec.limits().maxQueued() + " unanswered asks and requests (its queue limit)"
          : "the isolate is not running (" + state + ")"));
    } else if (command instanceof Route route) {
      route.exchange().respond(503, new String[] {"content-type", "text/plain;charset=UTF-8"},
          "Service Unavailable");
    }
  }

  private Behavior<Object> finish(IsolateExited end) {
    if (!state.equals("failed")) state = "ended";
    lastReason = end.reason();
    failAsks(new IsolateFailure(spec.name(), "the isolate ended (" + end.reason() + ")"));
    waiting.forEach(this::refuse);
    waiting.clear();
    exited.complete(end);
    return this;
  }

  private void failAsks(IsolateFailure failure) {
    asks.forEach(a -> a.completeExceptionally(failure));
    asks.clear();
  }
}
