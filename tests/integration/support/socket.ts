import WebSocket from "ws";

export interface Frame {
  type: string;
  id?: string;
  payload?: unknown;
}

/** A graphql-transport-ws socket, acknowledged, with its frames and close kept for the test. */
export class Socket {
  readonly frames: Frame[] = [];
  readonly closed: Promise<{ code: number; reason: string }>;
  private waiters: Array<() => void> = [];
  private constructor(readonly ws: WebSocket) {
    ws.on("message", (d) => {
      this.frames.push(JSON.parse(String(d)));
      for (const w of this.waiters.splice(0)) w();
    });
    this.closed = new Promise((resolve) =>
      ws.once("close", (code, reason) => resolve({ code, reason: String(reason) })),
    );
  }
  static async open(wsUrl: string, token: string): Promise<Socket> {
    const s = new Socket(new WebSocket(wsUrl, "graphql-transport-ws"));
    await new Promise((resolve, reject) => {
      s.ws.once("open", resolve);
      s.ws.once("error", reject);
    });
    s.ws.send(JSON.stringify({ type: "connection_init", payload: { authorization: `Bearer ${token}` } }));
    await s.until((f) => f.type === "connection_ack");
    return s;
  }
  subscribe(id: string, query: string, variables: Record<string, unknown>): void {
    this.ws.send(JSON.stringify({ id, type: "subscribe", payload: { query, variables } }));
  }
  /** The first frame (already received or yet to come) matching `match`. */
  async until(match: (f: Frame) => boolean): Promise<Frame> {
    for (;;) {
      const hit = this.frames.find(match);
      if (hit) return hit;
      await new Promise<void>((r) => this.waiters.push(r));
    }
  }
  /** `next` payloads of subscription `id`, in arrival order. */
  nexts<T>(id: string): T[] {
    return this.frames
      .filter((f) => f.type === "next" && f.id === id)
      .map((f) => (f.payload as { data: T }).data);
  }
  close(): void {
    this.ws.close();
  }
}
