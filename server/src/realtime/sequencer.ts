import { EVENT_SETTLE_MS, releasableEvents, type SequencedEvent } from "../core/event-order.js";

export interface SequencerDeps<E extends SequencedEvent> {
  /** Called synchronously, once per event, in strictly increasing seq order. */
  deliver(event: E): void;
  /**
   * The hold-back timed out: re-read the log once for seqs in (afterSeq, beforeSeq). Whatever is
   * found is delivered; what is still missing is skipped as abandoned (event-order.ts).
   */
  confirmGap(afterSeq: number, beforeSeq: number): Promise<E[]>;
  now?: () => Date;
  settleMs?: number;
  /** Injectable for tests; one timer per production channel at most, never per subscriber. */
  setTimer?: (fn: () => void, ms: number) => NodeJS.Timeout;
  clearTimer?: (t: NodeJS.Timeout) => void;
  onError?: (err: unknown) => void;
}

/**
 * Live ordering for one production: change-stream notifications arrive in commit order, which is
 * not seq order when writers on different processes interleave (seq 8 can commit before seq 7).
 * Events are delivered in seq order; an out-of-order arrival is held back until the gap fills, or
 * until the gap is older than the settle window: then the log is re-read once to confirm and the
 * missing seq is skipped, by the same rule `Production.events` applies (`releasableEvents`).
 */
export class Sequencer<E extends SequencedEvent> {
  private held: E[] = [];
  private timer: NodeJS.Timeout | null = null;
  private timerAt = 0;
  private confirming = false;

  constructor(
    private last: number,
    private readonly deps: SequencerDeps<E>,
  ) {}

  /** Seq of the last delivered (or skipped) event: everything at or below it is settled. */
  get lastSeq(): number {
    return this.last;
  }

  get heldCount(): number {
    return this.held.length;
  }

  /** Moves the start position (before anything was pushed): the channel starts at the log's tail. */
  startAfter(seq: number): void {
    this.last = seq;
  }

  /** Accepts events in any order; duplicates and already-settled seqs are dropped. */
  push(events: readonly E[]): void {
    for (const e of events) this.hold(e);
    this.release();
  }

  dispose(): void {
    if (this.timer) (this.deps.clearTimer ?? clearTimeout)(this.timer);
    this.timer = null;
    this.held = [];
  }

  private hold(e: E): void {
    if (e.seq <= this.last) return;
    // Held lists are short (a handful of in-flight writers): insertion sort from the end.
    let i = this.held.length;
    while (i > 0 && (this.held[i - 1] as E).seq > e.seq) i--;
    if (i > 0 && (this.held[i - 1] as E).seq === e.seq) return;
    this.held.splice(i, 0, e);
  }

  private release(): void {
    if (this.held.length === 0) {
      this.cancelTimer();
      return;
    }
    const now = (this.deps.now ?? (() => new Date()))();
    const { ready, lastSeq, blockedAt } = releasableEvents(this.last, this.held, now, this.settleMs);
    this.last = lastSeq;
    if (ready.length > 0) this.held = this.held.filter((e) => e.seq > lastSeq);
    for (const e of ready) this.deps.deliver(e);
    if (!blockedAt) {
      this.cancelTimer();
      return;
    }
    this.armTimer(blockedAt.retryAt.getTime() - now.getTime());
  }

  private get settleMs(): number {
    return this.deps.settleMs ?? EVENT_SETTLE_MS;
  }

  private armTimer(delayMs: number): void {
    const at = Date.now() + Math.max(0, delayMs);
    if (this.timer && this.timerAt <= at) return;
    this.cancelTimer();
    this.timerAt = at;
    this.timer = (this.deps.setTimer ?? setTimeout)(() => this.onSettle(), Math.max(0, delayMs) + 1);
  }

  private cancelTimer(): void {
    if (!this.timer) return;
    (this.deps.clearTimer ?? clearTimeout)(this.timer);
    this.timer = null;
  }

  private onSettle(): void {
    this.timer = null;
    const first = this.held[0];
    if (!first || this.confirming) return;
    this.confirming = true;
    const from = this.last;
    this.deps
      .confirmGap(from, first.seq)
      .then((found) => {
        this.confirming = false;
        for (const e of found) this.hold(e);
        this.release();
      })
      .catch((err: unknown) => {
        this.confirming = false;
        this.deps.onError?.(err);
        // Could not confirm (store down): keep holding; the next arrival or reopen retries.
        this.armTimer(this.settleMs);
      });
  }
}
