// 1,000,000 chained promise resolutions: `p = p.then(inc)` a million times, then await the end of
// the chain; each reaction resolves the promise the next one waits on. Resolutions per second.
import { measure, now, quick, report } from "./_harness.js";

const N = quick ? 1000 : 1_000_000;
const inc = (v) => v + 1;

async function sample() {
  const start = now();
  let p = Promise.resolve(0);
  for (let i = 0; i < N; i++) p = p.then(inc);
  const last = await p;
  const elapsed = now() - start;
  if (last !== N) throw new Error(`chain ended at ${last}`);
  return N / (elapsed / 1000);
}

// A sample takes seconds while the JIT is cold, so fewer of them than the CPU benchmarks take.
report("promise_chain", await measure(sample, { window: 2, samples: 3 }), "resolutions/s");
