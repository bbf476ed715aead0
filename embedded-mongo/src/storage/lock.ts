import { closeSync, openSync, readFileSync, unlinkSync, writeSync } from "node:fs";
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

  static acquire(dir: string, log: (msg: string) => void = () => {}): DirLock {
    const path = join(dir, LOCK_FILE);
    for (let attempt = 0; attempt < 3; attempt++) {
      try {
        const fd = openSync(path, "wx");
        try {
          writeSync(fd, `${process.pid}\n`);
        } finally {
          closeSync(fd);
        }
        return new DirLock(path);
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code !== "EEXIST") throw err;
      }
      let pid = Number.NaN;
      try {
        pid = Number.parseInt(readFileSync(path, "utf8").trim(), 10);
      } catch {
        // Vanished between open and read: retry the create.
        continue;
      }
      // An empty/garbled file is a creator that died between create and write; treat as stale.
      if (Number.isInteger(pid) && pid > 0 && alive(pid)) throw new DirectoryLockedError(dir, pid);
      log(`removing stale lock ${path} (pid ${Number.isNaN(pid) ? "unknown" : pid} is not running)`);
      try {
        unlinkSync(path);
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code !== "ENOENT") throw err;
      }
    }
    throw new Error(`could not acquire lock ${path}: contended`);
  }

  release(): void {
    try {
      unlinkSync(this.path);
    } catch {
      // Already gone; nothing to release.
    }
  }
}
