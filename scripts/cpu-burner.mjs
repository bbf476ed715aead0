// A bounded CPU load for `pnpm test:repeat`: one worker thread per core, each spinning for `duty`
// of every 100 ms slice and idle for the rest, so the tests run on a machine as loaded as a busy
// CI host. Bounded twice: the threads stop themselves after `maxMs`, and `stop()` ends them (they
// also end with this process, being threads of it).
import { availableParallelism } from "node:os";
import { Worker } from "node:worker_threads";

const SPIN = `
const { workerData } = require("node:worker_threads");
const { duty, maxMs } = workerData;
const slice = 100;
const idle = new Int32Array(new SharedArrayBuffer(4));
const end = Date.now() + maxMs;
let x = 0;
while (Date.now() < end) {
  const busyUntil = Date.now() + slice * duty;
  while (Date.now() < busyUntil) x = (x * 1103515245 + 12345) % 2147483648;
  // Sleeps the thread without using CPU (Atomics.wait is allowed off the main thread).
  Atomics.wait(idle, 0, 0, slice * (1 - duty));
}
`;

/** Starts the burner; returns a function that stops it and resolves once every thread ended. */
export function startCpuBurner({ duty = 0.5, threads = availableParallelism(), maxMs = 3 * 3600_000 } = {}) {
  if (!(duty > 0 && duty <= 1)) throw new Error(`duty must be in (0, 1], got ${duty}`);
  const workers = Array.from(
    { length: threads },
    () => new Worker(SPIN, { eval: true, workerData: { duty, maxMs } }),
  );
  for (const w of workers) w.unref();
  return async () => {
    await Promise.all(workers.map((w) => w.terminate()));
  };
}
