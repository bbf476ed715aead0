import { Types } from "mongoose";
import type { Context } from "../core/context.js";
import { badInput } from "../errors/app-errors.js";
import { ProductionModel } from "../productions/production.model.js";
import { tryDecodeEventCursor } from "./event.cursor.js";
import { readEventsAfter, validateEventsFirst } from "./event.service.js";
import { type ProductionEvent, toProductionEvent } from "./event.type.js";

/** What the event queries need of a Production (events come before productions in the layers). */
interface ProductionRef {
  id: string;
  eventSeq: number;
}

/**
 * The seq of an `after` cursor of this production. Unknown (malformed, another production's, or a
 * seq never allocated) is BAD_USER_INPUT. The production's counter is re-read only when the
 * cursor is ahead of the copy we hold (it may have been loaded before this request's own writes).
 */
export async function resolveAfterSeq(
  production: ProductionRef,
  after: string | null | undefined,
): Promise<number> {
  if (after == null) return 0;
  const seq = tryDecodeEventCursor(after, production.id);
  let allocated = production.eventSeq;
  if (seq !== null && seq > allocated) {
    const fresh = await ProductionModel.findById(production.id, { eventSeq: 1 }).lean();
    allocated = fresh?.eventSeq ?? 0;
  }
  if (seq === null || seq > allocated)
    throw badInput(`Unknown event cursor "${after}".`, { after: "unknown cursor" });
  return seq;
}

/**
 * Production.events(after, first): oldest first, strictly after `after`, never past a gap that
 * may still fill (event-order.ts). The parent Production was already authorised.
 */
export async function listProductionEvents(
  _ctx: Context,
  production: ProductionRef,
  after: string | null | undefined,
  first: number | null | undefined,
): Promise<ProductionEvent[]> {
  const limit = validateEventsFirst(first);
  const afterSeq = await resolveAfterSeq(production, after);
  const { events } = await readEventsAfter(new Types.ObjectId(production.id), afterSeq, limit);
  return events.map(toProductionEvent);
}
