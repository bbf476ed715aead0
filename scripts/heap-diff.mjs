// `node scripts/heap-diff.mjs before.heapsnapshot after.heapsnapshot [rows]`: what grew between two
// V8 heap snapshots (e.g. the pair `pnpm test:soak --heapsnapshots` leaves), by node type and
// constructor name: bytes and count added. A leak shows as one name growing with the load.
import { readFileSync } from "node:fs";

/** Live heap of one snapshot by `type:name`: total self size (bytes) and count. */
function byName(file) {
  const snap = JSON.parse(readFileSync(file, "utf8"));
  const fields = snap.snapshot.meta.node_fields;
  const types = snap.snapshot.meta.node_types[0];
  const [ti, ni, si] = ["type", "name", "self_size"].map((f) => fields.indexOf(f));
  const out = new Map();
  for (let i = 0; i < snap.nodes.length; i += fields.length) {
    const type = types[snap.nodes[i + ti]];
    // Strings are named by their content: group them by type only.
    const name =
      type === "string" || type === "concatenated string"
        ? ""
        : snap.strings[snap.nodes[i + ni]].slice(0, 60);
    const key = `${type}:${name}`;
    const e = out.get(key) ?? { size: 0, count: 0 };
    e.size += snap.nodes[i + si];
    e.count++;
    out.set(key, e);
  }
  return out;
}

const [beforeFile, afterFile, rowsArg] = process.argv.slice(2);
if (!beforeFile || !afterFile) {
  console.error("usage: node scripts/heap-diff.mjs before.heapsnapshot after.heapsnapshot [rows]");
  process.exit(2);
}
const before = byName(beforeFile);
const after = byName(afterFile);
const total = (m) => [...m.values()].reduce((s, e) => s + e.size, 0) / 1_048_576;
console.log(`live heap ${total(before).toFixed(1)} MB → ${total(after).toFixed(1)} MB`);
const rows = [...new Set([...before.keys(), ...after.keys()])].map((key) => {
  const b = before.get(key) ?? { size: 0, count: 0 };
  const a = after.get(key) ?? { size: 0, count: 0 };
  return { key, bytes: a.size - b.size, count: a.count - b.count };
});
rows.sort((x, y) => y.bytes - x.bytes);
for (const r of rows.slice(0, Number(rowsArg ?? 30)))
  console.log(`${(r.bytes / 1024).toFixed(0).padStart(9)} KB ${String(r.count).padStart(8)}x  ${r.key}`);
