package isola.protocol;

/**
 * An {@link ActorMail} for one of the isolate's registrations ({@code register(name, handler)} in
 * isola:actors), as JSON text; {@code replyId} is 0 when the sender waits for no answer.
 */
public record ActorEvent(int registrationId, String body, long replyId) implements IsolateMessage {}
