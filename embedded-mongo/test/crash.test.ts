import { type ChildProcess, spawn } from "node:child_process";
import { existsSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { createInterface } from "node:readline";
import type { Document } from "bson";
import { afterAll, describe, expect, it } from "vitest";
import { Engine } from "../src/engine/engine.js";
import { createPersistence } from "../src/storage/index.js";
import { crashDoc } from "./crash-docs.js";
import { tempDir } from "./journal-fixture.js";

/**
 * kill -9 durability: a child runs the store in file mode with concurrent acknowledged writers;
 * the parent SIGKILLs it at random points, restarts it on the same directory (stale lock taken
 * over, torn tail dropped), and finally checks every acknowledged write is present and intact and
 * that no insertMany (one journal record) was half applied. Compaction is forced often (small
 * threshold) so kills also land mid-compaction.
 */
const ROUNDS = 5;
const t = tempDir("crash");
afterAll(() => t.cleanup());

interface Round {
  acked: string[];
  batches: string[];
}

function runRound(round: number, killAfterAcks: number): Promise<Round> {
  const child: ChildProcess = spawn(
    process.execPath,
    ["--import", "tsx", join(import.meta.dirname, "crash-child.ts"), t.dir, String(round)],
    {
      stdio: ["ignore", "pipe", "pipe"],
      env: { ...process.env, EMBEDDED_MONGO_COMPACT_BYTES: String(48 * 1024) },
    },
  );
  const res: Round = { acked: [], batches: [] };
  let stderr = "";
  child.stderr!.on("data", (d: Buffer) => {
    stderr += d.toString();
  });
  return new Promise((resolve, reject) => {
    let killed = false;
    createInterface({ input: child.stdout! }).on("line", (line) => {
      const [kind, key] = line.split(" ");
      if (kind === "A") res.acked.push(key!);
      else if (kind === "B") res.batches.push(key!);
      if (!killed && res.acked.length + res.batches.length >= killAfterAcks) {
        killed = true;
        child.kill("SIGKILL");
      }
    });
    child.once("exit", (code, signal) => {
      if (signal === "SIGKILL") resolve(res);
      else reject(new Error(`crash child exited on its own (code ${code}): ${stderr}`));
    });
  });
}

describe("crash safety (SIGKILL during concurrent durable writes)", () => {
  it(`loses no acknowledged write and applies no batch halfway over ${ROUNDS} kills`, {
    timeout: 90_000,
  }, async () => {
    const acked: string[] = [];
    const batches: string[] = [];
    for (let r = 0; r < ROUNDS; r++) {
      const res = await runRound(r, 100 + Math.floor(Math.random() * 400));
      acked.push(...res.acked);
      batches.push(...res.batches);
    }
    expect(acked.length + batches.length).toBeGreaterThan(ROUNDS * 100);
    // Compaction ran (the small threshold forces it), so recovery went through snapshot + journal.
    expect(existsSync(join(t.dir, "snapshot.bson"))).toBe(true);
    console.log(
      `crash test: ${acked.length} insertOne + ${batches.length} insertMany acknowledged; dir: ${readdirSync(t.dir).join(", ")}`,
    );

    const engine = new Engine(createPersistence({ dbPath: t.dir, logger: () => {} }));
    await engine.open();
    try {
      const coll = engine.collection("crash", "docs");
      expect(coll).toBeDefined();
      const get = (id: string): Document | null => engine.findById("crash", "docs", id);
      const missing = acked.filter((id) => get(id) === null);
      expect(missing).toEqual([]);
      for (const id of acked) expect(get(id)).toEqual(crashDoc(id, null));
      for (const b of batches) {
        for (let j = 0; j < 5; j++) expect(get(`${b}-${j}`)).toEqual(crashDoc(`${b}-${j}`, b));
      }
      // All-or-nothing: every batch present at all (acknowledged or not) is complete, and every
      // document present is intact.
      const perBatch = new Map<string, number>();
      for (const d of coll!.docs.values()) {
        expect(d).toEqual(crashDoc(String(d._id), d.batch ?? null));
        if (d.batch) perBatch.set(d.batch, (perBatch.get(d.batch) ?? 0) + 1);
      }
      for (const [b, n] of perBatch) expect([b, n]).toEqual([b, 5]);
    } finally {
      await engine.persistence.close();
    }
  });
});
