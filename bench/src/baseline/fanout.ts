import { EventQueue } from "./event-queue.js";

/** What the fan-out needs of an event: where it belongs (events/event.model.ts EventDoc). */
export interface RoutedEvent {
  readonly productionId: { toString(): string };
  readonly versionId?: { toString(): string } | null;
}

interface Subscriber<E> {
  versionId: string | null;
  queue: EventQueue<E>;
}

/**
 * The baseline's per-subscriber fan-out: every event of a production is queued for each of its
 * subscribers (versionEvents ones: only their version's), and graphql-js then executes it once
 * per subscriber. Nothing is shared between subscribers: that is the baseline.
 */
export class EventFanout<E extends RoutedEvent> {
  private readonly byProduction = new Map<string, Set<Subscriber<E>>>();

  constructor(private readonly maxQueued: number) {}

  subscribe(productionId: string, versionId: string | null, onOverflow: () => void): EventQueue<E> {
    const queue = new EventQueue<E>(this.maxQueued, onOverflow);
    const sub: Subscriber<E> = { versionId, queue };
    let set = this.byProduction.get(productionId);
    if (!set) {
      set = new Set();
      this.byProduction.set(productionId, set);
    }
    const subs = set;
    subs.add(sub);
    queue.onEnd = () => {
      subs.delete(sub);
      if (subs.size === 0 && this.byProduction.get(productionId) === subs)
        this.byProduction.delete(productionId);
    };
    return queue;
  }

  publish(e: E): void {
    const subs = this.byProduction.get(String(e.productionId));
    if (!subs) return;
    const versionId = e.versionId ? String(e.versionId) : null;
    for (const s of subs) if (s.versionId === null || s.versionId === versionId) s.queue.push(e);
  }

  endAll(): void {
    for (const subs of this.byProduction.values()) for (const s of subs) s.queue.end();
  }
}
