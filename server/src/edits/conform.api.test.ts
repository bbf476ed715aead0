import { describe, expect, it } from "vitest";
import { AssetKind } from "../assets/asset.enums.js";
import { buildNote, buildVersion, gqlAs } from "../test/domain-factories.js";
import { errorCode, expectData } from "../test/harness.js";
import { useProductionWorld } from "../test/production-world.js";
import {
  ATTACH_EDIT,
  type CarriedTime,
  carriedOn,
  RECUT_TIMING,
  RECUT_V1,
  RECUT_V2,
  RECUT_V2_WRONG,
} from "../test/conform-fixtures.js";

/**
 * The cut conform through the API (issue #16 part 2): addVersion carries by timecode while the new
 * cut has no edit and says so; attachEdit re-runs the conform as the next audited run.
 */
const world = useProductionWorld({ EDITOR: 1, VIEWER: 1 });

const V1 = RECUT_V1;
const V2 = RECUT_V2;
const V2_WRONG = RECUT_V2_WRONG;
const CUT = RECUT_TIMING;
type Carried = CarriedTime;
const carried = (versionId: string) => carriedOn(world.server, world.prod.as("VIEWER"), versionId);

const ATTACH = ATTACH_EDIT;
const attach = (versionId: string, text: string, user: "EDITOR" | "VIEWER" = "EDITOR") =>
  gqlAs(world.server, world.prod.as(user), ATTACH, { input: { versionId, format: "CMX3600_EDL", text } });
const row = (c: Carried) => [c.note.body, c.run, c.method, c.outcome, c.anchor.startFrame, c.detail];

describe("cut conform through the API", () => {
  it("falls back to timecode without v2's edit, then follows the shots when it is attached or corrected", async () => {
    const { assetId, versionId: v1 } = await buildVersion(world.server, world.prod, AssetKind.CUT, CUT);
    expectData(await attach(v1, V1));
    const editor = world.prod.as("EDITOR");
    await buildNote(world.server, editor, v1, { time: { startFrame: 168 } }, "SC2 flash frame");
    await buildNote(world.server, editor, v1, { time: { startFrame: 240, endFrame: 263 } }, "SC3 grade");

    const { versionId: v2 } = await buildVersion(world.server, world.prod, AssetKind.CUT, CUT, assetId);
    expect((await carried(v2)).map(row)).toEqual([
      ["SC2 flash frame", 1, "TIMECODE", "UNCHANGED", 168, "no edit for v2: kept the same timecode"],
      ["SC3 grade", 1, "TIMECODE", "UNCHANGED", 240, "no edit for v2: kept the same timecode"],
    ]);

    // Only the cut's makers attach, so only they re-run the conform.
    expect(errorCode(await attach(v2, V2, "VIEWER"))).toBe("FORBIDDEN");

    expectData(await attach(v2, V2_WRONG));
    expect((await carried(v2)).map(row)).toEqual([
      [
        "SC2 flash frame",
        2,
        "EDIT",
        "SHOT_REMOVED",
        168,
        "shot removed (SC2); kept its timecode (v1 at 01:00:07:00)",
      ],
      [
        "SC3 grade",
        2,
        "EDIT",
        "MOVED",
        144,
        "moved -00:00:04:00 (the shot or the cut before it changed length)",
      ],
    ]);

    // The corrected EDL: run 3 replaces run 2, which stays stored as the audit trail.
    expectData(await attach(v2, V2));
    const now = await carried(v2);
    expect(now.map(row)).toEqual([
      ["SC2 flash frame", 3, "EDIT", "MOVED", 312, "moved +00:00:06:00 (shot reordered)"],
      ["SC3 grade", 3, "EDIT", "MOVED", 144, "moved -00:00:04:00 (shot reordered)"],
    ]);
    expect(now[0]?.anchor.startTimecode).toBe("01:00:13:00");
    expect(now[0]?.previousAnchor).toEqual({ startFrame: 168, startTimecode: "01:00:07:00" });

    // Tools read the outcome on the events themselves, in order, with who ran each conform.
    const events = await gqlAs<{
      production: {
        events: {
          type: string;
          version: { id: string } | null;
          carryOutcome: string | null;
          carryMethod: string | null;
          carriedNote: { run: number } | null;
        }[];
      };
    }>(
      world.server,
      world.prod.as("VIEWER"),
      `query($p: ID!) { production(id: $p) { events(first: 500) { type version { id } carryOutcome carryMethod carriedNote { run } } } }`,
      { p: world.prod.id },
    );
    const mine = expectData(events).production.events.filter((e) => e.version?.id === v2);
    expect(mine.map((e) => [e.type, e.carryOutcome, e.carryMethod, e.carriedNote?.run ?? null])).toEqual([
      ["VERSION_ADDED", null, null, null],
      ["NOTE_CARRIED", "UNCHANGED", "TIMECODE", 1],
      ["NOTE_CARRIED", "UNCHANGED", "TIMECODE", 1],
      ["EDIT_ATTACHED", null, null, null],
      ["NOTE_CARRIED", "SHOT_REMOVED", "EDIT", 2],
      ["NOTE_CARRIED", "MOVED", "EDIT", 2],
      ["EDIT_ATTACHED", null, null, null],
      ["NOTE_CARRIED", "MOVED", "EDIT", 3],
      ["NOTE_CARRIED", "MOVED", "EDIT", 3],
    ]);
  });

  it("re-runs the latest version's conform when the previous version's edit is attached late", async () => {
    const { assetId, versionId: v1 } = await buildVersion(world.server, world.prod, AssetKind.CUT, CUT);
    await buildNote(world.server, world.prod.as("EDITOR"), v1, { time: { startFrame: 168 } }, "late");
    const { versionId: v2 } = await buildVersion(world.server, world.prod, AssetKind.CUT, CUT, assetId);
    expectData(await attach(v2, V2));
    expect((await carried(v2)).map(row)).toEqual([
      ["late", 2, "TIMECODE", "UNCHANGED", 168, "no edit for v1: kept the same timecode"],
    ]);
    expectData(await attach(v1, V1));
    expect((await carried(v2)).map(row)).toEqual([
      ["late", 3, "EDIT", "MOVED", 312, "moved +00:00:06:00 (shot reordered)"],
    ]);
  });
});
