import type { Document } from "bson";
import { ErrorCodes } from "./errors.js";

/**
 * MongoDB's error-label rules for errors the store itself never raises but a fail point can
 * inject (network-ish and replication codes). Drivers decide retries from these labels, so they
 * follow mongod's ErrorLabelBuilder: TransientTransactionError inside a transaction,
 * RetryableWriteError on retryable writes and commit/abort, ResumableChangeStreamError on a
 * change stream's getMore.
 */

/** Codes MongoDB puts in its RetriableError category, with their names. */
const RETRIABLE: Record<number, string> = {
  6: "HostUnreachable",
  7: "HostNotFound",
  89: "NetworkTimeout",
  91: "ShutdownInProgress",
  133: "FailedToSatisfyReadPreference",
  134: "ReadConcernMajorityNotAvailableYet",
  189: "PrimarySteppedDown",
  262: "ExceededTimeLimit",
  9001: "SocketException",
  10107: "NotWritablePrimary",
  11600: "InterruptedAtShutdown",
  11602: "InterruptedDueToReplStateChange",
  13435: "NotPrimaryNoSecondaryOk",
  13436: "NotPrimaryOrSecondary",
};

/** Codes that make a transaction statement's error transient (besides the retriable ones). */
const TRANSIENT_IN_TXN = new Set([
  112, // WriteConflict
  24, // LockTimeout
  267, // PreparedTransactionInProgress
  239, // SnapshotTooOld
  246, // SnapshotUnavailable
  63, // StaleShardVersion
  150, // StaleEpoch
  13388, // StaleConfig
]);

/** A change stream resumes after these (mongod's resumable set for getMore). */
const RESUMABLE_CHANGE_STREAM = new Set([
  ...Object.keys(RETRIABLE).map(Number),
  63, // StaleShardVersion
  150, // StaleEpoch
  13388, // StaleConfig
  234, // RetryChangeStream
]);

const OTHER_NAMES: Record<number, string> = {
  11601: "Interrupted",
  64: "WriteConcernFailed",
  79: "UnknownReplWriteConcern",
  100: "UnsatisfiableWriteConcern",
  24: "LockTimeout",
  63: "StaleShardVersion",
  150: "StaleEpoch",
  234: "RetryChangeStream",
  246: "SnapshotUnavailable",
  267: "PreparedTransactionInProgress",
  216: "ElectionInProgress",
};

const BY_CODE = new Map<number, string>(Object.entries(ErrorCodes).map(([name, code]) => [code, name]));

/** mongod's name for a code (a fail point may raise any code). */
export function codeNameOf(code: number): string {
  return RETRIABLE[code] ?? OTHER_NAMES[code] ?? BY_CODE.get(code) ?? `Location${code}`;
}

export const isRetriableCode = (code: number | undefined): boolean => code !== undefined && code in RETRIABLE;

/** mongod's NotPrimaryError and ShutdownError categories (replies carry `topologyVersion`). */
const STATE_CHANGE = new Set([10107, 13435, 13436, 189, 11602, 91, 11600]);

export const isStateChangeCode = (code: number | undefined): boolean =>
  code !== undefined && STATE_CHANGE.has(code);

export const isResumableChangeStreamCode = (code: number): boolean => RESUMABLE_CHANGE_STREAM.has(code);

const ENDS_TXN = new Set(["commitTransaction", "abortTransaction"]);

/**
 * The labels mongod attaches to a reply failing with `code` and/or carrying a write-concern
 * error with `wcCode`, for command `name` with session fields from `cmd`.
 */
export function errorLabelsFor(
  cmd: Document,
  name: string,
  code: number | undefined,
  wcCode: number | undefined,
): string[] {
  const labels: string[] = [];
  const inTxn = cmd.autocommit !== undefined;
  const endsTxn = ENDS_TXN.has(name);
  if (inTxn && code !== undefined) {
    const transient =
      TRANSIENT_IN_TXN.has(code) ||
      (endsTxn
        ? code === ErrorCodes.NoSuchTransaction && wcCode === undefined
        : isRetriableCode(code) || code === ErrorCodes.NoSuchTransaction);
    if (transient) labels.push("TransientTransactionError");
  }
  const retryableWrite = cmd.txnNumber !== undefined && !inTxn;
  const retryableEnd = cmd.txnNumber !== undefined && inTxn && endsTxn;
  if ((retryableWrite || retryableEnd) && (isRetriableCode(code) || isRetriableCode(wcCode)))
    labels.push("RetryableWriteError");
  return labels;
}
