// TCP loopback throughput: per sample one connection carries 32 MiB from client to server (256 KiB
// writes, 64 KiB reads, as a Deno program would typically size them); the result is MiB/s, median
// over samples after warm-up. Needs --allow-net=127.0.0.1.
import { measure, now, quick, report } from "./_harness.js";

const TOTAL = (quick ? 1 : 32) * 1024 * 1024;
const chunk = new Uint8Array(256 * 1024).fill(7);
const listener = Deno.listen({ hostname: "127.0.0.1", port: 0 });

async function drain(conn) {
  const buf = new Uint8Array(64 * 1024);
  let got = 0;
  let n;
  while ((n = await conn.read(buf)) !== null) got += n;
  conn.close();
  return got;
}

async function sample() {
  const start = now();
  const connecting = Deno.connect({ hostname: "127.0.0.1", port: listener.addr.port });
  const received = listener.accept().then(drain);
  const conn = await connecting;
  let sent = 0;
  while (sent < TOTAL) sent += await conn.write(chunk);
  await conn.closeWrite();
  const got = await received;
  conn.close();
  if (got !== sent) throw new Error(`sent ${sent}, received ${got}`);
  return got / (1024 * 1024) / ((now() - start) / 1000);
}

report("tcp_loopback", await measure(sample, { maxWarmupMs: 15000 }), "MiB/s");
listener.close();
