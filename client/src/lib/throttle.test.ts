import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { throttle } from "./throttle";

describe("throttle", () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it("sends at most 10 updates per second and always the latest", () => {
    const sent: number[] = [];
    const t = throttle((n: number) => sent.push(n), 100);
    for (let i = 0; i < 100; i++) {
      t.call(i);
      vi.advanceTimersByTime(10); // 100 calls over one second
    }
    vi.advanceTimersByTime(200);
    expect(sent.length).toBeLessThanOrEqual(11);
    expect(sent[0]).toBe(0);
    expect(sent.at(-1)).toBe(99);
  });
});
