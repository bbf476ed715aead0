import type { Document } from "bson";
import type { ChangeOp } from "../storage/types.js";
import { ridOf } from "./collection.js";
import type { Engine } from "./engine.js";
import { pathValues } from "./paths.js";

/** MongoDB's TTL monitor runs every 60 s. */
export const TTL_INTERVAL_MS = 60_000;

/**
 * Delete documents whose TTL-indexed date field (or any date in an array there) is older than
 * `expireAfterSeconds`. Deletions go through commit like any write, so the journal and change
 * streams see them. Returns the number of documents removed.
 */
export async function runTtlPass(engine: Engine, now = Date.now()): Promise<number> {
  const ops: ChangeOp[] = [];
  for (const db of engine.databases()) {
    for (const coll of engine.collections(db)) {
      for (const idx of coll.indexes.values()) {
        const secs = idx.spec.expireAfterSeconds;
        if (secs === undefined || idx.fields.length !== 1) continue;
        const field = (idx.fields[0] as [string, number])[0];
        const cutoff = now - secs * 1000;
        const expired: Document[] = [];
        for (const doc of coll.docs.values()) {
          const dates = pathValues(doc, field).filter((v): v is Date => v instanceof Date);
          if (dates.length > 0 && Math.min(...dates.map((d) => d.getTime())) <= cutoff) expired.push(doc);
        }
        for (const doc of expired) {
          coll.delete(ridOf(doc._id));
          ops.push({ op: "delete", db, coll: coll.name, id: doc._id, ...coll.preImageOf(doc) });
        }
      }
    }
  }
  await engine.commit(ops, true);
  return ops.length;
}

/** Start the periodic TTL monitor; returns a stop function. */
export function startTtlMonitor(
  engine: Engine,
  log: (msg: string, meta?: object) => void,
  intervalMs = TTL_INTERVAL_MS,
): () => void {
  let running = false;
  const timer = setInterval(() => {
    if (running) return;
    running = true;
    runTtlPass(engine)
      .then((n) => {
        if (n > 0) log("ttl monitor removed expired documents", { count: n });
      })
      .catch((e: unknown) => log("ttl monitor failed", { error: String(e) }))
      .finally(() => {
        running = false;
      });
  }, intervalMs);
  timer.unref();
  return () => clearInterval(timer);
}
