package isola.embed;

import isola.isolate.HostOutput;
import isola.ops.http.BufferedExchange;
import isola.ops.actors.ActorCall;
import isola.protocol.ActorMail;
import isola.protocol.EntityCommand;
import isola.protocol.EntityStatus;
import isola.protocol.HttpResponseData;
import isola.protocol.MailReceipt;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.PostStop;
import org.apache.pekko.actor.typed.javadsl.ActorContext;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.actor.typed.receptionist.Receptionist;

/**
 * One hosted script as a Cluster Sharding entity ({@code isola serve --cluster}), keyed by the script's
 * name: it runs the script's supervisor ({@link IsolateBridge}) as its child on whichever node the
 * shard lives, and turns the cross-node {@link EntityCommand}s into the bridge's local messages. An
 * HTTP request arrives whole and its response leaves whole ({@link BufferedExchange}). Mail by the
 * script's name ({@link EntityCommand.Mail}) goes to the registration the script made under its name,
 * waiting (until the mail's deadline) for the isolate to start and register.
 *
 * <p>It is never passivated for idleness: op replies, timers and request bodies reach the isolate
 * directly, not through sharding, so an isolate busy with them would look idle to sharding. It stops
 * when its shard moves ({@link EntityCommand.HandOff}), after answering the requests it has and those
 * still on their way to it.
 */
final class IsolateEntity {
  /** How long a handed-off isolate may take to answer the requests it has before it is stopped anyway. */
  static final Duration HAND_OFF_LIMIT = Duration.ofSeconds(10);

  /**
   * How long a handed-off isolate still takes requests: calls a region sent before it learnt of the
   * hand-off may still be on their way, and the shard would drop them once the entity is gone.
   */
  static final Duration HAND_OFF_LINGER = Duration.ofSeconds(2);

  private record Answered() {}

  private record Lingered() {}

  private record HandOffDue() {}

  private record Listed(Receptionist.Listing listing) {}

  private record MailDue() {}

  /** How many mails may wait for the script to register its name; more are refused. */
  static final int MAX_UNDELIVERED = 1_000;

  private final ActorContext<Object> ctx;
  private final String name;
  private final String node;
  private final ActorRef<Object> bridge;
  private int inFlight;
  /** The script's registrations under its own name: where mail by name goes. */
  private List<ActorRef<ActorMail>> registrations = List.of();
  /** Mail that came before the script registered its name (its isolate starting, say). */
  private final ArrayDeque<EntityCommand.Mail> undelivered = new ArrayDeque<>();
  /** Handed off, and no call can be on its way any more: stop once the last one is answered. */
  private boolean closing;

  private IsolateEntity(ActorContext<Object> ctx, String name, String node, IsolateOptions options, HostOutput output) {
    this.ctx = ctx;
    this.name = name;
    this.node = node;
    this.bridge = ctx.spawn(Isola.served(options, output, new CompletableFuture<>()), "isolate");
    ctx.getSystem().receptionist().tell(Receptionist.subscribe(ActorMail.key(name),
        ctx.messageAdapter(Receptionist.Listing.class, Listed::new)));
  }

  /** The entity for {@code name}; a name no script of the manifest has answers 404 and stops. */
  static Behavior<EntityCommand> create(String name, String node, Function<String, Manifest.Script> scripts,
      Path base, HostOutput output) {
    Manifest.Script script = scripts.apply(name);
    if (script == null) return unknown(name, node);
    return Behaviors.<Object>setup(ctx -> new IsolateEntity(ctx, name, node, script.options(base), output).running())
        .narrow();
  }

  private Behavior<Object> running() {
    return Behaviors.receive(Object.class)
        .onMessage(EntityCommand.HttpCall.class, call -> {
          // Too late: the client has its 503 (this compares two nodes' clocks, which NTP keeps close).
          if (System.currentTimeMillis() > call.answerBy()) return Behaviors.same();
          inFlight++;
          ActorRef<Object> self = ctx.getSelf();
          bridge.tell(new IsolateBridge.Route(new BufferedExchange(call.request(), response -> {
            call.replyTo().tell(response);
            self.tell(new Answered());
          })));
          return Behaviors.same();
        })
        .onMessage(Answered.class, a -> {
          inFlight--;
          return closing && inFlight == 0 ? Behaviors.stopped() : Behaviors.same();
        })
        .onMessage(EntityCommand.Status.class, get -> {
          CompletableFuture<IsolateStatus> status = new CompletableFuture<>();
          status.thenAccept(s -> get.replyTo().tell(new EntityStatus(node, name, s.state(), s.restarts(),
              s.lastReason(), s.lastError(), s.uptimeMillis(), s.messagesIn(), s.messagesOut())));
          bridge.tell(new IsolateBridge.GetStatus(status));
          return Behaviors.same();
        })
        .onMessage(EntityCommand.Reload.class, r -> {
          bridge.tell(new IsolateBridge.Reload());
          return Behaviors.same();
        })
        .onMessage(EntityCommand.HandOff.class, h -> {
          ctx.scheduleOnce(HAND_OFF_LINGER, ctx.getSelf(), new Lingered());
          ctx.scheduleOnce(HAND_OFF_LIMIT, ctx.getSelf(), new HandOffDue());
          return Behaviors.same();
        })
        .onMessage(Lingered.class, l -> {
          closing = true;
          return inFlight == 0 ? Behaviors.stopped() : Behaviors.same();
        })
        .onMessage(HandOffDue.class, d -> Behaviors.stopped())
        .onMessage(EntityCommand.Mail.class, this::onMail)
        .onMessage(Listed.class, this::onListed)
        .onMessage(MailDue.class, d -> {
          long now = System.currentTimeMillis();
          undelivered.removeIf(mail -> mail.deliverBy() <= now && refuse(mail, ActorCall.notRegistered(name)));
          return Behaviors.same();
        })
        .onSignal(PostStop.class, stop -> {
          undelivered.forEach(mail -> refuse(mail, ActorCall.notRegistered(name)));
          return Behaviors.same();
        })
        .build();
  }

  private Behavior<Object> onMail(EntityCommand.Mail mail) {
    if (!registrations.isEmpty()) {
      deliver(mail);
    } else if (undelivered.size() >= MAX_UNDELIVERED) {
      refuse(mail, MAX_UNDELIVERED + " mails already wait for \"" + name + "\" to register its name");
    } else {
      undelivered.add(mail);
      ctx.scheduleOnce(Duration.ofMillis(Math.max(0, mail.deliverBy() - System.currentTimeMillis())),
          ctx.getSelf(), new MailDue());
    }
    return Behaviors.same();
  }

  /** Keeps the registrations this entity's isolate made (the listing is cluster-wide), then hands them the waiting mail. */
  private Behavior<Object> onListed(Listed listed) {
    String own = ctx.getSelf().path().toString() + "/";
    registrations = listed.listing().getServiceInstances(ActorMail.key(name)).stream()
        .filter(r -> r.path().toString().startsWith(own)).toList();
    while (!registrations.isEmpty() && !undelivered.isEmpty()) deliver(undelivered.poll());
    return Behaviors.same();
  }

  private void deliver(EntityCommand.Mail mail) {
    registrations.get(ThreadLocalRandom.current().nextInt(registrations.size())).tell(mail.mail());
    if (mail.receipt() != null) mail.receipt().tell(new MailReceipt(true, null));
  }

  /** Tells the sender its mail was not delivered; true, to drop it from the waiting ones. */
  private boolean refuse(EntityCommand.Mail mail, String error) {
    if (!tellRefusal(mail, error)) ctx.getLog().warn("A mail for \"{}\" was dropped: {}", name, error);
    return true;
  }

  /** False when the mail has nobody to tell (a send from Java). */
  private static boolean tellRefusal(EntityCommand.Mail mail, String error) {
    if (mail.receipt() != null) mail.receipt().tell(new MailReceipt(false, error));
    else if (mail.mail().replyTo() != null) mail.mail().replyTo().tell(ActorMail.failure(error));
    else return false;
    return true;
  }

  private static Behavior<EntityCommand> unknown(String name, String node) {
    byte[] notFound = ("no script \"" + name + "\"").getBytes(StandardCharsets.UTF_8);
    return Behaviors.receive(EntityCommand.class)
        .onMessage(EntityCommand.HttpCall.class, call -> {
          call.replyTo().tell(new HttpResponseData(404, List.of("content-type", "text/plain;charset=UTF-8"), notFound));
          return Behaviors.stopped();
        })
        .onMessage(EntityCommand.Status.class, get -> {
          get.replyTo().tell(new EntityStatus(node, name, "unknown", 0, null, null, 0, 0, 0));
          return Behaviors.stopped();
        })
        .onMessage(EntityCommand.Mail.class, mail -> {
          tellRefusal(mail, ActorCall.notRegistered(name));
          return Behaviors.stopped();
        })
        .onAnyMessage(m -> Behaviors.stopped())
        .build();
  }
}
