/**
 * Server CPU per delivered event, multiplexed realtime vs a bare `ws` server sending one pre-built
 * frame. Server CPU is read from /proc (utime + stime). Realtime: two server processes, writes on
 * the first, S subscribers on the second; the second's CPU over E × S deliveries (minus its CPU
 * for the same writes with no subscribers: the change stream still carries them).
 * Run: `pnpm --filter @greenlight/tests exec tsx integration/measure-cpu.ts` (SUBSCRIBERS, EVENTS).
 */
import { spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { createInterface } from "node:readline";
import WebSocket from "ws";
import { addNote, listEvents, setupProduction } from "./support/api.js";
import { REPO, startCluster } from "./support/processes.js";
import { ResumingSubscriber } from "./support/subscriber.js";

const S = Number(process.env.SUBSCRIBERS ?? 1_000);
const E = Number(process.env.EVENTS ?? 50);
const TICK_MS = 10; // USER_HZ = 100 on Linux
/** FEED=1: an activity-feed document (actor, note author, version) instead of `note { body }`. */
const EXTRA = process.env.FEED
  ? "actor { id name initials } note { id status createdAt authorRole replyCount author { id name initials } version { id number status } }"
  : "";

function cpuMs(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]?.split(" ") ?? [];
  return (Number(fields[11]) + Number(fields[12])) * TICK_MS;
}

async function realtime(): Promise<{ perDeliveryUs: number; frame: string }> {
  const cluster = await startCluster(2, {
    LOG_LEVEL: "info",
    WS_MAX_CONNECTIONS_PER_USER: String(S + 10),
    WS_MAX_SUBSCRIPTION_COST_PER_USER: String((S + 10) * 100),
  });
  try {
    const url = cluster.urls[0] as string;
    const wsUrl = cluster.wsUrls[1] as string;
    const pid = cluster.servers[1]?.child?.pid as number;
    const setup = await setupProduction(url);
    const token = setup.showrunner.token;
    for (let i = 0; i < 20; i++) await addNote(url, token, setup.versionId, `warm-${i}`);
    let t = cpuMs(pid);
    for (let i = 0; i < E; i++) await addNote(url, token, setup.versionId, `alone-${i}`);
    const alone = cpuMs(pid) - t;
    const start = (await listEvents(url, token, setup.productionId, null)).at(-1) ?? null;
    const subs: ResumingSubscriber[] = [];
    for (let i = 0; i < S; i++) {
      const s = new ResumingSubscriber(
        [wsUrl],
        setup.members[0]?.token as string,
        setup.productionId,
        start,
        0,
        EXTRA,
      );
      subs.push(s);
      await s.start();
    }
    await addNote(url, token, setup.versionId, "attached");
    await Promise.all(subs.map((s) => s.waitForNote("attached")));
    t = cpuMs(pid);
    for (let i = 0; i < E; i++) {
      await addNote(url, token, setup.versionId, `fan-${i}`);
      await Promise.all(subs.map((s) => s.waitForNote(`fan-${i}`)));
    }
    const withSubs = cpuMs(pid) - t;
    for (const s of subs) s.stop();
    const frame = JSON.stringify({
      id: "e",
      type: "next",
      payload: {
        data: { productionEvents: { cursor: start, type: "NOTE_ADDED", note: { body: "fan-00" } } },
      },
    });
    return { perDeliveryUs: ((withSubs - alone) * 1_000) / (E * S), frame };
  } finally {
    await cluster.stop();
  }
}

async function bare(frame: string): Promise<number> {
  const child = spawn(
    process.execPath,
    ["--import", "tsx", join(REPO, "tests/integration/support/bare-ws-server.ts"), "0", frame],
    {
      cwd: join(REPO, "tests"),
      stdio: ["pipe", "pipe", "inherit"],
    },
  );
  // Whole lines, so a port number split across two chunks is never read short.
  const port = await new Promise<number>((resolve) => {
    if (child.stdout)
      createInterface({ input: child.stdout }).on("line", (line) => {
        const m = /^bare ready (\d+)$/.exec(line);
        if (m) resolve(Number(m[1]));
      });
  });
  let received = 0;
  const waiters = new Set<() => void>();
  const clients: WebSocket[] = [];
  for (let i = 0; i < S; i++) {
    const c = new WebSocket(`ws://127.0.0.1:${port}`);
    c.on("message", (d) => {
      JSON.parse(String(d)); // same client work as the realtime run
      received++;
      for (const w of waiters) w();
    });
    await new Promise((r) => c.once("open", r));
    clients.push(c);
  }
  const until = (n: number) =>
    new Promise<void>((resolve) => {
      const check = () => {
        if (received < n) return;
        waiters.delete(check);
        resolve();
      };
      waiters.add(check);
      check();
    });
  const t = cpuMs(child.pid as number);
  for (let i = 0; i < E; i++) {
    child.stdin?.write("go\n");
    await until((i + 1) * S);
  }
  const used = cpuMs(child.pid as number) - t;
  for (const c of clients) c.close();
  child.kill("SIGKILL");
  return (used * 1_000) / (E * S);
}

const rt = await realtime();
const bareUs = await bare(rt.frame);
console.log(
  JSON.stringify({
    subscribers: S,
    events: E,
    document: EXTRA ? "feed" : "note { body }",
    realtimeUsPerDelivery: +rt.perDeliveryUs.toFixed(2),
    bareWsUsPerDelivery: +bareUs.toFixed(2),
    ratio: +(rt.perDeliveryUs / bareUs).toFixed(2),
  }),
);
