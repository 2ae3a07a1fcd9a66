// node:perf_hooks: the runtime's User Timing (`performance`, its entries, PerformanceObserver) under
// Node's module name, and Node's entry-type constants. No histograms or timerify yet: importing them
// by name fails at import, as for any missing export.
(function (binding, internal) {
  "use strict";
  const { performance, PerformanceEntry, PerformanceObserver, PerformanceObserverEntryList } = internal.performance;
  const constants = {
    NODE_PERFORMANCE_ENTRY_TYPE_NODE: 0,
    NODE_PERFORMANCE_ENTRY_TYPE_MARK: 1,
    NODE_PERFORMANCE_ENTRY_TYPE_MEASURE: 2,
    NODE_PERFORMANCE_ENTRY_TYPE_GC: 3,
    NODE_PERFORMANCE_ENTRY_TYPE_FUNCTION: 4,
    NODE_PERFORMANCE_ENTRY_TYPE_HTTP2: 5,
    NODE_PERFORMANCE_ENTRY_TYPE_HTTP: 6,
    NODE_PERFORMANCE_ENTRY_TYPE_DNS: 7,
    NODE_PERFORMANCE_ENTRY_TYPE_NET: 8,
  };
  return { performance, PerformanceEntry, PerformanceObserver, PerformanceObserverEntryList, constants };
})
