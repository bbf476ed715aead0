import { describe, expect, it } from "vitest";
import { releasableEvents, sortBySeq } from "./event-order.js";

const now = new Date("2026-11-21T10:00:10Z");
const ev = (seq: number, agoMs: number) => ({ seq, at: new Date(now.getTime() - agoMs) });

describe("releasableEvents", () => {
  it("releases consecutive events", () => {
    const r = releasableEvents(0, [ev(1, 0), ev(2, 0), ev(3, 0)], now);
    expect(r.ready.map((e) => e.seq)).toEqual([1, 2, 3]);
    expect(r.lastSeq).toBe(3);
    expect(r.blockedAt).toBeNull();
  });

  it("stops at a fresh gap: seq 8 committed before 7 is held back", () => {
    const r = releasableEvents(6, [ev(8, 100), ev(9, 50)], now);
    expect(r.ready).toEqual([]);
    expect(r.lastSeq).toBe(6);
    expect(r.blockedAt?.seq).toBe(7);
    expect(r.blockedAt?.retryAt.getTime()).toBe(now.getTime() - 100 + 2000);
  });

  it("releases up to the gap", () => {
    const r = releasableEvents(0, [ev(1, 0), ev(2, 0), ev(4, 10)], now);
    expect(r.ready.map((e) => e.seq)).toEqual([1, 2]);
    expect(r.blockedAt?.seq).toBe(3);
  });

  it("skips a gap older than the settle window (an abandoned seq)", () => {
    const r = releasableEvents(0, [ev(1, 5000), ev(3, 2500), ev(4, 10)], now);
    expect(r.ready.map((e) => e.seq)).toEqual([1, 3, 4]);
    expect(r.blockedAt).toBeNull();
  });

  it("drops duplicates and already delivered seqs", () => {
    const r = releasableEvents(2, [ev(1, 0), ev(2, 0), ev(3, 0), ev(3, 0), ev(4, 0)], now);
    expect(r.ready.map((e) => e.seq)).toEqual([3, 4]);
  });

  it("sortBySeq orders and dedupes", () => {
    expect(sortBySeq([ev(3, 0), ev(1, 0), ev(3, 0), ev(2, 0)]).map((e) => e.seq)).toEqual([1, 2, 3]);
  });
});
