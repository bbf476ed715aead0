import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AssetKind } from "../assets/asset.enums.js";
import {
  expectNotQueuedBehind,
  inParallel,
  percentile,
  probeLatency,
  retainedHeapMb,
} from "../test/attack.js";
import { addNoteCopies } from "../test/bulk-notes.js";
import { buildProduction, buildVersion, type BuiltProduction } from "../test/domain-factories.js";
import { buildUser, type BuiltUser } from "../test/factories.js";
import { errorCode, startTestServer, type TestServer } from "../test/harness.js";

// Finding 2 of issue 13: a VIEWER ran 30 aliased exports of a 2,000-note version per request
// (6.2 s, 129 MB each); four at once took the server to 4.1 GB and `me` to 10 s.
const BODY = "x".repeat(2_000);
let t: TestServer;
let p: BuiltProduction;
let outsider: BuiltUser;
let big: string; // over MAX_EXPORT_NOTES
let allowed: string; // under it

beforeAll(async () => {
  t = await startTestServer({ env: { MAX_EXPORT_NOTES: "1999", EXPORT_CONCURRENCY: "2" } });
  p = await buildProduction(t, { members: { VIEWER: 1 } });
  outsider = await buildUser(t);
  big = (await buildVersion(t, p, AssetKind.CUT)).versionId;
  allowed = (await buildVersion(t, p, AssetKind.CUT)).versionId;
  await addNoteCopies(t, p.showrunner, big, 2_000, BODY);
  await addNoteCopies(t, p.showrunner, allowed, 1_500, BODY);
}, 120_000);
afterAll(async () => {
  await t?.close();
});

const exportOf = (v: string, as: BuiltUser) =>
  t
    .as(as)
    .gql<{ version: { exportMarkers: string } }>(
      "query($v: ID!) { version(id: $v) { exportMarkers(format: CSV) } }",
      { v },
    );

describe("exportMarkers cost", () => {
  it("allows one export per operation: aliases are refused before anything runs (400)", async () => {
    const aliases = Array.from({ length: 30 }, (_, i) => `e${i}: exportMarkers(format: CSV)`).join(" ");
    const res = await t
      .as(p.as("VIEWER"))
      .gql(`query($v: ID!) { version(id: $v) { ${aliases} } }`, { v: allowed });
    expect(res.status).toBe(400);
    expect(res.body.errors?.[0]?.message).toBe("exportMarkers is asked 30 times; one export per request.");
  });

  it("runs one export per request however the document reaches several (a shared fragment)", async () => {
    const res = await t
      .as(p.as("VIEWER"))
      .gql<Record<string, { exportMarkers: string } | null>>(
        "query($a: ID!, $b: ID!) { a: version(id: $a) { ...E } b: version(id: $b) { ...E } } fragment E on Version { exportMarkers(format: CSV) }",
        { a: allowed, b: allowed },
      );
    expect(res.body.errors).toHaveLength(1);
    expect(res.body.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
    expect(res.body.errors?.[0]?.message).toMatch(/One exportMarkers per request/);
  });

  it("counts an export as EXPORT_COST in the estimate, so a list of versions' exports is refused", async () => {
    const res = await t
      .as(p.as("VIEWER"))
      .gql(
        "query($p: ID!) { production(id: $p) { assets(kind: CUT) { versions { exportMarkers(format: CSV) } } } }",
        { p: p.id },
      );
    expect(res.status).toBe(400);
    expect(res.body.errors?.[0]?.message).toMatch(/^Query cost \d+ exceeds the limit/);
  });

  it("refuses a version with more live notes than MAX_EXPORT_NOTES, before reading them", async () => {
    const res = await exportOf(big, p.as("VIEWER"));
    expect(errorCode(res)).toBe("BAD_USER_INPUT");
    expect(res.body.errors?.[0]?.message).toMatch(/has 2000 notes; an export takes at most 1999/);
  });

  it("keeps another user's `me` fast and memory bounded while a viewer floods exports", async () => {
    expect((await exportOf(allowed, p.as("VIEWER"))).body.errors).toBeUndefined(); // warm
    const before = retainedHeapMb();
    let peak = 0;
    const probe = probeLatency(async () => {
      await t.as(outsider).gql("{ me { id } }");
      peak = Math.max(peak, process.memoryUsage().heapUsed / 1_048_576);
    });
    const started = performance.now();
    const results = await inParallel(
      8,
      Array.from({ length: 16 }, () => async () => (await exportOf(allowed, p.as("VIEWER"))).status),
    );
    const attackMs = performance.now() - started;
    const latencies = await probe.stop();
    const kept = retainedHeapMb() - before;
    console.log(
      `exports flood: 16 exports of 1,500 notes in ${attackMs.toFixed(0)} ms; other user's me p50 ${percentile(latencies, 50).toFixed(0)} ms, p99 ${percentile(latencies, 99).toFixed(0)} ms, max ${percentile(latencies, 100).toFixed(0)} ms; heap peak +${(peak - before).toFixed(0)} MB, kept +${kept.toFixed(1)} MB`,
    );
    expect(results.every((s) => s === 200)).toBe(true);
    expectNotQueuedBehind(latencies, attackMs);
    expect(peak - before).toBeLessThan(400);
    expect(kept).toBeLessThan(20);
  }, 120_000);
});
