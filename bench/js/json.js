// CPU-bound JS: JSON.stringify then JSON.parse of a mid-size object graph (500 orders with nested
// customers, line items, tags and numbers; about 250 KB of JSON), ms per round trip after warm-up.
import { measure, msPerCall, report } from "./_harness.js";

function makeGraph(orders) {
  const list = [];
  for (let i = 0; i < orders; i++) {
    const items = [];
    for (let j = 0; j < 5; j++) {
      items.push({ sku: `SKU-${i}-${j}`, name: `Item number ${j} of order ${i}`, qty: (i + j) % 7 + 1,
        price: Math.round(((i * 31 + j * 17) % 1000) * 1.37) / 100, discount: j % 3 === 0 ? null : 0.05 * j,
        tags: ["a", "bb", "ccc"].slice(0, j % 4) });
    }
    list.push({ id: i, uuid: `00000000-0000-4000-8000-${String(i).padStart(12, "0")}`, paid: i % 2 === 0,
      customer: { name: `Customer ${i}`, email: `c${i}@example.com`, address: { street: `${i} Main St`,
        city: "Springfield", zip: String(10000 + i), geo: [47.1 + i / 1000, -122.3 - i / 1000] } },
      items, notes: i % 5 === 0 ? "Leave at the door, \"quoted\" and \u00e9\u00e8 unicode" : "" });
  }
  return { version: 3, generated: "2024-01-01T00:00:00Z", orders: list };
}

const graph = makeGraph(500);
const size = JSON.stringify(graph).length;
let check = 0;
const result = await measure(() => msPerCall(() => {
  const back = JSON.parse(JSON.stringify(graph));
  check += back.orders.length;
}));
if (check % 500 !== 0 || size < 150000) throw new Error(`bad round trip (${check}, ${size} chars)`);
report("json_roundtrip", result, "ms/iter");
