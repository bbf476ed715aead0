/**
 * A sorted list split into chunks (a flat B-tree with one inner level): O(log n) search and
 * O(sqrt-ish) inserts without moving the whole array, which matters for random-key indexes.
 */
const MAX_CHUNK = 1024;

export class SortedList<E> {
  private chunks: E[][] = [];
  private count = 0;

  constructor(private readonly cmp: (a: E, b: E) => number) {}

  get size(): number {
    return this.count;
  }

  /** Index of the first chunk whose last element satisfies `atOrAfter` (monotone). */
  private chunkFor(atOrAfter: (e: E) => boolean): number {
    let lo = 0;
    let hi = this.chunks.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      const c = this.chunks[mid] as E[];
      if (atOrAfter(c[c.length - 1] as E)) hi = mid;
      else lo = mid + 1;
    }
    return lo;
  }

  private static firstIn<E>(c: E[], atOrAfter: (e: E) => boolean): number {
    let lo = 0;
    let hi = c.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (atOrAfter(c[mid] as E)) hi = mid;
      else lo = mid + 1;
    }
    return lo;
  }

  insert(e: E): void {
    this.count++;
    if (this.chunks.length === 0) {
      this.chunks.push([e]);
      return;
    }
    let ci = this.chunkFor((x) => this.cmp(x, e) >= 0);
    if (ci === this.chunks.length) ci--;
    const c = this.chunks[ci] as E[];
    c.splice(
      SortedList.firstIn(c, (x) => this.cmp(x, e) >= 0),
      0,
      e,
    );
    if (c.length > MAX_CHUNK) this.chunks.splice(ci, 1, c.slice(0, c.length >> 1), c.slice(c.length >> 1));
  }

  /** Remove the element comparing equal to `e`; returns whether one was found. */
  remove(e: E): boolean {
    const ci = this.chunkFor((x) => this.cmp(x, e) >= 0);
    const c = this.chunks[ci];
    if (!c) return false;
    const i = SortedList.firstIn(c, (x) => this.cmp(x, e) >= 0);
    if (i >= c.length || this.cmp(c[i] as E, e) !== 0) return false;
    c.splice(i, 1);
    if (c.length === 0) this.chunks.splice(ci, 1);
    this.count--;
    return true;
  }

  /** Iterate in order from the first element satisfying the monotone predicate `atOrAfter`. */
  *from(atOrAfter: (e: E) => boolean): Generator<E> {
    let ci = this.chunkFor(atOrAfter);
    const first = this.chunks[ci];
    if (!first) return;
    let i = SortedList.firstIn(first, atOrAfter);
    for (; ci < this.chunks.length; ci++, i = 0) {
      const c = this.chunks[ci] as E[];
      for (; i < c.length; i++) yield c[i] as E;
    }
  }

  *all(reverse = false): Generator<E> {
    if (!reverse) {
      for (const c of this.chunks) yield* c;
      return;
    }
    for (let ci = this.chunks.length - 1; ci >= 0; ci--) {
      const c = this.chunks[ci] as E[];
      for (let i = c.length - 1; i >= 0; i--) yield c[i] as E;
    }
  }

  clear(): void {
    this.chunks = [];
    this.count = 0;
  }
}
