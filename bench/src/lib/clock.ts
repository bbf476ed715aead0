/**
 * One wall clock for every process of a run. `performance.timeOrigin` is the wall-clock time at
 * which this process started, captured at high resolution, and `performance.now()` is monotonic from
 * there, so their sum is comparable across processes on one machine. The residual error (how the
 * origin was sampled, clock slewing during a run) is measured by `calibrate` in the parent.
 */
export function wallNow(): number {
  return performance.timeOrigin + performance.now();
}
