import type { Document } from "bson";
import { toBigInt } from "../commands/args.js";
import type { CommandContext, Handler } from "../commands/context.js";
import { CommandError } from "../commands/errors.js";
import { sessionHex } from "../commands/handshake.js";
import type { ChangeOp } from "../storage/types.js";
import { checkSnapshotReadConcern, withWriteConcernError } from "./concerns.js";
import { isSnapshotRead, runSnapshotRead } from "./snapshot-read.js";
import { engineView, type Transaction, WriteConflictSignal } from "./transaction.js";
import { TRANSIENT } from "./transactions.js";

/** Commands MongoDB 7 runs inside a multi-document transaction (besides commit/abort). */
const ALLOWED = new Set([
  "find",
  "getMore",
  "killCursors",
  "aggregate",
  "distinct",
  "insert",
  "update",
  "delete",
  "findAndModify",
  "findandmodify",
  // Only on collections the transaction creates (Transaction.applyCatalogOp).
  "create",
  "createIndexes",
  "hello",
  "isMaster",
  "ismaster",
  "buildInfo",
  "buildinfo",
  "connectionStatus",
]);

const WRITES = new Set(["insert", "update", "delete", "findAndModify", "findandmodify"]);
const READ_CONCERNS = new Set(["local", "majority", "snapshot"]);

/** Whether the command belongs to a multi-document transaction (or ends one). */
export function isTransactional(cmd: Document, name: string): boolean {
  return cmd.autocommit !== undefined || name === "commitTransaction" || name === "abortTransaction";
}

const noSuch = (n: bigint, why: string) =>
  new CommandError("NoSuchTransaction", `Transaction with txnNumber ${n} ${why}`, TRANSIENT);

/**
 * A command carrying `autocommit: false`: find or start its transaction (driver protocol: lsid +
 * txnNumber, `startTransaction: true` on the first command), then run it against the
 * transaction's view, or commit/abort it. Any failure inside aborts the transaction, as in MongoDB.
 */
export async function runInTransaction(ctx: CommandContext, handler: Handler): Promise<Document> {
  const { cmd, name, session, txns } = ctx;
  if (!session) throw new CommandError("InvalidOptions", "Transactions require a session (lsid)");
  if (cmd.txnNumber === undefined)
    throw new CommandError("InvalidOptions", "'autocommit' requires a transaction number (txnNumber)");
  if (cmd.autocommit !== false)
    throw new CommandError("InvalidOptions", "Specifying autocommit=true is not allowed.");
  const n = toBigInt(cmd.txnNumber);
  let txn = txns.current(session);
  if (txn && txn.txnNumber > n) {
    throw new CommandError(
      "TransactionTooOld",
      `Cannot start transaction ${n} on session ${session} because a newer transaction ${txn.txnNumber} has already started.`,
    );
  }
  if (cmd.startTransaction === true) {
    if (txn && txn.txnNumber === n) {
      throw new CommandError(
        "ConflictingOperationInProgress",
        `Cannot start a transaction at given transaction number ${n}: a transaction with the same number is ${txn.state}`,
      );
    }
    const level = (cmd.readConcern as Document | undefined)?.level;
    if (level !== undefined && !READ_CONCERNS.has(String(level)))
      throw new CommandError(
        "InvalidOptions",
        `The readConcern level '${String(level)}' is not allowed in a transaction`,
      );
    txn = txns.begin(session, cmd.lsid as Document, n);
  } else if (!txn || txn.txnNumber !== n) {
    throw noSuch(n, "does not match any in-progress transactions.");
  }
  if (name === "commitTransaction") return commit(ctx, txn, n);
  if (name === "abortTransaction") return abort(ctx, txn, n);
  if (txn.state === "aborted") throw noSuch(n, "has been aborted.");
  if (txn.state === "committed")
    throw new CommandError("TransactionCommitted", `Transaction ${n} has been committed.`);
  if (cmd.startTransaction !== true && cmd.readConcern !== undefined) {
    txns.abort(txn);
    throw new CommandError(
      "InvalidOptions",
      "Only the first command in a transaction may specify a readConcern",
    );
  }
  if (cmd.writeConcern !== undefined) {
    txns.abort(txn);
    throw new CommandError("InvalidOptions", "Cannot set write concern after starting a transaction.");
  }
  if (!ALLOWED.has(name) || hasOutputStage(cmd)) {
    txns.abort(txn);
    throw new CommandError(
      "OperationNotSupportedInTransaction",
      `Cannot run '${name}' in a multi-document transaction.`,
    );
  }
  return runStatement(ctx, handler, txn);
}

async function runStatement(ctx: CommandContext, handler: Handler, txn: Transaction): Promise<Document> {
  const record = (ops: ChangeOp[]): Promise<void> => {
    for (const op of ops) txn.ops.push(op);
    return Promise.resolve();
  };
  try {
    const reply = await handler({ ...ctx, engine: engineView(txn, record) });
    if (reply.ok !== 1 || reply.writeErrors !== undefined) ctx.txns.abort(txn);
    return reply;
  } catch (e) {
    ctx.txns.abort(txn);
    if (e instanceof WriteConflictSignal) throw new CommandError("WriteConflict", e.message, TRANSIENT);
    throw e;
  }
}

function hasOutputStage(cmd: Document): boolean {
  const pipeline = Array.isArray(cmd.pipeline) ? (cmd.pipeline as Document[]) : [];
  return pipeline.some((s) => s && typeof s === "object" && ("$out" in s || "$merge" in s));
}

/** Retryable: committing a committed transaction again answers ok (once it is durable). */
async function commit(ctx: CommandContext, txn: Transaction, n: bigint): Promise<Document> {
  if (txn.state === "aborted") throw noSuch(n, "has been aborted.");
  if (txn.state === "inProgress") await ctx.txns.commit(txn, ctx.acknowledged);
  else await txn.committing;
  return withWriteConcernError(ctx.cmd, ctx.name, { ok: 1 });
}

function abort(ctx: CommandContext, txn: Transaction, n: bigint): Document {
  if (txn.state === "aborted") throw noSuch(n, "has been aborted.");
  if (txn.state === "committed")
    throw new CommandError("TransactionCommitted", `Cannot abort transaction ${n}: it has been committed.`);
  ctx.txns.abort(txn);
  return withWriteConcernError(ctx.cmd, ctx.name, { ok: 1 });
}

/**
 * A command outside any transaction. A write that may touch a document a transaction holds runs
 * as a one-command transaction: on a conflict nothing has been applied, so it waits for the
 * holder to commit or abort and runs again, as MongoDB retries such writes internally (bounded
 * by maxTimeMS). Without open transactions it runs directly.
 */
export async function runAutocommit(ctx: CommandContext, handler: Handler): Promise<Document> {
  checkSnapshotReadConcern(ctx.cmd, ctx.name);
  if (isSnapshotRead(ctx.cmd, ctx.name)) return runSnapshotRead(ctx, handler);
  return withWriteConcernError(ctx.cmd, ctx.name, await runOutsideTransaction(ctx, handler));
}

async function runOutsideTransaction(ctx: CommandContext, handler: Handler): Promise<Document> {
  const { cmd, name, session, txns } = ctx;
  if (name === "endSessions" && Array.isArray(cmd.endSessions)) {
    for (const s of cmd.endSessions) {
      const hex = sessionHex(s);
      if (hex) txns.endSession(hex);
    }
  }
  if (session && cmd.txnNumber !== undefined) {
    // A newer txnNumber on the session supersedes its open transaction.
    const open = txns.current(session);
    if (open?.state === "inProgress" && toBigInt(cmd.txnNumber) > open.txnNumber) txns.abort(open);
  }
  if (!WRITES.has(name) || !txns.busy) return handler(ctx);
  const maxTimeMS = typeof cmd.maxTimeMS === "number" && cmd.maxTimeMS > 0 ? cmd.maxTimeMS : 0;
  const deadline = maxTimeMS ? Date.now() + maxTimeMS : Number.POSITIVE_INFINITY;
  for (;;) {
    const txn = txns.autocommit();
    const record = (ops: ChangeOp[], durable: boolean): Promise<void> => {
      for (const op of ops) txn.ops.push(op);
      return txns.commit(txn, durable);
    };
    try {
      return await handler({ ...ctx, engine: engineView(txn, record) });
    } catch (e) {
      if (!(e instanceof WriteConflictSignal)) throw e;
      txns.abort(txn);
      await waitFor(e.holder?.ended ?? Promise.resolve(), deadline);
    } finally {
      if (txn.state === "inProgress") txns.abort(txn);
    }
  }
}

async function waitFor(ended: Promise<void>, deadline: number): Promise<void> {
  if (deadline === Number.POSITIVE_INFINITY) return ended;
  let timer: NodeJS.Timeout | undefined;
  const expired = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new CommandError("MaxTimeMSExpired", "operation exceeded time limit")),
      Math.max(0, deadline - Date.now()),
    );
  });
  try {
    await Promise.race([ended, expired]);
  } finally {
    clearTimeout(timer);
  }
}

const outsideTransaction: Handler = (ctx) => {
  throw new CommandError(
    "InvalidOptions",
    `${ctx.name} must be run within a transaction (autocommit: false)`,
  );
};

/** `setParameter` for the server parameters the embedded store honours (one per call). */
const setParameter: Handler = (ctx) => {
  if (ctx.db !== "admin")
    throw new CommandError("Unauthorized", "setParameter may only be run against the admin database.");
  const { cmd, txns } = ctx;
  const name = ["transactionLifetimeLimitSeconds", "minSnapshotHistoryWindowInSeconds"].find(
    (n) => cmd[n] !== undefined,
  );
  if (name === undefined) throw new CommandError("InvalidOptions", "no supported option was specified");
  const seconds = Number(cmd[name]);
  const min = name === "transactionLifetimeLimitSeconds" ? 1 : 0;
  if (!Number.isFinite(seconds) || seconds < min)
    throw new CommandError("BadValue", `${name} must be greater than or equal to ${min}s`);
  if (name === "transactionLifetimeLimitSeconds") {
    const was = txns.lifetimeLimitSeconds;
    txns.lifetimeLimitSeconds = seconds;
    return { was, ok: 1 };
  }
  const was = txns.snapshots.seconds;
  txns.snapshots.seconds = seconds;
  return { was, ok: 1 };
};

export const transactionCommands: Record<string, Handler> = {
  commitTransaction: outsideTransaction,
  abortTransaction: outsideTransaction,
  setParameter,
};
