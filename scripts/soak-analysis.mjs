// The soak test's verdict (scripts/test-soak.mjs): does memory level off? Pure functions over
// samples `{ t: seconds, rss: bytes, heap: bytes }`, so the rule is unit-tested on its own.

/** Least-squares slope of `key` over `t`, in MB per minute (0 with fewer than two samples). */
export function slopeMbPerMin(samples, key) {
  const n = samples.length;
  if (n < 2) return 0;
  const mt = samples.reduce((s, p) => s + p.t, 0) / n;
  const mv = samples.reduce((s, p) => s + p[key], 0) / n;
  let num = 0;
  let den = 0;
  for (const p of samples) {
    num += (p.t - mt) * (p[key] - mv);
    den += (p.t - mt) ** 2;
  }
  return den === 0 ? 0 : ((num / den) * 60) / 1_048_576;
}

/** The samples split by time into three equal spans (first, middle, last). */
export function thirds(samples) {
  if (samples.length === 0) return [[], [], []];
  const t0 = samples[0].t;
  const span = samples[samples.length - 1].t - t0 || 1;
  const out = [[], [], []];
  for (const p of samples) out[Math.min(2, Math.floor(((p.t - t0) / span) * 3))].push(p);
  return out;
}

/**
 * Memory levels off when, for RSS and for the used V8 heap, the growth rate over the last third
 * is at most `maxLastRate` MB/min, or at most `ratio` of the first third's rate (warm-up:
 * caches, JIT and pools fill early, then stop). A leak grows at a steady rate to the end, so its
 * last third looks like its first. The heap is sampled between collections (a sawtooth), which
 * the fit over a third's many samples smooths out.
 */
export function analyzeMemory(samples, { maxLastRate = 4, ratio = 0.25 } = {}) {
  const [first, , last] = thirds(samples);
  const series = {};
  for (const key of ["rss", "heap"]) {
    const firstRate = slopeMbPerMin(first, key);
    const lastRate = slopeMbPerMin(last, key);
    const startMb = (samples[0]?.[key] ?? 0) / 1_048_576;
    const endMb = (samples[samples.length - 1]?.[key] ?? 0) / 1_048_576;
    const peakMb = Math.max(0, ...samples.map((p) => p[key])) / 1_048_576;
    const levelsOff = lastRate <= maxLastRate || lastRate <= ratio * firstRate;
    series[key] = { startMb, endMb, peakMb, firstRate, lastRate, levelsOff };
  }
  const enough = first.length >= 3 && last.length >= 3;
  return { series, enough, levelsOff: enough && series.rss.levelsOff && series.heap.levelsOff };
}

/** One line per series: start → end (peak), growth rate of the first and last thirds. */
export function describeAnalysis(a) {
  return Object.entries(a.series).map(
    ([key, s]) =>
      `${key.padEnd(4)} ${s.startMb.toFixed(0)} → ${s.endMb.toFixed(0)} MB (peak ${s.peakMb.toFixed(0)}); ` +
      `first third ${s.firstRate.toFixed(1)} MB/min, last third ${s.lastRate.toFixed(1)} MB/min: ` +
      `${s.levelsOff ? "levels off" : "STILL RISING"}`,
  );
}
