import type { Socket } from "node:net";
import type { Document } from "bson";
import type { ConnectionInfo } from "../commands/context.js";
import type { DispatchContext } from "../commands/dispatch.js";
import { dispatch } from "../commands/dispatch.js";
import type { RetryCache } from "../sessions/retry-cache.js";
import {
  encodeOpMsg,
  encodeOpReply,
  FLAG_EXHAUST_ALLOWED,
  FLAG_MORE_TO_COME,
  type Header,
  MAX_MESSAGE_SIZE,
  OP_MSG,
  OP_QUERY,
  ProtocolError,
  parseOpMsg,
  parseOpQuery,
  readHeader,
} from "../wire/messages.js";

const HANDSHAKE = new Set(["hello", "isMaster", "ismaster"]);

export type ConnectionDeps = Omit<DispatchContext, "cmd" | "conn" | "acknowledged"> & { retry: RetryCache };

/**
 * One client socket: splits the byte stream into frames and runs them strictly in order, so
 * a client sees its own writes. A malformed frame gets an error reply when its boundaries are
 * still trustworthy; otherwise the socket is closed. Nothing here can take the process down.
 */
export class Connection {
  private chunks: Buffer[] = [];
  private buffered = 0;
  private chain: Promise<void> = Promise.resolve();
  private closedResolve!: () => void;
  readonly closed = new Promise<void>((r) => {
    this.closedResolve = r;
  });
  private isClosed = false;
  /** Built once: reading the peer address is a syscall, too costly per command. */
  private readonly info: ConnectionInfo;

  constructor(
    readonly id: number,
    private readonly socket: Socket,
    private readonly deps: ConnectionDeps,
  ) {
    socket.setNoDelay(true);
    this.info = {
      id,
      remote: `${socket.remoteAddress ?? "?"}:${socket.remotePort ?? 0}`,
      closed: this.closed,
      close: () => this.destroy(),
    };
    socket.on("data", (c: Buffer) => this.onData(c));
    socket.on("error", () => this.destroy());
    socket.on("close", () => this.markClosed());
  }

  private markClosed(): void {
    if (this.isClosed) return;
    this.isClosed = true;
    this.closedResolve();
  }

  destroy(): void {
    this.socket.destroy();
    this.markClosed();
  }

  private onData(chunk: Buffer): void {
    this.chunks.push(chunk);
    this.buffered += chunk.length;
    while (this.buffered >= 4 && !this.isClosed) {
      if ((this.chunks[0] as Buffer).length < 4) this.chunks = [Buffer.concat(this.chunks)];
      const length = (this.chunks[0] as Buffer).readInt32LE(0);
      if (length < 16 || length > MAX_MESSAGE_SIZE) {
        this.deps.server.log("warn", "closing connection: invalid message length", {
          connectionId: this.id,
          length,
        });
        this.destroy();
        return;
      }
      if (this.buffered < length) return;
      const all = this.chunks.length === 1 ? (this.chunks[0] as Buffer) : Buffer.concat(this.chunks);
      const frame = all.subarray(0, length);
      const rest = all.subarray(length);
      this.chunks = rest.length ? [rest] : [];
      this.buffered = rest.length;
      // Whatever goes wrong with one frame ends at most this connection, never the process.
      this.chain = this.chain
        .then(() => this.handle(frame))
        .catch((e: unknown) => {
          this.deps.server.log("error", "connection failed", { connectionId: this.id, error: String(e) });
          this.destroy();
        });
    }
  }

  private send(buf: Buffer): void {
    if (!this.isClosed) this.socket.write(buf);
  }

  private async handle(frame: Buffer): Promise<void> {
    if (this.isClosed) return;
    const header = readHeader(frame);
    try {
      if (header.opCode === OP_MSG) await this.handleMsg(frame, header);
      else if (header.opCode === OP_QUERY) await this.handleQuery(frame, header);
      else {
        // OP_COMPRESSED (never advertised), legacy opcodes and garbage: the stream is suspect.
        this.deps.server.log("warn", "closing connection: unsupported opcode", {
          connectionId: this.id,
          opCode: header.opCode,
        });
        this.destroy();
      }
    } catch (e) {
      if (e instanceof ProtocolError && !e.fatal) {
        this.send(
          encodeOpMsg(header.requestId, { ok: 0, errmsg: e.message, code: e.code, codeName: e.codeName }),
        );
        return;
      }
      this.deps.server.log("warn", "closing connection after protocol error", {
        connectionId: this.id,
        error: String(e),
      });
      this.destroy();
    }
  }

  private run(cmd: Document, acknowledged: boolean): Promise<Document> {
    const { retry, ...rest } = this.deps;
    return dispatch({ ...rest, cmd, acknowledged, conn: this.info }, retry);
  }

  private async handleMsg(frame: Buffer, header: Header): Promise<void> {
    const flags = frame.length >= 20 ? frame.readUInt32LE(16) : 0;
    const moreToCome = (flags & FLAG_MORE_TO_COME) !== 0;
    let req: ReturnType<typeof parseOpMsg>;
    try {
      req = parseOpMsg(frame, header);
    } catch (e) {
      if (moreToCome && e instanceof ProtocolError) return;
      throw e;
    }
    if ((flags & FLAG_EXHAUST_ALLOWED) !== 0 && isAwaitableHello(req.body)) {
      await this.streamHello(req.body, header.requestId);
      return;
    }
    const wc = req.body.writeConcern as { w?: unknown } | undefined;
    const reply = await this.run(req.body, !moreToCome && wc?.w !== 0);
    if (!moreToCome) this.send(encodeOpMsg(header.requestId, reply));
  }

  /**
   * The streaming monitor protocol: a driver that allows exhaust sends one awaitable hello and then
   * only reads. Every reply (one per maxAwaitTimeMS) carries moreToCome and answers the previous
   * reply, until the socket closes; a reply without moreToCome makes the driver fail its heartbeat
   * and clear the connection pool.
   */
  private async streamHello(cmd: Document, requestId: number): Promise<void> {
    let responseTo = requestId;
    while (!this.isClosed) {
      const reply = await this.run(cmd, true);
      if (this.isClosed) return;
      const buf = encodeOpMsg(responseTo, reply, FLAG_MORE_TO_COME);
      this.send(buf);
      responseTo = buf.readInt32LE(4);
    }
  }

  private async handleQuery(frame: Buffer, header: Header): Promise<void> {
    const req = parseOpQuery(frame, header);
    const name = Object.keys(req.body)[0] ?? "";
    const ns = req.fullCollectionName ?? "";
    if (!ns.endsWith(".$cmd") || !HANDSHAKE.has(name)) {
      this.send(
        encodeOpReply(header.requestId, {
          ok: 0,
          errmsg: `Unsupported OP_QUERY command: ${name}. The client driver may require an upgrade.`,
          code: 352,
          codeName: "UnsupportedOpQueryCommand",
        }),
      );
      return;
    }
    const body = { ...req.body, $db: ns.slice(0, -".$cmd".length) };
    this.send(encodeOpReply(header.requestId, await this.run(body, true)));
  }
}

function isAwaitableHello(cmd: Document): boolean {
  const name = Object.keys(cmd)[0]?.toLowerCase();
  return (
    (name === "hello" || name === "ismaster") &&
    cmd.topologyVersion !== undefined &&
    cmd.maxAwaitTimeMS !== undefined
  );
}
