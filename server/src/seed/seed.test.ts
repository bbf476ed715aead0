import { existsSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { expectData, startTestServer, type TestServer } from "../test/harness.js";
import { DEMO_PASSWORD, DEMO_USERS } from "./seed-data.js";
import { seedDemo, seedDemoIfEmpty } from "./seed.js";

let server: TestServer;

beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server?.close());

async function signIn(email: string): Promise<string> {
  const res = await server.gql<{ signIn: { token: string } }>(
    `mutation($e: String!, $p: String!) { signIn(email: $e, password: $p) { token } }`,
    { e: email, p: DEMO_PASSWORD },
  );
  return expectData(res).signIn.token;
}

interface TimeCarried {
  version: {
    carriedNotes: {
      edges: {
        node: { outcome: string; method: string; detail: string; anchor: { startTimecode: string } };
      }[];
    };
  };
}

/** A cut or mix version's carried notes, as the showrunner sees them. */
async function timeCarried(versionId: string | undefined) {
  const token = await signIn("showrunner@demo.greenlight");
  return server.gql<TimeCarried>(
    `query($v: ID!) { version(id: $v) { carriedNotes { edges { node { outcome method detail
      anchor { ... on TimeAnchor { startTimecode } } } } } } }`,
    { v: versionId },
    { token },
  );
}

const DEMO = `{ productions { id title kind stage members { role user { email } }
  episodes { number title assets { kind } }
  assets { id kind title }
} }`;

const ASSET = `query($id: ID!) { asset(id: $id) { versions {
  id
  number status mediaUrl frameRate startTimecode durationFrames durationTimecode lineCount
  revision { color } stems { stem mediaUrl } loudness { integratedLkfs truePeakDbtp loudnessRange }
  noteCounts { total open inProgress resolved wontFix }
  notes(first: 20) { totalCount edges { node { body replyCount anchor { __typename } } } }
  approvalProgress { role required approvedBy { email } }
  pictureVersion { id }
} } }`;

type Version = {
  id: string;
  number: number;
  status: string;
  mediaUrl: string | null;
  stems: { mediaUrl: string }[];
  revision: { color: string } | null;
  loudness: unknown;
  notes: { totalCount: number; edges: { node: { replyCount: number } }[] };
  startTimecode: string | null;
  durationTimecode: string | null;
  approvalProgress: { role: string; approvedBy: { email: string } | null }[];
  pictureVersion: { id: string } | null;
};

type Demo = {
  productions: {
    id: string;
    title: string;
    kind: string;
    stage: string;
    members: { role: string }[];
    episodes: { number: number; title: string; assets: { kind: string }[] }[];
    assets: { id: string; kind: string }[];
  }[];
};

describe("demo seed", () => {
  it("builds How It's Made with every role, a script, a cut and a mix", async () => {
    const result = await seedDemo({ quiet: true });
    expect(result.seeded).toBe(true);
    const token = await signIn("showrunner@demo.greenlight");
    const demo = expectData(await server.gql<Demo>(DEMO, {}, { token })).productions;
    expect(demo).toHaveLength(1);
    const p = demo[0]!;
    expect(p).toMatchObject({ title: "How It's Made", kind: "SERIES", stage: "POST_PRODUCTION" });
    expect(p.members.map((m) => m.role).sort()).toEqual(DEMO_USERS.map((u) => u.role).sort());
    expect(p.episodes).toEqual([
      { number: 101, title: "Pilot", assets: [{ kind: "SCRIPT" }, { kind: "CUT" }, { kind: "MIX" }] },
    ]);

    const versions: Version[][] = [];
    for (const a of p.assets) {
      const res = await server.gql<{ asset: { versions: Version[] } }>(ASSET, { id: a.id }, { token });
      versions.push(expectData(res).asset.versions);
    }
    const [script, cut, mix] = versions.map((v) => ({ versions: v }));
    expect(script?.versions.map((v) => [v.revision?.color, v.status])).toEqual([
      ["WHITE", "DRAFT"],
      ["BLUE", "IN_REVIEW"],
    ]);
    expect(cut?.versions.map((v) => v.status)).toEqual(["CHANGES_REQUESTED", "IN_REVIEW"]);
    expect(cut?.versions[1]?.approvalProgress).toEqual([
      { role: "DIRECTOR", required: true, approvedBy: { email: "director@demo.greenlight" } },
      { role: "SHOWRUNNER", required: true, approvedBy: null },
    ]);
    expect(cut?.versions[0]).toMatchObject({ startTimecode: "01:00:00:00", durationTimecode: "00:00:45:00" });
    expect(mix?.versions[0]?.stems).toHaveLength(4);
    expect(mix?.versions[0]?.loudness).toEqual({
      integratedLkfs: -21.6,
      truePeakDbtp: -4.7,
      loudnessRange: 22.7,
    });
    // The Blue revision carries White's open notes: moved, edited, and lost lines.
    const blue = await server.gql<{
      version: {
        changedLines: number[];
        carriedNotes: {
          edges: { node: { outcome: string; detail: string; anchor: { lineStart: number } } }[];
        };
      };
    }>(
      `query($v: ID!) { version(id: $v) { changedLines carriedNotes { edges { node { outcome detail
        anchor { ... on ScriptAnchor { lineStart } } } } } } }`,
      { v: script?.versions[1]?.id },
      { token },
    );
    const carried = expectData(blue).version.carriedNotes.edges.map((e) => e.node);
    expect(carried.map((c) => [c.outcome, c.anchor.lineStart, c.detail])).toEqual([
      ["MOVED", 94, "moved from line 95"],
      ["TEXT_CHANGED", 25, "text changed"],
      ["LINES_REMOVED", 86, "line 85 removed; nearest surviving line 86"],
    ]);
    expect(expectData(blue).version.changedLines).toHaveLength(6);
    // Cut v2's EDL moved the montage before the red light: v1's open notes followed their shots.
    const cutV2 = await timeCarried(cut?.versions[1]?.id);
    expect(
      expectData(cutV2).version.carriedNotes.edges.map(({ node: c }) => [
        c.method,
        c.outcome,
        c.anchor.startTimecode,
        c.detail,
      ]),
    ).toEqual([
      ["EDIT", "MOVED", "01:00:29:12", "moved +00:00:17:00 (shot reordered)"],
      ["EDIT", "MOVED", "01:00:17:12", "moved -00:00:08:00 (shot reordered)"],
    ]);

    // The mix's versions are laid to cut v1 and v2: v1's open notes followed the recut's conform.
    expect(mix?.versions.map((v) => v.pictureVersion?.id)).toEqual(cut?.versions.map((v) => v.id));
    const mixV2 = await timeCarried(mix?.versions[1]?.id);
    const follows = "follows picture: cut v1 → v2";
    expect(
      expectData(mixV2).version.carriedNotes.edges.map(({ node: c }) => [
        c.method,
        c.outcome,
        c.anchor.startTimecode,
        c.detail,
      ]),
    ).toEqual([
      ["EDIT", "MOVED", "01:00:12:00", `moved -00:00:08:00 (shot reordered); ${follows}`],
      [
        "EDIT",
        "TRIMMED",
        "01:00:44:23",
        `trimmed: the frames were cut from DINER; at its nearest surviving frame (+00:00:00:09); ${follows}`,
      ],
      [
        "EDIT",
        "RANGE_SPLIT",
        "01:00:12:00",
        `range split in 2: 01:00:00:00-01:00:09:23, 01:00:12:00-01:00:44:23; anchored to the longest; ${follows}`,
      ],
    ]);
    for (const asset of versions) {
      const notes = asset.flatMap((v) => v.notes.edges);
      expect(notes.length).toBeGreaterThanOrEqual(3);
      expect(notes.some((n) => n.node.replyCount > 0)).toBe(true);
    }
    // Every media path the seed uses exists on disk.
    const urls = versions.flatMap((a) => a.flatMap((v) => [v.mediaUrl, ...v.stems.map((s) => s.mediaUrl)]));
    for (const url of urls.filter((u): u is string => !!u)) {
      expect(existsSync(new URL(`../..${url}`, import.meta.url)), url).toBe(true);
    }
  });

  it("exports the cut's notes as markers", async () => {
    const token = await signIn("editor@demo.greenlight");
    // One export per request (issue 13): find the cut's first version, then export it.
    const list = expectData(
      await server.gql<{ productions: { assets: { versions: { id: string }[] }[] }[] }>(
        `{ productions { assets(kind: CUT) { versions { id } } } }`,
        {},
        { token },
      ),
    );
    const versionId = list.productions[0]?.assets[0]?.versions[0]?.id;
    const res = expectData(
      await server.gql<{ version: { exportMarkers: string } }>(
        `query($v: ID!) { version(id: $v) { exportMarkers(format: CMX3600_EDL) } }`,
        { v: versionId },
        { token },
      ),
    );
    const edl = res.version.exportMarkers;
    expect(edl).toContain("FCM: NON-DROP FRAME");
    // A range's length leads the locator's text (LOC has no duration field).
    expect(edl).toMatch(/\* LOC: 01:00:00:00 GREEN {3}#1 DUR 120 \[RESOLVED\] Rafael Ortiz: Open on the fog/);
  });

  it("is skipped when present and recreated on reset", async () => {
    expect((await seedDemoIfEmpty()).seeded).toBe(false);
    await expect(seedDemo({ quiet: true })).rejects.toThrow(/already exist/);
    const again = await seedDemo({ reset: true, quiet: true });
    expect(again.seeded).toBe(true);
    const token = await signIn("viewer@demo.greenlight");
    const demo = expectData(
      await server.gql<{ productions: { id: string }[] }>(`{ productions { id } }`, {}, { token }),
    );
    expect(demo.productions.map((x) => x.id)).toEqual([again.productionId]);
  });
});
