package isola.protocol;

/**
 * Self-message an isolate sends when it buffers its first op reply: every reply that reached the mailbox
 * before it is resolved in one call into JS, followed by one microtask checkpoint (DESIGN.md rule 5).
 */
public enum FlushReplies implements IsolateMessage {
  INSTANCE
}
