// Deno.Command (subprocesses), bench/run grants --allow-run=true,cat for this script only:
// - spawn_output   `await new Deno.Command("true").output()` in a row, spawns per second
// - spawn_sync     `new Deno.Command("true").outputSync()` in a row, spawns per second
// - pipe_cat       8 MiB written to `cat`'s piped stdin and read back from its stdout, MiB/s
import { measure, now, quick, report } from "./_harness.js";

const SPAWNS = quick ? 2 : 50;
async function spawnOutput() {
  const start = now();
  for (let i = 0; i < SPAWNS; i++) await new Deno.Command("true").output();
  return SPAWNS / ((now() - start) / 1000);
}

function spawnSync() {
  const start = now();
  for (let i = 0; i < SPAWNS; i++) new Deno.Command("true").outputSync();
  return SPAWNS / ((now() - start) / 1000);
}

const MIB = quick ? 1 : 8;
const chunk = new Uint8Array(64 * 1024).fill(120);
async function pipeCat() {
  const start = now();
  const cat = new Deno.Command("cat", { stdin: "piped", stdout: "piped" }).spawn();
  const writing = (async () => {
    const writer = cat.stdin.getWriter();
    for (let i = 0; i < MIB * 16; i++) await writer.write(chunk);
    await writer.close();
  })();
  let received = 0;
  for await (const bytes of cat.stdout) received += bytes.byteLength;
  await writing;
  await cat.status;
  if (received !== MIB * 1024 * 1024) throw new Error(`received ${received} bytes`);
  return MIB / ((now() - start) / 1000);
}

report("spawn_output", await measure(spawnOutput), "spawns/s");
report("spawn_sync", await measure(spawnSync), "spawns/s");
report("pipe_cat", await measure(pipeCat), "MiB/s");
