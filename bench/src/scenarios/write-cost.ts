import { readdirSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { FromBare } from "../bare-writer.js";
import type { RunContext } from "../lib/context.js";
import { addNote, createFixture, type Fixture } from "../lib/fixture.js";
import { RemoteProfiler } from "../lib/inspector.js";
import { BENCH_ROOT, cpuDelta, cpuTime, spawnTs, stopChild } from "../lib/proc.js";
import { type PhaseBreakdown, type Phases, phaseBreakdown, STORE_PHASES } from "../lib/profile-phases.js";
import { DB_NAME, type InProcessServer, startServer, startStore } from "../lib/stack.js";
import { StoreProxy } from "../lib/store-proxy.js";
import { round, roundSummary, type Summary, summarize } from "../lib/stats.js";

/** CPU ms per write of each process involved (utime + stime from /proc over the window). */
export interface CpuPerWrite {
  /** The process that sent the writes: the server, or the bare driver script. */
  clientMs: number;
  /** The store process (0 when it runs inside the server). */
  storeMs: number;
  totalMs: number;
}

export interface WriteCostResult {
  writes: number;
  /** Server and store as separate processes (`MONGODB_URI` set). */
  server: CpuPerWrite & { latencyMs: Summary };
  /** The bare-driver baseline: the same documents' writes as one transaction, same store. */
  baseline: CpuPerWrite & { latencyMs: number };
  /** One process, as `pnpm start` runs it (embedded store in the server, durable files). */
  inProcess: CpuPerWrite & { latencyMs: Summary };
  /** Store commands per write, by name, and their total (upkeep and change-stream getMores apart). */
  storeCommands: {
    server: Record<string, number>;
    serverTotal: number;
    baseline: Record<string, number>;
    baselineTotal: number;
  };
  /** Journal bytes appended per write (the store's files). */
  journalBytes: { server: number; baseline: number; inProcess: number };
  /** The server process's share by phase (not in --quick), from a profile of `profiledWrites` more addNotes. */
  profile: Profiled | null;
  /** The store process's share by phase, profiled over the same writes. */
  storeProfile: Profiled | null;
  /** The same for the in-process server, where the store's own work is a phase of its own. */
  inProcessProfile: Profiled;
}

export type Profiled = PhaseBreakdown & {
  profiledWrites: number;
  /** Each phase's share applied to the unprofiled CPU per write (the profiler adds its own). */
  phasesMsPerWrite: { phase: string; ms: number }[];
};

let k = 4_000_000;

function journalSize(dir: string): number {
  let n = 0;
  for (const f of readdirSync(dir)) if (/^journal-\d+\.log$/.test(f)) n += statSync(join(dir, f)).size;
  return n;
}

const perWrite = (seconds: number, n: number) => round((seconds * 1000) / n, 3);

/**
 * What one `addNote` costs in CPU, next to the bare driver making the same writes, on a fresh
 * store of its own (nothing else watches or writes it): separate server and store processes, the
 * baseline, then the server with its store in-process. Sequential requests, after a warm-up.
 */
export async function runWriteCost(ctx: RunContext, inproc: InProcessTarget): Promise<WriteCostResult> {
  const { plan, log } = ctx;
  const n = plan.costWrites;
  // A store and server of their own, profiled; the smoke run (--quick) measures on the run's own
  // (their inspectors off, so no server/store profile: the in-process one covers that code).
  const own = !plan.quick;
  const store = own ? await startStore("store-cost", { inspect: true }) : ctx.store;
  try {
    const server = own ? await startServer("server-cost", store, {}, { inspect: true }) : ctx.writer;
    let lastNoteId = "";
    let serverPart: WriteCostResult["server"];
    let serverWork: ReturnType<StoreProxy["workSince"]>;
    let serverJournal: number;
    let profile: Profiled | undefined;
    let storeProfile: Profiled | undefined;
    const profiled = Math.max(10, Math.round(n / 2));
    try {
      const f = own ? await createFixture(server.url, 1, "Cost show") : ctx.fixture;
      const note = () => addNote(server.url, f.owner.token, f.versionId, k++);
      for (let i = 0; i < plan.costWarmup; i++) lastNoteId = await note();
      const before = server.proxy.snapshot();
      const j0 = journalSize(store.dbPath);
      const c0 = cpuTime(server.pid);
      const s0 = cpuTime(store.pid);
      const times: number[] = [];
      for (let i = 0; i < n; i++) {
        const t = performance.now();
        lastNoteId = await note();
        times.push(performance.now() - t);
      }
      const c = cpuDelta(c0, cpuTime(server.pid)).total;
      const s = cpuDelta(s0, cpuTime(store.pid)).total;
      serverJournal = journalSize(store.dbPath) - j0;
      serverWork = server.proxy.workSince(before);
      serverPart = {
        clientMs: perWrite(c, n),
        storeMs: perWrite(s, n),
        totalMs: perWrite(c + s, n),
        latencyMs: roundSummary(summarize(times), 2),
      };
      log(`  write cost: server ${serverPart.clientMs} + store ${serverPart.storeMs} ms CPU per addNote`);
      if (own)
        [profile, storeProfile] = await profileWrites(
          [
            { name: "server", url: server.inspector, cpuMsPerWrite: serverPart.clientMs },
            { name: "store", url: store.inspector, cpuMsPerWrite: serverPart.storeMs, phases: STORE_PHASES },
          ],
          profiled,
          note,
        );
    } finally {
      if (own) await server.stop();
    }
    const bare = await runBaseline(store, lastNoteId, n, plan.costWarmup);
    log(`  write cost: bare driver ${bare.part.clientMs} + store ${bare.part.storeMs} ms CPU per write`);
    const inProcess = await runInProcess(inproc, n, plan.costWarmup);
    log(`  write cost: in-process ${inProcess.part.totalMs} ms CPU per addNote`);
    const perName = (w: { byName: Record<string, number> }) =>
      Object.fromEntries(Object.entries(w.byName).map(([name, c]) => [name, round(c / n, 2)]));
    return {
      writes: n,
      server: serverPart,
      baseline: bare.part,
      inProcess: inProcess.part,
      storeCommands: {
        server: perName(serverWork),
        serverTotal: round(serverWork.total / n, 2),
        baseline: perName(bare.work),
        baselineTotal: round(bare.work.total / n, 2),
      },
      journalBytes: {
        server: Math.round(serverJournal / n),
        baseline: Math.round(bare.journal / n),
        inProcess: Math.round(inProcess.journal / n),
      },
      profile: profile ?? null,
      storeProfile: storeProfile ?? null,
      inProcessProfile: inProcess.profile,
    };
  } finally {
    if (own) await store.stop();
  }
}

interface ProfileTarget {
  name: string;
  url: string | undefined;
  /** Unprofiled CPU ms per write of this process, to scale each phase's share to. */
  cpuMsPerWrite: number;
  phases?: Phases;
}

/** Profiles the processes together over `count` more writes (the profiler's own cost stays out). */
async function profileWrites(
  targets: ProfileTarget[],
  count: number,
  note: () => Promise<string>,
): Promise<Profiled[]> {
  const profilers = await Promise.all(
    targets.map((t) => {
      if (!t.url) throw new Error(`${t.name} was started without its inspector`);
      return RemoteProfiler.connect(t.url);
    }),
  );
  try {
    await Promise.all(profilers.map((p) => p.start()));
    for (let i = 0; i < count; i++) await note();
    const raws = await Promise.all(profilers.map((p) => p.stop()));
    return raws.map((raw, i) => {
      const t = targets[i] as ProfileTarget;
      // BENCH_WRITE_PROFILES=<dir> keeps them for tools/profile-summary.ts.
      const dir = process.env.BENCH_WRITE_PROFILES;
      if (dir) writeFileSync(join(dir, `write-cost-${t.name}.cpuprofile`), JSON.stringify(raw));
      const breakdown = phaseBreakdown(raw, t.phases);
      const phasesMsPerWrite = breakdown.phases.map((p) => ({
        phase: p.phase,
        ms: round(p.share * t.cpuMsPerWrite, 2),
      }));
      return { ...breakdown, profiledWrites: count, phasesMsPerWrite };
    });
  } finally {
    for (const p of profilers) p.close();
  }
}

async function runBaseline(
  store: { port: number; pid: number; dbPath: string },
  noteId: string,
  n: number,
  warmup: number,
): Promise<{
  part: WriteCostResult["baseline"];
  work: ReturnType<StoreProxy["workSince"]>;
  journal: number;
}> {
  // Through a proxy of its own, as the server's commands went: the same hop, and counted.
  const proxy = new StoreProxy(store.port);
  const port = await proxy.start();
  const child = spawnTs(join(BENCH_ROOT, "src/bare-writer.ts"), [], {
    cwd: BENCH_ROOT,
    ipc: true,
    name: "bare",
  });
  const ask = (msg: object, t: FromBare["t"]) =>
    new Promise<FromBare>((resolve, reject) => {
      const onMessage = (m: FromBare) => {
        if (m.t === "error") reject(new Error(`bare writer: ${m.message}`));
        else if (m.t === t) resolve(m);
        else return;
        child.off("message", onMessage);
      };
      child.on("message", onMessage);
      child.send(msg);
    });
  try {
    const uri = `mongodb://127.0.0.1:${port}/?directConnection=true`;
    await ask({ t: "init", uri, db: DB_NAME, noteId }, "ready");
    await ask({ t: "run", n: warmup }, "done");
    const before = proxy.snapshot();
    const j0 = journalSize(store.dbPath);
    const c0 = cpuTime(child.pid as number);
    const s0 = cpuTime(store.pid);
    const done = (await ask({ t: "run", n }, "done")) as Extract<FromBare, { t: "done" }>;
    const c = cpuDelta(c0, cpuTime(child.pid as number)).total;
    const s = cpuDelta(s0, cpuTime(store.pid)).total;
    return {
      part: {
        clientMs: perWrite(c, n),
        storeMs: perWrite(s, n),
        totalMs: perWrite(c + s, n),
        latencyMs: round(done.ms / n, 2),
      },
      work: proxy.workSince(before),
      journal: journalSize(store.dbPath) - j0,
    };
  } finally {
    child.send({ t: "stop" });
    await stopChild(child);
    await proxy.stop();
  }
}

/** An in-process server (`pnpm start`'s shape) and a fixture on it, shared with write-fanout.ts. */
export interface InProcessTarget {
  server: InProcessServer;
  fixture: Fixture;
}

async function runInProcess(
  { server, fixture: f }: InProcessTarget,
  n: number,
  warmup: number,
): Promise<{ part: WriteCostResult["inProcess"]; journal: number; profile: Profiled }> {
  const note = () => addNote(server.url, f.owner.token, f.versionId, k++);
  for (let i = 0; i < warmup; i++) await note();
  const j0 = journalSize(server.dbPath);
  const c0 = cpuTime(server.pid);
  const times: number[] = [];
  for (let i = 0; i < n; i++) {
    const t = performance.now();
    await note();
    times.push(performance.now() - t);
  }
  const c = cpuDelta(c0, cpuTime(server.pid)).total;
  const journal = journalSize(server.dbPath) - j0;
  const [profile] = await profileWrites(
    [{ name: "in-process", url: server.inspector, cpuMsPerWrite: perWrite(c, n) }],
    Math.max(10, Math.round(n / 2)),
    note,
  );
  return {
    part: {
      clientMs: perWrite(c, n),
      storeMs: 0,
      totalMs: perWrite(c, n),
      latencyMs: roundSummary(summarize(times), 2),
    },
    journal,
    profile: profile as Profiled,
  };
}
