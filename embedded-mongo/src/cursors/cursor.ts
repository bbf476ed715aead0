import type { Document } from "bson";

/** What a getMore batch returns; `extra` is merged into the reply's `cursor` document. */
export interface CursorBatch {
  docs: Document[];
  exhausted: boolean;
  /** e.g. `{ postBatchResumeToken }` for change streams. */
  extra?: Document;
}

/**
 * A server-side cursor living in the CursorRegistry. Query cursors and change-stream cursors
 * share this shape so getMore/killCursors dispatch to either.
 */
export interface ServerCursor {
  readonly id: bigint;
  /** "db.collection" as reported in `cursor.ns`. */
  readonly ns: string;
  /** True for change-stream cursors (their getMore errors may be resumable). */
  readonly changeStream?: boolean;
  /**
   * Next batch. `maxTimeMS` and `awaitData` only matter for tailable/change-stream cursors,
   * which may wait up to maxTimeMS for new data before returning an empty batch.
   */
  getMore(batchSize: number, maxTimeMS: number | undefined, awaitData?: boolean): Promise<CursorBatch>;
  /** Release resources; called on kill, exhaustion, idle timeout or owner cleanup. */
  close(): void;
  /** Date.now() of the last use; the registry refreshes it. */
  lastUsed: number;
}
