// A pricing rule hosted by a Java service (see Main.java). It is written as a Deno worker: messages
// from Java arrive at self.onmessage, answers go back with postMessage.
const PRICES = { "A-1": 12.5, "B-2": 3 };

self.onmessage = (event) => {
  const { sku, qty } = event.data;
  const unit = PRICES[sku];
  if (unit === undefined) {
    postMessage({ sku, error: "unknown sku" });
    return;
  }
  const discount = qty >= 10 ? 0.1 : 0;
  postMessage({ sku, qty, total: Math.round(unit * qty * (1 - discount) * 100) / 100 });
};
