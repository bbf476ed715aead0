import mongoose, { type Types } from "mongoose";
import { runtime } from "../app/runtime.js";
import { badInput } from "../errors/app-errors.js";
import { ProductionModel } from "../productions/production.model.js";
import { encodeEventCursor } from "./event.cursor.js";
import type { EventType } from "./event.enums.js";
import { publishEvents, type PublishedEvent } from "./event.events.js";
import { EventModel, type EventDoc } from "./event.model.js";
import { releasableEvents } from "./event-order.js";

export interface EventDraft {
  type: EventType;
  versionId?: Types.ObjectId | null;
  noteId?: Types.ObjectId | null;
  replyId?: Types.ObjectId | null;
  reviewId?: Types.ObjectId | null;
  assetId?: Types.ObjectId | null;
  episodeId?: Types.ObjectId | null;
  memberUserId?: Types.ObjectId | null;
  memberRole?: string | null;
  stage?: string | null;
}

export type EventLean = Omit<EventDoc, "memberRole"> & { memberRole?: string | null };

/**
 * Records the events of one successful mutation, in the order given, then publishes them.
 * Call only after the change itself has been written.
 *
 * A block of `drafts.length` seqs is allocated with one atomic $inc on the production, so a
 * mutation's events are consecutive and every event has a unique (productionId, seq).
 */
export async function recordEvents(
  productionId: Types.ObjectId,
  actorId: Types.ObjectId | null,
  drafts: readonly EventDraft[],
): Promise<EventLean[]> {
  if (drafts.length === 0) return [];
  // Ids chosen once, so a retry after an unacknowledged insert recognises its own earlier write.
  const attempt: Attempt = { ids: drafts.map(() => new mongoose.Types.ObjectId()), firstSeq: null };
  const deadline = Date.now() + RECORD_RETRY_MS;
  for (let delay = 50; ; delay = Math.min(delay * 2, 1000)) {
    try {
      return await allocateAndInsert(productionId, actorId, drafts, attempt);
    } catch (err) {
      // The change itself is committed: failing the mutation now would invite a retry that repeats
      // it, so transient faults (a store restart, a dropped connection) are retried for a while.
      // Only when that fails is the event given up: its seqs become a gap readers skip after the
      // settle window.
      if (Date.now() + delay > deadline) {
        runtime().logger.error("Recording events failed", {
          productionId: String(productionId),
          types: drafts.map((d) => d.type),
          error: err instanceof Error ? err.message : String(err),
        });
        return [];
      }
      await new Promise((resolve) => setTimeout(resolve, delay));
    }
  }
}

/** Long enough to ride out a store restart or a replica-set election. */
const RECORD_RETRY_MS = 15_000;

interface Attempt {
  ids: Types.ObjectId[];
  /** The allocated block, kept across retries so a re-sent insert reuses the same seqs. */
  firstSeq: number | null;
}

async function allocateAndInsert(
  productionId: Types.ObjectId,
  actorId: Types.ObjectId | null,
  drafts: readonly EventDraft[],
  attempt: Attempt,
): Promise<EventLean[]> {
  if (attempt.firstSeq === null) {
    // The driver on this hot path (every mutation): nothing to cast, and mongoose's query wrapping
    // costs as much CPU as the command itself.
    const allocated = await ProductionModel.collection.findOneAndUpdate(
      { _id: productionId },
      { $inc: { eventSeq: drafts.length } },
      { returnDocument: "after", projection: { eventSeq: 1 } },
    );
    if (!allocated) return []; // production vanished: nothing to attach events to
    attempt.firstSeq = (allocated.eventSeq as number) - drafts.length + 1;
  }
  const first = attempt.firstSeq;
  const at = new Date(); // after the allocation, see event-order.ts
  const docs = drafts.map((d, i) => ({
    _id: attempt.ids[i],
    productionId,
    seq: first + i,
    type: d.type,
    at,
    actorId,
    versionId: d.versionId ?? null,
    noteId: d.noteId ?? null,
    replyId: d.replyId ?? null,
    reviewId: d.reviewId ?? null,
    assetId: d.assetId ?? null,
    episodeId: d.episodeId ?? null,
    memberUserId: d.memberUserId ?? null,
    memberRole: d.memberRole ?? null,
    stage: d.stage ?? null,
  }));
  let records: EventLean[];
  try {
    // The driver (as insertMany with lean: true, which neither casts nor validates): the documents
    // are complete and typed; the model still owns the collection's indexes.
    await EventModel.collection.insertMany(docs, { ordered: true });
    records = docs as EventLean[];
  } catch (err) {
    // A duplicate key on a retry means an earlier, unacknowledged attempt landed (all or part of it):
    // insert what is missing and read the block back.
    if (!isDuplicateKey(err)) throw err;
    const landed = await EventModel.find({ _id: { $in: attempt.ids } }, { _id: 1 }).lean();
    const have = new Set(landed.map((d) => String(d._id)));
    const missing = docs.filter((d) => !have.has(String(d._id)));
    if (missing.length) await EventModel.collection.insertMany(missing, { ordered: true });
    records = (await EventModel.find({ _id: { $in: attempt.ids } })
      .sort({ seq: 1 })
      .lean()) as unknown as EventLean[];
  }
  publishEvents(String(productionId), records.map(toPublished));
  return records;
}

function isDuplicateKey(err: unknown): boolean {
  return typeof err === "object" && err !== null && (err as { code?: unknown }).code === 11000;
}

export function toPublished(e: EventLean): PublishedEvent {
  const s = (v: Types.ObjectId | null | undefined) => (v ? String(v) : null);
  return {
    id: String(e._id),
    productionId: String(e.productionId),
    seq: e.seq,
    cursor: encodeEventCursor(String(e.productionId), e.seq),
    type: e.type,
    at: e.at,
    actorId: s(e.actorId),
    versionId: s(e.versionId),
    noteId: s(e.noteId),
    replyId: s(e.replyId),
    reviewId: s(e.reviewId),
    assetId: s(e.assetId),
    episodeId: s(e.episodeId),
    memberUserId: s(e.memberUserId),
  };
}

export const EVENTS_DEFAULT_FIRST = 50;
export const EVENTS_MAX_FIRST = 500;

export function validateEventsFirst(first: number | null | undefined): number {
  const n = first ?? EVENTS_DEFAULT_FIRST;
  if (!Number.isInteger(n) || n < 1 || n > EVENTS_MAX_FIRST) {
    throw badInput(`first must be between 1 and ${EVENTS_MAX_FIRST}.`, { first: "out of range" });
  }
  return n;
}

/**
 * Events with seq > afterSeq, oldest first, stopping at a gap that may still fill
 * (event-order.ts). Reads a few more than `first` so a skipped gap does not shorten the page.
 */
export async function readEventsAfter(
  productionId: Types.ObjectId,
  afterSeq: number,
  first: number,
  filter: { versionId?: Types.ObjectId } = {},
): Promise<{ events: EventLean[]; blockedAt: { seq: number; retryAt: Date } | null }> {
  const query = filter.versionId
    ? { versionId: filter.versionId, productionId, seq: { $gt: afterSeq } }
    : { productionId, seq: { $gt: afterSeq } };
  const docs = (await EventModel.find(query).sort({ seq: 1 }).limit(first).lean()) as EventLean[];
  if (filter.versionId) {
    // A version's events are a subsequence of the production's: gaps are normal there, so the
    // gap rule is applied by the caller against the production stream, not here.
    return { events: docs, blockedAt: null };
  }
  const { ready, blockedAt } = releasableEvents(afterSeq, docs);
  return { events: ready, blockedAt };
}
