import type { Profiled } from "../scenarios/write-cost.js";
import type { BenchResults } from "./types.js";

const row = (cells: (string | number)[]) => `| ${cells.join(" | ")} |`;
const table = (head: string[], rows: (string | number)[][]) =>
  [row(head), row(head.map(() => "---")), ...rows.map(row)].join("\n");

const commands = (byName: Record<string, number>) =>
  Object.entries(byName)
    .map(([k, n]) => `${k}×${n}`)
    .join(", ");

function phases(title: string, p: Profiled | null): string[] {
  if (!p) return [];
  const msOf = new Map(p.phasesMsPerWrite.map((x) => [x.phase, x.ms]));
  return [
    "",
    `${title} (${p.profiledWrites} more writes profiled, ${p.sampledMs} ms sampled; ms = share × the unprofiled CPU per write):`,
    "",
    table(
      ["phase", "share", "ms per write"],
      p.phases
        .filter((x) => x.sampledMs > 0)
        .map((x) => [x.phase, `${(x.share * 100).toFixed(1)}%`, msOf.get(x.phase) ?? "-"]),
    ),
    "",
    `Heaviest functions of the unattributed lines: ${p.topOfUnattributed.map((t) => `${t.frame} ${t.ms} ms`).join("; ")}.`,
  ];
}

/** Issue #19's section: what a note costs, next to the bare driver's same writes. */
export function renderCost(r: BenchResults): string[] {
  const c = r.cost;
  const out: string[] = [];
  if (c) {
    out.push(
      "",
      `## Write cost (${c.writes} sequential addNotes on a store of their own, no subscribers)`,
      "",
    );
    out.push(
      table(
        [
          "who writes",
          "client CPU ms/write",
          "store CPU ms/write",
          "total ms/write",
          "latency ms",
          "store commands/write",
          "journal B/write",
        ],
        [
          [
            "Greenlight (server + store processes)",
            c.server.clientMs,
            c.server.storeMs,
            c.server.totalMs,
            `p50 ${c.server.latencyMs.p50}, p99 ${c.server.latencyMs.p99}`,
            `${c.storeCommands.serverTotal}: ${commands(c.storeCommands.server)}`,
            c.journalBytes.server,
          ],
          [
            "bare driver, same writes, one transaction",
            c.baseline.clientMs,
            c.baseline.storeMs,
            c.baseline.totalMs,
            `mean ${c.baseline.latencyMs}`,
            `${c.storeCommands.baselineTotal}: ${commands(c.storeCommands.baseline)}`,
            c.journalBytes.baseline,
          ],
          [
            "Greenlight in-process (pnpm start)",
            c.inProcess.clientMs,
            "(inside)",
            c.inProcess.totalMs,
            `p50 ${c.inProcess.latencyMs.p50}, p99 ${c.inProcess.latencyMs.p99}`,
            "as above",
            c.journalBytes.inProcess,
          ],
        ],
      ),
    );
    out.push(...phases("The server process by phase", c.profile));
    out.push(...phases("The store process by phase", c.storeProfile));
    out.push(...phases("In-process by phase", c.inProcessProfile));
  }
  const f = r.writeFanout;
  if (f) {
    out.push("", `## Fan-out with the write included (${f.greenlight.description})`, "");
    out.push(
      table(
        ["variant", "delivered", "events/s", "CPU µs/delivery", "kernel share", "latency p50 / p99 ms"],
        [
          ["Greenlight in-process, taking its writes", f.greenlight, "response"] as const,
          ["bare ws (same schedule)", f.anchor, "send"] as const,
        ].map(([name, p, from]) => [
          name,
          `${p.delivered}/${p.expected}`,
          p.achievedEventsPerSecond,
          p.cpuMicrosPerDelivery,
          p.systemShare,
          `${p.latencyMs.p50} / ${p.latencyMs.p99} (from the ${from})`,
        ]),
      ),
    );
  }
  return out;
}
