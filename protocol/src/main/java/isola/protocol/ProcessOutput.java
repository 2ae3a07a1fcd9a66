package isola.protocol;

/**
 * Output of a child process spawned with {@code "inherit"}: the isolate writes it through its own
 * output, so it stays in order with what the script printed.
 */
public record ProcessOutput(boolean stderr, byte[] data) implements IsolateMessage {}
