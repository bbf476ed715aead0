import { type ChildProcess, spawn } from "node:child_process";
import { join } from "node:path";
import { createInterface } from "node:readline";
import type { Document } from "bson";
import { afterAll, describe, expect, it } from "vitest";
import { Engine } from "../src/engine/engine.js";
import { createPersistence } from "../src/storage/index.js";
import { tempDir } from "./journal-fixture.js";

/**
 * kill -9 during multi-document transactions: a child runs the store in file mode with several
 * clients committing transactions (test/crash-txn-child.ts); the parent SIGKILLs it at a random
 * point, then opens the directory itself (as a restart does: stale lock taken over, torn tail
 * dropped) and checks that every acknowledged transaction is there whole, that nothing remains of
 * one that never reached commit or was aborted, that one in flight at the kill is all or nothing,
 * and that the accounts its updates touched agree with the items it inserted. Compaction is
 * forced often (small threshold) so kills also land mid-compaction.
 */
const ROUNDS = Number(process.env.CRASH_TXN_ROUNDS ?? 20);
// `pnpm --filter @greenlight/embedded-mongo test:crash` runs many more rounds (no time limit).
const TIMEOUT_MS = process.env.CRASH_TXN_ROUNDS ? 0 : 180_000;
const t = tempDir("crash-txn");
const spawned = new Set<ChildProcess>();
afterAll(() => {
  for (const c of spawned) c.kill("SIGKILL");
  t.cleanup();
});

interface Round {
  committed: Set<string>;
  /** Reached commitTransaction (it may or may not have committed before the kill). */
  committing: Set<string>;
  aborted: Set<string>;
}

/** A round's child, started early: it loads its modules and waits for go (see the child). */
interface Child {
  proc: ChildProcess;
  lines: AsyncIterator<string>;
  stderr: () => string;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

function spawnChild(round: number): Child {
  const proc = spawn(
    process.execPath,
    ["--import", "tsx", join(import.meta.dirname, "crash-txn-child.ts"), t.dir, String(round)],
    {
      stdio: ["pipe", "pipe", "pipe"],
      env: { ...process.env, EMBEDDED_MONGO_COMPACT_BYTES: String(32 * 1024) },
    },
  );
  spawned.add(proc);
  let stderr = "";
  proc.stderr!.on("data", (d: Buffer) => {
    stderr += d.toString();
  });
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    proc.once("exit", (code, signal) => {
      spawned.delete(proc);
      resolve({ code, signal });
    }),
  );
  const lines = createInterface({ input: proc.stdout! })[Symbol.asyncIterator]();
  return { proc, lines, stderr: () => stderr, exited };
}

/** Let the child open the directory, read its reports, SIGKILL it after `killAfterCommits`. */
async function runRound(child: Child, killAfterCommits: number): Promise<Round> {
  const res: Round = { committed: new Set(), committing: new Set(), aborted: new Set() };
  const loaded = await child.lines.next();
  if (loaded.value !== "LOADED") throw new Error(`crash child did not load: ${child.stderr()}`);
  child.proc.stdin!.write("go\n");
  // Read to the end: lines written before the kill landed still count (a "P" may have committed).
  let killed = false;
  for (let next = await child.lines.next(); !next.done; next = await child.lines.next()) {
    const [kind, key] = next.value.split(" ") as [string, string];
    if (kind === "P") res.committing.add(key);
    else if (kind === "C") res.committed.add(key);
    else if (kind === "X") res.aborted.add(key);
    if (!killed && res.committed.size >= killAfterCommits) {
      killed = true;
      child.proc.kill("SIGKILL");
    }
  }
  const { code, signal } = await child.exited;
  if (signal !== "SIGKILL")
    throw new Error(`crash child exited on its own (code ${code}): ${child.stderr()}`);
  return res;
}

/** What the directory holds, read as a restarted store would. */
async function recovered(): Promise<{ items: Map<string, Document[]>; accounts: Map<string, Document> }> {
  const engine = new Engine(createPersistence({ dbPath: t.dir, logger: () => {} }));
  await engine.open();
  try {
    const items = new Map<string, Document[]>();
    for (const d of engine.collection("crash", "items")?.docs.values() ?? []) {
      const list = items.get(d.txn) ?? [];
      list.push(d);
      items.set(d.txn, list);
    }
    const accounts = new Map<string, Document>();
    for (const d of engine.collection("crash", "accounts")?.docs.values() ?? []) accounts.set(d._id, d);
    return { items, accounts };
  } finally {
    await engine.persistence.close();
  }
}

describe("crash safety of transactions (SIGKILL while clients commit)", () => {
  it(`keeps every committed transaction whole and nothing of the others over ${ROUNDS} kills`, {
    timeout: TIMEOUT_MS,
  }, async () => {
    const committed = new Set<string>();
    const committing = new Set<string>();
    const aborted = new Set<string>();
    let next = spawnChild(0);
    for (let r = 0; r < ROUNDS; r++) {
      const child = next;
      if (r + 1 < ROUNDS) next = spawnChild(r + 1);
      const res = await runRound(child, 5 + Math.floor(Math.random() * 20));
      for (const k of res.committed) committed.add(k);
      for (const k of res.committing) committing.add(k);
      for (const k of res.aborted) aborted.add(k);

      const { items, accounts } = await recovered();
      for (const key of committed) {
        const docs = items.get(key) ?? [];
        expect([key, docs.length]).toEqual([key, 3]);
      }
      for (const [key, docs] of items) {
        // Only transactions that reached commit may be there, and then whole.
        expect([key, committing.has(key), aborted.has(key)]).toEqual([key, true, false]);
        expect([key, docs.map((d) => d.j).sort()]).toEqual([key, [0, 1, 2]]);
      }
      // The updates committed with exactly the transactions whose inserts are there.
      const perWriter = new Map<string, number>();
      for (const key of items.keys()) {
        const w = `w${key.split("-")[1]!.slice(1)}`;
        perWriter.set(w, (perWriter.get(w) ?? 0) + 1);
      }
      for (const [w, n] of perWriter) expect([w, accounts.get(w)?.n]).toEqual([w, n]);
      expect(accounts.get("total")?.n ?? 0).toBe(items.size);
    }
    console.log(
      `crash-txn test: ${ROUNDS} kills, ${committed.size} transactions acknowledged, ${committing.size - committed.size} in flight at a kill, ${aborted.size} aborted`,
    );
    expect(committed.size).toBeGreaterThanOrEqual(ROUNDS * 5);
    expect(aborted.size).toBeGreaterThan(0);
  });
});
