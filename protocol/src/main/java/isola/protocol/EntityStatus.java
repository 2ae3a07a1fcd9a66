package isola.protocol;

/**
 * A sharded isolate as an operator sees it: the cluster node hosting it ({@code host:port} of its
 * Artery address) and its supervisor's view ({@code state} is {@code running}, {@code restarting},
 * {@code ended} or {@code failed}).
 */
public record EntityStatus(
    String node, String name, String state, int restarts, String lastReason, String lastError,
    long uptimeMillis, long messagesIn, long messagesOut)
    implements CborSerializable {}
