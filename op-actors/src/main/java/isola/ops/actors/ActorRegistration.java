package isola.ops.actors;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import isola.protocol.ActorEvent;
import isola.protocol.ActorMail;
import java.util.HashMap;
import java.util.Map;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.javadsl.Behaviors;

/**
 * One {@code register(name, handler)} of a script (isola:actors): listed with the receptionist under
 * {@code name} (by the isolate, which also delists it, so that its later asks see both in order), it
 * hands each {@link ActorMail} to its isolate as an {@link ActorEvent} and sends the script's answer
 * back to the asker. A child of its isolate, so it ends (and leaves the listing) with it.
 */
public final class ActorRegistration {
  private static final ObjectMapper JSON = new ObjectMapper();

  public sealed interface Command {}

  /** The script's answer to the mail numbered {@code replyId}: JSON text, or an error message. */
  public record Reply(long replyId, String body, String error) implements Command {}

  public record Close() implements Command {}

  private ActorRegistration() {}

  /** Receives {@link ActorMail} and {@link Command}s. */
  public static Behavior<Object> create(String name, int registrationId, ActorRef<ActorEvent> isolate) {
    return Behaviors.setup(ctx -> {
      Map<Long, ActorRef<ActorMail>> waiting = new HashMap<>();
      long[] lastId = {0};
      return Behaviors.receive(Object.class)
          .onMessage(ActorMail.class, mail -> {
            long replyId = 0;
            if (mail.replyTo() != null) {
              replyId = ++lastId[0];
              waiting.put(replyId, mail.replyTo());
            }
            isolate.tell(new ActorEvent(registrationId, JSON.writeValueAsString(mail.body()), replyId));
            return Behaviors.same();
          })
          .onMessage(Reply.class, r -> {
            ActorRef<ActorMail> asker = waiting.remove(r.replyId());
            if (asker != null) asker.tell(r.error() != null ? ActorMail.failure(r.error()) : answer(r.body()));
            return Behaviors.same();
          })
          .onMessage(Close.class, c -> {
            waiting.values().forEach(asker -> asker.tell(ActorMail.failure("\"" + name + "\" was closed before it answered")));
            return Behaviors.stopped();
          })
          .build();
    });
  }

  private static ActorMail answer(String body) {
    try {
      return ActorMail.reply(JSON.readTree(body));
    } catch (JsonProcessingException e) {
      return ActorMail.failure("the answer is not JSON: " + e.getOriginalMessage());
    }
  }
}
