import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { ChangeDoc } from "../core/change-stream.js";
import {
  API_TOKENS_COLLECTION,
  type IdentityEnd,
  IdentityWatch,
  SESSIONS_COLLECTION,
} from "./identity-watch.js";

interface FakeSocket {
  name: string;
}

let ended: Array<[string, IdentityEnd]>;
let watch: IdentityWatch<FakeSocket>;
const socket = (name: string): FakeSocket => ({ name });

beforeEach(() => {
  vi.useFakeTimers({ now: 1_000_000 });
  ended = [];
  watch = new IdentityWatch<FakeSocket>((s, why) => ended.push([s.name, why]));
});
afterEach(() => {
  watch.dispose();
  vi.useRealTimers();
});

const change = (operationType: string, id: string, extra: Record<string, unknown> = {}) =>
  ({ operationType, documentKey: { _id: id }, ...extra }) as unknown as ChangeDoc;

describe("IdentityWatch", () => {
  it("ends sockets at their tokens' expiry, earliest first, skipping closed ones", () => {
    const now = Date.now();
    watch.add(socket("late"), { sessionId: "s1", expiresAtMs: now + 3_000 });
    watch.add(socket("early"), { sessionId: "s2", expiresAtMs: now + 1_000 });
    const gone = socket("gone");
    watch.add(gone, { sessionId: "s3", expiresAtMs: now + 2_000 });
    watch.add(socket("api"), { apiTokenId: "t1" }); // API tokens do not expire
    watch.remove(gone);
    vi.advanceTimersByTime(999);
    expect(ended).toEqual([]);
    vi.advanceTimersByTime(1);
    expect(ended).toEqual([["early", "expired"]]);
    vi.advanceTimersByTime(2_000);
    expect(ended).toEqual([
      ["early", "expired"],
      ["late", "expired"],
    ]);
    expect(watch.size).toBe(1);
  });

  it("ends a session's sockets on its delete, and an API token's on revocation", () => {
    watch.add(socket("a"), { sessionId: "s1" });
    watch.add(socket("b"), { sessionId: "s2" });
    watch.add(socket("t"), { apiTokenId: "t1" });
    watch.onChange(SESSIONS_COLLECTION, change("insert", "s1"));
    watch.onChange(
      API_TOKENS_COLLECTION,
      change("update", "t1", { updateDescription: { updatedFields: { lastUsedAt: new Date() } } }),
    );
    expect(ended).toEqual([]);
    watch.onChange(SESSIONS_COLLECTION, change("delete", "s1"));
    watch.onChange(
      API_TOKENS_COLLECTION,
      change("update", "t1", { updateDescription: { updatedFields: { revokedAt: new Date() } } }),
    );
    expect(ended).toEqual([
      ["a", "signedOut"],
      ["t", "revoked"],
    ]);
  });

  it("does not keep closed sockets reachable until their expiry (compaction)", () => {
    const keep = socket("keep");
    watch.add(keep, { expiresAtMs: Date.now() + 60_000 });
    for (let i = 0; i < 500; i++) {
      const s = socket(`s${i}`);
      watch.add(s, { expiresAtMs: Date.now() + 10_000 + i });
      watch.remove(s);
    }
    const heap = (watch as unknown as { heap: unknown[] }).heap;
    expect(heap.length).toBeLessThanOrEqual(65);
    vi.advanceTimersByTime(60_000);
    expect(ended).toEqual([["keep", "expired"]]);
  });
});
