import { writeSync, writevSync } from "node:fs";
import { type FileHandle, open } from "node:fs/promises";
import { dirname } from "node:path";

/**
 * fsync a directory so a create/rename/unlink inside it is itself durable. Windows cannot open a
 * directory for syncing (and NTFS journals metadata itself), so there it is a no-op.
 */
export async function fsyncDir(dir: string): Promise<void> {
  if (process.platform === "win32") return;
  const fh = await open(dir, "r");
  try {
    await fh.sync();
  } finally {
    await fh.close();
  }
}

interface Append {
  kind: "append";
  record: Buffer;
  lastSeq: bigint;
  done: () => void;
  fail: (err: Error) => void;
}

interface Rotate {
  kind: "rotate";
  path: string;
  done: () => void;
  fail: (err: Error) => void;
}

/**
 * Append-only journal file with group commit. Records queued while a write+fsync is in flight
 * are written together with one writev and covered by one fdatasync; each caller's promise
 * resolves after the fsync that covers its record. A rotation marker in the queue switches to a
 * new file only after everything before it is durable in the old one, so journals never have gaps.
 */
export class JournalWriter {
  private queue: (Append | Rotate)[] = [];
  private running = false;
  private failed: Error | null = null;
  private drainWaiters: { done: () => void; fail: (err: Error) => void }[] = [];
  private fh: FileHandle;
  private bytes: number;
  /** Stats for the benchmark / diagnostics. */
  readonly stats = { fsyncs: 0, records: 0 };

  private constructor(
    fh: FileHandle,
    size: number,
    private readonly onDurable: (lastSeq: bigint) => void,
  ) {
    this.fh = fh;
    this.bytes = size;
  }

  static async open(path: string, onDurable: (lastSeq: bigint) => void): Promise<JournalWriter> {
    const fh = await open(path, "a");
    const { size } = await fh.stat();
    await fsyncDir(dirname(path));
    return new JournalWriter(fh, size, onDurable);
  }

  /** Bytes in the current journal file (written, not counting queued records). */
  get size(): number {
    return this.bytes;
  }

  append(record: Buffer, lastSeq: bigint): Promise<void> {
    if (this.failed) return Promise.reject(this.failed);
    return new Promise((done, fail) => {
      this.queue.push({ kind: "append", record, lastSeq, done, fail });
      this.kick();
    });
  }

  /** Switch to a new journal file once all records queued so far are durable in the current one. */
  rotate(path: string): Promise<void> {
    if (this.failed) return Promise.reject(this.failed);
    return new Promise((done, fail) => {
      this.queue.push({ kind: "rotate", path, done, fail });
      this.kick();
    });
  }

  /** Wait for the queue to drain, then close the file. */
  async close(): Promise<void> {
    await new Promise<void>((done, fail) => {
      if (!this.running && this.queue.length === 0) return done();
      this.drainWaiters.push({ done, fail });
    });
    await this.fh.close();
  }

  /**
   * Start a flush at the end of this event-loop phase rather than right away: every command
   * whose request arrived in the same poll phase (and every writer resumed by the previous
   * flush) has committed by then, so they share one fsync instead of the first one going alone.
   */
  private kick(): void {
    if (this.running) return;
    this.running = true;
    setImmediate(() => void this.run());
  }

  private async run(): Promise<void> {
    let group: Append[] = [];
    try {
      while (this.queue.length > 0) {
        const head = this.queue[0]!;
        if (head.kind === "rotate") {
          this.queue.shift();
          await this.fh.close();
          this.fh = await open(head.path, "a");
          this.bytes = (await this.fh.stat()).size;
          await fsyncDir(dirname(head.path));
          head.done();
          continue;
        }
        // Everything up to the next rotation marker goes out in one write + one fsync.
        group = [];
        while (this.queue.length > 0 && this.queue[0]!.kind === "append")
          group.push(this.queue.shift() as Append);
        this.writeAll(group.map((a) => a.record));
        await this.fh.datasync();
        this.stats.fsyncs++;
        this.stats.records += group.length;
        this.onDurable(group[group.length - 1]!.lastSeq);
        for (const a of group) a.done();
        group = [];
      }
    } catch (err) {
      // After a failed write/fsync the file state is unknown: refuse all further writes.
      this.failed = err instanceof Error ? err : new Error(String(err));
      for (const q of [...group, ...this.queue.splice(0)]) q.fail(this.failed);
    } finally {
      this.running = false;
      for (const w of this.drainWaiters.splice(0)) {
        if (this.failed) w.fail(this.failed);
        else w.done();
      }
    }
  }

  /**
   * The write itself only copies into the page cache (microseconds), so it runs inline; only the
   * fdatasync goes to the thread pool. That saves one thread hand-off per group, which matters
   * on a busy machine, without blocking the event loop for the disk flush.
   */
  private writeAll(bufs: Buffer[]): void {
    let total = 0;
    for (const b of bufs) total += b.length;
    let written = writevSync(this.fh.fd, bufs);
    // writev may write partially; finish the remainder from a single concatenated buffer.
    if (written < total) {
      const rest = Buffer.concat(bufs).subarray(written);
      let off = 0;
      while (off < rest.length) off += writeSync(this.fh.fd, rest, off, rest.length - off);
      written = total;
    }
    this.bytes += written;
  }
}
