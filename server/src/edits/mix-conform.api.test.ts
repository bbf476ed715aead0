import { describe, expect, it } from "vitest";
import { AssetKind } from "../assets/asset.enums.js";
import { buildAsset, buildNote, buildVersion, gqlAs } from "../test/domain-factories.js";
import { errorCode, expectData } from "../test/harness.js";
import { useProductionWorld } from "../test/production-world.js";
import {
  ATTACH_EDIT,
  type CarriedTime,
  carriedOn,
  RECUT_TIMING,
  RECUT_V1,
  RECUT_V2,
} from "../test/conform-fixtures.js";

/**
 * Mixes follow picture (issue #16 part 3): each MIX version names the CUT version it was mixed
 * against, and its open notes are carried through those cuts' conform, re-run when a cut's edit is
 * attached or corrected.
 */
const world = useProductionWorld({ EDITOR: 1, VIEWER: 1 });

const attach = (versionId: string, text: string) =>
  gqlAs(world.server, world.prod.as("EDITOR"), ATTACH_EDIT, {
    input: { versionId, format: "CMX3600_EDL", text },
  });
const carried = (versionId: string) => carriedOn(world.server, world.prod.as("VIEWER"), versionId);
const row = (c: CarriedTime) => [
  c.note.body,
  c.run,
  c.method,
  c.outcome,
  c.anchor.startTimecode,
  c.anchor.stem,
  c.detail,
];
const addMix = (fields: Record<string, unknown>, assetId?: string) =>
  gqlAs<{ addVersion: { id: string; pictureVersion: { id: string; number: number } | null } }>(
    world.server,
    world.prod.showrunner,
    `mutation($input: AddVersionInput!) { addVersion(input: $input) { id pictureVersion { id number } } }`,
    { input: { assetId, mediaUrl: "/media/demo/mix-full.ogg", ...RECUT_TIMING, ...fields } },
  );
const mixAsset = () => buildAsset(world.server, world.prod, AssetKind.MIX);

describe("mixes follow picture", () => {
  it("carries a mix's notes through the cuts' conform, and again when the recut's edit is attached", async () => {
    const { assetId: cutAsset, versionId: cut1 } = await buildVersion(
      world.server,
      world.prod,
      AssetKind.CUT,
      RECUT_TIMING,
    );
    expectData(await attach(cut1, RECUT_V1));
    const mixes = await mixAsset();
    const mix1 = expectData(await addMix({ pictureVersionId: cut1 }, mixes)).addVersion;
    expect(mix1.pictureVersion).toEqual({ id: cut1, number: 1 });
    const sr = world.prod.showrunner;
    await buildNote(
      world.server,
      sr,
      mix1.id,
      { time: { startFrame: 168, stem: "DIALOGUE" } },
      "SC2 lift DX",
    );
    await buildNote(world.server, sr, mix1.id, { time: { startFrame: 240, endFrame: 263 } }, "SC3 music cue");

    // The recut arrives without its edit yet: the mix mixed to it keeps its timecode and says why.
    const { versionId: cut2 } = await buildVersion(
      world.server,
      world.prod,
      AssetKind.CUT,
      RECUT_TIMING,
      cutAsset,
    );
    const mix2 = expectData(await addMix({ pictureVersionId: cut2 }, mixes)).addVersion;
    expect((await carried(mix2.id)).map(row)).toEqual([
      [
        "SC2 lift DX",
        1,
        "TIMECODE",
        "UNCHANGED",
        "01:00:07:00",
        "DIALOGUE",
        "no edit for cut v2: kept the same timecode",
      ],
      [
        "SC3 music cue",
        1,
        "TIMECODE",
        "UNCHANGED",
        "01:00:10:00",
        null,
        "no edit for cut v2: kept the same timecode",
      ],
    ]);

    // Attaching the recut's EDL re-maps the mix through the same conform as the cut's own notes.
    expectData(await attach(cut2, RECUT_V2));
    const follows = "follows picture: cut v1 → v2";
    expect((await carried(mix2.id)).map(row)).toEqual([
      [
        "SC2 lift DX",
        2,
        "EDIT",
        "MOVED",
        "01:00:13:00",
        "DIALOGUE",
        `moved +00:00:06:00 (shot reordered); ${follows}`,
      ],
      [
        "SC3 music cue",
        2,
        "EDIT",
        "MOVED",
        "01:00:06:00",
        null,
        `moved -00:00:04:00 (shot reordered); ${follows}`,
      ],
    ]);

    // Tools get the outcome on the events: the attach on the cut recorded the mix's carries.
    const events = await gqlAs<{
      production: { events: { type: string; version: { id: string } | null; carryMethod: string | null }[] };
    }>(
      world.server,
      world.prod.as("VIEWER"),
      `query($p: ID!) { production(id: $p) { events(first: 500) { type version { id } carryMethod } } }`,
      { p: world.prod.id },
    );
    const onMix2 = expectData(events).production.events.filter((e) => e.version?.id === mix2.id);
    expect(onMix2.map((e) => [e.type, e.carryMethod])).toEqual([
      ["VERSION_ADDED", null],
      ["NOTE_CARRIED", "TIMECODE"],
      ["NOTE_CARRIED", "TIMECODE"],
      ["NOTE_CARRIED", "EDIT"],
      ["NOTE_CARRIED", "EDIT"],
    ]);

    // A mix that names no picture keeps its timecode and says so.
    const mix3 = expectData(await addMix({}, mixes)).addVersion;
    expect(mix3.pictureVersion).toBeNull();
    expect((await carried(mix3.id)).map((c) => [c.method, c.anchor.startTimecode, c.detail])).toEqual([
      ["TIMECODE", "01:00:13:00", "no picture version for mix v3: kept the same timecode"],
      ["TIMECODE", "01:00:06:00", "no picture version for mix v3: kept the same timecode"],
    ]);
  });

  it("refuses a picture that is not a cut version of the production, on a version that is not a mix", async () => {
    const { versionId: cut } = await buildVersion(world.server, world.prod, AssetKind.CUT, RECUT_TIMING);
    const { versionId: script } = await buildVersion(world.server, world.prod, AssetKind.SCRIPT);
    const mixes = await mixAsset();
    for (const bad of [script, "0123456789abcdef01234567", "hello world!", ""]) {
      const res = await addMix({ pictureVersionId: bad }, mixes);
      expect(errorCode(res), bad).toBe("BAD_USER_INPUT");
    }
    const onCut = await gqlAs(
      world.server,
      world.prod.showrunner,
      `mutation($input: AddVersionInput!) { addVersion(input: $input) { id } }`,
      {
        input: {
          assetId: (await buildVersion(world.server, world.prod, AssetKind.CUT)).assetId,
          pictureVersionId: cut,
        },
      },
    );
    expect(errorCode(onCut)).toBe("BAD_USER_INPUT");
  });
});
