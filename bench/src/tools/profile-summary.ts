/**
 * Summarises a V8 .cpuprofile (from BENCH_CPU_PROF=<dir> pnpm bench): self time per function and
 * inclusive time per function, top N, so a profile can be read without a browser.
 *   tsx src/tools/profile-summary.ts <file.cpuprofile> [N] [filter]
 */
import { readFileSync } from "node:fs";

interface Node {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}
interface Profile {
  nodes: Node[];
  samples: number[];
  timeDeltas: number[];
}

const [file, topArg, filter] = process.argv.slice(2);
if (!file) throw new Error("usage: profile-summary <file.cpuprofile> [N] [filter]");
const top = Number(topArg ?? 30);
const p = JSON.parse(readFileSync(file, "utf8")) as Profile;
const byId = new Map(p.nodes.map((n) => [n.id, n]));
const parent = new Map<number, number>();
for (const n of p.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
const selfMs = new Map<number, number>();
for (const [i, id] of p.samples.entries())
  selfMs.set(id, (selfMs.get(id) ?? 0) + (p.timeDeltas[i] ?? 0) / 1000);
const label = (n: Node) => {
  const url = n.callFrame.url.replace(/^.*\/(node_modules\/(?:\.pnpm\/)?)?/, "");
  return `${n.callFrame.functionName || "(anonymous)"} ${url}:${n.callFrame.lineNumber + 1}`;
};
const self = new Map<string, number>();
const incl = new Map<string, number>();
let total = 0;
for (const [id, ms] of selfMs) {
  const n = byId.get(id) as Node;
  total += ms;
  self.set(label(n), (self.get(label(n)) ?? 0) + ms);
  const seen = new Set<string>();
  for (let cur: number | undefined = id; cur !== undefined; cur = parent.get(cur)) {
    const l = label(byId.get(cur) as Node);
    if (seen.has(l)) continue;
    seen.add(l);
    incl.set(l, (incl.get(l) ?? 0) + ms);
  }
}
const print = (title: string, m: Map<string, number>) => {
  console.log(`\n${title} (total ${total.toFixed(0)} ms sampled)`);
  const rows = [...m]
    .filter(([l]) => !filter || l.includes(filter))
    .sort((a, b) => b[1] - a[1])
    .slice(0, top);
  for (const [l, ms] of rows) {
    console.log(`${ms.toFixed(0).padStart(8)} ms ${((ms / total) * 100).toFixed(1).padStart(5)}%  ${l}`);
  }
};
print("self", self);
print("inclusive", incl);
