const state = { hits: 0, table: new Map([["a", 1], ["b", 2]]) };
self.onmessage = (e) => {
  state.hits++;
  postMessage(e.data + state.table.get("a"));
};
