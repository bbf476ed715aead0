import type { Summary } from "../lib/stats.js";
import { renderCost } from "./cost-markdown.js";
import type { BenchResults } from "./types.js";

const row = (cells: (string | number)[]) => `| ${cells.join(" | ")} |`;
const table = (head: string[], rows: (string | number)[][]) =>
  [row(head), row(head.map(() => "---")), ...rows.map(row)].join("\n");
const lat = (s: Summary) => [s.p50, s.p90, s.p99, s.max];
const verdict = (met: boolean | null) => (met === null ? "n/a" : met ? "met" : "**missed**");

/** The targets table alone (also pasted into bench/README.md). */
export function renderTargets(r: BenchResults): string {
  return table(
    ["target", "measured", "anchor / limit", "ratio", "verdict", "note"],
    r.targets.map((t) => [t.target, t.measured, t.anchor, t.ratio ?? "-", verdict(t.met), t.note ?? ""]),
  );
}

export function renderMarkdown(r: BenchResults): string {
  const m = r.meta;
  const out: string[] = [];
  out.push(
    `# Greenlight benchmark results${m.quick ? " (--quick smoke run: sizes are not the targets')" : ""}`,
  );
  out.push("");
  out.push(
    table(
      ["date", "commit", "machine", "node", "load avg start → end", "duration"],
      [
        [
          m.date,
          `${m.commit.slice(0, 10)}${m.dirty ? " (+ uncommitted)" : ""}`,
          `${m.cpuCount}× ${m.cpuModel}, ${m.memoryGB} GB, ${m.platform}`,
          m.node,
          `${m.loadAverageAtStart.join(", ")} → ${m.loadAverageAtEnd.join(", ")}`,
          `${m.durationSeconds} s`,
        ],
      ],
    ),
  );
  out.push("");
  out.push(
    `CPU from /proc/<pid>/stat at ${m.clockTicksPerSecond} ticks/s (${1000 / m.clockTicksPerSecond} ms resolution); fd limit ${m.fdLimit}.`,
  );
  out.push("");
  if (r.errors.length > 0) {
    out.push("## Failed scenarios");
    out.push("");
    for (const e of r.errors) out.push(`- **${e.scenario}**: ${e.message}`);
    out.push("");
  }
  out.push("## Targets");
  out.push("");
  out.push(renderTargets(r));
  const variants = r.realtime.variants;
  if (variants.some((v) => v.phases.length)) {
    out.push("");
    out.push("## Fan-out (server CPU per delivery first, then latency commit → arrival)");
    out.push("");
    const rows: (string | number)[][] = [];
    for (const v of variants) {
      for (const p of v.phases) {
        rows.push([
          p.description,
          v.variant,
          `${p.events} (${p.achievedEventsPerSecond ?? "-"}/s)`,
          p.cpuMicrosPerDelivery,
          `${Math.round(p.systemShare * 100)}%`,
          p.cpuSeconds.total,
          `${p.delivered}/${p.expected}`,
          p.deliveriesPerSecond,
          ...lat(p.latencyMs),
          p.frameBytes,
          p.storeCommandsPerEvent
            ? Object.entries(p.storeCommandsPerEvent)
                .map(([k, n]) => `${k}×${n}`)
                .join(", ") || "0"
            : "-",
        ]);
      }
    }
    rows.sort((a, b) => String(a[0]).localeCompare(String(b[0])));
    out.push(
      table(
        [
          "phase",
          "variant",
          "events (committed/s)",
          "CPU µs/delivery (= ms/1000)",
          "kernel share",
          "CPU s",
          "delivered",
          "deliveries/s",
          "p50 ms",
          "p90 ms",
          "p99 ms",
          "max ms",
          "frame bytes",
          "store commands per event",
        ],
        rows,
      ),
    );
    const clock = Math.max(...variants.map((v) => v.clock.maxBoundMs));
    out.push("");
    out.push(
      `Clock: loaders' arrival times are corrected to the orchestrator's clock by an IPC round trip (error bound ≤ ${clock.toFixed(3)} ms). ` +
        "Greenlight's commit time is when the store's acknowledgement of the event insert passes the proxy; the anchor's is when it starts sending.",
    );
  }
  if (variants.some((v) => v.memory.points.length)) {
    out.push("");
    out.push("## Connections (RSS per idle subscribed connection)");
    out.push("");
    out.push(
      table(
        [
          "variant",
          "base RSS MB",
          ...variants[0]!.memory.points.map((p) => `${p.connections} sockets: MB / KB each`),
        ],
        variants.map((v) => [
          v.variant,
          (v.memory.baseRssBytes / 2 ** 20).toFixed(0),
          ...v.memory.points.map((p) => `${(p.rssBytes / 2 ** 20).toFixed(0)} / ${p.perConnectionKB}`),
        ]),
      ),
    );
  }
  const w = r.realtime.writePath;
  if (w) {
    out.push("");
    out.push(`## Write path (addNote, ${w.subscribers} subscribers attached, open loop)`);
    out.push("");
    out.push(
      table(
        ["writes/s", "requests", "errors", "achieved/s", "p50 ms", "p90 ms", "p99 ms", "max ms"],
        w.rates.map((x) => [x.rate, x.requests, x.errors, x.achievedPerSecond, ...lat(x.latencyMs)]),
      ),
    );
    const c = w.concurrent;
    if (c) {
      out.push("");
      out.push(
        `Closed loop, ${c.writers} concurrent writers on one production for ${c.seconds} s: **${c.perSecond} notes/s** ` +
          `(${c.notes} notes, ${c.errors} errors), latency p50 ${c.latencyMs.p50} / p99 ${c.latencyMs.p99} ms; ` +
          `${c.transactionsPerNote ?? "?"} transactions sent to the store per note (${c.aborts ?? "?"} aborted: conflict retries).`,
      );
    }
  }
  if (r.read) {
    out.push("");
    out.push(
      `## Read path (${r.read.notes} notes on one version, ${r.read.events} events in one production)`,
    );
    out.push("");
    out.push(
      table(
        [
          "request",
          "n",
          "p50 ms",
          "p90 ms",
          "p99 ms",
          "max ms",
          "round trips/request",
          "commands per request",
        ],
        [...r.read.notesPage, ...r.read.eventsPage].map((x) => [
          x.name,
          x.latencyMs.n,
          ...lat(x.latencyMs),
          x.roundTrips.join(" or "),
          // Per round-trip count seen, one example request's commands.
          Object.entries(x.roundTripsByCommand)
            .map(
              ([trips, byName]) =>
                `${trips}: ${Object.entries(byName)
                  .filter(([k]) => k !== "getMore:changeStream")
                  .map(([k, n]) => `${k}×${n}`)
                  .join(", ")}`,
            )
            .join("; "),
        ]),
      ),
    );
  }
  if (r.store) {
    const s = r.store;
    out.push("");
    out.push(`## Store (${s.documents} documents, own process, official driver over TCP)`);
    out.push("");
    out.push(
      table(
        ["measure", "p50 ms", "p90 ms", "p99 ms", "max ms"],
        [
          ["find by indexed field", ...lat(s.indexedFindMs)],
          ["find by unindexed field (scan)", ...lat(s.scanFindMs)],
          ["change stream: insert sent → change received", ...lat(s.changeStream.sendToChangeMs)],
          ["change stream: insert acknowledged → change received", ...lat(s.changeStream.ackToChangeMs)],
        ],
      ),
    );
    out.push("");
    out.push(
      `Index speed-up ${s.indexSpeedup}x. Durable (j: true) inserts: ${s.durableInserts.map((d) => `${d.writers} writer(s) ${d.perSecond}/s`).join(", ")}.`,
    );
    const w = s.watcherCpu;
    if (w) {
      out.push("");
      out.push(
        `Change-stream floor: a process that only watches (official driver, updateLookup) spends ${w.perChangeMs} ms of CPU per change (${w.changes} changes at ${w.perSecond}/s: ${w.busyMs} ms, minus ${w.idleMs} ms idle over as long). Each \`addNote\` makes 3 changes the server watches (note, version counters, event).`,
      );
    }
  }
  out.push(...renderCost(r));
  out.push("");
  return out.join("\n");
}
