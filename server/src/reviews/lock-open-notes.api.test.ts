import { describe, expect, it } from "vitest";
import { AssetKind } from "../assets/asset.enums.js";
import {
  ALL_ROLES_ONCE,
  buildNote,
  buildVersion,
  gqlAs,
  setVersionStatus,
} from "../test/domain-factories.js";
import { useProductionWorld } from "../test/production-world.js";
import { errorCode, expectData } from "../test/harness.js";

const world = useProductionWorld(ALL_ROLES_ONCE);

const LOCK = `mutation($v: ID!, $o: LockOpenNotes) {
  lockVersion(versionId: $v, openNotes: $o) { status noteCounts { open inProgress resolved wontFix } }
}`;
const NOTES = `query($v: ID!) { version(id: $v) { notes(first: 50) { edges { node { id status } } } } }`;
const SET = `mutation($n: ID!, $s: NoteStatus!) { setNoteStatus(noteId: $n, status: $s) { id } }`;

/** An approved cut with three open notes (one in progress) and one resolved. */
async function approvedWithNotes() {
  const { versionId } = await buildVersion(world.server, world.prod, AssetKind.CUT);
  const editor = world.prod.as("EDITOR");
  const ids = [];
  for (let i = 0; i < 4; i++)
    ids.push(await buildNote(world.server, editor, versionId, { time: { startFrame: i } }));
  expectData(await gqlAs(world.server, editor, SET, { n: ids[1], s: "IN_PROGRESS" }));
  expectData(await gqlAs(world.server, editor, SET, { n: ids[3], s: "RESOLVED" }));
  await setVersionStatus(world.server, world.prod, versionId, "APPROVED");
  return versionId;
}

const statuses = async (v: string) =>
  (
    expectData(await gqlAs(world.server, world.prod.showrunner, NOTES, { v })).version as {
      notes: { edges: { node: { status: string } }[] };
    }
  ).notes.edges.map((e) => e.node.status);

describe("lockVersion openNotes", () => {
  it("CARRY (the default) leaves open notes open for the next version", async () => {
    const v = await approvedWithNotes();
    const locked = expectData(await gqlAs(world.server, world.prod.showrunner, LOCK, { v })).lockVersion;
    expect(locked).toEqual({
      status: "LOCKED",
      noteCounts: { open: 2, inProgress: 1, resolved: 1, wontFix: 0 },
    });
    expect(await statuses(v)).toEqual(["OPEN", "IN_PROGRESS", "OPEN", "RESOLVED"]);
  });

  it("WONT_FIX closes every open note with the lock, counters and one event each", async () => {
    const v = await approvedWithNotes();
    const locked = expectData(
      await gqlAs(world.server, world.prod.showrunner, LOCK, { v, o: "WONT_FIX" }),
    ).lockVersion;
    expect(locked).toEqual({
      status: "LOCKED",
      noteCounts: { open: 0, inProgress: 0, resolved: 1, wontFix: 3 },
    });
    expect(await statuses(v)).toEqual(["WONT_FIX", "WONT_FIX", "WONT_FIX", "RESOLVED"]);
    const { production } = expectData(
      await gqlAs<{ production: { events: { type: string; version: { id: string } | null }[] } }>(
        world.server,
        world.prod.showrunner,
        `query($p: ID!) { production(id: $p) { events(first: 500) { type version { id } } } }`,
        { p: world.prod.id },
      ),
    );
    const tail = production.events.filter((e) => e.version?.id === v).slice(-4);
    expect(tail.map((e) => e.type)).toEqual([
      "NOTE_STATUS_CHANGED",
      "NOTE_STATUS_CHANGED",
      "NOTE_STATUS_CHANGED",
      "VERSION_STATUS_CHANGED",
    ]);
  });

  it("closes nothing when the lock is refused", async () => {
    const { versionId: v } = await buildVersion(world.server, world.prod, AssetKind.CUT);
    await buildNote(world.server, world.prod.as("EDITOR"), v);
    expect(errorCode(await gqlAs(world.server, world.prod.showrunner, LOCK, { v, o: "WONT_FIX" }))).toBe(
      "CONFLICT",
    );
    expect(errorCode(await gqlAs(world.server, world.prod.as("DIRECTOR"), LOCK, { v, o: "WONT_FIX" }))).toBe(
      "FORBIDDEN",
    );
    expect(await statuses(v)).toEqual(["OPEN"]);
  });
});
