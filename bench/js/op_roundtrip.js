// Sequential round trips of a no-op async op: `await op()` 10,000 times in a row per sample, the
// mean µs per await of that batch; the result is the median over batches after warm-up.
//
// isola: `Deno[Deno.internal].core.ops.op_void_async` (JS -> op actor -> reply -> promise settled).
// Deno 2.9.6 keeps op_void_async (and every other no-op op) away from user code: its
// `Deno[Deno.internal].core.ops` lists 22 ops, none a no-op, and `ext:core/ops` cannot be imported
// from a user module. So under Deno this times the cheapest public API that makes a real async op
// round trip through another thread: `file.seek(0, Deno.SeekMode.Start)` on an open file
// (op_fs_seek_async: the lseek runs on Tokio's blocking pool, the reply wakes the event loop). The
// lseek itself costs well under a microsecond, so it is a close upper bound for Deno's bare hop.
// The name in the RESULT line says which op was timed.
import { measure, now, quick, report } from "./_harness.js";

const BATCH = quick ? 100 : 10_000;
const voidAsync = Deno[Deno.internal]?.core?.ops?.op_void_async;

let name, op;
if (typeof voidAsync === "function") {
  name = "op_void_async";
  op = voidAsync;
} else {
  name = "file.seek";
  // The script's own file: always there; bench/run grants --allow-read for it.
  const file = await Deno.open(new URL(import.meta.url));
  op = () => file.seek(0, Deno.SeekMode.Start);
}

async function sample() {
  const start = now();
  for (let i = 0; i < BATCH; i++) await op();
  return ((now() - start) * 1000) / BATCH;
}

report(`op_roundtrip:${name}`, await measure(sample), "us/op");
