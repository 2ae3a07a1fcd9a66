package isola.embed;

import com.fasterxml.jackson.databind.JsonNode;
import isola.isolate.HostOutput;
import isola.isolate.IsolateActor;
import isola.isolate.WorkerParent;
import isola.protocol.IsolateExited;
import isola.protocol.IsolateMessage;
import isola.protocol.IsolateSpec;
import isola.protocol.WorkerEvent;
import java.util.ArrayDeque;
import java.util.concurrent.CompletableFuture;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.javadsl.Behaviors;

/**
 * The Java side of one hosted isolate. The isolate runs as a worker whose parent is this actor: the
 * script answers {@code self.onmessage} with {@code postMessage}, exactly as a Deno worker would.
 * Messages cross in structured-clone form, converted from and to JSON here. A script's message first
 * answers the oldest pending {@link Ask}; otherwise it goes to the subscriber.
 */
final class IsolateBridge {
  private IsolateBridge() {}

  sealed interface Command {}

  record Send(JsonNode message) implements Command {}

  record Ask(JsonNode message, CompletableFuture<JsonNode> answer) implements Command {}

  record Stop() implements Command {}

  static Behavior<Object> create(IsolateSpec spec, HostOutput output, ActorRef<IsolateReply> subscriber,
      CompletableFuture<IsolateExited> exited) {
    return Behaviors.setup(ctx -> {
      ActorRef<IsolateMessage> self = ctx.getSelf().narrow();
      ActorRef<IsolateExited> watcher = ctx.getSelf().narrow();
      ActorRef<IsolateMessage> isolate = ctx.spawn(
          IsolateActor.create(spec, output, watcher, new WorkerParent(self, 0, spec.name())),
          "isolate", IsolateActor.DISPATCHER);
      ctx.watchWith(isolate, new IsolateExited(spec.name(), 1, "crashed"));
      ArrayDeque<CompletableFuture<JsonNode>> asks = new ArrayDeque<>();
      boolean[] stopping = {false};
      return Behaviors.receive(Object.class)
          .onMessage(Send.class, send -> {
            isolate.tell(new WorkerEvent.ToWorker(JsonClone.serialize(send.message())));
            return Behaviors.same();
          })
          .onMessage(Ask.class, ask -> {
            asks.add(ask.answer());
            isolate.tell(new WorkerEvent.ToWorker(JsonClone.serialize(ask.message())));
            return Behaviors.same();
          })
          .onMessage(WorkerEvent.FromWorker.class, posted -> {
            JsonNode value;
            try {
              value = JsonClone.deserialize(posted.data());
            } catch (IllegalArgumentException e) {
              if (!asks.isEmpty()) asks.poll().completeExceptionally(e);
              return Behaviors.same();
            }
            if (!asks.isEmpty()) asks.poll().complete(value);
            else if (subscriber != null) subscriber.tell(new IsolateReply(spec.name(), value));
            return Behaviors.same();
          })
          .onMessage(WorkerEvent.Failed.class, failed -> {
            IsolateFailure failure = new IsolateFailure(spec.name(), failed.message());
            asks.forEach(a -> a.completeExceptionally(failure));
            asks.clear();
            return Behaviors.same();
          })
          .onMessage(WorkerEvent.class, other -> Behaviors.same())
          .onMessage(Stop.class, stop -> {
            stopping[0] = true;
            ctx.stop(isolate);
            return Behaviors.same();
          })
          .onMessage(IsolateExited.class, reported -> {
            // A stopped isolate reports nothing itself; the watch then says "crashed".
            IsolateExited end = stopping[0] && reported.reason().equals("crashed")
                ? new IsolateExited(spec.name(), 0, "terminated") : reported;
            IsolateFailure gone = new IsolateFailure(spec.name(), "the isolate ended (" + end.reason() + ")");
            asks.forEach(a -> a.completeExceptionally(gone));
            exited.complete(end);
            return Behaviors.stopped();
          })
          .build();
    });
  }
}
