import type { mongo } from "mongoose";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { ApiTokenModel } from "../users/api-token.model.js";
import { buildUser } from "../test/factories.js";
import {
  errorCode,
  expectData,
  startTestServer,
  type TestServer,
  writeOutsideCommands,
} from "../test/harness.js";
import { identityCache } from "./identity-cache.js";
import { SessionModel } from "./session.model.js";

const ME = `{ me { id } }`;
const GUARDED = `{ apiTokens { id } }`;
const CREATE = `mutation($name: String!) { createApiToken(name: $name) { token apiToken { id } } }`;

let t: TestServer;
let feed: (coll: string, change: mongo.ChangeStreamDocument) => void;
beforeAll(async () => {
  t = await startTestServer();
  // As app/ws.ts does when it hands the change stream's credential changes to the cache.
  feed = identityCache.follow();
});
afterAll(async () => {
  identityCache.unfollow();
  await t?.close();
});

const deleted = (id: unknown) =>
  ({ operationType: "delete", documentKey: { _id: id } }) as unknown as mongo.ChangeStreamDocument;

describe("identity cache (enabled)", () => {
  it("serves a verified token without reading its session again", async () => {
    const u = await buildUser(t);
    expect(expectData(await t.gql<{ me: { id: string } }>(ME, {}, { token: u.token })).me.id).toBe(u.user.id);
    // The change stream is live in this server, so counting reads (not deleting behind its back)
    // is what shows the cache at work.
    const sessionReads = vi.spyOn(SessionModel, "findOne");
    try {
      expect(expectData(await t.gql<{ me: { id: string } | null }>(ME, {}, { token: u.token })).me?.id).toBe(
        u.user.id,
      );
      expect(sessionReads).not.toHaveBeenCalled();
    } finally {
      sessionReads.mockRestore();
    }
  });

  it("signOut refuses the token at once on the same process", async () => {
    const u = await buildUser(t);
    expect((await t.gql(GUARDED, {}, { token: u.token })).body.errors).toBeUndefined();
    await t.gql("mutation { signOut }", {}, { token: u.token });
    expect(errorCode(await t.gql(GUARDED, {}, { token: u.token }))).toBe("UNAUTHENTICATED");
  });

  it("a sign-out on another process ends the token when its change arrives", async () => {
    const u = await buildUser(t);
    expect((await t.gql(GUARDED, {}, { token: u.token })).body.errors).toBeUndefined();
    const session = await SessionModel.findOne({ userId: u.user.id }).lean();
    await writeOutsideCommands(() => SessionModel.deleteOne({ _id: session?._id })); // what the other process's signOut writes
    feed("sessions", deleted(session?._id)); // what this process's change stream then delivers
    expect(errorCode(await t.gql(GUARDED, {}, { token: u.token }))).toBe("UNAUTHENTICATED");
  });

  it("revoking an API token refuses it at once", async () => {
    const u = await buildUser(t);
    const { createApiToken } = expectData(
      await t.gql<{ createApiToken: { token: string; apiToken: { id: string } } }>(
        CREATE,
        { name: "ci" },
        { token: u.token },
      ),
    );
    expect((await t.gql(GUARDED, {}, { token: createApiToken.token })).body.errors).toBeUndefined();
    await t.gql(
      `mutation($id: ID!) { revokeApiToken(id: $id) }`,
      { id: createApiToken.apiToken.id },
      { token: u.token },
    );
    expect(errorCode(await t.gql(GUARDED, {}, { token: createApiToken.token }))).toBe("UNAUTHENTICATED");
    expect(await ApiTokenModel.countDocuments({ _id: createApiToken.apiToken.id, revokedAt: null })).toBe(0);
  });
});
