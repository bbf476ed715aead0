import { Types } from "mongoose";
import { describe, expect, it } from "vitest";
import { AssetKind } from "../assets/asset.enums.js";
import {
  ALL_ROLES_ONCE,
  buildNote,
  buildVersion,
  gqlAs,
  SAMPLE_SCRIPT,
  setVersionStatus,
} from "../test/domain-factories.js";
import { useProductionWorld } from "../test/production-world.js";
import { errorCode, expectData } from "../test/harness.js";
import { recountNotes } from "./note-counters.js";

const world = useProductionWorld(ALL_ROLES_ONCE);

const ADD = `mutation($input: AddNoteInput!) {
  addNote(input: $input) {
    id body status authorRole
    author { id }
    anchor {
      __typename
      ... on ScriptAnchor { lineStart lineEnd quote }
      ... on TimeAnchor { startFrame endFrame startTimecode endTimecode stem }
    }
    mentions { kind label role user { id } }
  }
}`;

describe("script anchors", () => {
  it("quotes the lines, counting \\r\\n as one newline and ignoring the final newline", async () => {
    const { versionId } = await buildVersion(world.server, world.prod, AssetKind.SCRIPT);
    const res = await gqlAs(world.server, world.prod.as("WRITER"), ADD, {
      input: { versionId, body: "Tighten this", script: { lineStart: 5, lineEnd: 6 } },
    });
    const note = expectData(res).addNote as { anchor: Record<string, unknown> };
    expect(note.anchor).toEqual({
      __typename: "ScriptAnchor",
      lineStart: 5,
      lineEnd: 6,
      quote: "MAYA\nRoll it again.",
    });
    const v = expectData(
      await gqlAs(world.server, world.prod.showrunner, `query($id: ID!) { version(id: $id) { lineCount } }`, {
        id: versionId,
      }),
    );
    expect(v).toEqual({ version: { lineCount: SAMPLE_SCRIPT.split("\r\n").length - 1 } });
  });

  it.each([[{ lineStart: 0, lineEnd: 1 }], [{ lineStart: 2, lineEnd: 1 }], [{ lineStart: 1, lineEnd: 7 }]])(
    "rejects out-of-range lines %j",
    async (script) => {
      const { versionId } = await buildVersion(world.server, world.prod, AssetKind.SCRIPT);
      const res = await gqlAs(world.server, world.prod.as("WRITER"), ADD, {
        input: { versionId, body: "x", script },
      });
      expect(errorCode(res)).toBe("BAD_USER_INPUT");
    },
  );

  it("rejects a time anchor, both anchors, or none on a script", async () => {
    const { versionId } = await buildVersion(world.server, world.prod, AssetKind.SCRIPT);
    for (const anchor of [
      { time: { startFrame: 1 } },
      { script: { lineStart: 1, lineEnd: 1 }, time: { startFrame: 1 } },
      {},
    ]) {
      const res = await gqlAs(world.server, world.prod.as("WRITER"), ADD, {
        input: { versionId, body: "x", ...anchor },
      });
      expect(errorCode(res)).toBe("BAD_USER_INPUT");
    }
  });
});

describe("time anchors", () => {
  it("labels frames from the start timecode at 29.97 DF", async () => {
    const { versionId } = await buildVersion(world.server, world.prod, AssetKind.CUT, {
      frameRate: "FPS_29_97_DF",
      startTimecode: "01:00:00:00",
      durationFrames: 200_000,
    });
    const res = await gqlAs(world.server, world.prod.as("DIRECTOR"), ADD, {
      input: { versionId, body: "Hold here", time: { startFrame: 1798, endFrame: 17982 } },
    });
    const note = expectData(res).addNote as { anchor: Record<string, unknown> };
    expect(note.anchor).toEqual({
      __typename: "TimeAnchor",
      startFrame: 1798,
      endFrame: 17982,
      startTimecode: "01:00:59;28",
      endTimecode: "01:10:00;00",
      stem: null,
    });
    const v = expectData(
      await gqlAs(
        world.server,
        world.prod.showrunner,
        `query($id: ID!) { version(id: $id) { frameRate startTimecode durationTimecode frameRateFps } }`,
        {
          id: versionId,
        },
      ),
    );
    expect(v).toEqual({
      version: {
        frameRate: "FPS_29_97_DF",
        startTimecode: "01:00:00;00",
        durationTimecode: "01:51:13;10",
        frameRateFps: 30000 / 1001,
      },
    });
  });

  it("defaults to FPS_24 from 00:00:00:00 and endFrame to startFrame", async () => {
    const { versionId } = await buildVersion(world.server, world.prod, AssetKind.CUT);
    const res = await gqlAs(world.server, world.prod.as("EDITOR"), ADD, {
      input: { versionId, body: "x", time: { startFrame: 38 } },
    });
    expect((expectData(res).addNote as { anchor: unknown }).anchor).toMatchObject({
      startFrame: 38,
      endFrame: 38,
      startTimecode: "00:00:01:14",
      endTimecode: "00:00:01:14",
    });
  });

  it("rejects bad frames, frames past the duration, and stems outside mixes", async () => {
    const { versionId } = await buildVersion(world.server, world.prod, AssetKind.CUT, {
      durationFrames: 100,
    });
    for (const time of [
      { startFrame: -1 },
      { startFrame: 10, endFrame: 9 },
      { startFrame: 100 },
      { startFrame: 1, endFrame: 100 },
      { startFrame: 1, stem: "DIALOGUE" },
    ]) {
      const res = await gqlAs(world.server, world.prod.as("EDITOR"), ADD, {
        input: { versionId, body: "x", time },
      });
      expect(errorCode(res), JSON.stringify(time)).toBe("BAD_USER_INPUT");
    }
  });

  it("takes a stem on a mix", async () => {
    const { versionId } = await buildVersion(world.server, world.prod, AssetKind.MIX);
    const res = await gqlAs(world.server, world.prod.as("SOUND_DESIGNER"), ADD, {
      input: { versionId, body: "x", time: { startFrame: 5, stem: "DIALOGUE" } },
    });
    expect((expectData(res).addNote as { anchor: { stem: string } }).anchor.stem).toBe("DIALOGUE");
  });
});

describe("bodies and mentions", () => {
  it("rejects empty and over-long bodies", async () => {
    const { versionId } = await buildVersion(world.server, world.prod, AssetKind.CUT);
    for (const body of ["", "   ", "x".repeat(10_001)]) {
      const res = await gqlAs(world.server, world.prod.as("EDITOR"), ADD, {
        input: { versionId, body, time: { startFrame: 0 } },
      });
      expect(errorCode(res)).toBe("BAD_USER_INPUT");
    }
    const ok = await gqlAs(world.server, world.prod.as("EDITOR"), ADD, {
      input: { versionId, body: "x".repeat(10_000), time: { startFrame: 0 } },
    });
    expect(ok.body.errors).toBeUndefined();
  });

  it("resolves member and role mentions", async () => {
    const { versionId } = await buildVersion(world.server, world.prod, AssetKind.CUT);
    const director = world.prod.as("DIRECTOR");
    const handle = director.user.name.toLowerCase().replace(/\s+/g, ".");
    const res = await gqlAs(world.server, world.prod.as("EDITOR"), ADD, {
      input: {
        versionId,
        body: `@${handle} see this; @sound_designer too. @nobody`,
        time: { startFrame: 0 },
      },
    });
    expect((expectData(res).addNote as { mentions: unknown }).mentions).toEqual([
      { kind: "USER", label: `@${handle}`, role: null, user: { id: director.user.id } },
      { kind: "ROLE", label: "@sound_designer", role: "SOUND_DESIGNER", user: null },
    ]);
  });

  it("requires the assignee to be a member", async () => {
    const { versionId } = await buildVersion(world.server, world.prod, AssetKind.CUT);
    const bad = await gqlAs(world.server, world.prod.as("EDITOR"), ADD, {
      input: { versionId, body: "x", time: { startFrame: 0 }, assigneeId: "0123456789abcdef01234567" },
    });
    expect(errorCode(bad)).toBe("BAD_USER_INPUT");
    const ok = await gqlAs(world.server, world.prod.as("EDITOR"), ADD, {
      input: {
        versionId,
        body: "x",
        time: { startFrame: 0 },
        assigneeId: world.prod.as("SOUND_DESIGNER").user.id,
      },
    });
    expect(ok.body.errors).toBeUndefined();
  });
});

describe("locked versions", () => {
  it("take no notes, replies, status changes or edits", async () => {
    const { versionId } = await buildVersion(world.server, world.prod, AssetKind.CUT);
    const noteId = await buildNote(world.server, world.prod.as("EDITOR"), versionId);
    await setVersionStatus(world.server, world.prod, versionId, "LOCKED");
    const editor = world.prod.as("EDITOR");
    expect(
      errorCode(
        await gqlAs(world.server, editor, ADD, { input: { versionId, body: "x", time: { startFrame: 0 } } }),
      ),
    ).toBe("CONFLICT");
    expect(
      errorCode(
        await gqlAs(world.server, editor, `mutation($n: ID!) { replyToNote(noteId: $n, body: "x") { id } }`, {
          n: noteId,
        }),
      ),
    ).toBe("CONFLICT");
    expect(
      errorCode(
        await gqlAs(
          world.server,
          editor,
          `mutation($n: ID!) { setNoteStatus(noteId: $n, status: RESOLVED) { id } }`,
          { n: noteId },
        ),
      ),
    ).toBe("CONFLICT");
    expect(
      errorCode(
        await gqlAs(
          world.server,
          editor,
          `mutation($n: ID!) { editNote(input: { noteId: $n, body: "y" }) { id } }`,
          { n: noteId },
        ),
      ),
    ).toBe("CONFLICT");
    // Validation comes before the state conflict.
    expect(
      errorCode(
        await gqlAs(world.server, editor, ADD, { input: { versionId, body: "", time: { startFrame: 0 } } }),
      ),
    ).toBe("BAD_USER_INPUT");
  });
});

describe("status, edit, delete", () => {
  it("records who changed the status; the same status changes nothing", async () => {
    const { versionId } = await buildVersion(world.server, world.prod, AssetKind.CUT);
    const noteId = await buildNote(world.server, world.prod.as("DIRECTOR"), versionId);
    const set = `mutation($n: ID!, $s: NoteStatus!) { setNoteStatus(noteId: $n, status: $s) { status statusChangedBy { id } statusChangedAt } }`;
    const first = expectData(
      await gqlAs(world.server, world.prod.as("EDITOR"), set, { n: noteId, s: "IN_PROGRESS" }),
    ) as {
      setNoteStatus: { statusChangedAt: string; statusChangedBy: { id: string } };
    };
    expect(first.setNoteStatus.statusChangedBy.id).toBe(world.prod.as("EDITOR").user.id);
    const again = expectData(
      await gqlAs(world.server, world.prod.showrunner, set, { n: noteId, s: "IN_PROGRESS" }),
    ) as typeof first;
    expect(again.setNoteStatus).toEqual(first.setNoteStatus);
  });

  it("lets the author edit and hides deleted notes unless asked", async () => {
    const { versionId } = await buildVersion(world.server, world.prod, AssetKind.CUT);
    const author = world.prod.as("EDITOR");
    const noteId = await buildNote(world.server, author, versionId);
    const edit = `mutation($n: ID!) { editNote(input: { noteId: $n, body: "Edited", category: PACING }) { body category editedAt } }`;
    expect(errorCode(await gqlAs(world.server, world.prod.as("DIRECTOR"), edit, { n: noteId }))).toBe(
      "FORBIDDEN",
    );
    const edited = expectData(await gqlAs(world.server, author, edit, { n: noteId })) as {
      editNote: { body: string; category: string };
    };
    expect(edited.editNote).toMatchObject({ body: "Edited", category: "PACING" });
    const del = `mutation($n: ID!) { deleteNote(noteId: $n) { deletedAt } }`;
    expect(errorCode(await gqlAs(world.server, world.prod.as("DIRECTOR"), del, { n: noteId }))).toBe(
      "FORBIDDEN",
    );
    expect(expectData(await gqlAs(world.server, world.prod.showrunner, del, { n: noteId }))).toMatchObject({
      deleteNote: { deletedAt: expect.any(String) },
    });
    const list = `query($v: ID!, $d: Boolean) { version(id: $v) { notes(includeDeleted: $d) { totalCount } noteCounts { total } } }`;
    expect(expectData(await gqlAs(world.server, author, list, { v: versionId }))).toEqual({
      version: { notes: { totalCount: 0 }, noteCounts: { total: 0 } },
    });
    expect(expectData(await gqlAs(world.server, author, list, { v: versionId, d: true }))).toMatchObject({
      version: { notes: { totalCount: 1 } },
    });
  });
});

describe("pagination", () => {
  it("pages oldest first with stable cursors and a total across pages", async () => {
    const { versionId } = await buildVersion(world.server, world.prod, AssetKind.CUT);
    const ids: string[] = [];
    for (let i = 0; i < 7; i++)
      ids.push(
        await buildNote(
          world.server,
          world.prod.as("EDITOR"),
          versionId,
          { time: { startFrame: i } },
          `n${i}`,
        ),
      );
    await gqlAs(
      world.server,
      world.prod.showrunner,
      `mutation($n: ID!) { setNoteStatus(noteId: $n, status: RESOLVED) { id } }`,
      { n: ids[1] },
    );
    const page = `query($v: ID!, $f: Int, $a: String, $s: NoteStatus) { version(id: $v) { notes(first: $f, after: $a, status: $s) {
      totalCount pageInfo { hasNextPage endCursor } edges { cursor node { id } } } } }`;
    type Page = {
      version: {
        notes: {
          totalCount: number;
          pageInfo: { hasNextPage: boolean; endCursor: string };
          edges: { node: { id: string } }[];
        };
      };
    };
    const seen: string[] = [];
    let after: string | null = null;
    for (;;) {
      const res: Page = expectData(
        await gqlAs<Page>(world.server, world.prod.as("VIEWER"), page, { v: versionId, f: 3, a: after }),
      );
      expect(res.version.notes.totalCount).toBe(7);
      seen.push(...res.version.notes.edges.map((e) => e.node.id));
      if (!res.version.notes.pageInfo.hasNextPage) break;
      after = res.version.notes.pageInfo.endCursor;
    }
    expect(seen).toEqual(ids);
    const open = expectData(
      await gqlAs<Page>(world.server, world.prod.as("VIEWER"), page, { v: versionId, s: "OPEN" }),
    );
    expect(open.version.notes.totalCount).toBe(6);
    expect(open.version.notes.edges.map((e) => e.node.id)).toEqual(ids.filter((id) => id !== ids[1]));
  });

  it("rejects first out of range and unknown or malformed cursors", async () => {
    const { versionId } = await buildVersion(world.server, world.prod, AssetKind.CUT);
    const other = await buildVersion(world.server, world.prod, AssetKind.CUT);
    const otherNote = await buildNote(world.server, world.prod.as("EDITOR"), other.versionId);
    const foreignCursor = Buffer.from(`n1:${otherNote}`).toString("base64url");
    const q = `query($v: ID!, $f: Int, $a: String) { version(id: $v) { notes(first: $f, after: $a) { totalCount } } }`;
    for (const vars of [
      { f: 0 },
      { f: 201 },
      { f: -5 },
      { a: "garbage!" },
      { a: "bm90LWEtY3Vyc29y" },
      { a: foreignCursor },
    ]) {
      expect(
        errorCode(await gqlAs(world.server, world.prod.showrunner, q, { v: versionId, ...vars })),
        JSON.stringify(vars),
      ).toBe("BAD_USER_INPUT");
    }
    expect(
      errorCode(await gqlAs(world.server, world.prod.showrunner, q, { v: versionId, f: 200 })),
    ).toBeUndefined();
  });
});

describe("note counters", () => {
  it("match a recount after concurrent adds, status changes and deletes", async () => {
    const { versionId } = await buildVersion(world.server, world.prod, AssetKind.CUT);
    const ids = await Promise.all(
      Array.from({ length: 8 }, (_, i) =>
        buildNote(world.server, world.prod.as("EDITOR"), versionId, { time: { startFrame: i } }),
      ),
    );
    const set = `mutation($n: ID!, $s: NoteStatus!) { setNoteStatus(noteId: $n, status: $s) { id } }`;
    await Promise.all([
      gqlAs(world.server, world.prod.showrunner, set, { n: ids[0], s: "RESOLVED" }),
      gqlAs(world.server, world.prod.as("PRODUCER"), set, { n: ids[0], s: "RESOLVED" }),
      gqlAs(world.server, world.prod.as("EDITOR"), set, { n: ids[1], s: "IN_PROGRESS" }),
      gqlAs(world.server, world.prod.as("EDITOR"), set, { n: ids[2], s: "WONT_FIX" }),
      gqlAs(world.server, world.prod.showrunner, `mutation($n: ID!) { deleteNote(noteId: $n) { id } }`, {
        n: ids[3],
      }),
      gqlAs(world.server, world.prod.as("EDITOR"), `mutation($n: ID!) { deleteNote(noteId: $n) { id } }`, {
        n: ids[3],
      }),
    ]);
    const q = `query($v: ID!) { version(id: $v) {
      noteCounts { total open inProgress resolved wontFix }
      all: notes { totalCount } open: notes(status: OPEN) { totalCount } withDeleted: notes(includeDeleted: true) { totalCount }
    } }`;
    const res = expectData(await gqlAs(world.server, world.prod.showrunner, q, { v: versionId }));
    expect(res).toEqual({
      version: {
        noteCounts: { total: 7, open: 4, inProgress: 1, resolved: 1, wontFix: 1 },
        all: { totalCount: 7 },
        open: { totalCount: 4 },
        withDeleted: { totalCount: 8 },
      },
    });
    const counts = await recountNotes(new Types.ObjectId(versionId));
    expect(counts).toEqual({
      live: { OPEN: 4, IN_PROGRESS: 1, RESOLVED: 1, WONT_FIX: 1 },
      deleted: { OPEN: 1 },
    });
  });
});
