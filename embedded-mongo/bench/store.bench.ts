/**
 * `pnpm bench:db`: the embedded store over TCP with the official driver, in file mode (durable).
 * Prints a table and writes bench/results.json. Set MONGODB_URI to run the same workload against
 * a real deployment for comparison.
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type Collection, type Document, MongoClient } from "mongodb";
import { compactionAndRecovery, fsyncLatency, journalOnly, startStore } from "./probes.js";
import { transactionVsSingleWrites } from "./transactions.js";

const SCAN_DOCS = Number(process.env.BENCH_DOCS ?? 100_000);
const INSERTS_1 = Number(process.env.BENCH_INSERTS ?? 3000);
const INSERTS_8 = INSERTS_1 * 2;
const TXN_ROUNDS = Number(process.env.BENCH_TXNS ?? 300);

interface Row {
  metric: string;
  value: number;
  unit: string;
  note?: string;
}

function pct(samples: number[], p: number): number {
  const s = [...samples].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))] ?? Number.NaN;
}

const round = (n: number, d = 3) => Number(n.toFixed(d));

/** `total` single-document inserts spread over `writers` concurrent loops, each awaiting its ack. */
async function insertThroughput(coll: Collection<Document>, writers: number, total: number): Promise<number> {
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: writers }, async () => {
      for (;;) {
        const n = next++;
        if (n >= total) return;
        await coll.insertOne({ _id: `${writers}-${n}` as never, n, body: "x".repeat(64) });
      }
    }),
  );
  return total / ((performance.now() - started) / 1000);
}

async function timed(times: number, f: (k: number) => Promise<unknown>): Promise<number[]> {
  const out: number[] = [];
  for (let k = 0; k < times; k++) {
    const t = performance.now();
    await f(k);
    out.push(performance.now() - t);
  }
  return out;
}

async function main(): Promise<void> {
  const external = process.env.MONGODB_URI;
  const dir = mkdtempSync(join(tmpdir(), "greenlight-bench-"));
  const store = external ? null : await startStore(dir);
  const uri = external ?? store!.uri;
  const client = new MongoClient(uri, { maxPoolSize: 16 });
  const rows: Row[] = [];
  try {
    await client.connect();
    const db = client.db("bench");
    await db.dropDatabase();

    const fs = fsyncLatency(dir);
    rows.push({
      metric: "disk append+fdatasync p50",
      value: round(pct(fs, 50)),
      unit: "ms",
      note: "floor per durable commit",
    });
    for (const w of [1, 8]) {
      const j = await journalOnly(dir, w, 3000);
      rows.push({
        metric: `journal only, ${w} writer(s)`,
        value: Math.round(j.rate),
        unit: "commits/s",
        note: `${j.perFsync.toFixed(1)} records/fsync`,
      });
    }

    // Durable inserts: every acknowledgement waits for the fsync covering its journal record.
    const ins = db.collection("inserts");
    await ins.insertOne({ warm: true });
    const one = await insertThroughput(ins, 1, INSERTS_1);
    const eight = await insertThroughput(ins, 8, INSERTS_8);
    rows.push({ metric: "durable insertOne, 1 writer", value: Math.round(one), unit: "docs/s" });
    rows.push({
      metric: "durable insertOne, 8 writers",
      value: Math.round(eight),
      unit: "docs/s",
      note: "group commit",
    });
    const many32 = await insertThroughput(ins, 32, INSERTS_8);
    rows.push({
      metric: "durable insertOne, 32 writers",
      value: Math.round(many32),
      unit: "docs/s",
      note: "group commit",
    });
    const many = db.collection("many");
    const tMany = performance.now();
    await Promise.all(
      Array.from({ length: 8 }, (_, w) =>
        (async () => {
          for (let b = 0; b < 10; b++) {
            await many.insertMany(Array.from({ length: 100 }, (_, j) => ({ w, b, j, body: "x".repeat(64) })));
          }
        })(),
      ),
    );
    rows.push({
      metric: "durable insertMany(100), 8 writers",
      value: Math.round(8000 / ((performance.now() - tMany) / 1000)),
      unit: "docs/s",
    });

    rows.push(...(await transactionVsSingleWrites(client, db, TXN_ROUNDS)));

    // Indexed lookup vs collection scan over the same values.
    const big = db.collection("big");
    const tLoad = performance.now();
    for (let k = 0; k < SCAN_DOCS; k += 1000) {
      await big.insertMany(
        Array.from({ length: Math.min(1000, SCAN_DOCS - k) }, (_, j) => ({
          k: k + j,
          u: k + j,
          g: (k + j) % 100,
          s: `name-${k + j}`,
        })),
      );
    }
    const loadRate = SCAN_DOCS / ((performance.now() - tLoad) / 1000);
    rows.push({
      metric: `load ${SCAN_DOCS} docs (insertMany 1000)`,
      value: Math.round(loadRate),
      unit: "docs/s",
    });
    await big.createIndex({ k: 1 });
    const rnd = () => Math.floor(Math.random() * SCAN_DOCS);
    // The round-trip floor: an indexed point query cannot be faster than a ping.
    const ping = await timed(500, () => db.command({ ping: 1 }));
    rows.push({
      metric: "ping round trip p50",
      value: round(pct(ping, 50)),
      unit: "ms",
      note: "floor for any query",
    });
    const idx = await timed(500, () => big.find({ k: rnd() }).toArray());
    const scan = await timed(20, () => big.find({ u: rnd() }).toArray());
    rows.push({ metric: "indexed find p50", value: round(pct(idx, 50)), unit: "ms" });
    rows.push({ metric: "indexed find p99", value: round(pct(idx, 99)), unit: "ms" });
    rows.push({ metric: "full scan find p50", value: round(pct(scan, 50)), unit: "ms" });
    rows.push({ metric: "full scan find p99", value: round(pct(scan, 99)), unit: "ms" });
    rows.push({
      metric: "scan / indexed (p50)",
      value: round(pct(scan, 50) / pct(idx, 50), 1),
      unit: "x",
      note: "target >= 50",
    });

    const cr = await compactionAndRecovery(dir, SCAN_DOCS);
    rows.push({
      metric: `cold start, journal replay (${SCAN_DOCS} docs)`,
      value: Math.round(cr.replayMs),
      unit: "ms",
    });
    rows.push({
      metric: `snapshot compaction (${SCAN_DOCS} docs)`,
      value: Math.round(cr.compactMs),
      unit: "ms",
    });
    rows.push({
      metric: `cold start, snapshot (${SCAN_DOCS} docs)`,
      value: Math.round(cr.recoverMs),
      unit: "ms",
    });

    // Durable single-document update by _id.
    const ids = (
      await big
        .find({}, { projection: { _id: 1 } })
        .limit(2000)
        .toArray()
    ).map((d) => d._id);
    const upd = await timed(ids.length, (k) => big.updateOne({ _id: ids[k] }, { $inc: { c: 1 } }));
    rows.push({ metric: "durable updateOne p50", value: round(pct(upd, 50)), unit: "ms" });
    rows.push({ metric: "durable updateOne p99", value: round(pct(upd, 99)), unit: "ms" });

    // Change-stream wake-up: time from sending an insert to the watcher receiving its event.
    const watched = db.collection("watched");
    const cs = watched.watch([], { maxAwaitTimeMS: 5000 });
    const waiters = new Map<unknown, (at: number) => void>();
    cs.on("change", (e) => {
      const k = "fullDocument" in e ? e.fullDocument?.k : undefined;
      waiters.get(k)?.(performance.now());
      waiters.delete(k);
    });
    const eventFor = (k: unknown) => new Promise<number>((resolve) => waiters.set(k, resolve));
    // The driver opens the stream asynchronously: insert warm-up docs until one is seen.
    for (let n = 0; ; n++) {
      const seen = eventFor(`warm-${n}`);
      await watched.insertOne({ k: `warm-${n}` });
      const ok = await Promise.race([
        seen.then(() => true),
        new Promise<boolean>((r) => setTimeout(() => r(false), 250)),
      ]);
      if (ok) break;
    }
    const wake: number[] = [];
    const ackToEvent: number[] = [];
    for (let k = 0; k < 300; k++) {
      const got = eventFor(k);
      const t0 = performance.now();
      await watched.insertOne({ k });
      const acked = performance.now();
      const seen = await got;
      wake.push(seen - t0);
      ackToEvent.push(seen - acked);
    }
    await cs.close();
    rows.push({ metric: "change stream insert→event p50", value: round(pct(wake, 50)), unit: "ms" });
    rows.push({ metric: "change stream insert→event p99", value: round(pct(wake, 99)), unit: "ms" });
    rows.push({
      metric: "change stream ack→event p50",
      value: round(pct(ackToEvent, 50)),
      unit: "ms",
      note: "<0: event before ack",
    });
  } finally {
    await client.close();
    await store?.stop();
    rmSync(dir, { recursive: true, force: true });
  }

  const width = Math.max(...rows.map((r) => r.metric.length));
  console.log(
    `\nembedded-mongo store benchmark (${external ? "external MONGODB_URI" : "file mode, durable"})\n`,
  );
  for (const r of rows)
    console.log(
      `${r.metric.padEnd(width)}  ${String(r.value).padStart(10)} ${r.unit}${r.note ? `  (${r.note})` : ""}`,
    );
  const out = join(import.meta.dirname, "results.json");
  writeFileSync(
    out,
    `${JSON.stringify({ at: new Date().toISOString(), target: external ? "external" : "embedded-file", node: process.version, rows }, null, 2)}\n`,
  );
  console.log(`\nwrote ${out}`);
}

await main();
