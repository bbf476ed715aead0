import type { Document } from "bson";
import { Aggregator } from "mingo";
import type { CursorBatch, ServerCursor } from "../cursors/cursor.js";
import { compareTs, type OpLogReader } from "../storage/history.js";
import { csError } from "./errors.js";
import { type EventContext, eventsFor, relevant } from "./events.js";
import { encodeToken, SUB_HWM, type TokenPos, tokenEquals } from "./token.js";

/** MongoDB's default wait for an awaitData getMore without maxTimeMS. */
export const DEFAULT_AWAIT_MS = 1000;
/** History entries fetched per scan step. */
const SCAN_STEP = 512;

export interface ChangeStreamCursorInit {
  id: bigint;
  ns: string;
  history: OpLogReader;
  ctx: EventContext;
  /** Stages after $changeStream, applied to each event document. */
  stages: Document[];
  start: TokenPos;
  /** startAtOperationTime: ops before this cluster time are skipped. */
  minTs?: { t: number; i: number } | undefined;
}

/**
 * A change-stream cursor: a position in the oplog history (last event or high-water mark seen)
 * that each getMore scans forward from, turning relevant ops into events and running the user's
 * stages over them. An empty awaitData getMore parks on the history until a commit makes a newer
 * op visible (woken at once) or maxTimeMS passes.
 */
export class ChangeStreamCursor implements ServerCursor {
  readonly id: bigint;
  readonly ns: string;
  readonly changeStream = true;
  lastUsed = Date.now();
  private pos: TokenPos;
  private invalidated = false;
  private readonly closed = new AbortController();
  private readonly pipeline: Aggregator | null;

  constructor(private readonly init: ChangeStreamCursorInit) {
    this.id = init.id;
    this.ns = init.ns;
    this.pos = init.start;
    this.pipeline = init.stages.length > 0 ? new Aggregator(init.stages, {}) : null;
  }

  async getMore(batchSize: number, maxTimeMS: number | undefined, awaitData = true): Promise<CursorBatch> {
    const limit = batchSize > 0 ? batchSize : Number.MAX_SAFE_INTEGER;
    const deadline = Date.now() + (maxTimeMS ?? DEFAULT_AWAIT_MS);
    for (;;) {
      const docs = this.collect(limit);
      if (docs.length > 0 || this.invalidated || !awaitData || this.closed.signal.aborted)
        return this.batch(docs);
      const remaining = deadline - Date.now();
      if (remaining <= 0) return this.batch(docs);
      await this.wait(remaining);
    }
  }

  close(): void {
    this.closed.abort();
  }

  /** Current resume position (for tests and diagnostics). */
  get position(): TokenPos {
    return this.pos;
  }

  /** A batch with no events and the current position (aggregate with batchSize 0). */
  emptyBatch(): CursorBatch {
    return this.batch([]);
  }

  private batch(docs: Document[]): CursorBatch {
    return { docs, exhausted: this.invalidated, extra: { postBatchResumeToken: encodeToken(this.pos) } };
  }

  private wait(ms: number): Promise<void> {
    const stop = new AbortController();
    const timer = setTimeout(() => stop.abort(), ms);
    const onClose = () => stop.abort();
    this.closed.signal.addEventListener("abort", onClose, { once: true });
    return this.init.history.waitBeyond(this.pos.seq, stop.signal).finally(() => {
      clearTimeout(timer);
      this.closed.signal.removeEventListener("abort", onClose);
    });
  }

  private checkHistory(): void {
    const ev = this.init.history.evictedThrough();
    if (ev.seq > this.pos.seq || (ev.seq === this.pos.seq && this.pos.sub !== SUB_HWM && ev.seq > 0n)) {
      throw csError(
        "ChangeStreamHistoryLost",
        `change stream fell behind: the oplog history no longer holds ops after seq ${this.pos.seq} (oldest retained is ${ev.seq + 1n})`,
      );
    }
  }

  private collect(limit: number): Document[] {
    const out: Document[] = [];
    const { history, ctx, minTs } = this.init;
    while (out.length < limit && !this.invalidated) {
      this.checkHistory();
      // A partially delivered op (e.g. drop delivered, its invalidate not yet) is re-read.
      const from = this.pos.sub === SUB_HWM ? this.pos.seq : this.pos.seq - 1n;
      const entries = history.readAfter(from, SCAN_STEP);
      if (entries.length === 0) break;
      for (const e of entries) {
        if ((minTs && compareTs(e.ts, minTs) < 0) || !relevant(e, ctx.scope)) {
          this.pos = { ts: e.ts, seq: e.seq, sub: SUB_HWM };
          continue;
        }
        const raw = eventsFor(e, history.decode(e), ctx).filter(
          (r) => e.seq > this.pos.seq || r.sub > this.pos.sub,
        );
        for (const r of raw) {
          if (out.length >= limit) return out;
          this.pos = { ts: e.ts, seq: e.seq, sub: r.sub };
          const doc = this.transform(r.doc);
          if (doc) out.push(doc);
          if (r.invalidate) {
            this.invalidated = true;
            return out;
          }
        }
        // A full batch keeps the last event's own token as its postBatchResumeToken.
        if (out.length >= limit) return out;
        this.pos = { ts: e.ts, seq: e.seq, sub: SUB_HWM };
      }
    }
    return out;
  }

  /** Run the user's stages over one event; null when a $match drops it. */
  private transform(event: Document): Document | null {
    if (!this.pipeline) return event;
    const [doc] = this.pipeline.run<Document>([event]);
    if (!doc) return null;
    if (!tokenEquals(doc._id, event._id as Document)) {
      throw csError(
        "ChangeStreamFatalError",
        "Encountered an event whose _id field, which contains the resume token, was modified by the pipeline. " +
          "Modifying the _id field of an event makes it impossible to resume the stream from that point.",
        // The driver must not resume (it would fail the same way): MongoDB labels it so.
        { errorLabels: ["NonResumableChangeStreamError"] },
      );
    }
    return doc;
  }
}
