// WebSocket echo: Deno.upgradeWebSocket and new WebSocket in one script. Two results: sequential
// round trips (send one 32-byte text message, wait for its echo) and a burst (send 10,000 at once,
// wait for all echoes), both in messages/s, median over samples after warm-up. Needs
// --allow-net=127.0.0.1.
import { measure, now, quick, report } from "./_harness.js";

const server = Deno.serve({ hostname: "127.0.0.1", port: 0, onListen() {} }, (req) => {
  const { socket, response } = Deno.upgradeWebSocket(req);
  socket.onmessage = (e) => socket.send(e.data);
  return response;
});
const ws = new WebSocket(`ws://127.0.0.1:${server.addr.port}/`);
await new Promise((resolve) => (ws.onopen = resolve));
const MESSAGE = "x".repeat(32);
let waiting = null;
let remaining = 0;
ws.onmessage = () => {
  if (--remaining === 0) waiting();
};
function echoes(n) {
  remaining = n;
  return new Promise((resolve) => (waiting = resolve));
}

const ROUND_TRIPS = quick ? 10 : 1000;
async function roundTrips() {
  const start = now();
  for (let i = 0; i < ROUND_TRIPS; i++) {
    const back = echoes(1);
    ws.send(MESSAGE);
    await back;
  }
  return ROUND_TRIPS / ((now() - start) / 1000);
}

const BURST = quick ? 10 : 10000;
async function burst() {
  const start = now();
  const back = echoes(BURST);
  for (let i = 0; i < BURST; i++) ws.send(MESSAGE);
  await back;
  return BURST / ((now() - start) / 1000);
}

report("websocket_roundtrip", await measure(roundTrips, { maxWarmupMs: 20000 }), "msg/s");
report("websocket_burst", await measure(burst, { maxWarmupMs: 20000 }), "msg/s");
ws.close();
await new Promise((resolve) => (ws.onclose = resolve));
await server.shutdown();
