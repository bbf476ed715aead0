import mongoose from "mongoose";

/**
 * Counts database operations issued through mongoose while `fn` runs (one per find, count,
 * aggregate, insert, update...: each is one round trip for pages under the driver's first batch
 * size). Used by the round-trip test; `pnpm bench` measures the same page's latency. Not for
 * production code paths: it swaps mongoose's global debug hook.
 */
export async function countDbOps<T>(
  fn: () => Promise<T>,
): Promise<{ result: T; ops: number; log: string[] }> {
  const log: string[] = [];
  const previous = mongoose.get("debug");
  mongoose.set("debug", (collection: string, method: string) => {
    log.push(`${collection}.${method}`);
  });
  try {
    const result = await fn();
    return { result, ops: log.length, log };
  } finally {
    mongoose.set("debug", previous ?? false);
  }
}
