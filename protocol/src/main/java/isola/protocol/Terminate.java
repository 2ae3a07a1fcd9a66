package isola.protocol;

/** Ends an isolate from outside (a host shutting down, a parent terminating a worker). */
public record Terminate(int exitCode) implements IsolateMessage {}
