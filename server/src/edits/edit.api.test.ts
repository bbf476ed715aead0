import { describe, expect, it } from "vitest";
import { AssetKind } from "../assets/asset.enums.js";
import { buildNote, buildVersion, gqlAs } from "../test/domain-factories.js";
import { useProductionWorld } from "../test/production-world.js";
import { errorCode, expectData } from "../test/harness.js";

/** attachEdit and Version.edit through the real API (issue #15: a cut carries its edit). */

const world = useProductionWorld({ EDITOR: 1, DIRECTOR: 1, VIEWER: 1 });

const ATTACH = `mutation($input: AttachEditInput!) {
  attachEdit(input: $input) { id format fileName name frameRate eventCount markerCount warnings revision attachedBy { name } }
}`;
const EDIT = `query($v: ID!) { version(id: $v) { id edit {
  format name frameRate eventCount revision
  events(first: 10) { number tracks reel clipName recordIn recordOut recordInTimecode recordOutTimecode sourceIn sourceOut transition transitionFrames speedFps line }
  markers { frame durationFrames colour name comment }
} } }`;

const DF_EDL = [
  "TITLE: EP101 REEL 1",
  "FCM: DROP FRAME",
  "001  A001C003 V     C        11:02:10;00 11:02:14;00 01:00:00;00 01:00:04;00",
  "* FROM CLIP NAME: SC12_TK3",
  "002  B002C001 V     C        08:10:00;00 08:10:03;00 01:00:04;00 01:00:07;00",
  "* FROM CLIP NAME: SC13_TK1",
  "* LOC: 01:00:05;00 RED     CHECK SYNC",
  "",
].join("\n");

type Attached = { attachEdit: Record<string, unknown> };
type Edited = {
  version: {
    edit: { events: Record<string, unknown>[]; markers: Record<string, unknown>[] } & Record<string, unknown>;
  };
};

async function attach(user: "EDITOR" | "VIEWER" | "DIRECTOR", input: Record<string, unknown>) {
  return gqlAs<Attached>(world.server, world.prod.as(user), ATTACH, { input });
}

describe("attachEdit", () => {
  it("reads a drop-frame EDL onto a 29.97 DF cut, and replaces it on re-attach (revision 2)", async () => {
    const { versionId } = await buildVersion(world.server, world.prod, AssetKind.CUT, {
      frameRate: "FPS_29_97_DF",
      startTimecode: "01:00:00;00",
    });
    const first = expectData(
      await attach("EDITOR", { versionId, format: "CMX3600_EDL", text: DF_EDL, fileName: "ep101.edl" }),
    ).attachEdit;
    expect(first).toMatchObject({
      format: "CMX3600_EDL",
      fileName: "ep101.edl",
      name: "EP101 REEL 1",
      frameRate: "FPS_29_97_DF",
      eventCount: 2,
      markerCount: 1,
      warnings: [],
      revision: 1,
    });
    const read = expectData(
      await gqlAs<Edited>(world.server, world.prod.as("VIEWER"), EDIT, { v: versionId }),
    ).version.edit;
    expect(read.events[1]).toMatchObject({
      number: 2,
      tracks: ["V"],
      reel: "B002C001",
      clipName: "SC13_TK1",
      recordInTimecode: "01:00:04;00",
      recordOutTimecode: "01:00:07;00",
      transition: "CUT",
      line: 5,
    });
    // 01:00:04;00 in drop-frame counting: 3600 s * 30 - 108 dropped + 4 s * 30.
    expect(read.events[1]?.recordIn).toBe(107_892 + 120);
    expect(read.markers).toEqual([
      { frame: 107_892 + 150, durationFrames: 1, colour: "RED", name: "CHECK SYNC", comment: "CHECK SYNC" },
    ]);
    const again = expectData(
      await attach("DIRECTOR", {
        versionId,
        format: "CMX3600_EDL",
        text: DF_EDL.replace("REEL 1", "REEL 1 FIXED"),
      }),
    ).attachEdit;
    expect(again).toMatchObject({ revision: 2, name: "EP101 REEL 1 FIXED", fileName: null });
    const events = expectData(
      await gqlAs<{ production: { events: { type: string; version: { id: string } | null }[] } }>(
        world.server,
        world.prod.as("VIEWER"),
        `query($p: ID!) { production(id: $p) { events(first: 500) { type version { id } } } }`,
        { p: world.prod.id },
      ),
    ).production.events.filter((e) => e.type === "EDIT_ATTACHED");
    expect(events.map((e) => e.version?.id)).toEqual([versionId, versionId]);
  });

  it("refuses bad files with the line, other roles, other kinds and unknown versions", async () => {
    const { versionId } = await buildVersion(world.server, world.prod, AssetKind.CUT);
    const bad = await attach("EDITOR", {
      versionId,
      format: "CMX3600_EDL",
      text: "TITLE: X\n001  R1 V C 01:00:00:00 01:00:01:00 01:00:01:00 01:00:00:00\n",
    });
    expect(errorCode(bad)).toBe("BAD_USER_INPUT");
    expect(bad.body.errors?.[0]?.message).toMatch(/line 2: record out is before record in/);
    expect(bad.body.errors?.[0]?.extensions?.fields).toMatchObject({ line: "2" });
    const otio = await attach("EDITOR", {
      versionId,
      format: "OTIO",
      text: '{"OTIO_SCHEMA": "Timeline.1",\n "tracks": 3}',
    });
    expect(errorCode(otio)).toBe("BAD_USER_INPUT");
    expect(otio.body.errors?.[0]?.extensions?.fields).toMatchObject({ path: "tracks" });
    const syntax = await attach("EDITOR", { versionId, format: "OTIO", text: '{\n"a": 1,\n}' });
    expect(syntax.body.errors?.[0]?.extensions?.fields).toMatchObject({ line: "3" });
    expect(errorCode(await attach("EDITOR", { versionId, format: "OTIO", text: "  " }))).toBe(
      "BAD_USER_INPUT",
    );
    expect(errorCode(await attach("VIEWER", { versionId, format: "CMX3600_EDL", text: DF_EDL }))).toBe(
      "FORBIDDEN",
    );
    const mix = await buildVersion(world.server, world.prod, AssetKind.MIX);
    expect(
      errorCode(await attach("EDITOR", { versionId: mix.versionId, format: "CMX3600_EDL", text: DF_EDL })),
    ).toBe("BAD_USER_INPUT");
    expect(
      errorCode(
        await attach("EDITOR", { versionId: "000000000000000000000000", format: "OTIO", text: "{}" }),
      ),
    ).toBe("NOT_FOUND");
    const edit = expectData(
      await gqlAs<Edited>(world.server, world.prod.as("VIEWER"), EDIT, { v: versionId }),
    ).version.edit;
    expect(edit).toBeNull();
  });

  it("round-trips Greenlight's own OTIO export: markers come back with their ranges and metadata", async () => {
    const { versionId } = await buildVersion(world.server, world.prod, AssetKind.CUT, {
      frameRate: "FPS_25",
      startTimecode: "10:00:00:00",
      durationFrames: 2_500,
    });
    await buildNote(
      world.server,
      world.prod.as("DIRECTOR"),
      versionId,
      { time: { startFrame: 50, endFrame: 99 } },
      "Hold longer",
    );
    await buildNote(
      world.server,
      world.prod.as("DIRECTOR"),
      versionId,
      { time: { startFrame: 50 } },
      "日本語 ‏עברית 🎬",
    );
    const otio = expectData(
      await gqlAs<{ version: { exportMarkers: string } }>(
        world.server,
        world.prod.as("VIEWER"),
        `query($v: ID!) { version(id: $v) { exportMarkers(format: OTIO) } }`,
        { v: versionId },
      ),
    ).version.exportMarkers;
    expectData(await attach("EDITOR", { versionId, format: "OTIO", text: otio, fileName: "roundtrip.otio" }));
    const edit = expectData(
      await gqlAs<Edited>(world.server, world.prod.as("VIEWER"), EDIT, { v: versionId }),
    ).version.edit;
    const start = 10 * 3600 * 25;
    expect(edit).toMatchObject({ format: "OTIO", frameRate: "FPS_25", eventCount: 1 });
    expect(edit.events[0]).toMatchObject({
      recordIn: start,
      recordOut: start + 2_500,
      recordInTimecode: "10:00:00:00",
    });
    expect(edit.markers.map((m) => [m.frame, m.durationFrames, m.colour])).toEqual([
      [start + 50, 50, "BLUE"],
      [start + 50, 0, "BLUE"],
    ]);
    expect(edit.markers[1]?.comment).toContain("日本語 ‏עברית 🎬");
  });
});
