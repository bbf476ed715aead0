import net from "node:net";
import { type Document, deserialize, ObjectId } from "bson";
import { wallNow } from "./clock.js";

const OP_MSG = 2013;
/** Commands that are connection upkeep, not work done for a request. */
const UPKEEP = new Set(["hello", "isMaster", "ismaster", "ping", "endSessions", "saslStart", "saslContinue"]);

interface Pending {
  conn: ConnState;
  /** noteIds of an `insert` into `events`, to stamp their commit time from the reply. */
  noteIds: string[] | null;
}

interface ConnState {
  inFlight: number;
}

/**
 * A TCP proxy between one server process and the store that reads (never alters) the wire
 * protocol. It works against any MongoDB and gives, for that one process:
 * - commands by name (database round trips per request, change streams opened);
 * - peak commands in flight at once (a command in flight holds a pool connection);
 * - the commit time of each event insert (the moment the store's acknowledgement passes through),
 *   keyed by the note it is about: the start of the delivery-latency clock.
 * Parsing is a copy next to forwarding, so it adds one local hop and no buffering.
 */
export class StoreProxy {
  readonly commands = new Map<string, number>();
  readonly commitTimes = new Map<string, number>();
  inFlight = 0;
  peakInFlight = 0;
  peakChangeStreamGetMores = 0;
  private changeStreamGetMores = 0;
  connections = 0;
  peakConnections = 0;
  private readonly pending = new Map<number, Pending & { changeStream: boolean }>();
  private server: net.Server | null = null;
  private readonly sockets = new Set<net.Socket>();
  port = 0;

  constructor(
    private readonly targetPort: number,
    private readonly targetHost = "127.0.0.1",
  ) {}

  async start(): Promise<number> {
    this.server = net.createServer((client) => this.accept(client));
    await new Promise<void>((r) => this.server?.listen(0, "127.0.0.1", r));
    const addr = this.server.address();
    this.port = typeof addr === "object" && addr ? addr.port : 0;
    return this.port;
  }

  async stop(): Promise<void> {
    for (const s of this.sockets) s.destroy();
    await new Promise<void>((r) => (this.server ? this.server.close(() => r()) : r()));
  }

  /** Starts a new peak window (call at the start of a measured phase). */
  resetPeaks(): void {
    this.peakInFlight = this.inFlight;
    this.peakChangeStreamGetMores = this.changeStreamGetMores;
    this.peakConnections = this.connections;
  }

  snapshot(): Map<string, number> {
    return new Map(this.commands);
  }

  /** Commands issued since `before`, excluding upkeep; `total` also excludes change-stream getMores. */
  workSince(before: Map<string, number>): { total: number; byName: Record<string, number> } {
    const byName: Record<string, number> = {};
    let total = 0;
    for (const [name, n] of this.commands) {
      const d = n - (before.get(name) ?? 0);
      if (d === 0 || UPKEEP.has(name)) continue;
      byName[name] = d;
      if (name !== "getMore:changeStream") total += d;
    }
    return { total, byName };
  }

  changeStreamsOpened(): number {
    return this.commands.get("aggregate:changeStream") ?? 0;
  }

  private accept(client: net.Socket): void {
    const upstream = net.connect(this.targetPort, this.targetHost);
    client.setNoDelay(true);
    upstream.setNoDelay(true);
    this.sockets.add(client);
    this.sockets.add(upstream);
    this.connections++;
    this.peakConnections = Math.max(this.peakConnections, this.connections);
    const conn: ConnState = { inFlight: 0 };
    const toStore = new Framer((msg) => this.onRequest(conn, msg));
    const toClient = new Framer((msg) => this.onReply(msg));
    client.on("data", (chunk) => {
      upstream.write(chunk);
      toStore.push(chunk);
    });
    upstream.on("data", (chunk) => {
      toClient.push(chunk);
      client.write(chunk);
    });
    const close = () => {
      if (!this.sockets.has(client)) return;
      this.sockets.delete(client);
      this.sockets.delete(upstream);
      this.connections--;
      this.inFlight -= conn.inFlight;
      client.destroy();
      upstream.destroy();
    };
    client.on("close", close);
    upstream.on("close", close);
    client.on("error", close);
    upstream.on("error", close);
  }

  private onRequest(conn: ConnState, msg: Buffer): void {
    const requestId = msg.readInt32LE(4);
    const opCode = msg.readInt32LE(12);
    if (opCode !== OP_MSG) return;
    const flags = msg.readUInt32LE(16);
    const end = flags & 1 ? msg.length - 4 : msg.length;
    let bodyAt = -1;
    const sequences: Buffer[] = [];
    for (let p = 20; p < end; ) {
      const kind = msg[p] as number;
      p++;
      const size = msg.readInt32LE(p);
      if (kind === 0) bodyAt = p;
      else sequences.push(msg.subarray(p, p + size));
      p += size;
    }
    if (bodyAt < 0) return;
    // Only the command's first element, unless more is needed: decoding every body (large inserts
    // included) made this process, which also times the requests, a bottleneck of its own.
    const { name, target } = firstElement(msg, bodyAt);
    const full = () => deserialize(msg.subarray(bodyAt, bodyAt + msg.readInt32LE(bodyAt)));
    let key = name;
    let changeStream = false;
    const pipeline: unknown = name === "aggregate" ? full().pipeline : null;
    if (Array.isArray(pipeline) && pipeline[0]?.$changeStream) {
      key = "aggregate:changeStream";
    } else if (name === "getMore" && full().collection === "$cmd.aggregate") {
      key = "getMore:changeStream";
      changeStream = true;
    } else if (target !== null) key = `${name}:${target}`;
    this.commands.set(key, (this.commands.get(key) ?? 0) + 1);
    let noteIds: string[] | null = null;
    if (name === "insert" && target === "events") {
      const inline = full().documents;
      const docs: Document[] = Array.isArray(inline) ? inline : [];
      for (const seq of sequences) docs.push(...readSequence(seq));
      noteIds = docs.map((d) => (d.noteId instanceof ObjectId ? d.noteId.toHexString() : "")).filter(Boolean);
    }
    // moreToCome (bit 1): no reply will come, so it never holds the connection waiting. Upkeep
    // runs on the driver's monitoring connections, not the pool: its streaming `hello` waits up to
    // 10 s for a topology change and would otherwise read as a pool connection in use.
    if (flags & 2 || UPKEEP.has(name)) return;
    conn.inFlight++;
    this.inFlight++;
    this.peakInFlight = Math.max(this.peakInFlight, this.inFlight);
    if (changeStream) {
      this.changeStreamGetMores++;
      this.peakChangeStreamGetMores = Math.max(this.peakChangeStreamGetMores, this.changeStreamGetMores);
    }
    this.pending.set(requestId, { conn, noteIds, changeStream });
  }

  private onReply(msg: Buffer): void {
    const t = wallNow();
    const responseTo = msg.readInt32LE(8);
    const p = this.pending.get(responseTo);
    if (!p) return;
    this.pending.delete(responseTo);
    p.conn.inFlight--;
    this.inFlight--;
    if (p.changeStream) this.changeStreamGetMores--;
    if (p.noteIds) for (const id of p.noteIds) this.commitTimes.set(id, t);
  }
}

/** The first element of the BSON document at `at`: its name, and its value if a string. */
function firstElement(msg: Buffer, at: number): { name: string; target: string | null } {
  const type = msg[at + 4];
  let p = at + 5;
  while (msg[p] !== 0) p++;
  const name = msg.toString("utf8", at + 5, p);
  p++;
  if (type !== 0x02) return { name, target: null };
  const len = msg.readInt32LE(p);
  return { name, target: msg.toString("utf8", p + 4, p + 4 + len - 1) };
}

/** Document sequence section (kind 1): int32 size, cstring identifier, then BSON documents. */
function readSequence(seq: Buffer): Document[] {
  let p = 4;
  while (seq[p] !== 0) p++;
  p++;
  const out: Document[] = [];
  while (p < seq.length) {
    const len = seq.readInt32LE(p);
    out.push(deserialize(seq.subarray(p, p + len)));
    p += len;
  }
  return out;
}

/** Splits a byte stream into wire messages (each starts with its int32 length). */
class Framer {
  private buf: Buffer = Buffer.alloc(0);
  constructor(private readonly onMessage: (msg: Buffer) => void) {}

  push(chunk: Buffer): void {
    this.buf = this.buf.length === 0 ? chunk : Buffer.concat([this.buf, chunk]);
    while (this.buf.length >= 4) {
      const len = this.buf.readInt32LE(0);
      if (this.buf.length < len) return;
      const msg = this.buf.subarray(0, len);
      this.buf = this.buf.subarray(len);
      try {
        this.onMessage(msg);
      } catch {
        // A message we cannot parse is still forwarded; it just goes uncounted.
      }
    }
  }
}
