import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AssetKind } from "../assets/asset.enums.js";
import { type BuiltProduction, buildProduction, buildVersion } from "../test/domain-factories.js";
import type { BuiltUser } from "../test/factories.js";
import { errorCode, expectData, startTestServer, type TestServer } from "../test/harness.js";

// Issue 13, finding 8: a mutation that answered an error (or whose answer was lost) may have been
// applied, and a client retry then duplicated the note. A retry under the same Idempotency-Key
// now answers what the first attempt wrote and writes nothing.
let t: TestServer;
let prod: BuiltProduction;
let versionId: string;
beforeAll(async () => {
  t = await startTestServer();
  prod = await buildProduction(t, { members: { EDITOR: 1, DIRECTOR: 1 } });
  ({ versionId } = await buildVersion(t, prod, AssetKind.CUT));
});
afterAll(() => t?.close());

const ADD = `mutation($i: AddNoteInput!) { addNote(input: $i) { id body author { id } } }`;
const input = (body: string) => ({ i: { versionId, body, time: { startFrame: 10 } } });

function addNote(user: BuiltUser, body: string, key?: string) {
  return t.gql<{ addNote: { id: string; body: string } }>(ADD, input(body), {
    token: user.token,
    headers: key ? { "idempotency-key": key } : {},
  });
}

async function notesWithBody(body: string): Promise<string[]> {
  const res = await t.gql<{ version: { notes: { edges: { node: { id: string; body: string } }[] } } }>(
    `query($v: ID!) { version(id: $v) { notes(first: 200) { edges { node { id body } } } } }`,
    { v: versionId },
    { token: prod.showrunner.token },
  );
  return expectData(res)
    .version.notes.edges.filter((e) => e.node.body === body)
    .map((e) => e.node.id);
}

async function noteAddedEvents(noteId: string): Promise<number> {
  const res = await t.gql<{ production: { events: { type: string; note: { id: string } | null }[] } }>(
    `query($p: ID!) { production(id: $p) { events(first: 200) { type note { id } } } }`,
    { p: prod.id },
    { token: prod.showrunner.token },
  );
  return expectData(res).production.events.filter((e) => e.type === "NOTE_ADDED" && e.note?.id === noteId)
    .length;
}

describe("Idempotency-Key on mutations", () => {
  it("a retry (first answer lost) returns the first note and writes no second one or event", async () => {
    const editor = prod.as("EDITOR");
    const first = expectData(await addNote(editor, "retry me", "key-retry-1")).addNote;
    const again = await addNote(editor, "retry me", "key-retry-1");
    expect(expectData(again).addNote).toEqual(first);
    expect(await notesWithBody("retry me")).toEqual([first.id]);
    expect(await noteAddedEvents(first.id)).toBe(1);
  });

  it("without a key a retry writes again (the key is what makes it safe)", async () => {
    const editor = prod.as("EDITOR");
    await addNote(editor, "no key");
    await addNote(editor, "no key");
    expect(await notesWithBody("no key")).toHaveLength(2);
  });

  it("parallel retries with one key write one note and all answer it", async () => {
    const editor = prod.as("EDITOR");
    const answers = await Promise.all(Array.from({ length: 8 }, () => addNote(editor, "burst", "key-burst")));
    const ids = new Set(answers.map((a) => expectData(a).addNote.id));
    expect(ids.size).toBe(1);
    expect(await notesWithBody("burst")).toEqual([...ids]);
  });

  it("a key reused for a different request is CONFLICT and writes nothing", async () => {
    const editor = prod.as("EDITOR");
    expectData(await addNote(editor, "original", "key-reused"));
    const other = await addNote(editor, "something else", "key-reused");
    expect(errorCode(other)).toBe("CONFLICT");
    expect(await notesWithBody("something else")).toEqual([]);
  });

  it("keys are per caller: another user's same key is their own request", async () => {
    const [a, b] = [prod.as("EDITOR"), prod.as("DIRECTOR")];
    const na = expectData(await addNote(a, "shared key", "key-shared")).addNote.id;
    const nb = expectData(await addNote(b, "shared key", "key-shared")).addNote.id;
    expect(na).not.toBe(nb);
    expect((await notesWithBody("shared key")).sort()).toEqual([na, nb].sort());
  });

  it("aliased mutations in one request each keep their own result", async () => {
    const editor = prod.as("EDITOR");
    const two = `mutation($a: AddNoteInput!, $b: AddNoteInput!) {
      a: addNote(input: $a) { id } b: addNote(input: $b) { id } }`;
    const vars = { a: input("alias a").i, b: input("alias b").i };
    const send = () =>
      t.gql<{ a: { id: string }; b: { id: string } }>(two, vars, {
        token: editor.token,
        headers: { "idempotency-key": "key-alias" },
      });
    const first = expectData(await send());
    expect(first.a.id).not.toBe(first.b.id);
    expect(expectData(await send())).toEqual(first);
    expect(await notesWithBody("alias a")).toEqual([first.a.id]);
    expect(await notesWithBody("alias b")).toEqual([first.b.id]);
  });

  it("a failed first attempt is not remembered: the retry runs", async () => {
    const viewerLike = prod.as("EDITOR");
    const bad = await t.gql(
      ADD,
      { i: { versionId, body: "", time: { startFrame: 1 } } },
      {
        token: viewerLike.token,
        headers: { "idempotency-key": "key-failed" },
      },
    );
    expect(errorCode(bad)).toBe("BAD_USER_INPUT");
    // Same request again: still refused by its own check, not answered from a record.
    const again = await t.gql(
      ADD,
      { i: { versionId, body: "", time: { startFrame: 1 } } },
      {
        token: viewerLike.token,
        headers: { "idempotency-key": "key-failed" },
      },
    );
    expect(errorCode(again)).toBe("BAD_USER_INPUT");
  });

  it("refuses a malformed key with 400 BAD_USER_INPUT before running anything", async () => {
    const res = await addNote(prod.as("EDITOR"), "bad key", "x".repeat(256));
    expect(res.status).toBe(400);
    expect(errorCode(res)).toBe("BAD_USER_INPUT");
    expect(await notesWithBody("bad key")).toEqual([]);
  });
});
