import type { ChildProcess } from "node:child_process";
import { join } from "node:path";
import { type Collection, type Document, type Db, MongoClient } from "mongodb";
import type { FromWatcher, ToWatcher } from "../change-watcher.js";
import type { RunContext } from "../lib/context.js";
import { BENCH_ROOT, cpuDelta, cpuTime, spawnTs, stopChild } from "../lib/proc.js";
import { startStore, type Store } from "../lib/stack.js";
import { round, roundSummary, sleep, type Summary, summarize } from "../lib/stats.js";

export interface StoreResult {
  documents: number;
  indexedFindMs: Summary;
  scanFindMs: Summary;
  /** scan p50 / indexed p50, over the wire (both include one round trip). */
  indexSpeedup: number;
  /** The same with the round-trip floor (ping p50) taken off both: the engine's own ratio. */
  pingMs: number;
  indexSpeedupEngine: number;
  durableInserts: { writers: number; documents: number; perSecond: number }[];
  changeStream: { sendToChangeMs: Summary; ackToChangeMs: Summary };
  /** CPU of a process that only watches (official driver), per change, idle CPU taken off. */
  watcherCpu?: { changes: number; perSecond: number; idleMs: number; busyMs: number; perChangeMs: number };
}

/**
 * CPU a watching process spends per change at a steady rate (each change its own getMore, as in
 * the fan-out phases), minus what it spends idle over as long a window (heartbeats, empty getMores).
 */
async function watcherCpu(
  store: Store,
  db: Db,
  changes: number,
  perSecond: number,
): Promise<NonNullable<StoreResult["watcherCpu"]>> {
  const child: ChildProcess = spawnTs(
    join(BENCH_ROOT, "src/change-watcher.ts"),
    [store.uri, db.databaseName, "floor"],
    { cwd: BENCH_ROOT, ipc: true, name: "watcher" },
  );
  let onSeen: (() => void) | null = null;
  const ready = new Promise<void>((resolve) => {
    child.on("message", (m: FromWatcher) => {
      if (m.t === "ready") resolve();
      else onSeen?.();
    });
  });
  try {
    await ready;
    const coll = db.collection("floor");
    // A note-sized document (~700 bytes), like the fan-out's notes and events.
    const body = "n".repeat(600);
    const insertAtRate = async (from: number, to: number) => {
      const start = performance.now();
      for (let i = from; i < to; i++) {
        const wait = start + ((i - from) * 1000) / perSecond - performance.now();
        if (wait > 0) await sleep(wait);
        await coll.insertOne({ i, body });
      }
      await new Promise<void>((resolve) => {
        onSeen = resolve;
        child.send({ t: "await", n: to } satisfies ToWatcher);
      });
    };
    // Warm-up: the measured changes should not pay for the watcher's JIT compilation.
    await insertAtRate(0, changes);
    await sleep(500);
    const windowMs = (changes * 1000) / perSecond;
    const idle0 = cpuTime(child.pid as number);
    await sleep(windowMs);
    const idle = cpuDelta(idle0, cpuTime(child.pid as number)).total;
    const busy0 = cpuTime(child.pid as number);
    await insertAtRate(changes, 2 * changes);
    const busy = cpuDelta(busy0, cpuTime(child.pid as number)).total;
    return {
      changes,
      perSecond,
      idleMs: round(idle * 1000, 1),
      busyMs: round(busy * 1000, 1),
      perChangeMs: round(((busy - idle) * 1000) / changes, 3),
    };
  } finally {
    child.send({ t: "stop" } satisfies ToWatcher);
    await stopChild(child);
  }
}

async function timed(times: number, f: (i: number) => Promise<unknown>): Promise<number[]> {
  const out: number[] = [];
  for (let i = 0; i < times; i++) {
    const t = performance.now();
    await f(i);
    out.push(performance.now() - t);
  }
  return out;
}

/** `total` single-document inserts over `writers` concurrent loops, each awaiting a journaled ack. */
async function inserts(coll: Collection<Document>, writers: number, total: number): Promise<number> {
  let next = 0;
  const t = performance.now();
  await Promise.all(
    Array.from({ length: writers }, async () => {
      while (next < total) {
        const n = next++;
        await coll.insertOne({ w: writers, n, body: "x".repeat(100) }, { writeConcern: { w: 1, j: true } });
      }
    }),
  );
  return total / ((performance.now() - t) / 1000);
}

/**
 * The store on its own (a fresh process, file-backed, over TCP with the official driver): index
 * vs scan, durable insert throughput with concurrent writers (group commit), change-stream wake-up.
 */
export async function runStore(ctx: RunContext): Promise<StoreResult> {
  const { plan, log } = ctx;
  const store = await startStore("store-bench");
  const client = await MongoClient.connect(store.uri, { maxPoolSize: 64 });
  try {
    const db = client.db("store_bench");
    const docs = db.collection("docs");
    for (let start = 0; start < plan.storeDocs; start += 1000) {
      const batch = [];
      for (let i = start; i < Math.min(plan.storeDocs, start + 1000); i++) {
        batch.push({ _id: i, u: `user-${i}`, v: i, g: i % 1000, body: "lorem ipsum ".repeat(8) } as Document);
      }
      await docs.insertMany(batch, { ordered: false });
    }
    await docs.createIndex({ u: 1 });
    const pick = (i: number) => (i * 7919) % plan.storeDocs;
    // find().toArray(), not findOne: a scan must read every document to know it found all matches.
    await timed(20, (i) => docs.find({ u: `user-${pick(i)}` }).toArray());
    const indexed = summarize(await timed(200, (i) => docs.find({ u: `user-${pick(i + 20)}` }).toArray()));
    // `v` identifies documents like `u` but has no index: every query reads the whole collection.
    const scan = summarize(
      await timed(plan.quick ? 5 : 10, (i) => docs.find({ v: pick(i + 500) }).toArray()),
    );
    const admin = client.db("admin");
    const ping = summarize(await timed(200, () => admin.command({ ping: 1 }))).p50;
    const engine = (scan.p50 - ping) / Math.max(0.001, indexed.p50 - ping);
    log(
      `  store: indexed p50 ${indexed.p50.toFixed(3)} ms, scan p50 ${scan.p50.toFixed(1)} ms, ping ${ping.toFixed(3)} ms`,
    );

    const writes = db.collection("writes");
    const durableInserts = [];
    for (const writers of [1, 8, 32]) {
      const total = writers === 1 ? Math.round(plan.storeInserts / 5) : plan.storeInserts;
      const perSecond = Math.round(await inserts(writes, writers, total));
      durableInserts.push({ writers, documents: total, perSecond });
      log(`  store: ${writers} writers, ${perSecond} durable inserts/s`);
    }

    const watched = db.collection("watched");
    const stream = watched.watch();
    let arrived: ((t: number) => void) | null = null;
    stream.on("change", () => arrived?.(performance.now()));
    await new Promise((r) => setTimeout(r, 300)); // the first getMore is in place
    const sendToChange: number[] = [];
    const ackToChange: number[] = [];
    for (let i = 0; i < (plan.quick ? 20 : 100); i++) {
      const change = new Promise<number>((r) => {
        arrived = r;
      });
      const t0 = performance.now();
      await watched.insertOne({ i });
      const acked = performance.now();
      const t1 = await change;
      sendToChange.push(t1 - t0);
      ackToChange.push(t1 - acked);
    }
    await stream.close();
    const floor = await watcherCpu(store, db, plan.quick ? 100 : 500, 100);
    log(
      `  store: a watching process spends ${floor.perChangeMs} ms CPU per change (${floor.busyMs} ms busy, ${floor.idleMs} ms idle)`,
    );
    return {
      documents: plan.storeDocs,
      indexedFindMs: roundSummary(indexed, 3),
      scanFindMs: roundSummary(scan, 2),
      indexSpeedup: round(scan.p50 / indexed.p50, 1),
      pingMs: round(ping, 3),
      indexSpeedupEngine: round(engine, 1),
      durableInserts,
      changeStream: {
        sendToChangeMs: roundSummary(summarize(sendToChange), 2),
        ackToChangeMs: roundSummary(summarize(ackToChange), 2),
      },
      watcherCpu: floor,
    };
  } finally {
    await client.close();
    await store.stop();
  }
}
