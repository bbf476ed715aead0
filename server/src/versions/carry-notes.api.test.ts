import { describe, expect, it } from "vitest";
import { AssetKind } from "../assets/asset.enums.js";
import { readFountainNotes } from "../notes/fountain-notes.js";
import { buildNote, buildVersion, gqlAs } from "../test/domain-factories.js";
import { useProductionWorld } from "../test/production-world.js";
import { errorCode, expectData } from "../test/harness.js";

const world = useProductionWorld({ WRITER: 1, EDITOR: 1, VIEWER: 1 });

// CR-only line ends on purpose: the server must count them as the client does.
const V1 = ["INT. LAB - NIGHT", "", "MAYA", "Roll it again.", "", "OTIS", "Not tonight.", "", "THE END"].join(
  "\r",
);
const V2 = ["INT. LAB - NIGHT", "", "Rain.", "", "MAYA", "Roll it again, Otis.", "", "THE END"].join("\r");

interface Carried {
  outcome: string;
  method: string;
  detail: string | null;
  run: number;
  anchor: { lineStart: number; lineEnd: number; quote: string | null };
  previousAnchor: { lineStart: number; lineEnd: number; quote: string | null };
  note: { id: string; body: string; version: { number: number } };
  fromVersion: { number: number };
}

const CARRIED = `query($v: ID!) { version(id: $v) { carriedNotes(first: 50) { totalCount edges { node {
  outcome method detail run mappedBy { id }
  anchor { ... on ScriptAnchor { lineStart lineEnd quote } }
  previousAnchor { ... on ScriptAnchor { lineStart lineEnd quote } }
  note { id body version { number } } fromVersion { number }
} } } } }`;

async function carried(versionId: string): Promise<Carried[]> {
  const res = await gqlAs<{ version: { carriedNotes: { edges: { node: Carried }[] } } }>(
    world.server,
    world.prod.as("VIEWER"),
    CARRIED,
    { v: versionId },
  );
  return expectData(res).version.carriedNotes.edges.map((e) => e.node);
}

const shape = (c: Carried) => [c.note.body, c.outcome, c.anchor.lineStart, c.anchor.lineEnd, c.anchor.quote];

describe("carrying script notes onto a new version", () => {
  it("maps open notes in addVersion's transaction, with outcome, previous anchor and events", async () => {
    const { assetId, versionId: v1 } = await buildVersion(world.server, world.prod, AssetKind.SCRIPT, {
      text: V1,
    });
    const writer = world.prod.as("WRITER");
    await buildNote(world.server, writer, v1, { script: { lineStart: 9, lineEnd: 9 } }, "Ending");
    await buildNote(world.server, writer, v1, { script: { lineStart: 4, lineEnd: 4 } }, "Line reading");
    await buildNote(world.server, writer, v1, { script: { lineStart: 6, lineEnd: 7 } }, "Cut Otis?");
    const done = await buildNote(world.server, writer, v1, { script: { lineStart: 1, lineEnd: 1 } }, "Done");
    await gqlAs(
      world.server,
      writer,
      `mutation($n: ID!) { setNoteStatus(noteId: $n, status: RESOLVED) { id } }`,
      {
        n: done,
      },
    );

    const { versionId: v2 } = await buildVersion(
      world.server,
      world.prod,
      AssetKind.SCRIPT,
      { text: V2 },
      assetId,
    );
    const list = await carried(v2);
    expect(list.map(shape)).toEqual([
      ["Ending", "MOVED", 8, 8, "THE END"],
      ["Line reading", "TEXT_CHANGED", 6, 6, "Roll it again, Otis."],
      ["Cut Otis?", "LINES_REMOVED", 8, 8, "OTIS\nNot tonight."],
    ]);
    const [moved, edited, removed] = list;
    expect(moved?.detail).toBe("moved from line 9");
    expect(moved?.previousAnchor).toEqual({ lineStart: 9, lineEnd: 9, quote: "THE END" });
    expect(edited?.previousAnchor.quote).toBe("Roll it again.");
    expect(removed?.method).toBe("LINE_DIFF");
    expect(list.every((c) => c.run === 1 && c.fromVersion.number === 1 && c.note.version.number === 1)).toBe(
      true,
    );

    const events = await gqlAs<{
      production: {
        events: { type: string; version: { id: string } | null; carriedNote: { outcome: string } | null }[];
      };
    }>(
      world.server,
      world.prod.as("VIEWER"),
      `query($p: ID!) { production(id: $p) { events(first: 500) { type version { id } carriedNote { outcome } } } }`,
      { p: world.prod.id },
    );
    const mine = expectData(events).production.events.filter((e) => e.version?.id === v2);
    expect(mine.map((e) => [e.type, e.carriedNote?.outcome ?? null])).toEqual([
      ["VERSION_ADDED", null],
      ["NOTE_CARRIED", "MOVED"],
      ["NOTE_CARRIED", "TEXT_CHANGED"],
      ["NOTE_CARRIED", "LINES_REMOVED"],
    ]);
    // v1's own stream hears of v2: one VERSION_SUPERSEDED on v1, recorded with v2's VERSION_ADDED.
    const onV1 = expectData(events).production.events.filter((e) => e.version?.id === v1);
    expect(onV1.filter((e) => e.type === "VERSION_SUPERSEDED")).toHaveLength(1);

    // Revision marks: the lines v2 added or edited (the blank line after "Rain." is left out).
    const marks = await gqlAs<{ version: { changedLines: number[] | null } }>(
      world.server,
      world.prod.as("VIEWER"),
      `query($v: ID!) { version(id: $v) { changedLines } }`,
      { v: v2 },
    );
    expect(expectData(marks).version.changedLines).toEqual([3, 6]);

    // Exported as Fountain with the carried notes at their new lines, and read back losslessly.
    const exported = await gqlAs<{ version: { fountain: string } }>(
      world.server,
      world.prod.as("VIEWER"),
      `query($v: ID!) { version(id: $v) { fountain } }`,
      { v: v2 },
    );
    const fountain = expectData(exported).version.fountain;
    const back = readFountainNotes(fountain);
    expect(back.text).toBe(V2);
    expect(back.notes.map((n) => [n.line, n.body, n.status]).sort()).toEqual([
      [6, "Line reading", "OPEN"],
      [8, "Cut Otis?", "OPEN"],
      [8, "Ending", "OPEN"],
    ]);

    // v3 maps from v2's placements: the previous anchor is where the note sat in v2.
    const { versionId: v3 } = await buildVersion(
      world.server,
      world.prod,
      AssetKind.SCRIPT,
      { text: `FADE IN:\r\r${V2}` },
      assetId,
    );
    const again = await carried(v3);
    expect(again.map(shape)).toEqual([
      ["Ending", "MOVED", 10, 10, "THE END"],
      ["Line reading", "MOVED", 8, 8, "Roll it again, Otis."],
      ["Cut Otis?", "MOVED", 10, 10, "THE END"],
    ]);
    expect(again.map((c) => [c.fromVersion.number, c.previousAnchor.lineStart])).toEqual([
      [2, 8],
      [2, 6],
      [2, 8],
    ]);
  });

  it("re-runs the mapping on the latest version as a new, audited run", async () => {
    const { assetId, versionId: v1 } = await buildVersion(world.server, world.prod, AssetKind.SCRIPT, {
      text: V1,
    });
    const writer = world.prod.as("WRITER");
    const note = await buildNote(
      world.server,
      writer,
      v1,
      { script: { lineStart: 4, lineEnd: 4 } },
      "Reading",
    );
    const { versionId: v2 } = await buildVersion(
      world.server,
      world.prod,
      AssetKind.SCRIPT,
      { text: V2 },
      assetId,
    );
    await buildNote(world.server, writer, v1, { script: { lineStart: 9, lineEnd: 9 } }, "Late note");
    await gqlAs(
      world.server,
      writer,
      `mutation($n: ID!) { setNoteStatus(noteId: $n, status: WONT_FIX) { id } }`,
      {
        n: note,
      },
    );

    const rerun = await gqlAs(
      world.server,
      writer,
      `mutation($v: ID!) { carryNotes(versionId: $v) { id } }`,
      {
        v: v2,
      },
    );
    expectData(rerun);
    const list = await carried(v2);
    expect(list.map((c) => [c.note.body, c.outcome, c.run])).toEqual([["Late note", "MOVED", 2]]);

    const viewer = await gqlAs(
      world.server,
      world.prod.as("VIEWER"),
      `mutation($v: ID!) { carryNotes(versionId: $v) { id } }`,
      {
        v: v2,
      },
    );
    expect(errorCode(viewer)).toBe("FORBIDDEN");
    const first = await gqlAs(
      world.server,
      writer,
      `mutation($v: ID!) { carryNotes(versionId: $v) { id } }`,
      {
        v: v1,
      },
    );
    expect(errorCode(first)).toBe("BAD_USER_INPUT");
    await buildVersion(world.server, world.prod, AssetKind.SCRIPT, { text: V1 }, assetId);
    const stale = await gqlAs(
      world.server,
      writer,
      `mutation($v: ID!) { carryNotes(versionId: $v) { id } }`,
      {
        v: v2,
      },
    );
    expect(errorCode(stale)).toBe("CONFLICT");
  });

  it("carries mix notes by timecode when the mixes name no picture, and re-runs on carryNotes", async () => {
    const { assetId, versionId: c1 } = await buildVersion(world.server, world.prod, AssetKind.MIX);
    await buildNote(world.server, world.prod.as("EDITOR"), c1, { time: { startFrame: 10 } }, "Mix note");
    const { versionId: c2 } = await buildVersion(world.server, world.prod, AssetKind.MIX, {}, assetId);
    const mix = (c: Carried) => [c.note.body, c.outcome, c.method, c.run, c.detail];
    const kept = "no picture version for mix v1 and mix v2: kept the same timecode";
    expect((await carried(c2)).map(mix)).toEqual([["Mix note", "UNCHANGED", "TIMECODE", 1, kept]]);
    const res = await gqlAs(
      world.server,
      world.prod.showrunner,
      `mutation($v: ID!) { carryNotes(versionId: $v) { id } }`,
      {
        v: c2,
      },
    );
    expectData(res);
    expect((await carried(c2)).map(mix)).toEqual([["Mix note", "UNCHANGED", "TIMECODE", 2, kept]]);
  });
});
