import type { EventType } from "./event.enums.js";

/**
 * The in-process publish hook between the domain and the realtime layer. Services record events
 * (event.service.ts `recordEvents`) and then, after the insert succeeded, call `publishEvents`.
 * The realtime helper installs its bus with `setEventBus` at startup; until then publishing is a
 * no-op. Payloads carry ids only: subscribers re-read and re-authorise on delivery.
 */
export interface PublishedEvent {
  /** Event document id (ProductionEvent.id). */
  id: string;
  productionId: string;
  seq: number;
  /** Opaque API cursor for this event (ProductionEvent.cursor). */
  cursor: string;
  type: EventType;
  at: Date;
  actorId: string | null;
  versionId: string | null;
  noteId: string | null;
  replyId: string | null;
  reviewId: string | null;
  assetId: string | null;
  episodeId: string | null;
  memberUserId: string | null;
}

export interface EventBus {
  /**
   * Called once per mutation with its events in seq order (consecutive seqs). Must not throw or
   * block: the mutation has already committed.
   */
  publish(productionId: string, events: readonly PublishedEvent[]): void;
}

const noopBus: EventBus = { publish: () => {} };
let bus: EventBus = noopBus;

export function setEventBus(next: EventBus | null): void {
  bus = next ?? noopBus;
}

export function publishEvents(productionId: string, events: readonly PublishedEvent[]): void {
  if (events.length === 0) return;
  try {
    bus.publish(productionId, events);
  } catch {
    // A failing subscriber must not turn a committed mutation into an error; readers catch up
    // from the event log (Production.events / subscription replay).
  }
}
