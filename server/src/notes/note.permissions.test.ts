import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AssetKind } from "../assets/asset.enums.js";
import { Role } from "../productions/production.enums.js";
import {
  type Actor,
  type BuiltProduction,
  buildNote,
  buildVersion,
  expectedCode,
  gqlAs,
  buildMatrixWorld,
} from "../test/domain-factories.js";
import { errorCode, type TestServer } from "../test/harness.js";

let server: TestServer;
let prod: BuiltProduction;
let actors: Actor[];
const versions = {} as Record<AssetKind, string>;

beforeAll(async () => {
  ({ server, prod, actors } = await buildMatrixWorld());
  for (const kind of Object.values(AssetKind))
    versions[kind] = (await buildVersion(server, prod, kind)).versionId;
});
afterAll(() => server?.close());

const anchorFor = (kind: AssetKind) =>
  kind === AssetKind.SCRIPT ? { script: { lineStart: 1, lineEnd: 1 } } : { time: { startFrame: 1 } };
const ALL_BUT_VIEWER = Object.values(Role).filter((r) => r !== Role.VIEWER);
const MAKER: Record<AssetKind, Role> = { SCRIPT: Role.WRITER, CUT: Role.EDITOR, MIX: Role.SOUND_DESIGNER };
const cases = Object.values(AssetKind).flatMap((kind) =>
  [...Object.values(Role), "NON_MEMBER", "SIGNED_OUT"].map((label) => [kind, label] as const),
);
const actor = (label: string) => actors.find((a) => a.label === label) as Actor;
/** Notes in these tests are written by the EXECUTIVE, so "the author" is a distinct case. */
const AUTHOR = Role.EXECUTIVE;
const noteOf = (kind: AssetKind) => buildNote(server, prod.as(AUTHOR), versions[kind], anchorFor(kind));

describe("addNote: every role but VIEWER", () => {
  it.each(cases)("%s by %s", async (kind, label) => {
    const a = actor(label);
    const res = await gqlAs(server, a.user, `mutation($i: AddNoteInput!) { addNote(input: $i) { id } }`, {
      i: { versionId: versions[kind], body: "Note", ...anchorFor(kind) },
    });
    expect(errorCode(res)).toBe(expectedCode(a, ALL_BUT_VIEWER));
  });
});

describe("replyToNote: every role but VIEWER", () => {
  it.each(cases)("%s by %s", async (kind, label) => {
    const a = actor(label);
    const noteId = await noteOf(kind);
    const res = await gqlAs(
      server,
      a.user,
      `mutation($n: ID!) { replyToNote(noteId: $n, body: "Reply") { id } }`,
      { n: noteId },
    );
    expect(errorCode(res)).toBe(expectedCode(a, ALL_BUT_VIEWER));
  });
});

describe("setNoteStatus: author, SHOWRUNNER, PRODUCER, the kind's maker", () => {
  it.each(cases)("%s by %s", async (kind, label) => {
    const a = actor(label);
    const noteId = await noteOf(kind);
    const res = await gqlAs(
      server,
      a.user,
      `mutation($n: ID!) { setNoteStatus(noteId: $n, status: RESOLVED) { status } }`,
      {
        n: noteId,
      },
    );
    expect(errorCode(res)).toBe(expectedCode(a, [AUTHOR, Role.SHOWRUNNER, Role.PRODUCER, MAKER[kind]]));
  });
});

describe("editNote: the author only", () => {
  it.each(cases)("%s by %s", async (kind, label) => {
    const a = actor(label);
    const noteId = await noteOf(kind);
    const res = await gqlAs(
      server,
      a.user,
      `mutation($n: ID!) { editNote(input: { noteId: $n, body: "Edited" }) { body } }`,
      {
        n: noteId,
      },
    );
    expect(errorCode(res)).toBe(expectedCode(a, [AUTHOR]));
  });
});

describe("deleteNote: the author or SHOWRUNNER", () => {
  it.each(cases)("%s by %s", async (kind, label) => {
    const a = actor(label);
    const noteId = await noteOf(kind);
    const res = await gqlAs(server, a.user, `mutation($n: ID!) { deleteNote(noteId: $n) { deletedAt } }`, {
      n: noteId,
    });
    expect(errorCode(res)).toBe(expectedCode(a, [AUTHOR, Role.SHOWRUNNER]));
  });
});

const DRAWING = { shapes: [{ tool: "RECT", color: "#f1c40f", size: 3, points: [0.1, 0.1, 0.4, 0.3] }] };
const cutCases = [...Object.values(Role), "NON_MEMBER", "SIGNED_OUT"];

describe("addNote with a drawing (CUT): every role but VIEWER", () => {
  it.each(cutCases)("%s", async (label) => {
    const a = actor(label);
    const res = await gqlAs(server, a.user, `mutation($i: AddNoteInput!) { addNote(input: $i) { id } }`, {
      i: { versionId: versions.CUT, body: "Drawn", time: { startFrame: 2 }, drawing: DRAWING },
    });
    expect(errorCode(res)).toBe(expectedCode(a, ALL_BUT_VIEWER));
  });
});

describe("editNote's drawing: the author only", () => {
  it.each(cutCases)("%s", async (label) => {
    const a = actor(label);
    const noteId = await noteOf(AssetKind.CUT);
    const res = await gqlAs(
      server,
      a.user,
      `mutation($i: EditNoteInput!) { editNote(input: $i) { drawing { shapes { tool } } } }`,
      { i: { noteId, drawing: DRAWING } },
    );
    expect(errorCode(res)).toBe(expectedCode(a, [AUTHOR]));
  });
});

describe("Note.viewerCan mirrors the matrix", () => {
  it.each(Object.values(Role))("%s on a cut note", async (role) => {
    const noteId = await noteOf(AssetKind.CUT);
    const res = await gqlAs<{ note: { viewerCan: Record<string, boolean> } }>(
      server,
      prod.as(role),
      `query($n: ID!) { note(id: $n) { viewerCan { edit delete setStatus reply } } }`,
      { n: noteId },
    );
    expect(res.body.data?.note.viewerCan).toEqual({
      edit: role === AUTHOR,
      delete: role === AUTHOR || role === Role.SHOWRUNNER,
      setStatus: [AUTHOR, Role.SHOWRUNNER, Role.PRODUCER, Role.EDITOR].includes(role),
      reply: role !== Role.VIEWER,
    });
  });
});
