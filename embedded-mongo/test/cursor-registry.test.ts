import { describe, expect, it } from "vitest";
import type { ServerCursor } from "../src/cursors/cursor.js";
import { CursorRegistry } from "../src/cursors/registry.js";

function fake(id: bigint, closed: bigint[]): ServerCursor {
  return {
    id,
    ns: "d.c",
    lastUsed: 0,
    getMore: () => Promise.resolve({ docs: [], exhausted: true }),
    close: () => closed.push(id),
  };
}

describe("CursorRegistry", () => {
  it("hands out distinct non-zero ids", () => {
    const r = new CursorRegistry();
    const ids = new Set(Array.from({ length: 100 }, () => r.newId()));
    expect(ids.size).toBe(100);
    expect(ids.has(0n)).toBe(false);
    r.closeAll();
  });

  it("reaps idle cursors and keeps used ones", () => {
    const closed: bigint[] = [];
    const r = new CursorRegistry(1000);
    r.register(fake(1n, closed), { connectionId: 1 });
    r.register(fake(2n, closed), { connectionId: 1 });
    const now = Date.now();
    r.get(2n);
    r.reapIdle(now + 900);
    expect(closed).toEqual([]);
    (r.get(2n) as ServerCursor).lastUsed = now + 800;
    r.reapIdle(now + 1500);
    expect(closed).toEqual([1n]);
    expect(r.get(1n)).toBeUndefined();
    r.closeAll();
    expect(closed).toEqual([1n, 2n]);
  });

  it("cleans up by session and by connection", () => {
    const closed: bigint[] = [];
    const r = new CursorRegistry();
    r.register(fake(1n, closed), { connectionId: 1, session: "s1" });
    r.register(fake(2n, closed), { connectionId: 1 });
    r.register(fake(3n, closed), { connectionId: 2 });
    r.connectionClosed(1);
    expect(closed).toEqual([2n]);
    r.killSession("s1");
    expect(closed).toEqual([2n, 1n]);
    expect(r.size).toBe(1);
    r.closeAll();
  });
});
