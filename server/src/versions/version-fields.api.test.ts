import { describe, expect, it } from "vitest";
import { AssetKind } from "../assets/asset.enums.js";
import { buildNote, buildVersion, gqlAs } from "../test/domain-factories.js";
import { useProductionWorld } from "../test/production-world.js";
import { errorCode, expectData } from "../test/harness.js";

const world = useProductionWorld({ DIRECTOR: 1, EDITOR: 1, WRITER: 1, VIEWER: 1 });

describe("Version.exportMarkers", () => {
  it.each(["CMX3600_EDL", "RESOLVE_EDL", "AVID_TXT", "FCP7_XML", "CSV"])(
    "exports %s with replies folded in",
    async (format) => {
      const { versionId } = await buildVersion(world.server, world.prod, AssetKind.CUT, {
        frameRate: "FPS_29_97_DF",
        startTimecode: "01:00:00;00",
        durationFrames: 5000,
      });
      const noteId = await buildNote(
        world.server,
        world.prod.as("DIRECTOR"),
        versionId,
        { time: { startFrame: 1800 } },
        "Cut on the look",
      );
      await gqlAs(
        world.server,
        world.prod.as("EDITOR"),
        `mutation($n: ID!) { replyToNote(noteId: $n, body: "Trimmed") { id } }`,
        { n: noteId },
      );
      const res = await gqlAs<{ version: { exportMarkers: string } }>(
        world.server,
        world.prod.as("VIEWER"),
        `query($v: ID!, $f: MarkerFormat!) { version(id: $v) { exportMarkers(format: $f) } }`,
        { v: versionId, f: format },
      );
      const text = expectData(res).version.exportMarkers;
      expect(text).toContain("Cut on the look");
      expect(text).toContain("Trimmed");
      if (format !== "FCP7_XML") expect(text).toContain("01:01:00;02");
      else expect(text).toContain("<in>1800</in>");
    },
  );

  it("refuses scripts", async () => {
    const { versionId } = await buildVersion(world.server, world.prod, AssetKind.SCRIPT);
    const res = await gqlAs(
      world.server,
      world.prod.showrunner,
      `query($v: ID!) { version(id: $v) { exportMarkers(format: CSV) } }`,
      {
        v: versionId,
      },
    );
    expect(errorCode(res)).toBe("BAD_USER_INPUT");
  });
});

describe("Version.openNotesFromPrevious and previous", () => {
  it("answers an empty connection on version 1 (no earlier versions: an empty $in)", async () => {
    const { versionId: v1 } = await buildVersion(world.server, world.prod, AssetKind.CUT);
    const res = expectData(
      await gqlAs<{
        version: { previous: null; openNotesFromPrevious: { totalCount: number; edges: unknown[] } };
      }>(
        world.server,
        world.prod.as("WRITER"),
        `query($v: ID!) { version(id: $v) { previous { number } openNotesFromPrevious(first: 10) { totalCount edges { node { id } } } } }`,
        { v: v1 },
      ),
    );
    expect(res.version.previous).toBeNull();
    expect(res.version.openNotesFromPrevious).toEqual({ totalCount: 0, edges: [] });
  });

  it("carries open and in-progress notes of every earlier version", async () => {
    const { assetId, versionId: v1 } = await buildVersion(world.server, world.prod, AssetKind.SCRIPT);
    const open1 = await buildNote(
      world.server,
      world.prod.as("DIRECTOR"),
      v1,
      { script: { lineStart: 1, lineEnd: 1 } },
      "open in v1",
    );
    const done1 = await buildNote(
      world.server,
      world.prod.as("DIRECTOR"),
      v1,
      { script: { lineStart: 1, lineEnd: 1 } },
      "done in v1",
    );
    await gqlAs(
      world.server,
      world.prod.as("WRITER"),
      `mutation($n: ID!) { setNoteStatus(noteId: $n, status: RESOLVED) { id } }`,
      { n: done1 },
    );
    const { versionId: v2 } = await buildVersion(world.server, world.prod, AssetKind.SCRIPT, {}, assetId);
    const wip2 = await buildNote(
      world.server,
      world.prod.as("DIRECTOR"),
      v2,
      { script: { lineStart: 2, lineEnd: 2 } },
      "wip in v2",
    );
    await gqlAs(
      world.server,
      world.prod.as("WRITER"),
      `mutation($n: ID!) { setNoteStatus(noteId: $n, status: IN_PROGRESS) { id } }`,
      { n: wip2 },
    );
    const { versionId: v3 } = await buildVersion(world.server, world.prod, AssetKind.SCRIPT, {}, assetId);
    const res = expectData(
      await gqlAs<{
        version: {
          number: number;
          previous: { number: number };
          openNotesFromPrevious: { totalCount: number; edges: { node: { id: string } }[] };
        };
      }>(
        world.server,
        world.prod.as("WRITER"),
        `query($v: ID!) { version(id: $v) { number previous { number } openNotesFromPrevious(first: 10) { totalCount edges { node { id } } } } }`,
        { v: v3 },
      ),
    );
    expect(res.version.number).toBe(3);
    expect(res.version.previous.number).toBe(2);
    expect(res.version.openNotesFromPrevious.totalCount).toBe(2);
    expect(res.version.openNotesFromPrevious.edges.map((e) => e.node.id)).toEqual([open1, wip2]);
  });
});

describe("Version.viewerCan", () => {
  it("explains why a draft cannot be reviewed, and what a viewer may do", async () => {
    const { versionId } = await buildVersion(world.server, world.prod, AssetKind.CUT);
    const q = `query($v: ID!) { version(id: $v) { viewerCan { addVersion addNote submitForReview review lock reason } } }`;
    const director = expectData(
      await gqlAs<{ version: { viewerCan: Record<string, unknown> } }>(
        world.server,
        world.prod.as("DIRECTOR"),
        q,
        {
          v: versionId,
        },
      ),
    );
    expect(director.version.viewerCan).toMatchObject({
      addVersion: true,
      addNote: true,
      submitForReview: true,
      review: false,
      lock: false,
    });
    expect(director.version.viewerCan.reason).toMatch(/Submit the version for review/);
    const viewer = expectData(
      await gqlAs<{ version: { viewerCan: Record<string, unknown> } }>(
        world.server,
        world.prod.as("VIEWER"),
        q,
        {
          v: versionId,
        },
      ),
    );
    expect(viewer.version.viewerCan).toMatchObject({
      addVersion: false,
      addNote: false,
      submitForReview: false,
      review: false,
      lock: false,
    });
    expect(viewer.version.viewerCan.reason).toMatch(/can submit this cut/);
  });
});
