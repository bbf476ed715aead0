import type { Db, MongoClient } from "mongodb";

export interface LatencyRow {
  metric: string;
  value: number;
  unit: string;
  note?: string;
}

function pct(samples: number[], p: number): number {
  const s = [...samples].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))] ?? Number.NaN;
}

/**
 * A 3-document transaction (startTransaction, three inserts, commitTransaction: one durable
 * journal record) against 3 single acknowledged inserts (three durable records), alternated in
 * one loop so both see the same disk and load. Latency per unit of work, percentiles.
 */
export async function transactionVsSingleWrites(
  client: MongoClient,
  db: Db,
  rounds: number,
): Promise<LatencyRow[]> {
  const coll = db.collection<{ _id: string; n: number; body: string }>("txn");
  await coll.insertOne({ _id: "warm", n: 0, body: "" });
  const session = client.startSession();
  const txn: number[] = [];
  const singles: number[] = [];
  const body = "x".repeat(64);
  try {
    for (let k = 0; k < rounds; k++) {
      let t = performance.now();
      session.startTransaction({ writeConcern: { w: "majority" } });
      for (let j = 0; j < 3; j++) await coll.insertOne({ _id: `t-${k}-${j}`, n: j, body }, { session });
      await session.commitTransaction();
      txn.push(performance.now() - t);
      t = performance.now();
      for (let j = 0; j < 3; j++) await coll.insertOne({ _id: `s-${k}-${j}`, n: j, body });
      singles.push(performance.now() - t);
    }
  } finally {
    await session.endSession();
  }
  const rows: LatencyRow[] = [];
  for (const p of [50, 95, 99]) {
    rows.push({ metric: `3-doc transaction p${p}`, value: round(pct(txn, p)), unit: "ms" });
    rows.push({ metric: `3 single acknowledged inserts p${p}`, value: round(pct(singles, p)), unit: "ms" });
  }
  rows.push({
    metric: "transaction / 3 singles (p50)",
    value: round(pct(txn, 50) / pct(singles, 50), 2),
    unit: "x",
    note: `${rounds} alternated rounds`,
  });
  return rows;
}

const round = (n: number, d = 3) => Number(n.toFixed(d));
