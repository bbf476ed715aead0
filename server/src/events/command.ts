import mongoose, { type ClientSession } from "mongoose";

/**
 * The one write path. A command (`<domain>/<verb>-<entity>.command.ts`) validates and checks policy
 * first, then calls `runCommand` with a body that makes all of its writes, counters and events
 * (`recordEvents`, which allocates the production's seqs) with `tx.session`. They commit together
 * or not at all: a process killed mid-way leaves nothing, so no note lacks its event and no event
 * its note.
 *
 * The body may run more than once: `withTransaction` retries it on TransientTransactionError (a
 * WriteConflict, e.g. two commands allocating seqs on one production) and retries the commit on
 * UnknownTransactionCommitResult. It must therefore build what it writes inside itself and keep
 * no effects outside the store (clear loaders after `runCommand` returns).
 */
export interface CommandTx {
  readonly session: ClientSession;
  /** The command's name, for logs and write-path checks. */
  readonly name: string;
}

/** Snapshot reads and majority writes, as on a MongoDB 7 replica set. */
const TRANSACTION_OPTIONS = {
  readConcern: { level: "snapshot" },
  writeConcern: { w: "majority" },
} as const;

export interface CommandStats {
  /** Commands committed. */
  commits: number;
  /** Bodies re-run after a transient error (write conflicts on the seq counter, mostly). */
  retries: number;
  /** Commands that ended in an error (validation inside the body included). */
  failures: number;
}

const stats: CommandStats = { commits: 0, retries: 0, failures: 0 };

/** Process-wide counters since start, for the bench and `/metrics`-style diagnostics. */
export function commandStats(): Readonly<CommandStats> {
  return { ...stats };
}

export async function runCommand<T>(name: string, body: (tx: CommandTx) => Promise<T>): Promise<T> {
  const session = await mongoose.startSession();
  let runs = 0;
  try {
    const result = await session.withTransaction(async (s) => {
      if (runs++ > 0) stats.retries++;
      return body({ session: s, name });
    }, TRANSACTION_OPTIONS);
    stats.commits++;
    return result;
  } catch (err) {
    stats.failures++;
    throw err;
  } finally {
    await session.endSession();
  }
}
