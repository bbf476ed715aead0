import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AssetKind } from "../assets/asset.enums.js";
import type { BuiltUser } from "../test/factories.js";
import { type BuiltProduction, buildProduction, buildVersion, gqlAs } from "../test/domain-factories.js";
import { errorCode, expectData, startTestServer, type TestServer } from "../test/harness.js";

let server: TestServer;
let full: BuiltProduction; // showrunner + director (+ others)
let solo: BuiltProduction; // showrunner only: DIRECTOR has no member

beforeAll(async () => {
  server = await startTestServer({ env: { MEDIA_HOSTS: "cdn.example.com" } });
  full = await buildProduction(server, { members: { DIRECTOR: 2, EDITOR: 1, SOUND_DESIGNER: 1, WRITER: 1 } });
  solo = await buildProduction(server, { members: { EDITOR: 1 } });
});
afterAll(() => server?.close());

const VERSION_FIELDS = `id status reviews { role decision comment reviewer { id } }
  approvalProgress { role required approvedBy { id } }
  statusHistory { from to by { id } }
  viewerCan { submitForReview review lock reason }`;
type V = {
  id: string;
  status: string;
  reviews: { role: string; decision: string; comment: string | null }[];
  approvalProgress: { role: string; required: boolean; approvedBy: { id: string } | null }[];
  statusHistory: { from: string | null; to: string }[];
  viewerCan: { submitForReview: boolean; review: boolean; lock: boolean; reason: string | null };
};

const submit = (u: BuiltUser, v: string) =>
  gqlAs<{ submitForReview: V }>(
    server,
    u,
    `mutation($v: ID!) { submitForReview(versionId: $v) { ${VERSION_FIELDS} } }`,
    { v },
  );
const review = (u: BuiltUser, v: string, d: "APPROVE" | "REQUEST_CHANGES", comment?: string) =>
  gqlAs<{ reviewVersion: V }>(
    server,
    u,
    `mutation($v: ID!, $d: ReviewDecision!, $c: String) { reviewVersion(versionId: $v, decision: $d, comment: $c) { ${VERSION_FIELDS} } }`,
    { v, d, c: comment },
  );
const lock = (u: BuiltUser, v: string) =>
  gqlAs<{ lockVersion: V }>(
    server,
    u,
    `mutation($v: ID!) { lockVersion(versionId: $v) { ${VERSION_FIELDS} } }`,
    { v },
  );
const read = async (u: BuiltUser, v: string) =>
  expectData(
    await gqlAs<{ version: V }>(server, u, `query($v: ID!) { version(id: $v) { ${VERSION_FIELDS} } }`, { v }),
  ).version;

describe("version life cycle", () => {
  it("numbers versions 1, 2, 3 per asset, each DRAFT", async () => {
    const { assetId, versionId } = await buildVersion(server, full, AssetKind.CUT);
    await buildVersion(server, full, AssetKind.CUT, {}, assetId);
    await buildVersion(server, full, AssetKind.CUT, {}, assetId);
    const res = expectData(
      await gqlAs<{
        asset: {
          versions: { number: number; status: string }[];
          latestVersion: { number: number; previous: { number: number } };
        };
      }>(
        server,
        full.showrunner,
        `query($a: ID!) { asset(id: $a) { versions { number status } latestVersion { number previous { number } } } }`,
        { a: assetId },
      ),
    );
    expect(res.asset.versions).toEqual([1, 2, 3].map((number) => ({ number, status: "DRAFT" })));
    expect(res.asset.latestVersion).toEqual({ number: 3, previous: { number: 2 } });
    expect(versionId).toBeTruthy();
  });

  it("needs every approving role that has a member; one approval per role; repeats change nothing", async () => {
    const { versionId } = await buildVersion(server, full, AssetKind.CUT);
    expect(expectData(await submit(full.as("EDITOR"), versionId)).submitForReview.status).toBe("IN_REVIEW");
    expect(errorCode(await submit(full.as("EDITOR"), versionId))).toBe("CONFLICT");

    const first = expectData(
      await review(full.as("DIRECTOR", 1), versionId, "APPROVE", "Lovely"),
    ).reviewVersion;
    expect(first.status).toBe("IN_REVIEW");
    expect(first.approvalProgress).toEqual([
      { role: "DIRECTOR", required: true, approvedBy: { id: full.as("DIRECTOR", 1).user.id } },
      { role: "SHOWRUNNER", required: true, approvedBy: null },
    ]);
    // The same person again: nothing changes, no second review.
    const repeat = expectData(await review(full.as("DIRECTOR", 1), versionId, "APPROVE")).reviewVersion;
    expect(repeat.reviews).toHaveLength(1);
    expect(repeat.viewerCan.review).toBe(false);
    expect(repeat.viewerCan.reason).toMatch(/waiting for the showrunner/);

    const done = expectData(await review(full.showrunner, versionId, "APPROVE")).reviewVersion;
    expect(done.status).toBe("APPROVED");
    expect(done.reviews.map((r) => [r.role, r.decision, r.comment])).toEqual([
      ["DIRECTOR", "APPROVE", "Lovely"],
      ["SHOWRUNNER", "APPROVE", null],
    ]);
    expect(errorCode(await review(full.as("DIRECTOR"), versionId, "APPROVE"))).toBe("CONFLICT");
    expect(errorCode(await submit(full.showrunner, versionId))).toBe("CONFLICT");

    expect(errorCode(await lock(full.as("DIRECTOR"), versionId))).toBe("FORBIDDEN");
    const locked = expectData(await lock(full.showrunner, versionId)).lockVersion;
    expect(locked.status).toBe("LOCKED");
    expect(locked.statusHistory.map((h) => [h.from, h.to])).toEqual([
      [null, "DRAFT"],
      ["DRAFT", "IN_REVIEW"],
      ["IN_REVIEW", "APPROVED"],
      ["APPROVED", "LOCKED"],
    ]);
    expect(errorCode(await lock(full.showrunner, versionId))).toBe("CONFLICT");
    expect(errorCode(await submit(full.showrunner, versionId))).toBe("CONFLICT");
    expect((await read(full.showrunner, versionId)).viewerCan).toMatchObject({
      lock: false,
      reason: expect.stringMatching(/Locked/),
    });
  });

  it("does not wait for approving roles nobody holds", async () => {
    const { versionId } = await buildVersion(server, solo, AssetKind.MIX);
    await submit(solo.showrunner, versionId);
    const res = expectData(await review(solo.showrunner, versionId, "APPROVE")).reviewVersion;
    expect(res.status).toBe("APPROVED");
    expect(res.approvalProgress).toEqual([
      { role: "DIRECTOR", required: false, approvedBy: null },
      { role: "SHOWRUNNER", required: true, approvedBy: { id: solo.showrunner.user.id } },
    ]);
  });

  it("scripts need only the showrunner", async () => {
    const { versionId } = await buildVersion(server, full, AssetKind.SCRIPT);
    await submit(full.as("WRITER"), versionId);
    expect(errorCode(await review(full.as("DIRECTOR"), versionId, "APPROVE"))).toBe("FORBIDDEN");
    expect(expectData(await review(full.showrunner, versionId, "APPROVE")).reviewVersion.status).toBe(
      "APPROVED",
    );
  });

  it("REQUEST_CHANGES applies at once; resubmission starts a new round", async () => {
    const { versionId } = await buildVersion(server, full, AssetKind.CUT);
    await submit(full.showrunner, versionId);
    await review(full.showrunner, versionId, "APPROVE");
    const changes = expectData(
      await review(full.as("DIRECTOR"), versionId, "REQUEST_CHANGES", "Trim the open"),
    ).reviewVersion;
    expect(changes.status).toBe("CHANGES_REQUESTED");
    expect(errorCode(await review(full.as("DIRECTOR"), versionId, "APPROVE"))).toBe("CONFLICT");
    const again = expectData(await submit(full.as("EDITOR"), versionId)).submitForReview;
    expect(again.status).toBe("IN_REVIEW");
    // The showrunner's approval was in the previous round: it no longer counts.
    expect(again.approvalProgress.every((a) => a.approvedBy === null)).toBe(true);
    expect(expectData(await review(full.as("DIRECTOR"), versionId, "APPROVE")).reviewVersion.status).toBe(
      "IN_REVIEW",
    );
    expect(expectData(await review(full.showrunner, versionId, "APPROVE")).reviewVersion.status).toBe(
      "APPROVED",
    );
  });

  it("caps comments at 2,000 characters (input before state)", async () => {
    const { versionId } = await buildVersion(server, full, AssetKind.CUT);
    expect(errorCode(await review(full.showrunner, versionId, "APPROVE", "x".repeat(2001)))).toBe(
      "BAD_USER_INPUT",
    );
    expect(errorCode(await review(full.showrunner, versionId, "APPROVE", "x".repeat(2000)))).toBe("CONFLICT");
  });

  it("lets concurrent approvers transition exactly once", async () => {
    const { versionId } = await buildVersion(server, full, AssetKind.CUT);
    await submit(full.showrunner, versionId);
    const results = await Promise.all([
      review(full.showrunner, versionId, "APPROVE"),
      review(full.as("DIRECTOR"), versionId, "APPROVE"),
      review(full.as("DIRECTOR", 1), versionId, "APPROVE"),
    ]);
    for (const r of results) expect(r.body.errors).toBeUndefined();
    const v = await read(full.showrunner, versionId);
    expect(v.status).toBe("APPROVED");
    expect(v.statusHistory.filter((h) => h.to === "APPROVED")).toHaveLength(1);
  });
});

describe("addVersion fields by kind", () => {
  const add = (p: BuiltProduction, input: Record<string, unknown>) =>
    gqlAs<{ addVersion: Record<string, unknown> }>(
      server,
      p.showrunner,
      `mutation($input: AddVersionInput!) { addVersion(input: $input) {
        number text mediaUrl frameRate startTimecode durationFrames lineCount
        revision { color label } stems { stem mediaUrl } loudness { integratedLkfs truePeakDbtp loudnessRange } } }`,
      { input },
    );

  it.each([
    ["SCRIPT", { mediaUrl: "/media/x.webm", text: "A" }],
    ["SCRIPT", { frameRate: "FPS_24", text: "A" }],
    ["SCRIPT", { durationFrames: 10, text: "A" }],
    ["SCRIPT", { startTimecode: "01:00:00:00", text: "A" }],
    ["SCRIPT", {}],
    ["SCRIPT", { text: "A", stems: [{ stem: "DIALOGUE", mediaUrl: "/media/d.ogg" }] }],
    ["CUT", { text: "A" }],
    ["CUT", { revisionColor: "BLUE" }],
    ["CUT", { durationFrames: 0 }],
    ["CUT", { mediaUrl: "ftp://example.com/x" }],
    ["CUT", { mediaUrl: "javascript:alert(1)" }],
    // Issue 13, finding 13: any host was accepted (tracking reviewers, pointing at internal hosts).
    ["CUT", { mediaUrl: "http://cdn.example.com/x.webm" }],
    ["CUT", { mediaUrl: "https://user:pw@cdn.example.com/x.webm" }],
    ["CUT", { mediaUrl: "https://tracker.example.net/x.webm" }],
    ["CUT", { mediaUrl: "https://127.0.0.1/x.webm" }],
    ["CUT", { mediaUrl: "https://cdn.example.com.evil.net/x.webm" }],
    ["MIX", { stems: [{ stem: "DIALOGUE", mediaUrl: "https://169.254.169.254/d.ogg" }] }],
    ["CUT", { startTimecode: "1:00:00:00" }],
    ["CUT", { startTimecode: "00:00:00:24" }],
    ["CUT", { frameRate: "FPS_29_97_DF", startTimecode: "00:01:00;00" }],
    ["CUT", { frameRate: "FPS_59_94_DF", startTimecode: "00:01:00;03" }],
    ["CUT", { stems: [{ stem: "DIALOGUE", mediaUrl: "/media/d.ogg" }] }],
    ["CUT", { loudness: { integratedLkfs: -24 } }],
    ["MIX", { loudness: { integratedLkfs: 5 } }],
    ["MIX", { stems: [{ stem: "DIALOGUE", mediaUrl: "nope" }] }],
  ])("%s rejects %j", async (kind, fields) => {
    const { assetId } = await buildVersion(server, full, kind as AssetKind);
    expect(errorCode(await add(full, { assetId, ...fields }))).toBe("BAD_USER_INPUT");
  });

  it("stores a script with its WGA colour by number", async () => {
    const { assetId } = await buildVersion(server, full, AssetKind.SCRIPT);
    const v2 = expectData(await add(full, { assetId, text: "A\r\nB\r\n" })).addVersion;
    expect(v2).toMatchObject({
      number: 2,
      lineCount: 2,
      revision: { color: "BLUE", label: expect.stringMatching(/^Blue Revision \d\d\/\d\d\/\d{4}$/) },
    });
    const v3 = expectData(
      await add(full, { assetId, text: "A", revisionColor: "GOLDENROD", revisionLabel: "Goldenrod pages" }),
    ).addVersion;
    expect(v3.revision).toEqual({ color: "GOLDENROD", label: "Goldenrod pages" });
    expect(v3).toMatchObject({ frameRate: null, startTimecode: null, stems: [], loudness: null });
  });

  it("stores a mix with stems, loudness and a normalised start timecode", async () => {
    const { assetId } = await buildVersion(server, full, AssetKind.MIX);
    const v = expectData(
      await add(full, {
        assetId,
        mediaUrl: "https://cdn.example.com/mix.ogg",
        frameRate: "FPS_29_97_DF",
        startTimecode: "01:00:00:00",
        durationFrames: 1800,
        stems: [{ stem: "DIALOGUE", mediaUrl: "/media/demo/mix-dialogue.ogg" }],
        loudness: { integratedLkfs: -27.1, truePeakDbtp: -2.3, loudnessRange: 7.5 },
      }),
    ).addVersion;
    expect(v).toMatchObject({
      number: 2,
      startTimecode: "01:00:00;00",
      durationFrames: 1800,
      stems: [{ stem: "DIALOGUE", mediaUrl: "/media/demo/mix-dialogue.ogg" }],
      loudness: { integratedLkfs: -27.1, truePeakDbtp: -2.3, loudnessRange: 7.5 },
      revision: null,
      lineCount: null,
    });
  });

  it("returns effective defaults for cuts without timing", async () => {
    const { assetId } = await buildVersion(server, full, AssetKind.CUT);
    const v = expectData(await add(full, { assetId })).addVersion;
    expect(v).toMatchObject({ frameRate: "FPS_24", startTimecode: "00:00:00:00", durationFrames: null });
  });

  it("numbers concurrent additions without gaps or duplicates", async () => {
    const { assetId } = await buildVersion(server, full, AssetKind.CUT);
    const results = await Promise.all(Array.from({ length: 6 }, () => add(full, { assetId })));
    const numbers = results.map((r) => expectData(r).addVersion.number as number).sort((a, b) => a - b);
    expect(numbers).toEqual([2, 3, 4, 5, 6, 7]);
  });
});
