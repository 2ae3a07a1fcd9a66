package isola.isolate;

import java.util.concurrent.atomic.AtomicReference;

/**
 * The one thing a parent may do to its worker from outside the worker's mailbox: cancel its context.
 * {@code worker.terminate()} must stop a worker whose turn never ends ({@code while (true) {}}), which a
 * stop message alone cannot do, as the worker reads its mailbox only between turns.
 *
 * <p>Thread-safe: the parent cancels on its thread, the worker attaches its context on its own.
 */
public final class WorkerCancel {
  private final AtomicReference<Runnable> cancelContext = new AtomicReference<>();
  private volatile boolean cancelled;

  /** Called once by the worker when its context exists; cancels at once if the parent already did. */
  void attach(Runnable cancel) {
    cancelContext.set(cancel);
    if (cancelled && cancelContext.compareAndSet(cancel, null)) cancel.run();
  }

  /** Called by the parent; the worker's running turn (if any) unwinds on its own thread. */
  public void cancel() {
    cancelled = true;
    Runnable cancel = cancelContext.getAndSet(null);
    if (cancel != null) cancel.run();
  }
}
