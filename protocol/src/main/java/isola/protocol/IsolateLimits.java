package isola.protocol;

/**
 * Per-isolate limits; 0 turns one off. {@code cpuMillisPerTurn}: CPU time one turn (one macrotask and
 * its microtasks) may take before the isolate is stopped. {@code memoryBytesPerTurn}: bytes one turn
 * may allocate (the community GraalJS has no per-context heap limit; allocation is what a memory
 * bomb does, and it is counted per thread by the JVM). {@code wallMillisPerRequest}: how long a hosted
 * script may take to answer one routed HTTP request before the request gets a 504 and the isolate is
 * stopped (reason {@code wall-clock}). {@code maxPendingOps}: async ops in flight at once; one more
 * rejects with {@code Deno.errors.Busy}. {@code maxQueued}: asks and routed requests a hosted isolate
 * holds unanswered; more are refused (a failed ask, a 503) rather than queued without bound.
 */
public record IsolateLimits(long cpuMillisPerTurn, long memoryBytesPerTurn, long wallMillisPerRequest,
    int maxPendingOps, int maxQueued) implements CborSerializable {
  public static final IsolateLimits NONE = new IsolateLimits(0, 0);

  public IsolateLimits(long cpuMillisPerTurn, long memoryBytesPerTurn) {
    this(cpuMillisPerTurn, memoryBytesPerTurn, 0, 0, 0);
  }

  /** Whether the turn watchdog has anything to check. */
  public boolean any() {
    return cpuMillisPerTurn > 0 || memoryBytesPerTurn > 0;
  }
}
