import type { mongo } from "mongoose";
import { describe, expect, it } from "vitest";
import { type CachedViewer, IdentityCache, withIdentityCache } from "./identity-cache.js";

const viewer = (over: Partial<CachedViewer["identity"]> = {}): CachedViewer => ({
  identity: { userId: "u1", sessionId: "s1", ...over },
  name: "Ada",
  email: "ada@example.com",
});
const change = (op: string, id: string, extra: object = {}) =>
  ({ operationType: op, documentKey: { _id: id }, ...extra }) as unknown as mongo.ChangeStreamDocument;

describe("IdentityCache", () => {
  it("stays off until a change feed follows it", () => {
    const c = new IdentityCache();
    c.set("t", viewer(), c.mark());
    expect(c.get("t")).toBeNull();
    c.follow();
    c.set("t", viewer(), c.mark());
    expect(c.get("t")?.name).toBe("Ada");
  });

  it("expires entries at the TTL or the token's own expiry, whichever comes first", () => {
    const c = new IdentityCache(1_000);
    c.follow();
    c.set("a", viewer(), c.mark(), 0);
    c.set("b", viewer({ expiresAtMs: 500 }), c.mark(), 0);
    expect(c.get("a", 999)).not.toBeNull();
    expect(c.get("a", 1_000)).toBeNull();
    expect(c.get("b", 499)).not.toBeNull();
    expect(c.get("b", 500)).toBeNull();
  });

  it("evicts the least recently used entry past the bound", () => {
    const c = new IdentityCache(60_000, 2);
    c.follow();
    c.set("a", viewer(), c.mark());
    c.set("b", viewer(), c.mark());
    c.get("a");
    c.set("c", viewer(), c.mark());
    expect([c.get("a"), c.get("b"), c.get("c")].map(Boolean)).toEqual([true, false, true]);
  });

  it("forgets by session, API token and user, and from change-feed documents", () => {
    const c = new IdentityCache();
    const feed = c.follow();
    c.set("s", viewer({ sessionId: "s1" }), c.mark());
    c.set("k", viewer({ sessionId: undefined, apiTokenId: "k1", userId: "u2" }), c.mark());
    c.set("u", viewer({ sessionId: "s3", userId: "u3" }), c.mark());
    feed("sessions", change("delete", "s1"));
    feed("api_tokens", change("update", "k1", { updateDescription: { updatedFields: { revokedAt: 1 } } }));
    expect(c.get("s")).toBeNull();
    expect(c.get("k")).toBeNull();
    expect(c.get("u")).not.toBeNull();
    feed("users", change("update", "u3"));
    expect(c.get("u")).toBeNull();
  });

  it("does not cache an identity read before a forget that raced it", () => {
    const c = new IdentityCache();
    c.follow();
    const mark = c.mark(); // the request starts reading its session...
    c.forgetSession("s1"); // ...signOut lands meanwhile...
    c.set("t", viewer(), mark); // ...and the read may have seen the session still there.
    expect(c.get("t")).toBeNull();
  });

  it("withIdentityCache hands each change to the socket watcher and the cache", () => {
    const c = new IdentityCache();
    const seen: string[] = [];
    const wired = withIdentityCache({ onChange: (coll: string) => seen.push(coll) }, c);
    c.set("t", viewer(), c.mark());
    wired.onChange("sessions", change("delete", "s1"));
    expect(seen).toEqual(["sessions"]);
    expect(c.get("t")).toBeNull();
    c.unfollow();
    expect(c.enabled).toBe(false);
  });
});
