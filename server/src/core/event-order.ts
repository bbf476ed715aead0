/**
 * The one ordering rule for production events, shared by `Production.events` and the realtime
 * layer (subscriptions replaying and following the log).
 *
 * Why gaps happen: a writer allocates a block of sequence numbers atomically
 * (`productions.eventSeq += n`) and inserts its events afterwards. Two writers on different server
 * processes can therefore insert out of order: seq 8 may be visible before seq 7. A reader that
 * released 8 and moved its cursor past 7 would never deliver 7. So readers stop at the first
 * missing seq and wait for it, unless the gap has been open longer than the settle window: then
 * the writer that allocated it crashed (or its insert failed) and the seq is abandoned for good.
 *
 * A gap's age is bounded by the `at` of the first event after it: `at` is taken after that event's
 * allocation, which itself follows the missing seq's allocation.
 */

/** How long a missing seq may stay missing before readers treat it as abandoned. */
export const EVENT_SETTLE_MS = 2_000;

export interface SequencedEvent {
  seq: number;
  at: Date;
}

export interface ReleaseResult<E extends SequencedEvent> {
  /** Events safe to deliver, strictly increasing seq, starting after `afterSeq`. */
  ready: E[];
  /** Seq of the last released event (or `afterSeq` when none): the reader's next cursor. */
  lastSeq: number;
  /**
   * When the reader stopped at a gap that may still fill: the missing seq and the time after which
   * it will be skipped (re-read then, or sooner when new events arrive). Null when not blocked.
   */
  blockedAt: { seq: number; retryAt: Date } | null;
}

/**
 * Given events with seq > afterSeq sorted by seq (duplicates and lower seqs tolerated and dropped),
 * returns the prefix that may be delivered now.
 */
export function releasableEvents<E extends SequencedEvent>(
  afterSeq: number,
  sortedCandidates: readonly E[],
  now: Date = new Date(),
  settleMs: number = EVENT_SETTLE_MS,
): ReleaseResult<E> {
  const ready: E[] = [];
  let last = afterSeq;
  for (const event of sortedCandidates) {
    if (event.seq <= last) continue; // duplicate or already delivered
    if (event.seq !== last + 1) {
      const gapOpenSince = event.at.getTime();
      if (now.getTime() - gapOpenSince < settleMs) {
        return {
          ready,
          lastSeq: last,
          blockedAt: { seq: last + 1, retryAt: new Date(gapOpenSince + settleMs) },
        };
      }
      // Older than the settle window: the missing seqs were abandoned; skip them.
    }
    ready.push(event);
    last = event.seq;
  }
  return { ready, lastSeq: last, blockedAt: null };
}

/** Sorts by seq and removes duplicate seqs (e.g. when merging a replay with live deliveries). */
export function sortBySeq<E extends SequencedEvent>(events: Iterable<E>): E[] {
  const bySeq = new Map<number, E>();
  for (const e of events) if (!bySeq.has(e.seq)) bySeq.set(e.seq, e);
  return [...bySeq.values()].sort((a, b) => a.seq - b.seq);
}
