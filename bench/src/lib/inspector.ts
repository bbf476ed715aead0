import type { ChildProcess } from "node:child_process";
import { createInterface } from "node:readline";
import WebSocket from "ws";
import type { CpuProfile } from "./profile-phases.js";

/** Node flag for a child whose V8 profiler the bench drives (loopback, port chosen by the OS). */
export const INSPECT_FLAG = "--inspect=127.0.0.1:0";

/** The inspector URL a child started with INSPECT_FLAG prints on stderr. */
export function inspectorUrl(child: ChildProcess, timeoutMs = 60_000): Promise<string> {
  return new Promise((resolve, reject) => {
    if (!child.stderr) return reject(new Error("no stderr to read the inspector URL from"));
    const rl = createInterface({ input: child.stderr });
    const timer = setTimeout(() => reject(new Error("no inspector URL")), timeoutMs);
    rl.on("line", (line) => {
      const m = /Debugger listening on (ws:\/\/\S+)/.exec(line);
      if (!m?.[1]) return;
      clearTimeout(timer);
      rl.close();
      resolve(m[1]);
    });
  });
}

/**
 * A V8 CPU profile of a window chosen by the bench (Profiler.start … Profiler.stop over the
 * inspector protocol): only the measured requests, not start-up or fixture creation, which a
 * `--cpu-prof` file would mix in.
 */
export class RemoteProfiler {
  private nextId = 1;
  private readonly waiting = new Map<number, (result: unknown) => void>();

  private constructor(private readonly ws: WebSocket) {
    ws.on("message", (data) => {
      const msg = JSON.parse(String(data)) as { id?: number; result?: unknown; error?: { message: string } };
      if (msg.id === undefined) return;
      const done = this.waiting.get(msg.id);
      this.waiting.delete(msg.id);
      done?.(msg.error ? new Error(msg.error.message) : msg.result);
    });
  }

  static async connect(url: string): Promise<RemoteProfiler> {
    const ws = new WebSocket(url);
    await new Promise<void>((resolve, reject) => {
      ws.once("open", () => resolve());
      ws.once("error", reject);
    });
    const p = new RemoteProfiler(ws);
    await p.call("Profiler.enable");
    // 200 µs: fine enough for a few-millisecond request, light enough not to dominate it.
    await p.call("Profiler.setSamplingInterval", { interval: 200 });
    return p;
  }

  call(method: string, params: Record<string, unknown> = {}): Promise<unknown> {
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.waiting.set(id, (r) => (r instanceof Error ? reject(r) : resolve(r)));
      this.ws.send(JSON.stringify({ id, method, params }));
    });
  }

  start(): Promise<unknown> {
    return this.call("Profiler.start");
  }

  async stop(): Promise<CpuProfile> {
    const r = (await this.call("Profiler.stop")) as { profile: CpuProfile };
    return r.profile;
  }

  close(): void {
    this.ws.close();
  }
}
