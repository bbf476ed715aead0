import { describe, expect, it } from "vitest";
import { AssetKind } from "../assets/asset.enums.js";
import {
  buildNote,
  buildProduction,
  buildVersion,
  gqlAs,
  setVersionStatus,
} from "../test/domain-factories.js";
import type { BuiltUser } from "../test/factories.js";
import { errorCode, expectData } from "../test/harness.js";
import { useProductionWorld } from "../test/production-world.js";

const world = useProductionWorld({ WRITER: 1, DIRECTOR: 1, VIEWER: 1 });

const SET = `mutation($n: ID!, $s: NoteStatus!, $in: ID) {
  setNoteStatus(noteId: $n, status: $s, inVersionId: $in) { id status statusChangedIn { id } statusChangedBy { id } }
}`;
const CONFIRM = `mutation($n: ID!, $v: ID!) {
  confirmCarriedNote(noteId: $n, versionId: $v) { stillApplies confirmedAt confirmedBy { id } run note { id } }
}`;
const CAN = `query($n: ID!, $in: ID) { note(id: $n) { viewerCan { setStatus } inRoom: viewerCan(inVersionId: $in) { setStatus edit reply } } }`;
const ROOM = `query($v: ID!) { version(id: $v) {
  openNotesFromPrevious(first: 50) { totalCount edges { node { id } } }
  carriedNotes(first: 50) { edges { node { stillApplies confirmedBy { id } run note { id } } } }
} }`;
const EVENTS = `query($p: ID!) { production(id: $p) { events(first: 500) { type version { id } note { id } carriedNote { id stillApplies } actor { id } } } }`;

interface Event {
  type: string;
  version: { id: string } | null;
  note: { id: string } | null;
  carriedNote: { id: string; stillApplies: boolean } | null;
  actor: { id: string } | null;
}

const as = (user: BuiltUser, q: string, v: Record<string, unknown>) => gqlAs(world.server, user, q, v);

/** A script v1 with two open notes, locked with them carried, and its v2. */
async function lockedWithCarried() {
  const writer = world.prod.as("WRITER");
  const { assetId, versionId: v1 } = await buildVersion(world.server, world.prod, AssetKind.SCRIPT);
  const a = await buildNote(world.server, writer, v1, { script: { lineStart: 1, lineEnd: 1 } }, "Tighten");
  const b = await buildNote(world.server, writer, v1, { script: { lineStart: 3, lineEnd: 3 } }, "Louder");
  await setVersionStatus(world.server, world.prod, v1, "LOCKED");
  const { versionId: v2 } = await buildVersion(world.server, world.prod, AssetKind.SCRIPT, {}, assetId);
  return { assetId, v1, v2, a, b };
}

async function eventsOf(noteId: string): Promise<Event[]> {
  const res = await as(world.prod.showrunner, EVENTS, { p: world.prod.id });
  const { production } = expectData(res as never) as { production: { events: Event[] } };
  return production.events.filter((e) => e.note?.id === noteId);
}

describe("a carried note resolved from the newer version", () => {
  it("is refused in its locked version's room and accepted in the newer one, which the note records", async () => {
    const { v1, v2, a, b } = await lockedWithCarried();
    const writer = world.prod.as("WRITER");
    expect(errorCode(await as(writer, SET, { n: a, s: "RESOLVED" }))).toBe("CONFLICT");
    expect(errorCode(await as(writer, SET, { n: a, s: "RESOLVED", in: v1 }))).toBe("CONFLICT");

    const done = expectData(await as(writer, SET, { n: a, s: "RESOLVED", in: v2 })).setNoteStatus;
    expect(done).toEqual({
      id: a,
      status: "RESOLVED",
      statusChangedIn: { id: v2 },
      statusChangedBy: { id: writer.user.id },
    });
    // The same status again changes nothing and records nothing.
    expectData(await as(writer, SET, { n: a, s: "RESOLVED", in: v2 }));

    const room = expectData(await as(writer, ROOM, { v: v2 })).version as {
      openNotesFromPrevious: { totalCount: number; edges: { node: { id: string } }[] };
    };
    expect(room.openNotesFromPrevious.edges.map((e) => e.node.id)).toEqual([b]);
    expect(room.openNotesFromPrevious.totalCount).toBe(1);
    // v1 stays locked with its history; its counts are of its notes as they are now.
    const v1Now = expectData(
      await as(writer, `query($v: ID!) { version(id: $v) { status noteCounts { open resolved } } }`, {
        v: v1,
      }),
    ).version;
    expect(v1Now).toEqual({ status: "LOCKED", noteCounts: { open: 1, resolved: 1 } });
    // One event, on the newer version's stream, by the one who resolved it.
    const changed = (await eventsOf(a)).filter((e) => e.type === "NOTE_STATUS_CHANGED");
    expect(changed).toEqual([
      {
        type: "NOTE_STATUS_CHANGED",
        version: { id: v2 },
        note: { id: a },
        carriedNote: null,
        actor: { id: writer.user.id },
      },
    ]);
  });

  it("says in viewerCan who may change it from which room", async () => {
    const { v2, a } = await lockedWithCarried();
    const can = async (user: BuiltUser, room: string | null) =>
      expectData(await as(user, CAN, { n: a, in: room })).note as {
        viewerCan: { setStatus: boolean };
        inRoom: { setStatus: boolean; edit: boolean; reply: boolean };
      };
    expect(await can(world.prod.as("WRITER"), v2)).toEqual({
      viewerCan: { setStatus: false },
      // Edits and replies stay the locked version's: only the status moves from the newer room.
      inRoom: { setStatus: true, edit: false, reply: false },
    });
    expect((await can(world.prod.as("VIEWER"), v2)).inRoom.setStatus).toBe(false);
    expect((await can(world.prod.as("WRITER"), "000000000000000000000000")).inRoom.setStatus).toBe(false);
  });

  it("refuses rooms that are not a later, open version of the same asset", async () => {
    const { assetId, v1, v2, a } = await lockedWithCarried();
    const writer = world.prod.as("WRITER");
    const other = await buildVersion(world.server, world.prod, AssetKind.SCRIPT);
    expect(errorCode(await as(writer, SET, { n: a, s: "RESOLVED", in: other.versionId }))).toBe(
      "BAD_USER_INPUT",
    );
    expect(errorCode(await as(writer, SET, { n: a, s: "RESOLVED", in: "000000000000000000000000" }))).toBe(
      "NOT_FOUND",
    );
    expect(errorCode(await as(writer, SET, { n: a, s: "RESOLVED", in: "nope" }))).toBe("NOT_FOUND");
    // Another production's version reads as missing, not as "exists elsewhere".
    const elsewhere = await buildProduction(world.server, { members: {} });
    const theirs = await buildVersion(world.server, elsewhere, AssetKind.SCRIPT);
    expect(errorCode(await as(writer, SET, { n: a, s: "RESOLVED", in: theirs.versionId }))).toBe("NOT_FOUND");
    // A note of v2 cannot be changed "from" v1, the earlier version.
    const own = await buildNote(world.server, writer, v2, { script: { lineStart: 1, lineEnd: 1 } });
    expect(errorCode(await as(writer, SET, { n: own, s: "RESOLVED", in: v1 }))).toBe("BAD_USER_INPUT");
    // Once the newer room is locked too, it takes no changes either.
    await setVersionStatus(world.server, world.prod, v2, "LOCKED");
    expect(errorCode(await as(writer, SET, { n: a, s: "RESOLVED", in: v2 }))).toBe("CONFLICT");
    const { versionId: v3 } = await buildVersion(world.server, world.prod, AssetKind.SCRIPT, {}, assetId);
    expect(expectData(await as(writer, SET, { n: a, s: "WONT_FIX", in: v3 })).setNoteStatus).toMatchObject({
      status: "WONT_FIX",
      statusChangedIn: { id: v3 },
    });
  });
});

describe("still applies", () => {
  it("is recorded on the placement once, with one event on the newer version", async () => {
    const { v2, a, b } = await lockedWithCarried();
    const director = world.prod.as("DIRECTOR");
    expect(errorCode(await as(director, CONFIRM, { n: a, v: v2 }))).toBe("FORBIDDEN");
    expect(errorCode(await as(world.prod.as("VIEWER"), CONFIRM, { n: a, v: v2 }))).toBe("FORBIDDEN");

    const writer = world.prod.as("WRITER");
    const first = expectData(await as(writer, CONFIRM, { n: a, v: v2 })).confirmCarriedNote as {
      stillApplies: boolean;
      confirmedAt: string;
      confirmedBy: { id: string };
    };
    expect(first).toMatchObject({ stillApplies: true, confirmedBy: { id: writer.user.id }, note: { id: a } });
    const again = expectData(await as(world.prod.showrunner, CONFIRM, { n: a, v: v2 })).confirmCarriedNote;
    expect(again).toMatchObject({ confirmedAt: first.confirmedAt, confirmedBy: { id: writer.user.id } });

    const room = expectData(await as(writer, ROOM, { v: v2 })).version as {
      carriedNotes: { edges: { node: { stillApplies: boolean; note: { id: string } } }[] };
    };
    expect(room.carriedNotes.edges.map((e) => [e.node.note.id, e.node.stillApplies])).toEqual([
      [a, true],
      [b, false],
    ]);
    const confirmed = (await eventsOf(a)).filter((e) => e.type === "NOTE_CARRY_CONFIRMED");
    expect(confirmed).toHaveLength(1);
    expect(confirmed[0]).toMatchObject({ version: { id: v2 }, carriedNote: { stillApplies: true } });
  });

  it("is refused on the note's own version, for closed notes and on a locked room", async () => {
    const { assetId, v1, v2, a, b } = await lockedWithCarried();
    const writer = world.prod.as("WRITER");
    expect(errorCode(await as(writer, CONFIRM, { n: a, v: v1 }))).toBe("BAD_USER_INPUT");
    expectData(await as(writer, SET, { n: b, s: "RESOLVED", in: v2 }));
    expect(errorCode(await as(writer, CONFIRM, { n: b, v: v2 }))).toBe("CONFLICT");
    // Not carried there: a version of another asset, or one added before the note existed.
    const other = await buildVersion(world.server, world.prod, AssetKind.SCRIPT);
    expect(errorCode(await as(writer, CONFIRM, { n: a, v: other.versionId }))).toBe("BAD_USER_INPUT");
    const late = await buildNote(world.server, writer, v2, { script: { lineStart: 2, lineEnd: 2 } });
    const { versionId: v3 } = await buildVersion(world.server, world.prod, AssetKind.SCRIPT, {}, assetId);
    await setVersionStatus(world.server, world.prod, v3, "LOCKED");
    expect(errorCode(await as(writer, CONFIRM, { n: late, v: v3 }))).toBe("CONFLICT");
  });

  it("stays with the note when the carry is run again", async () => {
    const { v2, a } = await lockedWithCarried();
    const writer = world.prod.as("WRITER");
    expectData(await as(writer, CONFIRM, { n: a, v: v2 }));
    expectData(
      await as(world.prod.showrunner, `mutation($v: ID!) { carryNotes(versionId: $v) { id } }`, { v: v2 }),
    );
    const room = expectData(await as(writer, ROOM, { v: v2 })).version as {
      carriedNotes: {
        edges: {
          node: {
            stillApplies: boolean;
            run: number;
            confirmedBy: { id: string } | null;
            note: { id: string };
          };
        }[];
      };
    };
    const placed = room.carriedNotes.edges.map((e) => e.node).find((n) => n.note.id === a);
    expect(placed).toMatchObject({ run: 2, stillApplies: true, confirmedBy: { id: writer.user.id } });
  });
});
