import type { ChildProcess } from "node:child_process";
import { join } from "node:path";
import type { FromLoader, ToLoader } from "../loaders/protocol.js";
import { wallNow } from "./clock.js";
import { BENCH_ROOT, spawnTs, stopChild } from "./proc.js";
import { sleep } from "./stats.js";

const SOCKETS_PER_LOADER = 2_500;

type Reply<T extends FromLoader["t"]> = Extract<FromLoader, { t: T }>;

/** One loader child with a request/reply helper (replies come back in order, by type). */
class Loader {
  private readonly waiting: { t: string; resolve: (m: FromLoader) => void }[] = [];
  /** Offset to add to this loader's clock to get ours (see calibrate). */
  offsetMs = 0;
  offsetBoundMs = 0;

  constructor(
    readonly child: ChildProcess,
    readonly name: string,
  ) {
    child.on("message", (m: FromLoader) => {
      const i = this.waiting.findIndex((w) => w.t === m.t);
      if (i >= 0) this.waiting.splice(i, 1)[0]?.resolve(m);
    });
  }

  ask<T extends FromLoader["t"]>(msg: ToLoader | null, t: T, timeoutMs = 600_000): Promise<Reply<T>> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`${this.name}: no '${t}' in ${timeoutMs} ms`)),
        timeoutMs,
      );
      this.waiting.push({
        t,
        resolve: (m) => {
          clearTimeout(timer);
          resolve(m as Reply<T>);
        },
      });
      if (msg) this.child.send(msg);
    });
  }
}

export interface ConnectSpec {
  url: string;
  mode: "graphql" | "bare";
  tokens: string[];
  query: string;
  variables: Record<string, unknown>;
}

/**
 * Several loader processes sharing the sockets of a scenario evenly. Their arrival times are
 * corrected by a per-loader clock offset measured over IPC (bound: half the round trip).
 */
export class LoaderPool {
  private constructor(readonly loaders: Loader[]) {}
  total = 0;
  /** Sockets each loader holds. */
  private held: number[] = [];

  static async start(count: number): Promise<LoaderPool> {
    const loaders = Array.from({ length: count }, (_, i) => {
      const name = `loader${i}`;
      const child = spawnTs(join(BENCH_ROOT, "src/loaders/ws-loader.ts"), [], {
        cwd: BENCH_ROOT,
        ipc: true,
        name,
      });
      return new Loader(child, name);
    });
    await Promise.all(loaders.map((l) => l.ask(null, "ready", 60_000)));
    const pool = new LoaderPool(loaders);
    await pool.calibrate();
    return pool;
  }

  /** Best of several IPC round trips: offset = our midpoint − their reading. */
  async calibrate(): Promise<{ maxOffsetMs: number; maxBoundMs: number }> {
    for (const l of this.loaders) {
      let best = Number.POSITIVE_INFINITY;
      for (let i = 0; i < 20; i++) {
        const t0 = wallNow();
        const r = await l.ask({ t: "clock" }, "clock");
        const t1 = wallNow();
        if (t1 - t0 < best) {
          best = t1 - t0;
          l.offsetMs = (t0 + t1) / 2 - r.now;
          l.offsetBoundMs = best / 2;
        }
      }
    }
    return this.clockError();
  }

  clockError(): { maxOffsetMs: number; maxBoundMs: number } {
    return {
      maxOffsetMs: Math.max(...this.loaders.map((l) => Math.abs(l.offsetMs))),
      maxBoundMs: Math.max(...this.loaders.map((l) => l.offsetBoundMs)),
    };
  }

  /**
   * Loader i's part of `total`: as few loaders as hold it (2,500 sockets each), so a small phase
   * does not wake four processes per event on the two cores the server shares with them.
   */
  private share(total: number, i: number): number {
    const n = Math.min(this.loaders.length, Math.max(1, Math.ceil(total / SOCKETS_PER_LOADER)));
    if (i >= n) return 0;
    return Math.floor(total / n) + (i < total % n ? 1 : 0);
  }

  /** Grows or shrinks to `total` sockets; returns failures (a failed socket is not retried). */
  async resize(total: number, spec: ConnectSpec): Promise<{ failed: number; errors: string[] }> {
    const replies = await Promise.all(
      this.loaders.map((l, i) => {
        const target = this.share(total, i);
        return target > (this.held[i] ?? 0)
          ? l.ask({ t: "connect", target, ...spec }, "connected")
          : l
              .ask({ t: "shrink", target }, "shrunk")
              .then((r) => ({ ...r, failed: 0, errors: [] as string[] }));
      }),
    );
    this.held = replies.map((r) => r.total);
    this.total = replies.reduce((s, r) => s + r.total, 0);
    return {
      failed: replies.reduce((s, r) => s + r.failed, 0),
      errors: replies.flatMap((r) => r.errors),
    };
  }

  /** Sockets (over all loaders) that have received marker `k`. */
  async received(k: number): Promise<number> {
    const r = await Promise.all(this.loaders.map((l) => l.ask({ t: "count", k }, "count")));
    return r.reduce((s, x) => s + x.sockets, 0);
  }

  /** Polls until `expected` sockets received `k` or `timeoutMs` passes; returns the count. */
  async waitFor(k: number, expected: number, timeoutMs: number): Promise<number> {
    const end = Date.now() + timeoutMs;
    for (;;) {
      const n = await this.received(k);
      if (n >= expected || Date.now() > end) return n;
      await sleep(50);
    }
  }

  async record(on: true): Promise<void> {
    await Promise.all(this.loaders.map((l) => l.ask({ t: "record", on }, "recording")));
  }

  /** Stops recording; arrival times per marker, in our clock. */
  async collect(): Promise<{
    byK: Map<number, number[]>;
    frameBytes: number;
    other: Record<string, number>;
  }> {
    const replies = await Promise.all(this.loaders.map((l) => l.ask({ t: "record", on: false }, "arrivals")));
    const byK = new Map<number, number[]>();
    let frameBytes = 0;
    const other: Record<string, number> = {};
    replies.forEach((r, i) => {
      const offset = (this.loaders[i] as Loader).offsetMs;
      frameBytes = Math.max(frameBytes, r.frameBytes);
      for (const [name, n] of Object.entries(r.other)) other[name] = (other[name] ?? 0) + n;
      for (const [k, times] of r.byK) {
        const list = byK.get(k) ?? [];
        byK.set(k, list);
        for (const t of times) list.push(t + offset);
      }
    });
    return { byK, frameBytes, other };
  }

  async stop(): Promise<void> {
    await Promise.all(
      this.loaders.map((l) => {
        if (l.child.connected) l.child.send({ t: "exit" } satisfies ToLoader);
        return stopChild(l.child, 3_000);
      }),
    );
  }
}
