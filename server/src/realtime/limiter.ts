/**
 * A process-wide bound on realtime's concurrent database work (log reads, role reads, group
 * executions): with the change stream's own connection, realtime never holds more than
 * `permits + 1` pool connections however many subscribers and channels there are. Waiters queue
 * in order; one entry per waiting operation, never per subscriber.
 */
export class Limiter {
  private active = 0;
  private readonly queue: Array<() => void> = [];

  constructor(private readonly permits: number) {}

  async run<T>(fn: () => Promise<T>): Promise<T> {
    if (this.active >= this.permits) await new Promise<void>((resolve) => this.queue.push(resolve));
    else this.active++;
    try {
      return await fn();
    } finally {
      const next = this.queue.shift();
      if (next) next();
      else this.active--;
    }
  }

  get pending(): number {
    return this.queue.length;
  }
}

/** Realtime's share of the pool besides the change stream. */
export const realtimeDb = new Limiter(1);
