import mongoose, { type Types } from "mongoose";
import { badInput } from "../errors/app-errors.js";
import { ProductionModel } from "../productions/production.model.js";
import type { CommandTx } from "./command.js";
import { type EventDraft, type EventDoc, EventModel, payloadProblem } from "./event.model.js";
import { releasableEvents } from "../core/event-order.js";

export type { EventDraft } from "./event.model.js";

/** A stored event as read with `.lean()`: the typed union of event.model.ts. */
export type EventLean = EventDoc;

/**
 * Records a command's events, in the order given, inside its transaction (`tx` from
 * `runCommand`): one atomic $inc on `productions.eventSeq` allocates a block of consecutive seqs,
 * then the events are inserted. Both commit with the command's own writes or not at all, and two
 * commands on one production conflict on the counter, so one waits for the other's commit: seq
 * order is commit order.
 */
export async function recordEvents(
  tx: CommandTx,
  productionId: Types.ObjectId,
  actorId: Types.ObjectId | null,
  drafts: readonly EventDraft[],
): Promise<EventLean[]> {
  if (drafts.length === 0) return [];
  for (const d of drafts) {
    // A command recording a payload its type does not carry is a bug: fail its transaction.
    const problem = payloadProblem(d as EventDraft & Record<string, unknown>);
    if (problem) throw new Error(`recordEvents: ${problem}`);
  }
  // The driver on this hot path (every mutation): nothing to cast, and mongoose's query wrapping
  // costs as much CPU as the command itself.
  const allocated = await ProductionModel.collection.findOneAndUpdate(
    { _id: productionId },
    { $inc: { eventSeq: drafts.length } },
    { returnDocument: "after", projection: { eventSeq: 1 }, session: tx.session },
  );
  if (!allocated) throw new Error(`recordEvents: production ${String(productionId)} does not exist`);
  const first = (allocated.eventSeq as number) - drafts.length + 1;
  const at = new Date();
  // Only the type's own payload fields are stored (validated above): smaller documents to write,
  // stream and decode.
  const docs = drafts.map(
    (d, i) =>
      ({ _id: new mongoose.Types.ObjectId(), productionId, seq: first + i, at, actorId, ...d }) as EventDoc,
  );
  // The driver (as insertMany with lean: true, which neither casts nor validates): the documents
  // are complete and typed; the model still owns the collection's indexes.
  await EventModel.collection.insertMany(docs, { ordered: true, session: tx.session });
  return docs;
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
