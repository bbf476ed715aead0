/**
 * A bound on concurrent operations: at most `permits` at once, waiters queued in arrival order,
 * one queue entry per waiting operation.
 */
export class Limiter {
  private active = 0;
  private readonly queue: Array<() => void> = [];

  constructor(private readonly permits: number) {}

  /** Waits for a permit; the returned function gives it back (a second call does nothing). */
  async acquire(): Promise<() => void> {
    if (this.active >= this.permits) await new Promise<void>((resolve) => this.queue.push(resolve));
    else this.active++;
    let released = false;
    return () => {
      if (released) return;
      released = true;
      const next = this.queue.shift();
      if (next) next();
      else this.active--;
    };
  }

  async run<T>(fn: () => Promise<T>): Promise<T> {
    const release = await this.acquire();
    try {
      return await fn();
    } finally {
      release();
    }
  }

  get pending(): number {
    return this.queue.length;
  }
}
