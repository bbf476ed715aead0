import { Types } from "mongoose";
import { encodeEventCursor } from "./event.cursor.js";
import { EventModel } from "./event.model.js";
import { EVENT_SETTLE_MS, releasableEvents } from "../core/event-order.js";

/**
 * `lastEventCursor`: where a reader that has just loaded a page should resume the event stream
 * (`productionEvents` / `versionEvents` `after`), so nothing between the page and the subscription
 * is missed and nothing before it is repeated.
 *
 * It is the newest *released* seq by the rule of `event-order.ts`, never past a gap that may
 * still fill: a cursor past seq 7 while 7 is in flight would lose 7 for good.
 *
 * Why one `limit 1` query is usually enough: an event older than the settle window is released,
 * because every missing seq below it was allocated before it, i.e. before its `at`, so every gap
 * below it is at least that old (abandoned). Only when the newest events are younger than the
 * window do we read back until an old one (or the start of the log) and apply the rule forwards.
 *
 * With no released event yet the cursor names seq 0 ("from the beginning") rather than null, so a
 * first subscription is seamless too.
 */

const TAIL_PAGE = 20;

interface SeqAt {
  seq: number;
  at: Date;
}

/** The production's newest released seq (0 when none). */
export async function releasedTailSeq(productionId: string, now: Date = new Date()): Promise<number> {
  const pid = new Types.ObjectId(productionId);
  const settledBefore = now.getTime() - EVENT_SETTLE_MS;
  const newestFirst: SeqAt[] = [];
  let below = Number.POSITIVE_INFINITY;
  for (let want = 1; ; want = TAIL_PAGE) {
    const page = (await EventModel.find({ productionId: pid, seq: { $lt: below } }, { _id: 0, seq: 1, at: 1 })
      .sort({ seq: -1 })
      .limit(want)
      .lean()) as SeqAt[];
    const oldIndex = page.findIndex((e) => e.at.getTime() <= settledBefore);
    if (oldIndex >= 0) {
      // Released, and so is everything below it: apply the rule forwards from there.
      newestFirst.push(...page.slice(0, oldIndex + 1));
      const anchor = newestFirst[newestFirst.length - 1] as SeqAt;
      return releasableEvents(anchor.seq - 1, newestFirst.reverse(), now).lastSeq;
    }
    newestFirst.push(...page);
    if (page.length < want) return releasableEvents(0, newestFirst.reverse(), now).lastSeq; // whole log read
    below = page[page.length - 1]?.seq ?? 0;
  }
}

/** Cursor for `productionEvents(after:)`. */
export async function productionLastEventCursor(productionId: string): Promise<string> {
  return encodeEventCursor(productionId, await releasedTailSeq(productionId));
}

/**
 * Cursor for `versionEvents(after:)`: the newest released event concerning the version. One
 * query on (versionId, seq) when that event is settled; otherwise the production's released
 * tail bounds it.
 */
export async function versionLastEventCursor(productionId: string, versionId: string): Promise<string> {
  const vid = new Types.ObjectId(versionId);
  const newest = (await EventModel.findOne({ versionId: vid }, { _id: 0, seq: 1, at: 1 })
    .sort({ seq: -1 })
    .lean()) as SeqAt | null;
  if (!newest || newest.at.getTime() <= Date.now() - EVENT_SETTLE_MS) {
    return encodeEventCursor(productionId, newest?.seq ?? 0);
  }
  const released = await releasedTailSeq(productionId);
  const last = (await EventModel.findOne({ versionId: vid, seq: { $lte: released } }, { _id: 0, seq: 1 })
    .sort({ seq: -1 })
    .lean()) as { seq: number } | null;
  return encodeEventCursor(productionId, last?.seq ?? 0);
}
