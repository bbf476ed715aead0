/**
 * Measures server memory per idle subscribed connection: one server process (with the inspector
 * on), N sockets each with one productionEvents subscription; the V8 heap after a full GC before
 * and after, through the inspector protocol, plus RSS (an upper bound: includes garbage and
 * socket buffers). Run: `pnpm --filter @greenlight/tests exec tsx integration/measure-memory.ts`.
 */
import { readFileSync } from "node:fs";
import WebSocket from "ws";
import { freePort } from "./support/processes.js";
import { addNote, listEvents, setupProduction } from "./support/api.js";
import { startCluster } from "./support/processes.js";
import { ResumingSubscriber } from "./support/subscriber.js";

const N = Number(process.env.CONNECTIONS ?? 1_000);

function rssKb(pid: number): number {
  const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, "utf8"));
  return Number(m?.[1] ?? 0);
}

/** Full GC in the server, then its used heap (bytes), via the inspector. */
async function heapAfterGc(inspectPort: number): Promise<number> {
  const list = (await (await fetch(`http://127.0.0.1:${inspectPort}/json/list`)).json()) as Array<{
    webSocketDebuggerUrl: string;
  }>;
  const ws = new WebSocket(list[0]?.webSocketDebuggerUrl as string);
  await new Promise((r) => ws.once("open", r));
  let id = 0;
  const call = (method: string) =>
    new Promise<Record<string, number>>((resolve) => {
      const my = ++id;
      const onMsg = (d: WebSocket.RawData) => {
        const msg = JSON.parse(String(d)) as { id?: number; result?: Record<string, number> };
        if (msg.id === my) {
          ws.off("message", onMsg);
          resolve(msg.result ?? {});
        }
      };
      ws.on("message", onMsg);
      ws.send(JSON.stringify({ id: my, method }));
    });
  await call("HeapProfiler.collectGarbage");
  await call("HeapProfiler.collectGarbage");
  const usage = await call("Runtime.getHeapUsage");
  ws.close();
  return usage.usedSize as number;
}

const inspectPort = await freePort();
const cluster = await startCluster(1, {
  NODE_OPTIONS: `--inspect=127.0.0.1:${inspectPort}`,
  LOG_LEVEL: "info",
});
try {
  const url = cluster.urls[0] as string;
  const pid = cluster.servers[0]?.child?.pid as number;
  const setup = await setupProduction(url);
  const start = (await listEvents(url, setup.showrunner.token, setup.productionId, null)).at(-1) ?? null;
  const warm = new ResumingSubscriber(
    [`${url.replace(/^http/, "ws")}/graphql`],
    setup.showrunner.token,
    setup.productionId,
    start,
  );
  await warm.start();
  await addNote(url, setup.showrunner.token, setup.versionId, "warm");
  await warm.waitForNote("warm");
  const heapBefore = await heapAfterGc(inspectPort);
  const before = rssKb(pid);
  const subs: ResumingSubscriber[] = [];
  for (let i = 0; i < N; i++) {
    const s = new ResumingSubscriber(
      [`${url.replace(/^http/, "ws")}/graphql`],
      setup.members[i % 3]?.token as string,
      setup.productionId,
      start,
    );
    subs.push(s);
    await s.start();
  }
  await addNote(url, setup.showrunner.token, setup.versionId, "all-attached");
  await Promise.all(subs.map((s) => s.waitForNote("all-attached")));
  const heapAfter = await heapAfterGc(inspectPort);
  const after = rssKb(pid);
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
