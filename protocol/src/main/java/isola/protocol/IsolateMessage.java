package isola.protocol;

/**
 * Everything an isolate actor's mailbox holds. The mailbox is the isolate's event loop: each message is
 * one macrotask (or one batch of them), after which the microtask queue drains.
 */
public sealed interface IsolateMessage extends CborSerializable
    permits OpReply, TimersDue, FlushReplies, Terminate, WorkerEvent, HttpEvent, PortEvent,
    BroadcastMessage, ActorEvent, IsolateStats.Request {
}
