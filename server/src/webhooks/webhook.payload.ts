import { encodeEventCursor } from "../events/event.cursor.js";
import { ALL_PAYLOAD_FIELDS } from "../events/event.model.js";
import type { EventLean } from "../events/event.service.js";

/**
 * The JSON body of one delivery: the event as the log has it, ids as strings, its payload under
 * `data` (the type's own fields, as in docs/webhooks.md), and the cursor a tool passes to
 * `productionEvents(after:)` to read on from this event. `id` is the idempotency key.
 */
export function deliveryBody(e: EventLean): string {
  const data: Record<string, unknown> = {};
  const fields = e as unknown as Record<string, unknown>;
  for (const f of ALL_PAYLOAD_FIELDS) {
    const v = fields[f];
    if (v != null) data[f] = typeof v === "object" ? String(v) : v;
  }
  const productionId = String(e.productionId);
  return JSON.stringify({
    id: String(e._id),
    type: e.type,
    productionId,
    seq: e.seq,
    cursor: encodeEventCursor(productionId, e.seq),
    at: e.at.toISOString(),
    actorId: e.actorId ? String(e.actorId) : null,
    data,
  });
}
