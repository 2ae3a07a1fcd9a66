package isola.protocol;

/**
 * Messages between a worker isolate and the isolate that created it. {@code workerId} is the parent's
 * number for the worker (the JS {@code Worker} object it belongs to).
 */
public sealed interface WorkerEvent extends IsolateMessage {
  /** {@code worker.postMessage(v)}: arrives at the worker's global scope. */
  record ToWorker(SerializedValue data) implements WorkerEvent {}

  /** {@code self.postMessage(v)} in the worker: arrives at the parent's {@code Worker} object. */
  record FromWorker(int workerId, SerializedValue data) implements WorkerEvent {}

  /** An error the worker did not catch; it ends the worker and becomes an ErrorEvent at the parent. */
  record Failed(int workerId, String message, String filename, int lineno, int colno)
      implements WorkerEvent {}

  /** The worker ended (closed itself, failed, or was stopped); it keeps the parent alive no longer. */
  record Exited(int workerId) implements WorkerEvent {}
}
