// fetch loop: Deno.serve and fetch in one script, 10 fetches in flight at a time, each body read to
// the end; the result is requests/s, median over samples after warm-up. Needs --allow-net=127.0.0.1.
import { measure, now, quick, report } from "./_harness.js";

const server = Deno.serve({ hostname: "127.0.0.1", port: 0, onListen() {} }, () => new Response("Hello, world!"));
const url = `http://127.0.0.1:${server.addr.port}/`;
const PER_SAMPLE = quick ? 10 : 2000;
const CONCURRENCY = 10;

async function worker(n) {
  for (let i = 0; i < n; i++) {
    const res = await fetch(url);
    if ((await res.text()) !== "Hello, world!") throw new Error("wrong body");
  }
}

async function sample() {
  const start = now();
  await Promise.all(Array.from({ length: CONCURRENCY }, () => worker(PER_SAMPLE / CONCURRENCY)));
  return PER_SAMPLE / ((now() - start) / 1000);
}

report("fetch_loop", await measure(sample, { maxWarmupMs: 30000 }), "req/s");
await server.shutdown();
