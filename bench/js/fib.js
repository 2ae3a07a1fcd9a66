// CPU-bound JS: recursive fib(30) (1.6 million calls), ms per fib(30) after warm-up.
import { measure, msPerCall, report } from "./_harness.js";

function fib(n) {
  return n < 2 ? n : fib(n - 1) + fib(n - 2);
}

let sink = 0;
const result = await measure(() => msPerCall(() => { sink += fib(30); }));
if (sink % 832040 !== 0) throw new Error(`fib(30) gave ${sink}`);
report("fib30", result, "ms/iter");
