import WebSocket from "ws";

/** A minimal Chrome DevTools Protocol session with a child started with `--inspect`. */
export class Inspector {
  private id = 0;
  private constructor(private readonly ws: WebSocket) {}

  static async connect(port: number): Promise<Inspector> {
    const list = (await (await fetch(`http://127.0.0.1:${port}/json/list`)).json()) as Array<{
      webSocketDebuggerUrl: string;
    }>;
    const ws = new WebSocket(list[0]?.webSocketDebuggerUrl as string, { maxPayload: 1 << 30 });
    await new Promise((r) => ws.once("open", r));
    return new Inspector(ws);
  }

  call<T = Record<string, unknown>>(method: string, params: Record<string, unknown> = {}): Promise<T> {
    const my = ++this.id;
    return new Promise((resolve) => {
      const onMsg = (d: WebSocket.RawData) => {
        const msg = JSON.parse(String(d)) as { id?: number; result?: T };
        if (msg.id === my) {
          this.ws.off("message", onMsg);
          resolve((msg.result ?? {}) as T);
        }
      };
      this.ws.on("message", onMsg);
      this.ws.send(JSON.stringify({ id: my, method, params }));
    });
  }

  /** Full GC (twice: weak callbacks run in the first), then the used heap in bytes. */
  async heapAfterGc(): Promise<number> {
    await this.call("HeapProfiler.collectGarbage");
    await this.call("HeapProfiler.collectGarbage");
    return (await this.call<{ usedSize: number }>("Runtime.getHeapUsage")).usedSize;
  }

  /** Live heap by node type and name: total self size (bytes) and count. */
  async heapByName(): Promise<Map<string, { size: number; count: number }>> {
    const chunks: string[] = [];
    const onChunk = (d: WebSocket.RawData) => {
      const msg = JSON.parse(String(d)) as { method?: string; params?: { chunk: string } };
      if (msg.method === "HeapProfiler.addHeapSnapshotChunk") chunks.push(msg.params?.chunk ?? "");
    };
    this.ws.on("message", onChunk);
    await this.call("HeapProfiler.takeHeapSnapshot", { reportProgress: false });
    this.ws.off("message", onChunk);
    const snap = JSON.parse(chunks.join("")) as {
      snapshot: { meta: { node_fields: string[]; node_types: [string[]] } };
      nodes: number[];
      strings: string[];
    };
    const fields = snap.snapshot.meta.node_fields;
    const types = snap.snapshot.meta.node_types[0];
    const [ti, ni, si] = ["type", "name", "self_size"].map((f) => fields.indexOf(f)) as [
      number,
      number,
      number,
    ];
    const out = new Map<string, { size: number; count: number }>();
    for (let i = 0; i < snap.nodes.length; i += fields.length) {
      const type = types[snap.nodes[i + ti] as number] as string;
      const rawName = snap.strings[snap.nodes[i + ni] as number] as string;
      const name = type === "string" || type === "concatenated string" ? "" : rawName.slice(0, 60);
      const key = `${type}:${name}`;
      const e = out.get(key) ?? { size: 0, count: 0 };
      e.size += snap.nodes[i + si] as number;
      e.count++;
      out.set(key, e);
    }
    return out;
  }

  close(): void {
    this.ws.close();
  }
}
