// Deno.readFile of a 1 MiB file (issue 3's third file-system benchmark), in MiB/s: each sample reads
// the file 50 times in a row. The file is written under bench/js's own temporary directory name
// beside this script (bench/run grants --allow-read for bench/js; the write needs --allow-write
// there too) and removed at the end.
import { measure, now, quick, report } from "./_harness.js";

const path = new URL("./.fs_read_1mib.tmp", import.meta.url).pathname;
const bytes = new Uint8Array(1 << 20);
for (let i = 0; i < bytes.length; i++) bytes[i] = (i * 7) & 0xff;
await Deno.writeFile(path, bytes);

const READS = quick ? 2 : 50;
async function sample() {
  const start = now();
  for (let i = 0; i < READS; i++) {
    const data = await Deno.readFile(path);
    if (data.length !== bytes.length) throw new Error("short read");
  }
  return READS / ((now() - start) / 1000);
}

try {
  report("read_file_1mib", await measure(sample, { minWarmupMs: 10000, maxWarmupMs: 30000 }), "MiB/s");
} finally {
  await Deno.remove(path);
}
