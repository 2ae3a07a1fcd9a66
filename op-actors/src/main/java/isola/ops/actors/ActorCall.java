package isola.ops.actors;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import isola.protocol.ActorMail;
import isola.protocol.EntityCommand;
import isola.protocol.ErrorKind;
import isola.protocol.MailReceipt;
import isola.protocol.OpError;
import isola.protocol.OpReply;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.RecipientRef;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.actor.typed.receptionist.Receptionist;
import org.apache.pekko.actor.typed.receptionist.ServiceKey;

/**
 * One {@code send} or {@code ask} of a script (isola:actors): finds the actors registered under the
 * name with the receptionist (or, for a name of {@link ShardedNames}, mails its entity through Cluster
 * Sharding), mails one of them, and answers the script's promise with the reply (JSON
 * text), {@code null} for a send once it is delivered, or an error (nobody registered, no answer in
 * time, the receiver failed).
 */
public final class ActorCall {
  private static final ObjectMapper JSON = new ObjectMapper();

  private sealed interface Event {}

  private record Found(Receptionist.Listing listing) implements Event {}

  private record Answer(ActorMail mail) implements Event {}

  private record Receipt(MailReceipt receipt) implements Event {}

  private record TimedOut() implements Event {}

  private ActorCall() {}

  public static Behavior<Object> create(
      String name, String body, boolean ask, Duration timeout, int promiseId, ActorRef<OpReply> replyTo) {
    ServiceKey<ActorMail> key = ActorMail.key(name);
    return Behaviors.<Event>setup(ctx -> Behaviors.withTimers(timers -> {
      JsonNode message;
      try {
        message = JSON.readTree(body);
      } catch (JsonProcessingException e) {
        replyTo.tell(new OpReply.Err(promiseId, OpError.of(ErrorKind.TypeError, e.getOriginalMessage())));
        return Behaviors.stopped();
      }
      timers.startSingleTimer(new TimedOut(), timeout);
      ActorRef<ActorMail> answerTo = ask ? ctx.messageAdapter(ActorMail.class, Answer::new) : null;
      RecipientRef<EntityCommand> entity = ShardedNames.get(ctx.getSystem()).entity(name);
      if (entity != null) {
        // The entity gives up waiting for the script to register its name a quarter of the timeout
        // before the caller does, so that its refusal (NotFound) has time to come back.
        long deliverBy = System.currentTimeMillis() + timeout.toMillis() * 3 / 4;
        entity.tell(new EntityCommand.Mail(ActorMail.of(message, answerTo), deliverBy,
            ctx.messageAdapter(MailReceipt.class, Receipt::new)));
      } else {
        ctx.getSystem().receptionist().tell(
            Receptionist.find(key, ctx.messageAdapter(Receptionist.Listing.class, Found::new)));
      }
      return Behaviors.receive(Event.class)
          .onMessage(Found.class, found -> {
            List<ActorRef<ActorMail>> targets = new ArrayList<>(found.listing().getServiceInstances(key));
            if (targets.isEmpty()) return notFound(name, promiseId, replyTo);
            ActorRef<ActorMail> target = targets.get(ThreadLocalRandom.current().nextInt(targets.size()));
            target.tell(ActorMail.of(message, answerTo));
            return delivered(ask, promiseId, replyTo);
          })
          .onMessage(Receipt.class, r -> {
            if (r.receipt().delivered()) return delivered(ask, promiseId, replyTo);
            replyTo.tell(new OpReply.Err(promiseId, OpError.of(ErrorKind.NotFound, r.receipt().error())));
            return Behaviors.stopped();
          })
          .onMessage(Answer.class, answer -> {
            ActorMail mail = answer.mail();
            replyTo.tell(mail.error() != null
                ? new OpReply.Err(promiseId, OpError.of(ErrorKind.Error, "\"" + name + "\" failed: " + mail.error()))
                : new OpReply.Ok(promiseId, JSON.writeValueAsString(mail.body())));
            return Behaviors.stopped();
          })
          .onMessage(TimedOut.class, t -> {
            replyTo.tell(new OpReply.Err(promiseId, OpError.of(ErrorKind.TimedOut,
                "No answer from \"" + name + "\" within " + timeout.toMillis() + "ms")));
            return Behaviors.stopped();
          })
          .build();
    })).unsafeCast();
  }

  /** The mail is with its receiver: a send is done, an ask waits for the answer. */
  private static Behavior<Event> delivered(boolean ask, int promiseId, ActorRef<OpReply> replyTo) {
    if (ask) return Behaviors.same();
    replyTo.tell(new OpReply.Ok(promiseId, null));
    return Behaviors.stopped();
  }

  private static Behavior<Event> notFound(String name, int promiseId, ActorRef<OpReply> replyTo) {
    replyTo.tell(new OpReply.Err(promiseId, OpError.of(ErrorKind.NotFound, notRegistered(name))));
    return Behaviors.stopped();
  }

  /** What a mail to a name nobody took gets: thrown by send/ask as {@code Deno.errors.NotFound}. */
  public static String notRegistered(String name) {
    return "No actor is registered as \"" + name + "\"";
  }
}
