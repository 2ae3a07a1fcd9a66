package isola.protocol;

/** The process received a signal an isolate listens for ({@code Deno.addSignalListener}), by Deno's name. */
public record SignalEvent(String signal) implements IsolateMessage {}
