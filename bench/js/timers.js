// 100,000 setTimeout(0) callbacks, all scheduled at once (one synchronous loop), then waiting for
// the last callback to run. Timers per second, from the first setTimeout to the last callback.
import { measure, now, quick, report } from "./_harness.js";

const N = quick ? 1000 : 100_000;

function sample() {
  return new Promise((resolve) => {
    let fired = 0;
    const start = now();
    const tick = () => {
      if (++fired === N) resolve(N / ((now() - start) / 1000));
    };
    for (let i = 0; i < N; i++) setTimeout(tick, 0);
  });
}

report("timers", await measure(sample, { window: 3, samples: 5 }), "timers/s");
