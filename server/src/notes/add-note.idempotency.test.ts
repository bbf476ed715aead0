import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AssetKind } from "../assets/asset.enums.js";
import {
  ALL_ROLES_ONCE,
  type BuiltProduction,
  buildProduction,
  buildVersion,
  gqlAs,
  setVersionStatus,
} from "../test/domain-factories.js";
import { errorCode, expectData, startTestServer, type TestServer } from "../test/harness.js";

let server: TestServer;
let prod: BuiltProduction;

beforeAll(async () => {
  server = await startTestServer();
  prod = await buildProduction(server, { members: ALL_ROLES_ONCE });
});
afterAll(() => server?.close());

const ADD = `mutation($input: AddNoteInput!) { addNote(input: $input) { id body } }`;
const COUNTS = `query($id: ID!) { version(id: $id) { noteCounts { total } notes { edges { node { id } } } } }`;

async function add(versionId: string, clientKey: string | null, body = "Queued while offline") {
  return gqlAs(server, prod.as("EDITOR"), ADD, {
    input: { versionId, body, time: { startFrame: 3 }, clientKey },
  });
}

// A note queued offline is re-sent until an answer arrives; an answer lost after the commit must
// not make a second note.
describe("addNote clientKey", () => {
  it("returns the first note for a repeated key: one note, one count", async () => {
    const { versionId } = await buildVersion(server, prod, AssetKind.CUT);
    const first = expectData(await add(versionId, "k-repeat-1")).addNote as { id: string };
    const again = expectData(await add(versionId, "k-repeat-1", "a different body")).addNote as {
      id: string;
      body: string;
    };
    expect(again).toEqual({ id: first.id, body: "Queued while offline" });
    const v = expectData(await gqlAs(server, prod.showrunner, COUNTS, { id: versionId })).version as {
      noteCounts: { total: number };
      notes: { edges: unknown[] };
    };
    expect(v.noteCounts.total).toBe(1);
    expect(v.notes.edges).toHaveLength(1);
  });

  it("makes one note when the same key is sent several times at once", async () => {
    const { versionId } = await buildVersion(server, prod, AssetKind.CUT);
    const results = await Promise.all([1, 2, 3, 4].map(() => add(versionId, "k-burst")));
    const ids = new Set(results.map((r) => (expectData(r).addNote as { id: string }).id));
    expect(ids.size).toBe(1);
    const v = expectData(await gqlAs(server, prod.showrunner, COUNTS, { id: versionId })).version as {
      noteCounts: { total: number };
    };
    expect(v.noteCounts.total).toBe(1);
  });

  it("still returns the note after the version was locked", async () => {
    const { versionId } = await buildVersion(server, prod, AssetKind.CUT);
    const first = expectData(await add(versionId, "k-before-lock")).addNote as { id: string };
    await setVersionStatus(server, prod, versionId, "LOCKED");
    expect((expectData(await add(versionId, "k-before-lock")).addNote as { id: string }).id).toBe(first.id);
    expect(errorCode(await add(versionId, "k-after-lock"))).toBe("CONFLICT");
  });

  it("refuses a malformed key and a key reused on another version", async () => {
    const { versionId } = await buildVersion(server, prod, AssetKind.CUT);
    const other = await buildVersion(server, prod, AssetKind.CUT);
    expect(errorCode(await add(versionId, "has spaces"))).toBe("BAD_USER_INPUT");
    expect(errorCode(await add(versionId, "x".repeat(65)))).toBe("BAD_USER_INPUT");
    expectData(await add(versionId, "k-one-version"));
    expect(errorCode(await add(other.versionId, "k-one-version"))).toBe("BAD_USER_INPUT");
  });

  it("keys are per author: two authors may use the same key", async () => {
    const { versionId } = await buildVersion(server, prod, AssetKind.CUT);
    const mine = expectData(await add(versionId, "k-shared")).addNote as { id: string };
    const theirs = expectData(
      await gqlAs(server, prod.as("DIRECTOR"), ADD, {
        input: { versionId, body: "Mine too", time: { startFrame: 1 }, clientKey: "k-shared" },
      }),
    ).addNote as { id: string };
    expect(theirs.id).not.toBe(mine.id);
  });
});
