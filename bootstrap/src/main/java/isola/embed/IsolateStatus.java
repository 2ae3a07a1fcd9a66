package isola.embed;

import isola.protocol.IsolateStats;

/**
 * A hosted isolate as an operator sees it: {@code state} is {@code running}, {@code restarting},
 * {@code ended} or {@code failed} (given up); {@code lastReason} and {@code lastError} say why the
 * last incarnation ended, if one did. {@code current}: the running incarnation's turns, allocated bytes
 * and async ops in flight (null when it is not running, or busy in a turn for over a second).
 */
public record IsolateStatus(
    String name, String state, int restarts, String lastReason, String lastError, long uptimeMillis,
    long messagesIn, long messagesOut, IsolateStats current) {}
