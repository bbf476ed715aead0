import WebSocket from "ws";

const SELECTION = "cursor type note { body }";
/** Errors that say the request itself is wrong: retrying the same subscription cannot help. */
const CLIENT_ERRORS = new Set(["UNAUTHENTICATED", "FORBIDDEN", "NOT_FOUND", "BAD_USER_INPUT"]);
/** Retried errors per subscriber before it gives up (and the test sees them in `errors`). */
const MAX_RETRIED_ERRORS = 20;
const query = (extra: string) =>
  `subscription($p: ID!, $after: String) { productionEvents(productionId: $p, after: $after) { ${SELECTION} ${extra} } }`;

interface Next {
  cursor: string;
  type: string;
  note: { body: string } | null;
}

/**
 * A client that behaves as the contract asks real clients to: it keeps the last cursor it saw and,
 * whenever the socket closes (server killed, 1001, 1013, network), reconnects — to the other
 * server first — and resubscribes with `after`. A subscription ended by an `error` that is not
 * the client's fault (the server asks for a retry with the last cursor, e.g. an event that could
 * not be computed in time while the store restarted) is resubscribed on the same socket. Records
 * everything it receives, duplicates included.
 */
export class ResumingSubscriber {
  readonly cursors: string[] = [];
  /** Arrival time (performance.now()) by note body, for latency. */
  readonly arrivals = new Map<string, number>();
  readonly closeCodes: number[] = [];
  readonly errors: unknown[] = [];
  reconnects = 0;
  private socket: WebSocket | null = null;
  private stopped = false;
  private waiters = new Set<() => void>();
  private attempt = 0;
  private subscriptions = 0;

  constructor(
    private readonly wsUrls: string[],
    private readonly token: string,
    private readonly productionId: string,
    private lastCursor: string | null,
    private readonly prefer = 0,
    /** Extra selections (e.g. aliases that make every event large). */
    private readonly extraSelection = "",
  ) {}

  get last(): string | null {
    return this.lastCursor;
  }

  /** Resolves once subscribed on an acknowledged connection. */
  start(): Promise<void> {
    return this.connect(this.prefer);
  }

  private connect(index: number): Promise<void> {
    const url = this.wsUrls[index % this.wsUrls.length] as string;
    return new Promise((resolve) => {
      const socket = new WebSocket(url, "graphql-transport-ws");
      this.socket = socket;
      let acked = false;
      socket.on("open", () =>
        socket.send(
          JSON.stringify({ type: "connection_init", payload: { authorization: `Bearer ${this.token}` } }),
        ),
      );
      socket.on("message", (data) => {
        const msg = JSON.parse(String(data)) as { type: string; id?: string; payload?: unknown };
        if (msg.type === "connection_ack") {
          acked = true;
          this.attempt = 0;
          this.subscribe(socket);
          resolve();
        } else if (msg.type === "next") {
          const ev = (msg.payload as { data: { productionEvents: Next } }).data.productionEvents;
          this.cursors.push(ev.cursor);
          this.lastCursor = ev.cursor;
          if (ev.note) this.arrivals.set(ev.note.body, performance.now());
          for (const w of this.waiters) w();
        } else if (msg.type === "error") {
          this.errors.push(msg.payload);
          const codes = (msg.payload as Array<{ extensions?: { code?: string } }>).map(
            (e) => e.extensions?.code,
          );
          if (this.stopped || codes.some((c) => c && CLIENT_ERRORS.has(c))) return;
          if (this.errors.length > MAX_RETRIED_ERRORS) return; // a persistent failure: let the test see it
          this.attempt++;
          setTimeout(() => {
            if (this.socket === socket && socket.readyState === WebSocket.OPEN) this.subscribe(socket);
          }, this.backoff());
        }
      });
      socket.on("error", () => {});
      socket.on("close", (code) => {
        this.closeCodes.push(code);
        if (this.socket !== socket) return;
        this.socket = null;
        if (!acked) resolve(); // a failed attempt; the reconnect below carries on
        if (this.stopped) return;
        this.reconnects++;
        this.attempt++;
        setTimeout(() => void this.connect(index + 1), this.backoff());
      });
    });
  }

  /** Retries back off (50 ms doubling to 1 s): a restarting server or store is not hammered. */
  private backoff(): number {
    return Math.min(50 * 2 ** Math.min(this.attempt, 5), 1_000);
  }

  /** Subscribes from the last cursor seen, under a fresh id (an ended id may not be reused at once). */
  private subscribe(socket: WebSocket): void {
    socket.send(
      JSON.stringify({
        id: `e${++this.subscriptions}`,
        type: "subscribe",
        payload: {
          query: query(this.extraSelection),
          variables: { p: this.productionId, after: this.lastCursor },
        },
      }),
    );
  }

  /** Resolves when `cursor` has been received (or rejects after `timeoutMs`). */
  waitForCursor(cursor: string, timeoutMs = 60_000): Promise<void> {
    return this.waitUntil(
      () => this.cursors.includes(cursor),
      timeoutMs,
      () => `cursor ${cursor}`,
    );
  }

  waitForCount(n: number, timeoutMs = 60_000): Promise<void> {
    return this.waitUntil(
      () => this.cursors.length >= n,
      timeoutMs,
      () => `${this.cursors.length}/${n} events`,
    );
  }

  waitForNote(body: string, timeoutMs = 30_000): Promise<number> {
    return this.waitUntil(
      () => this.arrivals.has(body),
      timeoutMs,
      () => `note ${body}`,
    ).then(() => this.arrivals.get(body) as number);
  }

  private waitUntil(done: () => boolean, timeoutMs: number, what: () => string): Promise<void> {
    return new Promise((resolve, reject) => {
      const check = () => {
        if (!done()) return;
        clearTimeout(timer);
        this.waiters.delete(check);
        resolve();
      };
      const timer = setTimeout(() => {
        this.waiters.delete(check);
        reject(
          new Error(
            `timed out waiting for ${what()} (reconnects ${this.reconnects}, closes ${this.closeCodes.join(",")}, errors ${JSON.stringify(this.errors).slice(0, 500)})`,
          ),
        );
      }, timeoutMs);
      this.waiters.add(check);
      check();
    });
  }

  stop(): void {
    this.stopped = true;
    this.socket?.close(1000);
  }
}
