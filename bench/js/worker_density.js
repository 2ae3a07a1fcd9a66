// Spawns N workers (Deno.args[0], default 1000) that each load a small module with some state and
// answer one message; prints ms per worker. Not part of bench/run yet: run it by hand under both
// runtimes with --allow-read (docs/benchmarks.md, "Worker density").
const n = Number(Deno.args[0] ?? 1000);
const url = new URL("./_worker_density_worker.js", import.meta.url);
const t0 = performance.now();
const workers = [];
let answered = 0;
await new Promise((resolve) => {
  for (let i = 0; i < n; i++) {
    const w = new Worker(url, { type: "module" });
    w.onmessage = (e) => { if (++answered === n) resolve(); };
    w.postMessage(i);
    workers.push(w);
  }
});
const t1 = performance.now();
console.log(`${n} workers answered in ${(t1 - t0).toFixed(0)} ms, ${((t1 - t0) / n).toFixed(2)} ms/worker`);
for (const w of workers) w.terminate();
