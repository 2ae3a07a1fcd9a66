// Shared by the benchmark scripts: a clock that exists under both runtimes (isola has no
// `performance` yet, so Date.now: samples are sized to last long enough for millisecond ticks), the
// warm-up loop, and the one machine-readable line per result that bench/run parses:
//   RESULT <name> <value> <unit> warmup=<samples spent warming up>
// `quick` (a script argument) runs each sample once: bench/run --quick only checks the scripts run.

export const quick = Deno.args.includes("quick");
export const now = typeof performance === "object" ? () => performance.now() : () => Date.now();

export function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/**
 * Calls `sample` (may be async; returns one measurement) until the runtime has warmed up, then
 * returns the median of `samples` more calls. Warmed up means the median of the last `window`
 * samples is within `tolerance` of the median of the `window` before them, or `maxWarmupMs` passed:
 * a JIT that is still compiling keeps moving the numbers, a warm one only jitters. `minWarmupMs` keeps
 * warming up that long in any case: on a loaded machine a JIT whose compile queue is starved produces
 * steady but still interpreted numbers for many seconds.
 */
export async function measure(sample, options = {}) {
  const { window = 5, tolerance = 0.05, minWarmupMs = 0, maxWarmupMs = 20000, samples = 7 } = options;
  if (quick) return { value: await sample(), warmup: 0 };
  const start = now();
  const seen = [];
  for (;;) {
    seen.push(await sample());
    if (seen.length >= 2 * window && now() - start >= minWarmupMs) {
      const before = median(seen.slice(-2 * window, -window));
      const last = median(seen.slice(-window));
      if (Math.abs(before - last) <= tolerance * Math.max(before, last)) break;
    }
    if (now() - start > maxWarmupMs) break;
  }
  const measured = [];
  for (let i = 0; i < samples; i++) measured.push(await sample());
  return { value: median(measured), warmup: seen.length };
}

/**
 * One sample of synchronous work: repeats `run` for at least `minMs`, returns ms per call. The clock is
 * read between batches of calls that grow until one lasts a millisecond, so its own cost (a host call
 * in isola, microseconds when not yet compiled) stays out of calls that take microseconds.
 */
export function msPerCall(run, minMs = 100) {
  let calls = 0;
  let batch = 1;
  const start = now();
  let elapsed;
  do {
    const batchStart = now();
    for (let i = 0; i < batch; i++) run();
    calls += batch;
    const t = now();
    if (t - batchStart < 1) batch *= 2;
    elapsed = t - start;
  } while (elapsed < minMs && !quick);
  return elapsed / calls;
}

export function report(name, { value, warmup }, unit) {
  console.log(`RESULT ${name} ${Number(value.toPrecision(4))} ${unit} warmup=${warmup}`);
}
