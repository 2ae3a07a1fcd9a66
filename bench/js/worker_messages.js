// Messages between two isolates (issue 6's messaging benchmark): a worker that echoes what it gets.
// - worker_roundtrip        one message at a time, µs per round trip (postMessage -> onmessage in
//   the worker -> postMessage back -> onmessage here)
// - worker_throughput       10,000 messages posted at once, messages/s until all echoes are back
import { measure, now, quick, report } from "./_harness.js";

const worker = new Worker(new URL("./_echo_worker.js", import.meta.url), { type: "module" });
let onEcho = null;
worker.onmessage = (e) => onEcho(e.data);

const ROUND_TRIPS = quick ? 10 : 2_000;
async function roundTrip() {
  const start = now();
  for (let i = 0; i < ROUND_TRIPS; i++) {
    await new Promise((resolve) => {
      onEcho = resolve;
      worker.postMessage({ i, text: "ping" });
    });
  }
  return ((now() - start) * 1000) / ROUND_TRIPS;
}

const BURST = quick ? 100 : 10_000;
async function burst() {
  const start = now();
  await new Promise((resolve) => {
    let back = 0;
    onEcho = () => {
      if (++back === BURST) resolve();
    };
    for (let i = 0; i < BURST; i++) worker.postMessage({ i, text: "ping" });
  });
  return BURST / ((now() - start) / 1000);
}

report("worker_roundtrip", await measure(roundTrip), "us/msg");
report("worker_throughput", await measure(burst), "msg/s");
worker.terminate();
