// The training run behind bin/isola's JVM class cache (JDK 25 AOT cache): the classes it loads start
// from the cache in every later run. It walks the paths most programs take (console formatting,
// timers, promises, fs, errors and stacks, encoding, URLs, a local HTTP round trip, a worker).
// Run by bin/isola with -A; it only touches a temporary directory and a loopback port.
const dir = await Deno.makeTempDir({ prefix: "isola-aot-" });
try {
  console.log("training", { a: 1, b: [1, 2, 3], c: new Map([["k", 1]]) }, new Set([1]), 1n, -0);
  console.error("%s %d %o", "x", 1, { y: [2] });
  await new Promise((resolve) => setTimeout(resolve, 1));
  queueMicrotask(() => {});
  const file = `${dir}/f.txt`;
  await Deno.writeTextFile(file, "hello\n");
  Deno.readTextFileSync(file);
  await Deno.readFile(file);
  await Deno.stat(file);
  for await (const _ of Deno.readDir(dir));
  try {
    await Deno.readFile(`${dir}/missing`);
  } catch (e) {
    String(e.stack);
  }
  try {
    null.x;
  } catch (e) {
    String(e.stack);
  }
  new TextDecoder().decode(new TextEncoder().encode("héllo"));
  new URL("../a?b=c#d", "https://example.com/x/y").href;
  structuredClone({ d: new Date(0), r: /x/g, a: new Uint8Array(4) });
  await crypto.subtle.digest("SHA-256", new Uint8Array(16));
  // A machine without a loopback network still gets a cache of the rest.
  try {
    const server = Deno.serve({ port: 0, hostname: "127.0.0.1", onListen() {} }, () => new Response("ok"));
    await (await fetch(`http://127.0.0.1:${server.addr.port}/`)).text();
    await server.shutdown();
  } catch {
    // trained without HTTP
  }
  const worker = new Worker(`data:text/javascript,self.onmessage = (e) => self.postMessage(e.data)`, { type: "module" });
  await new Promise((resolve) => {
    worker.onmessage = resolve;
    worker.postMessage({ n: 1 });
  });
  worker.terminate();
} finally {
  await Deno.remove(dir, { recursive: true });
}
