package isola.protocol;

/**
 * Everything an isolate actor's mailbox holds. The mailbox is the isolate's event loop: each message is
 * one macrotask (or one batch of them), after which the microtask queue drains. These never leave the
 * JVM (some carry local handles: sockets, HTTP exchanges): an isolate's mailbox is always on its own
 * node, and cluster mode reaches it through {@link EntityCommand}s.
 */
public sealed interface IsolateMessage
    permits OpReply, TimersDue, FlushReplies, Terminate, WorkerEvent, HttpEvent, PortEvent,
    BroadcastMessage, ActorEvent, IsolateStats.Request, ProcessOutput, SignalEvent {
}
