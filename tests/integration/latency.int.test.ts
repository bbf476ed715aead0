import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addNote, listEvents, type Setup, setupProduction } from "./support/api.js";
import { type Cluster, startCluster } from "./support/processes.js";
import { ResumingSubscriber } from "./support/subscriber.js";

/**
 * Delivery latency from the mutation's HTTP response (and from its request) to the subscriber,
 * one server process, same machine. Printed for the report; asserts only sanity bounds.
 */
let cluster: Cluster;
let setup: Setup;
let wsUrl: string;

beforeAll(async () => {
  cluster = await startCluster(1);
  wsUrl = cluster.wsUrls[0] as string;
  setup = await setupProduction(cluster.urls[0] as string);
});
afterAll(() => cluster?.stop());

function pct(xs: number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))] as number;
}

async function measure(subscribers: number, events: number, tag: string) {
  const url = cluster.urls[0] as string;
  const start = (await listEvents(url, setup.showrunner.token, setup.productionId, null)).at(-1) ?? null;
  const subs: ResumingSubscriber[] = [];
  for (let i = 0; i < subscribers; i++) {
    const s = new ResumingSubscriber([wsUrl], setup.members[0]?.token as string, setup.productionId, start);
    subs.push(s);
    await s.start();
  }
  // Warm-up (also proves every subscriber is attached).
  await addNote(url, setup.showrunner.token, setup.versionId, `${tag}-warm`);
  await Promise.all(subs.map((s) => s.waitForNote(`${tag}-warm`)));
  const fromResponse: number[] = [];
  const fromRequest: number[] = [];
  for (let i = 0; i < events; i++) {
    const body = `${tag}-${i}`;
    const sent = performance.now();
    await addNote(url, setup.showrunner.token, setup.versionId, body);
    const responded = performance.now();
    const arrivals = await Promise.all(subs.map((s) => s.waitForNote(body)));
    for (const t of arrivals) {
      fromResponse.push(t - responded);
      fromRequest.push(t - sent);
    }
  }
  for (const s of subs) s.stop();
  const r = (xs: number[]) => ({ p50: +pct(xs, 50).toFixed(2), p99: +pct(xs, 99).toFixed(2) });
  const result = {
    subscribers,
    events,
    samples: fromResponse.length,
    fromResponseMs: r(fromResponse),
    fromRequestMs: r(fromRequest),
  };
  console.log(`latency ${JSON.stringify(result)}`);
  return result;
}

describe("delivery latency", () => {
  it("1 subscriber", async () => {
    const r = await measure(1, 200, "one");
    expect(r.fromRequestMs.p99).toBeLessThan(1_000);
  });

  it("100 subscribers (one multiplexed group)", async () => {
    const r = await measure(100, 100, "hundred");
    expect(r.fromRequestMs.p99).toBeLessThan(2_000);
  });
});
