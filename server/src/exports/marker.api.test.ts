import { describe, expect, it } from "vitest";
import { AssetKind } from "../assets/asset.enums.js";
import { readOtio } from "../edits/otio.reader.js";
import { buildNote, buildVersion, gqlAs } from "../test/domain-factories.js";
import { useProductionWorld } from "../test/production-world.js";
import { errorCode, expectData } from "../test/harness.js";
import { strictCsv, xmllint } from "../test/interchange-readers.js";
import { FrameRate } from "@greenlight/common/timecode";

/** exportMarkers' options and the formats added for issue #15, through the real API. */

const world = useProductionWorld({ DIRECTOR: 1, SOUND_DESIGNER: 1, VIEWER: 1 });

const EXPORT = `query($v: ID!, $f: MarkerFormat!, $part: Int, $excel: Boolean, $cols: Int) {
  version(id: $v) { exportMarkers(format: $f, part: $part, excel: $excel, avidColumns: $cols) }
}`;

async function exportAs(versionId: string, format: string, opts: Record<string, unknown> = {}) {
  return gqlAs<{ version: { exportMarkers: string } }>(world.server, world.prod.as("VIEWER"), EXPORT, {
    v: versionId,
    f: format,
    ...opts,
  });
}

describe("Version.exportMarkers options", () => {
  it("carries a mix note's stem: audio track in the EDL, name in every format, metadata in OTIO", async () => {
    const { versionId } = await buildVersion(world.server, world.prod, AssetKind.MIX, {
      durationFrames: 2_400,
    });
    await buildNote(
      world.server,
      world.prod.as("SOUND_DESIGNER"),
      versionId,
      {
        time: { startFrame: 48, endFrame: 95, stem: "DIALOGUE" },
      },
      "Line\u000bunder the hum =cmd|' /C calc'!A0",
    );
    const cmx = expectData(await exportAs(versionId, "CMX3600_EDL")).version.exportMarkers;
    expect(cmx).toMatch(/^002 {2}AX {7}A2 {4}C /m);
    expect(cmx).toContain("[DX]");
    const otio = readOtio(
      expectData(await exportAs(versionId, "OTIO")).version.exportMarkers,
      FrameRate.FPS_24,
    );
    expect(otio.markers[0]?.metadata).toMatchObject({ greenlight: { stem: "DIALOGUE", track: "A2" } });
    expect(otio.markers[0]?.durationFrames).toBe(48);
    const xml = expectData(await exportAs(versionId, "FCP7_XML")).version.exportMarkers;
    expect(xmllint(xml)).toBe("");
    const csv = expectData(await exportAs(versionId, "CSV", { excel: true })).version.exportMarkers;
    expect(csv.startsWith("\ufeff")).toBe(true);
    expect(strictCsv(csv)[1]?.slice(7, 9)).toEqual(["A2", "DX"]);
  });

  it("writes 8 Avid columns on request and refuses other counts", async () => {
    const { versionId } = await buildVersion(world.server, world.prod, AssetKind.CUT);
    await buildNote(world.server, world.prod.as("DIRECTOR"), versionId, { time: { startFrame: 10 } }, "Trim");
    const txt = expectData(await exportAs(versionId, "AVID_TXT", { cols: 8 })).version.exportMarkers;
    expect(txt.trimEnd().split("\t")).toHaveLength(8);
    expect(errorCode(await exportAs(versionId, "AVID_TXT", { cols: 7 }))).toBe("BAD_USER_INPUT");
  });

  it("answers how many Resolve parts a version takes and refuses a part out of range", async () => {
    const { versionId } = await buildVersion(world.server, world.prod, AssetKind.CUT);
    await buildNote(world.server, world.prod.as("DIRECTOR"), versionId, { time: { startFrame: 10 } }, "One");
    const parts = expectData(
      await gqlAs<{ version: { exportMarkerParts: number } }>(
        world.server,
        world.prod.as("VIEWER"),
        `query($v: ID!) { version(id: $v) { exportMarkerParts(format: RESOLVE_EDL) } }`,
        { v: versionId },
      ),
    ).version.exportMarkerParts;
    expect(parts).toBe(1);
    expect(errorCode(await exportAs(versionId, "RESOLVE_EDL", { part: 2 }))).toBe("BAD_USER_INPUT");
    expect(errorCode(await exportAs(versionId, "CSV", { part: 2 }))).toBe("BAD_USER_INPUT");
  });
});
