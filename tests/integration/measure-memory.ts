/**
 * Measures server memory per idle subscribed connection: one server process (with the inspector
 * on), N sockets each with one productionEvents subscription; the V8 heap after a full GC before
 * and after, through the inspector protocol, plus RSS (an upper bound: includes garbage and
 * socket buffers). BREAKDOWN=1 adds a heap-snapshot diff by node name (what each connection holds).
 * Run: `CONNECTIONS=2000 pnpm --filter @greenlight/tests exec tsx integration/measure-memory.ts`.
 */
import { readFileSync } from "node:fs";
import { addNote, listEvents, setupProduction } from "./support/api.js";
import { startCluster } from "./support/processes.js";
import { Inspector } from "./support/inspector.js";
import { ResumingSubscriber } from "./support/subscriber.js";

const N = Number(process.env.CONNECTIONS ?? 1_000);
/** BREAKDOWN=1: also print what grew, by heap-snapshot node name, in bytes per connection. */
const BREAKDOWN = process.env.BREAKDOWN === "1";

function printBreakdown(
  before: Map<string, { size: number; count: number }>,
  after: Map<string, { size: number; count: number }>,
): void {
  const rows = [...after].map(([name, a]) => {
    const b = before.get(name) ?? { size: 0, count: 0 };
    return { name, bytesPerConn: (a.size - b.size) / N, countPerConn: (a.count - b.count) / N };
  });
  rows.sort((x, y) => y.bytesPerConn - x.bytesPerConn);
  for (const r of rows.slice(0, 45))
    console.log(
      `${r.bytesPerConn.toFixed(0).padStart(6)} B  ${r.countPerConn.toFixed(2).padStart(6)}x  ${r.name}`,
    );
}

function rssKb(pid: number): number {
  const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, "utf8"));
  return Number(m?.[1] ?? 0);
}

// Port 0: the inspector binds a free port and names it on stderr before the server is ready.
const cluster = await startCluster(1, {
  NODE_OPTIONS: "--inspect=127.0.0.1:0",
  LOG_LEVEL: "info",
  WS_MAX_CONNECTIONS_PER_USER: String(N), // N sockets over 3 users
  WS_MAX_SUBSCRIPTION_COST_PER_USER: String(N * 100), // and their subscriptions' cost
});
try {
  const url = cluster.urls[0] as string;
  const pid = cluster.servers[0]?.child?.pid as number;
  const setup = await setupProduction(url);
  const start = (await listEvents(url, setup.showrunner.token, setup.productionId, null)).at(-1) ?? null;
  const warm = new ResumingSubscriber(
    [cluster.wsUrls[0] as string],
    setup.showrunner.token,
    setup.productionId,
    start,
  );
  await warm.start();
  await addNote(url, setup.showrunner.token, setup.versionId, "warm");
  await warm.waitForNote("warm");
  const inspectPort = /Debugger listening on ws:\/\/127\.0\.0\.1:(\d+)\//.exec(
    cluster.servers[0]?.output ?? "",
  )?.[1];
  if (!inspectPort) throw new Error("the server did not report its inspector port");
  const inspector = await Inspector.connect(Number(inspectPort));
  const heapBefore = await inspector.heapAfterGc();
  const namesBefore = BREAKDOWN ? await inspector.heapByName() : null;
  const before = rssKb(pid);
  const subs: ResumingSubscriber[] = [];
  for (let i = 0; i < N; i++) {
    const s = new ResumingSubscriber(
      [cluster.wsUrls[0] as string],
      setup.members[i % 3]?.token as string,
      setup.productionId,
      start,
    );
    subs.push(s);
    await s.start();
  }
  await addNote(url, setup.showrunner.token, setup.versionId, "all-attached");
  await Promise.all(subs.map((s) => s.waitForNote("all-attached")));
  const heapAfter = await inspector.heapAfterGc();
  const after = rssKb(pid);
  if (namesBefore) printBreakdown(namesBefore, await inspector.heapByName());
  inspector.close();
  console.log(
    JSON.stringify({
      connections: N,
      heapPerConnectionKb: +((heapAfter - heapBefore) / 1024 / N).toFixed(2),
      rssPerConnectionKb: +((after - before) / N).toFixed(2),
    }),
  );
  for (const s of subs) s.stop();
  warm.stop();
} finally {
  await cluster.stop();
}
