import type { Document } from "bson";
import type { ServerCursor } from "../cursors/cursor.js";
import type { CommittedOp, Persistence } from "../storage/types.js";

/**
 * What the engine offers to change streams (owned by the storage/change-stream module).
 */
export interface EngineHooks {
  /** A copy of the current document with this _id, for `fullDocument: "updateLookup"`. */
  findById(db: string, coll: string, id: unknown): Document | null;
  /** Fired after each batch is committed and durable, in commit order. Returns an unsubscribe. */
  onCommitted(listener: (ops: CommittedOp[]) => void): () => void;
  /** The latest committed cluster time ({0,0} before any write). */
  lastCommitted(): { seq: bigint; ts: { t: number; i: number } };
  persistence: Persistence;
}

/** One `aggregate` whose first stage is `$changeStream`. */
export interface ChangeStreamRequest {
  /** Database of the command (`admin` with `allChangesForCluster`). */
  db: string;
  /** null for a database- or cluster-wide stream (`aggregate: 1`). */
  coll: string | null;
  /** The full pipeline; pipeline[0] is the `$changeStream` stage. */
  pipeline: Document[];
  /** `cursor.batchSize` of the aggregate command, if any. */
  batchSize: number | undefined;
  maxTimeMS: number | undefined;
  /** Allocate the cursor id for the ServerCursor you return. */
  newCursorId(): bigint;
  engine: EngineHooks;
}

/**
 * Result of opening a change stream: the engine registers `cursor` in the CursorRegistry (unless
 * the first batch exhausted it) and replies `{ cursor: { id, ns, firstBatch, ...extra } }`.
 */
export interface ChangeStreamOpened {
  cursor: ServerCursor;
  firstBatch: Document[];
  exhausted: boolean;
  extra?: Document;
}

/** Signature expected of `openChangeStream` exported from `src/changestreams/index.ts`. Throw a CommandError (src/commands/errors.ts) for user errors. */
export type OpenChangeStream = (req: ChangeStreamRequest) => Promise<ChangeStreamOpened>;
