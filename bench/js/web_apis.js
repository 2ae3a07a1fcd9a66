// Web platform APIs next to Deno (issue 5): TextEncoder.encode and TextDecoder.decode of a 1 KiB string,
// structuredClone of a 1,000-element object graph, URL parsing, and crypto.subtle.digest (SHA-256) of
// 1 MiB. Each is timed after warm-up (at least 15 s of it: the runtime's JS for these APIs is large and
// isola's JIT needs that long on a busy machine), per call.
import { measure as measureAfter, msPerCall, now, quick, report } from "./_harness.js";

const measure = (sample) => measureAfter(sample, { minWarmupMs: 15000, maxWarmupMs: 40000 });

let sink = 0;

// 1 KiB of text: mostly ASCII with a few two- and three-byte characters, as prose tends to be.
const words = ["alpha", "beta", "gamma", "delta", "épée", "naïve", "über", "€uro", "x"];
let text = "";
for (let i = 0; text.length < 1024; i++) text += words[i % words.length] + " ";
text = text.slice(0, 1024);
const encoder = new TextEncoder();
const decoder = new TextDecoder();
const encoded = encoder.encode(text);
if (decoder.decode(encoded) !== text) throw new Error("TextDecoder round trip failed");
// Each call reads a byte or character of its result, so a JIT cannot drop the work and keep only a length.
report("text_encode", await usPerCall(() => {
  const bytes = encoder.encode(text);
  sink += bytes[bytes.length >> 1];
}), "us/op");
report("text_decode", await usPerCall(() => {
  const decoded = decoder.decode(encoded);
  sink += decoded.charCodeAt(decoded.length >> 1);
}), "us/op");

// 1,000 objects in a tree (each points at its parent, i / 2), sharing one nested object, with strings,
// numbers, dates, nulls, arrays and a cycle. (Not a 1,000-long chain: isola's clone recurses per level
// and runs out of stack at a few hundred levels, where Deno's reaches a few thousand.)
const shared = { kind: "shared", tags: ["a", "b", "c"] };
const graph = [];
for (let i = 0; i < 1000; i++) {
  graph.push({ id: i, name: `item ${i}`, price: i * 1.25, active: i % 2 === 0, note: i % 7 ? null : "seventh",
    when: new Date(1700000000000 + i), dims: [i, i + 1, i + 2], shared, parent: graph[i >> 1] ?? null });
}
graph[0].parent = graph[999];
const clone = structuredClone(graph);
if (clone.length !== 1000 || clone[5].shared !== clone[6].shared || clone[0].parent !== clone[999]) {
  throw new Error("structuredClone lost the graph's shape");
}
report("structured_clone", await measure(() => msPerCall(() => { sink += structuredClone(graph).length; })), "ms/op");

const urls = [
  "https://example.com/", "https://user:pass@sub.example.co.uk:8443/a/b/../c/./d?x=1&y=%20z#frag",
  "http://127.0.0.1:8080/api/v1/items?limit=10", "https://[2001:db8::1]/path", "file:///home/user/file.txt",
  "https://EXAMPLE.com/%7Efoo/bar baz", "http://xn--nxasmq6b.example/", "https://example.com/search?q=a+b&lang=en",
  "blob:https://example.com/uuid", "https://example.com:443/default-port",
];
const bases = [["../up/one", "https://example.com/a/b/c"], ["?q=1", "https://example.com/x/y"], ["//cdn.example.org/lib.js", "https://example.com/"]];
report("url_parse", await usPerCall(() => {
  for (const u of urls) sink += new URL(u).href.length;
  for (const [u, base] of bases) sink += new URL(u, base).href.length;
}, urls.length + bases.length), "us/op");

const mib = new Uint8Array(1 << 20);
for (let i = 0; i < mib.length; i++) mib[i] = (i * 31) & 255;
const digest = new Uint8Array(await crypto.subtle.digest("SHA-256", mib));
if (digest.length !== 32) throw new Error("bad digest");
report("digest_1mib", await measure(async () => {
  let calls = 0;
  const start = now();
  let elapsed;
  do {
    sink += (await crypto.subtle.digest("SHA-256", mib)).byteLength;
    calls++;
    elapsed = now() - start;
  } while (elapsed < 100 && !quick);
  return elapsed / calls;
}), "ms/op");

if (sink === 0) throw new Error("nothing measured");

/** measure() of a synchronous call, reported in microseconds per `per` operations. */
function usPerCall(run, per = 1) {
  return measure(() => msPerCall(run) * 1000 / per);
}
