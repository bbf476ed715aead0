import { type Document, Timestamp } from "bson";
import type { CommandContext, Handler } from "../commands/context.js";
import { CommandError } from "../commands/errors.js";
import { clusterTimestamp } from "../commands/handshake.js";
import { engineView } from "./transaction.js";
import type { VersionStore } from "./versions.js";

/** Commands that read at a snapshot outside a transaction (their results are computed at once). */
const SNAPSHOT_READS = new Set(["find", "aggregate", "distinct"]);

/** At most this many held snapshots; beyond it the oldest is given up (SnapshotTooOld later). */
const MAX_HELD = 10_000;

/**
 * The history snapshot reads may come back to. MongoDB keeps `minSnapshotHistoryWindowInSeconds`
 * (300) of history for every write; the store keeps versions only from a snapshot read on, and
 * holds each read's snapshot for that window, so writes pay nothing while nobody reads at a
 * snapshot. A read at a time older than what is held answers SnapshotTooOld (239).
 */
export class SnapshotWindow {
  seconds = 300;
  private readonly held = new Map<number, NodeJS.Timeout>();

  constructor(private readonly versions: VersionStore) {}

  hold(clock: number): void {
    if (this.held.has(clock)) return;
    if (this.held.size >= MAX_HELD) {
      const oldest = this.held.keys().next().value;
      if (oldest !== undefined) this.drop(oldest);
    }
    this.versions.snapshotAt(clock);
    const timer = setTimeout(() => this.drop(clock), this.seconds * 1000);
    timer.unref();
    this.held.set(clock, timer);
  }

  private drop(clock: number): void {
    const timer = this.held.get(clock);
    if (!timer) return;
    clearTimeout(timer);
    this.held.delete(clock);
    this.versions.release(clock);
  }

  close(): void {
    for (const clock of [...this.held.keys()]) this.drop(clock);
  }
}

/** `readConcern: { level: "snapshot" }` on a read outside a transaction (MongoDB 5.0+). */
export function isSnapshotRead(cmd: Document, name: string): boolean {
  return (cmd.readConcern as Document | undefined)?.level === "snapshot" && SNAPSHOT_READS.has(name);
}

const refuseWrites = (): Promise<void> =>
  Promise.reject(new CommandError("InvalidOptions", "a snapshot read cannot write"));

/**
 * Run the read against the state at `atClusterTime` (or now), and report that time as
 * `atClusterTime` (in the cursor for find/aggregate, top level for distinct), which the driver
 * sends on the session's later reads.
 */
export async function runSnapshotRead(ctx: CommandContext, handler: Handler): Promise<Document> {
  const given = (ctx.cmd.readConcern as Document).atClusterTime as unknown;
  if (given !== undefined && !(given instanceof Timestamp))
    throw new CommandError("TypeMismatch", "readConcern.atClusterTime must be a Timestamp");
  const now = clusterTimestamp(ctx);
  if (given?.greaterThan(now))
    throw new CommandError(
      "InvalidOptions",
      `readConcern atClusterTime value must not be greater than the current clusterTime. Requested clusterTime: ${given.toString()}; current clusterTime: ${now.toString()}`,
    );
  const at = given ?? now;
  const txn = ctx.txns.snapshotRead({ t: at.t, i: at.i });
  let reply: Document;
  try {
    reply = await handler({ ...ctx, engine: engineView(txn, refuseWrites) });
  } finally {
    ctx.txns.abort(txn);
  }
  if (reply.ok === 1) {
    const cursor = reply.cursor as Document | undefined;
    if (cursor) cursor.atClusterTime = at;
    else reply.atClusterTime = at;
  }
  return reply;
}
