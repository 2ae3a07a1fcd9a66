package isola.protocol;

/**
 * Per-isolate limits; 0 turns one off. {@code cpuMillisPerTurn}: CPU time one turn (one macrotask and
 * its microtasks) may take before the isolate is stopped. {@code memoryBytesPerTurn}: bytes one turn
 * may allocate (the community GraalJS has no per-context heap limit; allocation is what a memory
 * bomb does, and it is counted per thread by the JVM).
 */
public record IsolateLimits(long cpuMillisPerTurn, long memoryBytesPerTurn) implements CborSerializable {
  public static final IsolateLimits NONE = new IsolateLimits(0, 0);

  public boolean any() {
    return cpuMillisPerTurn > 0 || memoryBytesPerTurn > 0;
  }
}
