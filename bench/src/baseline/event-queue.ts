/**
 * One subscriber's events between the feed and graphql-js, bounded: a client that stops reading
 * while events keep coming overflows it and is closed as a slow consumer (as Greenlight closes a
 * socket whose send buffer passed its limit), so memory stays bounded.
 */
export class EventQueue<T> implements AsyncIterableIterator<T> {
  ended = false;
  private queue: T[] = [];
  private wake: ((r: IteratorResult<T>) => void) | null = null;
  /** Called once when the subscription ends (client `complete`, socket close, overflow). */
  onEnd: (() => void) | null = null;

  constructor(
    private readonly maxQueued: number,
    private readonly onOverflow: () => void,
  ) {}

  push(value: T): void {
    if (this.ended) return;
    if (this.wake) {
      const wake = this.wake;
      this.wake = null;
      wake({ done: false, value });
      return;
    }
    this.queue.push(value);
    if (this.queue.length > this.maxQueued) {
      this.onOverflow();
      this.end();
    }
  }

  end(): void {
    if (this.ended) return;
    this.ended = true;
    this.queue = [];
    this.onEnd?.();
    this.onEnd = null;
    this.wake?.({ done: true, value: undefined });
    this.wake = null;
  }

  next(): Promise<IteratorResult<T>> {
    if (this.queue.length > 0) return Promise.resolve({ done: false, value: this.queue.shift() as T });
    if (this.ended) return Promise.resolve({ done: true, value: undefined });
    return new Promise((resolve) => {
      this.wake = resolve;
    });
  }

  return(): Promise<IteratorResult<T>> {
    this.end();
    return Promise.resolve({ done: true, value: undefined });
  }

  [Symbol.asyncIterator](): this {
    return this;
  }
}
