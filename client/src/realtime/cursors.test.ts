import { describe, expect, it } from "vitest";
import { ConnectionStore } from "./connection";
import { CursorStore, eventsKnownTo } from "./cursors";

describe("CursorStore", () => {
  it("remembers the last cursor per stream", () => {
    const c = new CursorStore();
    expect(c.lastCursor("a")).toBeNull();
    c.markSeen("a", { cursor: "1" });
    c.markSeen("a", { cursor: "2" });
    c.markSeen("b", { cursor: "9" });
    expect(c.lastCursor("a")).toBe("2");
    expect(c.lastCursor("b")).toBe("9");
  });

  it("rejects an event seen before by cursor or by id and keeps the cursor", () => {
    const c = new CursorStore();
    expect(c.markSeen("a", { cursor: "1", id: "e1" })).toBe(true);
    expect(c.markSeen("a", { cursor: "2", id: "e2" })).toBe(true);
    // A replay after reconnect that overlaps what live delivery already applied.
    expect(c.markSeen("a", { cursor: "1", id: "e1" })).toBe(false);
    expect(c.markSeen("a", { cursor: "x", id: "e2" })).toBe(false);
    expect(c.lastCursor("a")).toBe("2");
  });

  it("seeds a starting cursor only when the stream has none", () => {
    const c = new CursorStore();
    c.seed("a", "5");
    expect(c.lastCursor("a")).toBe("5");
    c.seed("a", "3");
    expect(c.lastCursor("a")).toBe("5");
  });

  it("resumes exactly after the last applied event across a reconnect", () => {
    const c = new CursorStore();
    const applied: string[] = [];
    const deliver = (cursor: string) => {
      if (c.markSeen("s", { cursor })) applied.push(cursor);
    };
    ["1", "2", "3"].forEach(deliver);
    const after = c.lastCursor("s");
    // The server replays strictly after `after`; the old subscription may still flush "3" late.
    ["3", "4", "5"].forEach(deliver);
    expect(after).toBe("3");
    expect(applied).toEqual(["1", "2", "3", "4", "5"]);
  });
});

describe("ConnectionStore", () => {
  it("counts epochs and reports a failed first connection as offline", () => {
    const s = new ConnectionStore();
    s.connecting();
    expect(s.getSnapshot().status).toBe("connecting");
    s.closed();
    expect(s.getSnapshot().status).toBe("offline");
    s.connected();
    expect(s.getSnapshot()).toEqual({ status: "connected", epoch: 1, network: true });
    s.closed();
    expect(s.getSnapshot().status).toBe("offline");
    s.connecting();
    expect(s.getSnapshot().status).toBe("reconnecting");
    s.connected();
    expect(s.getSnapshot().epoch).toBe(2);
    // An idle close and a lazy reopen are not a lost connection: no "reconnecting" banner.
    s.idle();
    s.connecting();
    expect(s.getSnapshot().status).toBe("connecting");
  });
});

describe("eventsKnownTo", () => {
  const events = [{ cursor: "c1" }, { cursor: "c2" }, { cursor: "c3" }];
  it("keeps the history up to the page's cursor, so later events are replayed by the stream", () => {
    expect(eventsKnownTo(events, "c2").map((e) => e.cursor)).toEqual(["c1", "c2"]);
    expect(eventsKnownTo(events, "c3")).toHaveLength(3);
  });
  it("treats all history as known without a cursor or when the cursor is not in it", () => {
    expect(eventsKnownTo(events, null)).toHaveLength(3);
    expect(eventsKnownTo(events, "elsewhere")).toHaveLength(3);
  });
});
