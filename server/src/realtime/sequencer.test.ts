import { describe, expect, it } from "vitest";
import { Sequencer } from "./sequencer.js";

interface E {
  seq: number;
  at: Date;
}

function harness(settleMs = 1_000, missing: E[] = []) {
  let now = 10_000;
  const delivered: number[] = [];
  const timers: Array<{ fn: () => void; at: number }> = [];
  const confirms: Array<[number, number]> = [];
  const seq = new Sequencer<E>(0, {
    deliver: (e) => delivered.push(e.seq),
    confirmGap: async (after, before) => {
      confirms.push([after, before]);
      return missing.filter((m) => m.seq > after && m.seq < before);
    },
    now: () => new Date(now),
    settleMs,
    setTimer: (fn, ms) => {
      timers.push({ fn, at: now + ms });
      return timers.length as unknown as NodeJS.Timeout;
    },
    clearTimer: (t) => {
      const i = (t as unknown as number) - 1;
      if (timers[i]) timers[i] = { fn: () => {}, at: Number.POSITIVE_INFINITY };
    },
  });
  const ev = (n: number, at = now): E => ({ seq: n, at: new Date(at) });
  const advance = async (ms: number) => {
    now += ms;
    for (const t of timers.splice(0))
      if (t.at <= now) t.fn();
      else timers.push(t);
    await new Promise((r) => setImmediate(r));
  };
  return { seq, delivered, confirms, ev, advance };
}

describe("Sequencer", () => {
  it("delivers in seq order and holds back an out-of-order arrival until the gap fills", () => {
    const h = harness();
    h.seq.push([h.ev(1), h.ev(3), h.ev(4)]);
    expect(h.delivered).toEqual([1]);
    expect(h.seq.heldCount).toBe(2);
    h.seq.push([h.ev(2)]);
    expect(h.delivered).toEqual([1, 2, 3, 4]);
    expect(h.seq.heldCount).toBe(0);
  });

  it("drops duplicates and already-delivered seqs (change stream resume, sweeps)", () => {
    const h = harness();
    h.seq.push([h.ev(1), h.ev(2)]);
    h.seq.push([h.ev(2), h.ev(1), h.ev(3), h.ev(3)]);
    expect(h.delivered).toEqual([1, 2, 3]);
  });

  it("after the settle window re-reads the log once, delivers what it finds, skips what is abandoned", async () => {
    const h = harness(1_000, [{ seq: 3, at: new Date(10_000) }]);
    h.seq.push([h.ev(1), h.ev(4), h.ev(5)]);
    // seq 2 and 3 missing; 3 exists in the log (its notification was lost), 2 was abandoned.
    expect(h.delivered).toEqual([1]);
    await h.advance(500);
    expect(h.delivered).toEqual([1]);
    await h.advance(600);
    expect(h.confirms).toEqual([[1, 4]]);
    expect(h.delivered).toEqual([1, 3, 4, 5]);
    expect(h.seq.lastSeq).toBe(5);
  });

  it("starts after a given seq and ignores everything at or below it", () => {
    const h = harness();
    h.seq.startAfter(10);
    h.seq.push([h.ev(9), h.ev(10), h.ev(12), h.ev(11)]);
    expect(h.delivered).toEqual([11, 12]);
  });

  it("skips an old gap at once (its successor is older than the settle window)", () => {
    const h = harness(1_000);
    h.seq.push([h.ev(1, 0), h.ev(3, 0)]);
    expect(h.delivered).toEqual([1, 3]);
  });
});
