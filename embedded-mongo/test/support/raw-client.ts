import { connect, type Socket } from "node:net";
import { BSON, type Document } from "bson";
import { crc32c } from "../../src/wire/crc32c.js";

/** A bare TCP client speaking hand-built frames, for protocol-abuse tests. */
export class RawClient {
  private buf = Buffer.alloc(0);
  private waiters: ((f: Buffer | null) => void)[] = [];
  private frames: Buffer[] = [];
  private isClosed = false;
  readonly closed: Promise<void>;
  private constructor(private readonly socket: Socket) {
    this.closed = new Promise((r) => socket.once("close", () => r()));
    socket.on("data", (c: Buffer) => this.onData(c));
    socket.on("error", () => {});
    void this.closed.then(() => {
      this.isClosed = true;
      for (const w of this.waiters.splice(0)) w(null);
    });
  }

  static open(host: string, port: number): Promise<RawClient> {
    return new Promise((resolve, reject) => {
      const s = connect(port, host, () => resolve(new RawClient(s)));
      s.once("error", reject);
    });
  }

  private onData(c: Buffer): void {
    this.buf = Buffer.concat([this.buf, c]);
    while (this.buf.length >= 4 && this.buf.length >= this.buf.readInt32LE(0)) {
      const len = this.buf.readInt32LE(0);
      const frame = this.buf.subarray(0, len);
      this.buf = this.buf.subarray(len);
      const w = this.waiters.shift();
      if (w) w(frame);
      else this.frames.push(frame);
    }
  }

  send(b: Buffer): void {
    this.socket.write(b);
  }

  /** The next frame, or null if the server closed the connection. */
  next(): Promise<Buffer | null> {
    const f = this.frames.shift();
    if (f) return Promise.resolve(f);
    if (this.isClosed) return Promise.resolve(null);
    return new Promise((r) => this.waiters.push(r));
  }

  /** Next OP_MSG reply decoded: responseTo plus body. */
  async reply(): Promise<{ responseTo: number; body: Document } | null> {
    const f = await this.next();
    if (!f) return null;
    const opCode = f.readInt32LE(12);
    const at = opCode === 1 ? 36 : 21;
    return { responseTo: f.readInt32LE(8), body: BSON.deserialize(f.subarray(at)) };
  }

  close(): void {
    this.socket.destroy();
  }
}

function header(len: number, requestId: number, opCode: number): Buffer {
  const h = Buffer.alloc(16);
  h.writeInt32LE(len, 0);
  h.writeInt32LE(requestId, 4);
  h.writeInt32LE(0, 8);
  h.writeInt32LE(opCode, 12);
  return h;
}

export interface MsgOptions {
  requestId?: number;
  flags?: number;
  sequences?: [string, Document[]][];
  checksum?: boolean | "corrupt";
}

/** Build an OP_MSG frame with a body section and optional document sequences / checksum. */
export function opMsg(body: Document | Buffer, o: MsgOptions = {}): Buffer {
  const parts: Buffer[] = [
    Buffer.from([0]),
    Buffer.isBuffer(body) ? body : Buffer.from(BSON.serialize(body)),
  ];
  for (const [name, docs] of o.sequences ?? []) {
    const payload = Buffer.concat([
      Buffer.from(`${name}\0`),
      ...docs.map((d) => Buffer.from(BSON.serialize(d))),
    ]);
    const size = Buffer.alloc(4);
    size.writeInt32LE(payload.length + 4, 0);
    parts.push(Buffer.from([1]), size, payload);
  }
  let flags = o.flags ?? 0;
  if (o.checksum) flags |= 1;
  const flagBuf = Buffer.alloc(4);
  flagBuf.writeUInt32LE(flags >>> 0, 0);
  const sections = Buffer.concat(parts);
  const len = 16 + 4 + sections.length + (o.checksum ? 4 : 0);
  const frame = Buffer.concat([
    header(len, o.requestId ?? 1, 2013),
    flagBuf,
    sections,
    Buffer.alloc(o.checksum ? 4 : 0),
  ]);
  if (o.checksum) {
    const crc = crc32c(frame, 0, len - 4);
    frame.writeUInt32LE(o.checksum === "corrupt" ? (crc ^ 1) >>> 0 : crc, len - 4);
  }
  return frame;
}

/** Build a legacy OP_QUERY frame (as drivers send the first handshake). */
export function opQuery(ns: string, query: Document, requestId = 1): Buffer {
  const body = Buffer.concat([
    Buffer.alloc(4),
    Buffer.from(`${ns}\0`),
    Buffer.from([0, 0, 0, 0, 0xff, 0xff, 0xff, 0xff]),
    Buffer.from(BSON.serialize(query)),
  ]);
  return Buffer.concat([header(16 + body.length, requestId, 2004), body]);
}

/** A frame with an arbitrary opcode and payload. */
export function rawFrame(opCode: number, payload: Buffer, lengthOverride?: number): Buffer {
  return Buffer.concat([header(lengthOverride ?? 16 + payload.length, 1, opCode), payload]);
}
