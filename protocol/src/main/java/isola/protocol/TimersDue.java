package isola.protocol;

/** Sent by an isolate's timer service when the earliest armed deadline has passed. */
public record TimersDue(long generation) implements IsolateMessage {}
