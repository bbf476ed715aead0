import { spawn } from "node:child_process";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { FilePersistence } from "../src/storage/file.js";
import { DirectoryLockedError, LOCK_FILE } from "../src/storage/lock.js";
import { tempDir } from "./journal-fixture.js";

const cleanups: (() => void)[] = [];
afterEach(() => {
  for (const c of cleanups.splice(0)) c();
});

function dir(): string {
  const t = tempDir("lock");
  cleanups.push(t.cleanup);
  return t.dir;
}

const quiet = { logger: () => {} };

/** A child node process; resolves once it is running, with its pid. */
function child(): Promise<{ pid: number; exited: Promise<void>; kill: () => void }> {
  const c = spawn(process.execPath, ["-e", "console.log('up'); setInterval(() => {}, 1000)"], {
    stdio: ["ignore", "pipe", "inherit"],
  });
  const exited = new Promise<void>((r) => c.once("exit", () => r()));
  return new Promise((resolve) =>
    c.stdout!.once("data", () => resolve({ pid: c.pid!, exited, kill: () => c.kill("SIGKILL") })),
  );
}

describe("data directory lock", () => {
  it("refuses a second opener in the same process, naming the directory and pid", async () => {
    const d = dir();
    const a = new FilePersistence({ dbPath: d, ...quiet });
    await a.open(() => {});
    const b = new FilePersistence({ dbPath: d, ...quiet });
    const err = await b.open(() => {}).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(DirectoryLockedError);
    expect((err as Error).message).toContain(d);
    expect((err as Error).message).toContain(String(process.pid));
    await a.close();
    expect(existsSync(join(d, LOCK_FILE))).toBe(false);
    await b.open(() => {});
    await b.close();
  });

  it("refuses while another live process holds the lock", async () => {
    const d = dir();
    const c = await child();
    try {
      writeFileSync(join(d, LOCK_FILE), `${c.pid}\n`);
      const p = new FilePersistence({ dbPath: d, ...quiet });
      await expect(p.open(() => {})).rejects.toThrow(`in use by process ${c.pid}`);
    } finally {
      c.kill();
      await c.exited;
    }
  });

  it("takes over a stale lock left by a dead process", async () => {
    const d = dir();
    const c = await child();
    c.kill();
    await c.exited;
    writeFileSync(join(d, LOCK_FILE), `${c.pid}\n`);
    const logs: string[] = [];
    const p = new FilePersistence({ dbPath: d, logger: (m) => logs.push(m) });
    await p.open(() => {});
    expect(readFileSync(join(d, LOCK_FILE), "utf8").split(" ")[0]).toBe(String(process.pid));
    expect(logs.some((l) => l.includes("stale lock"))).toBe(true);
    await p.close();
  });

  it("takes over a lock whose pid now belongs to a different process (pid reuse, containers)", async () => {
    const d = dir();
    const c = await child();
    try {
      // Same pid, but a start time that is not the live process's: the owner is gone.
      writeFileSync(join(d, LOCK_FILE), `${c.pid} 1\n`);
      const p = new FilePersistence({ dbPath: d, ...quiet });
      await p.open(() => {});
      await p.close();
      // Our own pid left by an earlier incarnation (e.g. pid 1 in a restarted container).
      writeFileSync(join(d, LOCK_FILE), `${process.pid} 1\n`);
      const q = new FilePersistence({ dbPath: d, ...quiet });
      await q.open(() => {});
      await q.close();
    } finally {
      c.kill();
      await c.exited;
    }
  });
});
