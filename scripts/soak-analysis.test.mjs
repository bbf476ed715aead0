import { describe, expect, it } from "vitest";
import { analyzeMemory, describeAnalysis, slopeMbPerMin, thirds } from "./soak-analysis.mjs";

const MB = 1_048_576;
/** Samples every 2 s for `seconds`, memory in MB given by `f(t)` (same for RSS and heap). */
function run(seconds, f) {
  const out = [];
  for (let t = 0; t <= seconds; t += 2) out.push({ t, rss: (200 + f(t)) * MB, heap: (60 + f(t)) * MB });
  return out;
}

describe("soak analysis", () => {
  it("measures a linear rise in MB per minute", () => {
    expect(
      slopeMbPerMin(
        run(60, (t) => t),
        "rss",
      ),
    ).toBeCloseTo(60, 6);
    expect(slopeMbPerMin([{ t: 0, rss: 0 }], "rss")).toBe(0);
  });

  it("splits by time into thirds", () => {
    const [a, b, c] = thirds(run(180, () => 0));
    expect(a.length + b.length + c.length).toBe(91);
    expect(a.at(-1)?.t).toBeLessThan(60);
    expect(c[0]?.t).toBeGreaterThanOrEqual(120);
  });

  it("a warm-up that flattens out levels off, even with a GC sawtooth", () => {
    const warm = (t) => 150 * (1 - Math.exp(-t / 20)) + ((t / 2) % 5) * 4;
    const a = analyzeMemory(run(180, warm));
    expect(a.levelsOff).toBe(true);
    expect(describeAnalysis(a).join("\n")).toMatch(/levels off/);
  });

  it("a steady rise to the end is reported as still rising", () => {
    const a = analyzeMemory(run(180, (t) => (t * 416) / 180)); // 241 → 657 MB in 180 s
    expect(a.levelsOff).toBe(false);
    expect(a.series.rss.lastRate).toBeCloseTo(138.7, 0);
    expect(describeAnalysis(a)[0]).toMatch(/STILL RISING/);
  });

  it("a slow rise under the absolute bound passes; too few samples give no verdict", () => {
    expect(analyzeMemory(run(180, (t) => t / 30)).levelsOff).toBe(true); // 2 MB/min
    const short = analyzeMemory(run(6, () => 0));
    expect(short.enough).toBe(false);
    expect(short.levelsOff).toBe(false);
  });
});
