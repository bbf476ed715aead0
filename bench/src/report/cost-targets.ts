import { round } from "../lib/stats.js";
import type { BenchResults, TargetResult } from "./types.js";

/** Sustained means p99 at or under this at a rate (issue #19). */
export const SUSTAINED_P99_MS = 100;
/** The rate #19 measured before its cuts (p99 2.4 s at 200/s); the target is at least double. */
const WRITE_RATE_BEFORE = 185;

const notMeasured = (id: string, target: string): TargetResult => ({
  id,
  target,
  measured: "not measured",
  anchor: "-",
  ratio: null,
  met: null,
});

/** The highest rate of the write scenario whose p99 stays at or under SUSTAINED_P99_MS, error-free. */
export function sustainedWriteRate(r: BenchResults): number | null {
  const rates = r.realtime.writePath?.rates;
  if (!rates?.length) return null;
  const ok = rates.filter((x) => x.errors === 0 && x.latencyMs.p99 <= SUSTAINED_P99_MS);
  return ok.length ? Math.max(...ok.map((x) => x.achievedPerSecond)) : 0;
}

/** Issue #19's targets: the CPU a note costs against the bare writes, and what it sustains. */
export function costTargets(r: BenchResults): TargetResult[] {
  const out: TargetResult[] = [];
  const c = r.cost;
  if (c) {
    const ratio = round(c.server.totalMs / c.baseline.totalMs, 2);
    out.push({
      id: "write-cost-vs-bare",
      target: "CPU per addNote, server + store processes, <= 2x the bare driver's same writes (+ store)",
      measured: `${c.server.totalMs} ms (server ${c.server.clientMs} + store ${c.server.storeMs})`,
      anchor: `${c.baseline.totalMs} ms (driver ${c.baseline.clientMs} + store ${c.baseline.storeMs})`,
      ratio,
      met: ratio <= 2,
      note: `store commands ${c.storeCommands.serverTotal} vs ${c.storeCommands.baselineTotal} per write; journal ${c.journalBytes.server} vs ${c.journalBytes.baseline} B per write`,
    });
    const inRatio = round(c.inProcess.totalMs / c.baseline.totalMs, 2);
    out.push({
      id: "write-cost-in-process",
      target: "CPU per addNote in-process (pnpm start) <= 5 ms, and <= 2x the bare driver's",
      measured: `${c.inProcess.totalMs} ms`,
      anchor: `5 ms; bare ${c.baseline.totalMs} ms`,
      ratio: inRatio,
      met: c.inProcess.totalMs <= 5 && inRatio <= 2,
    });
  } else {
    out.push(notMeasured("write-cost-vs-bare", "CPU per addNote <= 2x the bare driver's same writes"));
    out.push(notMeasured("write-cost-in-process", "CPU per addNote in-process <= 5 ms"));
  }
  const f = r.writeFanout;
  out.push(
    f
      ? {
          id: "cpu-per-delivery-with-write",
          target: `CPU per delivery at ${f.subscribers} subscribers, ${f.rate} events/s, write included (in-process) <= 1.5x bare ws`,
          measured: `${f.greenlight.cpuMicrosPerDelivery} µs`,
          anchor: `${f.anchor.cpuMicrosPerDelivery} µs`,
          ratio: f.ratio,
          met: f.ratio <= 1.5 && f.greenlight.delivered === f.greenlight.expected,
        }
      : notMeasured(
          "cpu-per-delivery-with-write",
          "CPU per delivery with the write included <= 1.5x bare ws",
        ),
  );
  const sustained = sustainedWriteRate(r);
  out.push(
    sustained === null
      ? notMeasured(
          "write-rate-sustained",
          `addNote rate at p99 <= ${SUSTAINED_P99_MS} ms >= 2x ${WRITE_RATE_BEFORE}/s`,
        )
      : {
          id: "write-rate-sustained",
          target: `addNote rate one server sustains at p99 <= ${SUSTAINED_P99_MS} ms >= 2x ${WRITE_RATE_BEFORE}/s`,
          measured: `${sustained}/s`,
          anchor: `${2 * WRITE_RATE_BEFORE}/s`,
          ratio: round(sustained / (2 * WRITE_RATE_BEFORE), 2),
          met: sustained >= 2 * WRITE_RATE_BEFORE,
          note: `rates tried: ${r.realtime.writePath?.rates.map((x) => `${x.rate}/s p99 ${x.latencyMs.p99} ms`).join(", ")}`,
        },
  );
  return out;
}
