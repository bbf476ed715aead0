import mongoose, { type Types } from "mongoose";
import { runtime } from "../core/runtime.js";
import { badInput } from "../errors/app-errors.js";
import { ProductionModel } from "../productions/production.model.js";
import { encodeEventCursor } from "./event.cursor.js";
import type { EventType } from "./event.enums.js";
import { publishEvents, type PublishedEvent } from "./event.events.js";
import { EventModel, type EventDoc } from "./event.model.js";
import { EVENT_SETTLE_MS, releasableEvents } from "../core/event-order.js";

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
  const attempt: Attempt = {
    ids: drafts.map(() => new mongoose.Types.ObjectId()),
    seqs: drafts.map(() => 0),
    allocatedAt: 0,
    tried: false,
  };
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
  /** Each event's seq, kept across retries so a re-sent insert fills the same place in the order. */
  seqs: number[];
  allocatedAt: number;
  tried: boolean;
}

async function allocateAndInsert(
  productionId: Types.ObjectId,
  actorId: Types.ObjectId | null,
  drafts: readonly EventDraft[],
  attempt: Attempt,
): Promise<EventLean[]> {
  let pending = drafts.map((_, i) => i);
  const retry = attempt.tried;
  if (retry) {
    // An earlier attempt may have landed, whole or in part, without its acknowledgement.
    const landed = await EventModel.collection
      .find({ _id: { $in: attempt.ids } }, { projection: { _id: 1 } })
      .toArray();
    const have = new Set(landed.map((d) => String(d._id)));
    pending = pending.filter((i) => !have.has(String(attempt.ids[i])));
    // Readers give up on a missing seq after the settle window; filling it later would put the
    // event where live subscribers have already passed. Late events take fresh seqs instead.
    if (Date.now() - attempt.allocatedAt > EVENT_SETTLE_MS / 2) {
      for (const i of pending) attempt.seqs[i] = 0;
    }
  }
  attempt.tried = true;
  const unallocated = pending.filter((i) => !attempt.seqs[i]);
  if (unallocated.length) {
    // The driver on this hot path (every mutation): nothing to cast, and mongoose's query wrapping
    // costs as much CPU as the command itself.
    const allocated = await ProductionModel.collection.findOneAndUpdate(
      { _id: productionId },
      { $inc: { eventSeq: unallocated.length } },
      { returnDocument: "after", projection: { eventSeq: 1 } },
    );
    if (!allocated) return []; // production vanished: nothing to attach events to
    const first = (allocated.eventSeq as number) - unallocated.length + 1;
    unallocated.forEach((i, k) => {
      attempt.seqs[i] = first + k;
    });
    attempt.allocatedAt = Date.now();
  }
  const at = new Date(); // after the allocation, see event-order.ts
  const docs = pending.map((i) => {
    const d = drafts[i] as EventDraft;
    return {
      _id: attempt.ids[i],
      productionId,
      seq: attempt.seqs[i] as number,
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
    };
  });
  // The driver (as insertMany with lean: true, which neither casts nor validates): the documents
  // are complete and typed; the model still owns the collection's indexes. A failure (also a
  // duplicate key from a landed earlier attempt) goes back to the retry loop, which looks again.
  if (docs.length) await EventModel.collection.insertMany(docs, { ordered: true });
  const records = retry
    ? ((await EventModel.find({ _id: { $in: attempt.ids } })
        .sort({ seq: 1 })
        .lean()) as unknown as EventLean[])
    : (docs as EventLean[]);
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
