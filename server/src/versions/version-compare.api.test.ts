import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AssetKind } from "../assets/asset.enums.js";
import { Role } from "../productions/production.enums.js";
import {
  type Actor,
  type BuiltProduction,
  buildMatrixWorld,
  buildVersion,
  expectedCode,
  gqlAs,
} from "../test/domain-factories.js";
import { errorCode, expectData, type TestServer } from "../test/harness.js";

let server: TestServer;
let prod: BuiltProduction;
let actors: Actor[];

beforeAll(async () => {
  ({ server, prod, actors } = await buildMatrixWorld());
});
afterAll(() => server?.close());

const COMPARE = `query($a: ID!, $b: ID!) {
  compareVersions(a: $a, b: $b) {
    kind diffed
    a { number } b { number }
    alignment { sameClock summary }
    lines { kind aLine bLine text }
  }
}`;
type Comparison = {
  kind: string;
  diffed: boolean;
  a: { number: number };
  b: { number: number };
  alignment: { sameClock: boolean; summary: string } | null;
  lines: { kind: string; aLine: number | null; bLine: number | null; text: string }[] | null;
};
const compare = (a: string, b: string, as = prod.as(Role.DIRECTOR)) =>
  gqlAs<{ compareVersions: Comparison }>(server, as, COMPARE, { a, b });

async function twoVersions(kind: AssetKind, first: Record<string, unknown>, second: Record<string, unknown>) {
  const v1 = await buildVersion(server, prod, kind, first);
  const v2 = await buildVersion(server, prod, kind, second, v1.assetId);
  return [v1.versionId, v2.versionId] as const;
}

describe("compareVersions", () => {
  it("cuts on one clock are frame-locked; different rates or starts are aligned by timecode and say so", async () => {
    const [a, b] = await twoVersions(AssetKind.CUT, {}, {});
    const same = expectData(await compare(a, b)).compareVersions;
    expect(same).toMatchObject({ kind: "CUT", a: { number: 1 }, b: { number: 2 }, lines: null });
    expect(same.alignment?.sameClock).toBe(true);
    const [c, d] = await twoVersions(
      AssetKind.CUT,
      { frameRate: "FPS_24", startTimecode: "01:00:00:00" },
      { frameRate: "FPS_25", startTimecode: "00:59:58:00" },
    );
    const differ = expectData(await compare(c, d)).compareVersions;
    expect(differ.alignment).toEqual({
      sameClock: false,
      summary: "Aligned by timecode: v1 24 from 01:00:00:00, v2 25 from 00:59:58:00.",
    });
  });

  it("scripts get a line diff from a to b with each side's line numbers", async () => {
    const [a, b] = await twoVersions(
      AssetKind.SCRIPT,
      { text: "INT. A\nold line\nEND\n" },
      { text: "INT. A\nnew line\nEND\nTAG\n" },
    );
    const res = expectData(await compare(a, b)).compareVersions;
    expect(res.diffed).toBe(true);
    expect(res.alignment).toBeNull();
    expect(res.lines).toEqual([
      { kind: "SAME", aLine: 1, bLine: 1, text: "INT. A" },
      { kind: "REMOVED", aLine: 2, bLine: null, text: "old line" },
      { kind: "ADDED", aLine: null, bLine: 2, text: "new line" },
      { kind: "SAME", aLine: 3, bLine: 3, text: "END" },
      { kind: "ADDED", aLine: null, bLine: 4, text: "TAG" },
    ]);
  });

  it("refuses a version with itself, versions of two assets, and unknown ids", async () => {
    const [a] = await twoVersions(AssetKind.CUT, {}, {});
    const other = (await buildVersion(server, prod, AssetKind.CUT)).versionId;
    expect(errorCode(await compare(a, a))).toBe("BAD_USER_INPUT");
    expect(errorCode(await compare(a, other))).toBe("BAD_USER_INPUT");
    expect(errorCode(await compare(a, "000000000000000000000000"))).toBe("NOT_FOUND");
    expect(errorCode(await compare("nope", a))).toBe("NOT_FOUND");
  });

  it("bounds the diff: scripts too different to diff are listed a then b (diffed false)", async () => {
    const many = (p: string) => `${Array.from({ length: 1_200 }, (_, i) => `${p} ${i}`).join("\n")}\n`;
    const [a, b] = await twoVersions(AssetKind.SCRIPT, { text: many("a") }, { text: many("b") });
    const started = Date.now();
    const res = expectData(await compare(a, b)).compareVersions;
    expect(res.diffed).toBe(false);
    expect(res.lines?.length).toBe(2_400);
    expect(Date.now() - started).toBeLessThan(10_000);
  });
});

describe("compareVersions: every member, nobody else", () => {
  let ids: readonly [string, string];
  beforeAll(async () => {
    ids = await twoVersions(AssetKind.CUT, {}, {});
  });
  it.each([
    "SHOWRUNNER",
    "DIRECTOR",
    "EDITOR",
    "SOUND_DESIGNER",
    "WRITER",
    "PRODUCER",
    "EXECUTIVE",
    "VIEWER",
    "NON_MEMBER",
    "SIGNED_OUT",
  ])("%s", async (label) => {
    const actor = actors.find((x) => x.label === label) as Actor;
    const res = await gqlAs(server, actor.user, COMPARE, { a: ids[0], b: ids[1] });
    expect(errorCode(res)).toBe(expectedCode(actor, Object.values(Role)));
  });
});
