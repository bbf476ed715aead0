/**
 * Concurrent calls for the same key share one call while it is in flight; nothing is kept after
 * it settles (no cache, so no staleness beyond the call's own duration).
 *
 * Why: a reconnect storm of 10,000 sockets from a few users asks the same membership question
 * thousands of times at once. Each ask queued behind the realtime permit (one store command at a
 * time) holds its query objects and its subscribe message for seconds, long enough for V8 to
 * promote all of it to the old generation, where it stays in RSS after the burst.
 */
export class SingleFlight<T> {
  private readonly inFlight = new Map<string, Promise<T>>();

  run(key: string, call: () => Promise<T>): Promise<T> {
    const pending = this.inFlight.get(key);
    if (pending) return pending;
    const started = call().finally(() => this.inFlight.delete(key));
    this.inFlight.set(key, started);
    return started;
  }

  get size(): number {
    return this.inFlight.size;
  }
}
