import { closeSync, openSync, readFileSync, realpathSync, unlinkSync, writeSync } from "node:fs";
import { join } from "node:path";

/** Raised when another live process owns the data directory. */
export class DirectoryLockedError extends Error {
  constructor(
    readonly dir: string,
    readonly pid: number,
  ) {
    super(
      `Data directory ${dir} is already in use by process ${pid} (lock file ${join(dir, LOCK_FILE)}). ` +
        "Stop that process or choose another dbPath.",
    );
    this.name = "DirectoryLockedError";
  }
}

export const LOCK_FILE = "mongod.lock";

/** Lock files this process holds (a pid match alone cannot tell us from a previous incarnation). */
const held = new Set<string>();

/**
 * Linux process start time (clock ticks since boot, /proc/<pid>/stat field 22), so a recycled pid
 * (common in containers, where the store may be pid 1 on every start) is not mistaken for the owner.
 */
function startTime(pid: number): string | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    // Fields after the parenthesised command name, which may itself contain spaces.
    return stat.slice(stat.lastIndexOf(")") + 2).split(" ")[19] ?? null;
  } catch {
    return null;
  }
}

function alive(pid: number): boolean {
  try {
    // Signal 0 checks existence only; EPERM means it exists but belongs to someone else.
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === "EPERM";
  }
}

/**
 * An exclusive lock on a data directory: a lock file created with O_EXCL holding the owner's pid.
 * A lock left behind by a dead process (kill -9) is taken over; a live owner (including this very
 * process opening the directory twice) is refused.
 */
export class DirLock {
  private constructor(readonly path: string) {}

  static acquire(dir: string, log: (msg: string, level?: "info" | "warn") => void = () => {}): DirLock {
    // Canonical path, so the same directory reached through a symlink or relative path is one lock.
    const path = join(realpathSync(dir), LOCK_FILE);
    for (let attempt = 0; attempt < 3; attempt++) {
      try {
        const fd = openSync(path, "wx");
        try {
          writeSync(fd, `${process.pid} ${startTime(process.pid) ?? "-"}\n`);
        } finally {
          closeSync(fd);
        }
        held.add(path);
        return new DirLock(path);
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code !== "EEXIST") throw err;
      }
      let pid = Number.NaN;
      let started = "-";
      try {
        const [p, st] = readFileSync(path, "utf8").trim().split(/\s+/);
        pid = Number.parseInt(p ?? "", 10);
        started = st ?? "-";
      } catch {
        // Vanished between open and read: retry the create.
        continue;
      }
      // An empty/garbled file is a creator that died between create and write; treat as stale.
      if (Number.isInteger(pid) && pid > 0) {
        if (pid === process.pid) {
          if (held.has(path)) throw new DirectoryLockedError(dir, pid);
        } else if (alive(pid)) {
          const now = startTime(pid);
          if (started === "-" || now === null || now === started) throw new DirectoryLockedError(dir, pid);
        }
      }
      log(
        `removing stale lock ${path} (pid ${Number.isNaN(pid) ? "unknown" : pid} is no longer running)`,
        "warn",
      );
      try {
        unlinkSync(path);
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code !== "ENOENT") throw err;
      }
    }
    throw new Error(`could not acquire lock ${path}: contended`);
  }

  release(): void {
    held.delete(this.path);
    try {
      unlinkSync(this.path);
    } catch {
      // Already gone; nothing to release.
    }
  }
}
