import { type ChildProcess, execFileSync, spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { createInterface } from "node:readline";
import { fileURLToPath } from "node:url";

export const BENCH_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "../..");
export const REPO_ROOT = resolve(BENCH_ROOT, "..");

/** Clock ticks per second for /proc/<pid>/stat times (usually 100, i.e. 10 ms resolution). */
export const CLK_TCK: number = (() => {
  try {
    return Number(execFileSync("getconf", ["CLK_TCK"], { encoding: "utf8" }).trim()) || 100;
  } catch {
    return 100;
  }
})();

export interface CpuTime {
  user: number;
  system: number;
}

/** utime + stime of a process, in seconds, from /proc/<pid>/stat (fields 14 and 15). */
export function cpuTime(pid: number): CpuTime {
  const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
  // The command name (field 2) may contain spaces; everything after the last ')' is fixed-format.
  const rest = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  return { user: Number(rest[11]) / CLK_TCK, system: Number(rest[12]) / CLK_TCK };
}

export function cpuDelta(a: CpuTime, b: CpuTime): CpuTime & { total: number } {
  const user = b.user - a.user;
  const system = b.system - a.system;
  return { user, system, total: user + system };
}

/** Resident set size in bytes (VmRSS). */
export function rssBytes(pid: number): number {
  const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, "utf8"));
  return m ? Number(m[1]) * 1024 : Number.NaN;
}

export interface SpawnOptions {
  cwd: string;
  env?: Record<string, string>;
  ipc?: boolean;
  /** Extra node flags (e.g. --cpu-prof). */
  nodeArgs?: string[];
  name: string;
}

const children = new Set<ChildProcess>();
const INSPECTOR_BANNER =
  /^(Debugger listening on|For help, see: https:\/\/nodejs\.org|Debugger attached|Waiting for the debugger)/;

/**
 * Runs a TypeScript entry with `node --import tsx` (not the tsx CLI, which would put a second
 * process between us and the one whose /proc we read). Output is prefixed and forwarded.
 */
export function spawnTs(script: string, args: string[], o: SpawnOptions): ChildProcess {
  const child = spawn(process.execPath, [...(o.nodeArgs ?? []), "--import", "tsx", script, ...args], {
    cwd: o.cwd,
    env: { ...process.env, ...o.env },
    stdio: o.ipc ? ["ignore", "pipe", "pipe", "ipc"] : ["ignore", "pipe", "pipe"],
    serialization: "advanced",
  });
  children.add(child);
  child.on("exit", () => children.delete(child));
  const forward = (stream: NodeJS.ReadableStream | null, to: NodeJS.WriteStream) => {
    if (!stream) return;
    createInterface({ input: stream }).on("line", (line) => {
      // The inspector's banner (children the bench profiles) is not an error.
      if (!process.env.BENCH_VERBOSE && INSPECTOR_BANNER.test(line)) return;
      if (process.env.BENCH_VERBOSE || to === process.stderr) to.write(`  [${o.name}] ${line}\n`);
    });
  };
  forward(child.stderr, process.stderr);
  forward(child.stdout, process.stdout);
  return child;
}

/** Resolves with the first stdout match of `re` (its first group), or rejects on exit/timeout. */
export function waitForLine(
  child: ChildProcess,
  re: RegExp,
  timeoutMs: number,
  name: string,
): Promise<string> {
  return new Promise((resolveLine, reject) => {
    if (!child.stdout) return reject(new Error(`${name}: no stdout`));
    const rl = createInterface({ input: child.stdout });
    const timer = setTimeout(() => reject(new Error(`${name}: not ready after ${timeoutMs} ms`)), timeoutMs);
    const onExit = (code: number | null) => {
      clearTimeout(timer);
      reject(new Error(`${name} exited with ${code} before it was ready`));
    };
    child.once("exit", onExit);
    rl.on("line", (line) => {
      const m = re.exec(line);
      if (!m) return;
      clearTimeout(timer);
      child.off("exit", onExit);
      rl.close();
      resolveLine(m[1] ?? m[0]);
    });
  });
}

/** SIGTERM, then SIGKILL after `graceMs`. Resolves when the child has exited. */
export function stopChild(child: ChildProcess, graceMs = 5_000): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((done) => {
    const kill = setTimeout(() => child.kill("SIGKILL"), graceMs);
    child.once("exit", () => {
      clearTimeout(kill);
      done();
    });
    child.kill("SIGTERM");
  });
}

/** Last resort on the way out (errors, Ctrl-C): no child of ours outlives the run. */
export function killAllChildren(): void {
  for (const c of children) if (c.exitCode === null) c.kill("SIGKILL");
}
// Also when this process dies of something else (a closed stdout pipe, an uncaught error).
process.on("exit", killAllChildren);
