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

/** One attempt of a command in a transaction's session: the idempotency check, its body, the record. */
type Work<T> = (s: ClientSession) => Promise<T>;

export async function runCommand<T>(
  name: string,
  body: (tx: CommandTx) => Promise<T>,
  options: CommandOptions = {},
): Promise<T> {
  const record = idempotencyRecord(name, options);
  try {
    try {
      return await run(name, attemptOf(name, body, record));
    } catch (err) {
      // The same key raced in from a parallel retry and committed first: answer what it wrote.
      if (record && isDuplicateKey(err)) return await run(name, attemptOf(name, body, record));
      throw err;
    }
  } catch (err) {
    stats.failures++;
    throw err;
  }
}

function attemptOf<T>(
  name: string,
  body: (tx: CommandTx) => Promise<T>,
  record: { id: string; fingerprint: string } | null,
): Work<T> {
  return async (s) => {
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
  };
}

/**
 * The conflict lane. Every note on a version bumps that version's counters and every event the
 * production's seq, so concurrent commands on one production conflict on those documents; with
 * the driver's immediate retry they abort each other again and again (measured: 46 attempts per
 * `addNote` at 200/s, 600 of 800 failing). So a command that hits a write conflict leaves its
 * attempt and queues here, and while the lane is busy later commands queue at once. The lane runs
 * what has queued in one transaction, the bodies one after the other (as if serial: each sees the
 * writes before it; all commit together): one session and one commit for the batch instead of a
 * conflict each. If the batch fails, each command runs alone, so one command's error fails only
 * that command. Commands that do not conflict run concurrently as before. In-process only:
 * conflicts with other processes still retry, as MongoDB's transactions require.
 */
interface Queued {
  name: string;
  work: Work<unknown>;
  resolve(value: unknown): void;
  reject(err: unknown): void;
}
const lane: Queued[] = [];
let draining = false;
/** Bounds one transaction's size (its writes and the change-stream batch it becomes). */
const MAX_BATCH = 32;

/** Thrown from a retry outside the lane: withTransaction aborts the attempt, the command queues. */
class RetryInLane extends Error {}

async function run<T>(name: string, work: Work<T>): Promise<T> {
  if (draining || lane.length > 0) return inLane(name, work);
  try {
    return (await transact([{ name, work }], false))[0] as T;
  } catch (err) {
    if (err instanceof RetryInLane) return inLane(name, work);
    throw err;
  }
}

function inLane<T>(name: string, work: Work<T>): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    lane.push({ name, work, resolve: resolve as (v: unknown) => void, reject });
    if (!draining) void drain();
  });
}

async function drain(): Promise<void> {
  draining = true;
  try {
    while (lane.length > 0) {
      const batch = lane.splice(0, MAX_BATCH);
      try {
        const results = await transact(batch, true);
        for (const [i, q] of batch.entries()) q.resolve(results[i]);
      } catch (err) {
        if (batch.length === 1) batch[0]?.reject(err);
        else for (const q of batch) await transact([q], true).then((r) => q.resolve(r[0]), q.reject);
      }
    }
  } finally {
    draining = false;
  }
}

async function transact(
  items: readonly { name: string; work: Work<unknown> }[],
  inLane: boolean,
): Promise<unknown[]> {
  const session = await mongoose.startSession();
  let runs = 0;
  try {
    const results = await session.withTransaction(async (s) => {
      if (runs++ > 0) {
        stats.retries += items.length;
        if (!inLane) throw new RetryInLane("write conflict: re-run in the conflict lane");
      }
      const out: unknown[] = [];
      for (const item of items) out.push(await item.work(s));
      return out;
    }, TRANSACTION_OPTIONS);
    stats.commits += items.length;
    return results;
  } finally {
    await session.endSession();
  }
}
