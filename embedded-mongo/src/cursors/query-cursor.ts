import { BSON, type Document, Long } from "bson";
import { project } from "../engine/projection.js";
import type { CursorBatch, ServerCursor } from "./cursor.js";
import type { CursorRegistry } from "./registry.js";

/** Stay well under the 16 MiB reply limit once the envelope is added. */
const MAX_BATCH_BYTES = 16 * 1024 * 1024 - 64 * 1024;
export const DEFAULT_FIRST_BATCH = 101;

/** Take the next batch off `docs` (by count and size), projecting only what is sent. */
export function takeBatch(
  docs: Document[],
  from: number,
  batchSize: number,
  projection?: Document,
  filter?: Document,
): { batch: Document[]; next: number } {
  const max = batchSize > 0 ? batchSize : Number.POSITIVE_INFINITY;
  const end = Math.min(docs.length, from + max);
  const page = project(docs.slice(from, end), projection, filter);
  let bytes = 0;
  let n = 0;
  for (; n < page.length; n++) {
    bytes += BSON.calculateObjectSize(page[n] as Document);
    if (bytes > MAX_BATCH_BYTES && n > 0) break;
  }
  return { batch: n === page.length ? page : page.slice(0, n), next: from + n };
}

/** A cursor over an already computed result list (find / aggregate / listCollections...). */
export class ListCursor implements ServerCursor {
  lastUsed = Date.now();
  private pos: number;

  constructor(
    readonly id: bigint,
    readonly ns: string,
    private readonly docs: Document[],
    start: number,
    private readonly projection?: Document,
    private readonly filter?: Document,
  ) {
    this.pos = start;
  }

  getMore(batchSize: number): Promise<CursorBatch> {
    const { batch, next } = takeBatch(this.docs, this.pos, batchSize, this.projection, this.filter);
    this.pos = next;
    return Promise.resolve({ docs: batch, exhausted: this.pos >= this.docs.length });
  }

  close(): void {
    this.pos = this.docs.length;
  }
}

export interface CursorReplyOptions {
  registry: CursorRegistry;
  owner: { connectionId: number; session?: string | undefined };
  ns: string;
  docs: Document[];
  batchSize?: number;
  singleBatch?: boolean;
  projection?: Document;
  filter?: Document;
}

/** Build `{ cursor: { firstBatch, id, ns } }`, registering a cursor if results remain. */
export function firstBatchReply(o: CursorReplyOptions): Document {
  const size = o.batchSize ?? DEFAULT_FIRST_BATCH;
  // batchSize 0 asks for a cursor with an empty first batch.
  const { batch, next } =
    size === 0 ? { batch: [], next: 0 } : takeBatch(o.docs, 0, size, o.projection, o.filter);
  let id = 0n;
  if (next < o.docs.length && !o.singleBatch) {
    id = o.registry.newId();
    o.registry.register(new ListCursor(id, o.ns, o.docs, next, o.projection, o.filter), o.owner);
  }
  return { cursor: { firstBatch: batch, id: Long.fromBigInt(id), ns: o.ns }, ok: 1 };
}
