package isola.embed;

/**
 * A hosted isolate as an operator sees it: {@code state} is {@code running}, {@code restarting},
 * {@code ended} or {@code failed} (given up); {@code lastReason} and {@code lastError} say why the
 * last incarnation ended, if one did.
 */
public record IsolateStatus(
    String name, String state, int restarts, String lastReason, String lastError, long uptimeMillis,
    long messagesIn, long messagesOut) {}
