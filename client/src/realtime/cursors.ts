/**
 * The one place that remembers, per event stream, the last event cursor seen and which events were
 * already applied. Subscribers resubscribe with `after: lastCursor(stream)` on reconnect, and skip
 * anything `markSeen` has seen, so a replay overlapping live delivery never applies an event twice.
 */
const MAX_REMEMBERED = 2000;

interface StreamState {
  last: string | null;
  /** Insertion-ordered so the oldest ids can be forgotten once the set is large. */
  seen: Set<string>;
}

export class CursorStore {
  private readonly streams = new Map<string, StreamState>();

  private stream(key: string): StreamState {
    let s = this.streams.get(key);
    if (!s) {
      s = { last: null, seen: new Set() };
      this.streams.set(key, s);
    }
    return s;
  }

  lastCursor(key: string): string | null {
    return this.streams.get(key)?.last ?? null;
  }

  /**
   * Records an event; returns false when it was already applied (same cursor or id), so the caller
   * must not write it into the cache again.
   */
  markSeen(key: string, event: { cursor: string; id?: string | null }): boolean {
    const s = this.stream(key);
    const ids = [event.cursor, event.id].filter((x): x is string => typeof x === "string" && x.length > 0);
    if (ids.some((id) => s.seen.has(id))) return false;
    for (const id of ids) s.seen.add(id);
    s.last = event.cursor;
    while (s.seen.size > MAX_REMEMBERED) {
      const oldest = s.seen.values().next().value;
      if (oldest === undefined) break;
      s.seen.delete(oldest);
    }
    return true;
  }

  /** Sets the starting point when a screen loads a stream's history first (events query). */
  seed(key: string, cursor: string | null): void {
    const s = this.stream(key);
    if (cursor && !s.last) s.last = cursor;
  }

  forget(key: string): void {
    this.streams.delete(key);
  }
}

export const cursors = new CursorStore();

export const streamKey = {
  production: (id: string) => `production:${id}`,
  version: (id: string) => `version:${id}`,
} as const;

/**
 * The loaded history a screen's page data already reflects: events up to and including `since` (the
 * page query's `lastEventCursor`). Later ones must stay unseen so the stream, started from `since`,
 * replays them into the cache. Without `since`, or when it isn't in the history, all of it.
 */
export function eventsKnownTo<E extends { cursor: string }>(
  events: readonly E[],
  since: string | null,
): readonly E[] {
  const upTo = since ? events.findIndex((e) => e.cursor === since) : -1;
  return upTo >= 0 ? events.slice(0, upTo + 1) : events;
}
