import mongoose, { type ClientSession } from "mongoose";
import { conflict } from "../errors/app-errors.js";
import { currentIdempotency, sha256 } from "../core/request-scope.js";
import { isDuplicateKey } from "../core/text.js";
import { findIdempotency, insertIdempotency } from "./idempotency.model.js";

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
 *
 * Under an Idempotency-Key (core/request-scope.ts) the transaction also records the body's result,
 * and a retry of the same request gets that result back without running the body: so the body
 * must return what the command answers from (the documents it wrote), not leave it outside.
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

export interface CommandOptions {
  /**
   * false for commands whose answer holds a secret made outside the body (a new token): it cannot
   * be kept for a retry, so a retry under the same key runs again.
   */
  replayable?: boolean;
}

/** The record id of this command under the request's key, or null when there is no key. */
function idempotencyRecord(
  name: string,
  options: CommandOptions,
): { id: string; fingerprint: string } | null {
  const scope = currentIdempotency();
  if (!scope?.principal || options.replayable === false) return null;
  const ordinal = scope.ordinals.get(name) ?? 0;
  scope.ordinals.set(name, ordinal + 1);
  return {
    id: sha256([scope.principal, scope.key, name, ordinal].join("\n")),
    fingerprint: scope.fingerprint,
  };
}

export async function runCommand<T>(
  name: string,
  body: (tx: CommandTx) => Promise<T>,
  options: CommandOptions = {},
): Promise<T> {
  const record = idempotencyRecord(name, options);
  try {
    return await transact(name, body, record);
  } catch (err) {
    // The same key raced in from a parallel retry and committed first: answer what it wrote.
    if (record && isDuplicateKey(err)) return await transact(name, body, record);
    throw err;
  }
}

async function transact<T>(
  name: string,
  body: (tx: CommandTx) => Promise<T>,
  record: { id: string; fingerprint: string } | null,
): Promise<T> {
  const session = await mongoose.startSession();
  let runs = 0;
  try {
    const result = await session.withTransaction(async (s) => {
      if (runs++ > 0) stats.retries++;
      if (!record) return body({ session: s, name });
      const prior = await findIdempotency(record.id, s);
      if (prior) {
        if (prior.fingerprint !== record.fingerprint)
          throw conflict("This Idempotency-Key was already used for a different request.");
        // Stored from this command's own body result (BSON keeps ObjectIds and Dates).
        return prior.result as T;
      }
      const result = await body({ session: s, name });
      const doc = { _id: record.id, fingerprint: record.fingerprint, result, createdAt: new Date() };
      await insertIdempotency(doc, s);
      return result;
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
