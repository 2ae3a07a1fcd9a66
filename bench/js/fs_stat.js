// Deno.stat of one file (issue 3's file-system benchmarks), in ops per second:
// - stat_sequential   `await Deno.stat(path)` 2,000 times in a row (an async op round trip each)
// - stat_concurrent   1,000 `Deno.stat(path)` started at once, then awaited together
// - stat_sync         `Deno.statSync(path)` in a loop
// The file is this script (bench/run grants --allow-read for bench/js, so the permission check is
// a scoped one, as for most real scripts). Each warms up for at least 15 s: isola's async stat keeps
// getting faster for ~20 s while Graal compiles the op and promise paths (1,000 at once: 40k/s after
// 2 s, 130k/s after 15 s), and steady-looking samples before that would stop an early warm-up.
import { measure as measureAfter, msPerCall, now, quick, report } from "./_harness.js";

const measure = (sample) => measureAfter(sample, { minWarmupMs: 15000, maxWarmupMs: 40000 });

const path = new URL(import.meta.url).pathname;

const SEQUENTIAL = quick ? 10 : 2_000;
async function sequential() {
  const start = now();
  for (let i = 0; i < SEQUENTIAL; i++) await Deno.stat(path);
  return SEQUENTIAL / ((now() - start) / 1000);
}

const CONCURRENT = quick ? 10 : 1_000;
async function concurrent() {
  const start = now();
  const pending = [];
  for (let i = 0; i < CONCURRENT; i++) pending.push(Deno.stat(path));
  await Promise.all(pending);
  return CONCURRENT / ((now() - start) / 1000);
}

const sync = () => 1000 / msPerCall(() => Deno.statSync(path));

report("stat_sequential", await measure(sequential), "ops/s");
report("stat_concurrent", await measure(concurrent), "ops/s");
report("stat_sync", await measure(sync), "ops/s");
