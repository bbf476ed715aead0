import { describe, expect, it } from "vitest";
import { newClientKey, Outbox, type QueuedNote } from "./outbox";

const entry = (key: string, userId = "u1"): QueuedNote => ({
  key,
  userId,
  versionId: "v1",
  input: { body: `note ${key}`, time: { startFrame: 1, endFrame: 1 } },
  anchor: {
    __typename: "TimeAnchor",
    startFrame: 1,
    endFrame: 1,
    startTimecode: "01:00:00:01",
    endTimecode: "01:00:00:01",
    stem: null,
  },
  queuedAt: "2026-12-07T12:00:00Z",
});

describe("Outbox", () => {
  it("keeps entries in order, once per key, and only the user's own are sendable", () => {
    const o = new Outbox([]);
    o.add(entry("a"));
    o.add(entry("b"));
    o.add(entry("a"));
    o.add(entry("c", "someone-else"));
    expect(o.sendable("u1").map((e) => e.key)).toEqual(["a", "b"]);
  });

  it("a refused entry waits for retry; remove drops it", () => {
    const o = new Outbox([]);
    o.add(entry("a"));
    o.fail("a", "The version is locked");
    expect(o.sendable("u1")).toEqual([]);
    expect(o.getSnapshot()[0]?.error).toBe("The version is locked");
    o.retry("a");
    expect(o.sendable("u1").map((e) => e.key)).toEqual(["a"]);
    o.remove("a");
    expect(o.getSnapshot()).toEqual([]);
  });

  it("survives a reload through localStorage", () => {
    const o = new Outbox([]);
    o.add(entry("kept"));
    expect(new Outbox().getSnapshot().map((e) => e.key)).toEqual(["kept"]);
    o.remove("kept");
    expect(new Outbox().getSnapshot()).toEqual([]);
  });

  it("makes keys the server accepts (1-255 visible ASCII)", () => {
    const k = newClientKey();
    expect(k).toMatch(/^[\x21-\x7e]{1,255}$/);
    expect(newClientKey()).not.toBe(k);
  });
});
