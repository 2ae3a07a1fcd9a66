package isola.protocol;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.receptionist.ServiceKey;

/**
 * A message between scripts and actors that find each other by name through Pekko's receptionist
 * (scripts: {@code import { ask, send, register } from "isola:actors"}; hosted isolates are registered
 * under their name). {@code body} is a JSON value; {@code replyTo} is set when the sender waits for an
 * answer, which is one {@code ActorMail} back: a body, or an {@code error} message when the receiver
 * failed to answer.
 *
 * <p>A Java actor takes part by registering an {@code ActorRef<ActorMail>} under {@link #key}.
 */
public record ActorMail(JsonNode body, String error, ActorRef<ActorMail> replyTo) implements CborSerializable {
  public static ServiceKey<ActorMail> key(String name) {
    return ServiceKey.create(ActorMail.class, name);
  }

  public static ActorMail of(JsonNode body, ActorRef<ActorMail> replyTo) {
    return new ActorMail(body, null, replyTo);
  }

  public static ActorMail reply(JsonNode body) {
    return new ActorMail(body, null, null);
  }

  public static ActorMail failure(String error) {
    return new ActorMail(null, error, null);
  }
}
