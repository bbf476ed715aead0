import { type Types } from "mongoose";
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
  try {
    return await allocateAndInsert(productionId, actorId, drafts);
  } catch (err) {
    // The change itself is committed: failing the mutation now would invite a retry that repeats
    // it. A seq allocated but never inserted is skipped by readers after the settle window.
    runtime().logger.error("Recording events failed", {
      productionId: String(productionId),
      types: drafts.map((d) => d.type),
      error: err instanceof Error ? err.message : String(err),
    });
    return [];
  }
}

async function allocateAndInsert(
  productionId: Types.ObjectId,
  actorId: Types.ObjectId | null,
  drafts: readonly EventDraft[],
): Promise<EventLean[]> {
  const allocated = await ProductionModel.findOneAndUpdate(
    { _id: productionId },
    { $inc: { eventSeq: drafts.length } },
    { returnDocument: "after", projection: { eventSeq: 1 } },
  ).lean();
  if (!allocated) return []; // production vanished: nothing to attach events to
  const at = new Date(); // after the allocation, see event-order.ts
  const first = allocated.eventSeq - drafts.length + 1;
  const docs = drafts.map((d, i) => ({
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
  const inserted = await EventModel.insertMany(docs, { ordered: true, lean: true });
  const records = inserted.map((d) => d as unknown as EventLean);
  publishEvents(String(productionId), records.map(toPublished));
  return records;
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
