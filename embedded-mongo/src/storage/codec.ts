import { crc32 } from "node:zlib";
import { type Document, deserialize, serialize } from "bson";
import { keepNumberTypes, TYPED_READ } from "../bson/number-types.js";
import type { ChangeOp, CommittedOp } from "./types.js";

/**
 * On-disk framing shared by the journal and the snapshot:
 *
 *   [u32 LE payload length][u32 LE crc32(payload)][payload]
 *
 * A payload is one or more concatenated BSON documents (BSON documents carry their own length,
 * so no extra framing is needed inside). The length is checked against the bytes present and the
 * CRC against the payload, so a torn write (crash mid-append) and bit rot are both detected.
 */
export const FRAME_HEADER = 8;
/** Refuse absurd lengths from a corrupt header instead of trying to allocate them. */
export const MAX_FRAME = 256 * 1024 * 1024;

/**
 * How documents are read back: without number promotion, then `keepNumberTypes`, as the wire
 * layer decodes stored-data fields, so a replayed document has the in-memory representation the
 * live one had (an integral double stays a Double, an int64 a Long).
 */
export const READ_OPTS = TYPED_READ;

/** A stored document (or op) from its BSON bytes, number types kept. */
export function decodeDoc(bytes: Uint8Array): Document {
  return keepNumberTypes(deserialize(bytes, READ_OPTS));
}

export function frame(parts: Uint8Array[]): Buffer {
  let len = 0;
  for (const p of parts) len += p.byteLength;
  const out = Buffer.allocUnsafe(FRAME_HEADER + len);
  let off = FRAME_HEADER;
  for (const p of parts) {
    out.set(p, off);
    off += p.byteLength;
  }
  const payload = out.subarray(FRAME_HEADER);
  out.writeUInt32LE(len, 0);
  out.writeUInt32LE(crc32(payload), 4);
  return out;
}

export type FrameScan =
  | { kind: "ok"; payload: Buffer; start: number; end: number }
  | { kind: "torn"; start: number; reason: string }
  | { kind: "corrupt"; start: number; reason: string };

/** Iterate the frames of a buffer; stops at the first torn or corrupt one (yielded last). */
export function* scanFrames(buf: Buffer): Generator<FrameScan> {
  let off = 0;
  while (off < buf.length) {
    if (buf.length - off < FRAME_HEADER) {
      yield { kind: "torn", start: off, reason: `${buf.length - off} trailing bytes, shorter than a header` };
      return;
    }
    const len = buf.readUInt32LE(off);
    const crc = buf.readUInt32LE(off + 4);
    if (len === 0) {
      // Never written by us (every record has a header); typical of a zero-filled tail after a crash.
      yield { kind: "corrupt", start: off, reason: "zero-length record (zero-filled tail?)" };
      return;
    }
    if (len > MAX_FRAME) {
      yield { kind: "corrupt", start: off, reason: `implausible record length ${len}` };
      return;
    }
    const end = off + FRAME_HEADER + len;
    if (end > buf.length) {
      yield {
        kind: "torn",
        start: off,
        reason: `record needs ${len} bytes, only ${buf.length - off - 8} present`,
      };
      return;
    }
    const payload = buf.subarray(off + FRAME_HEADER, end);
    if (crc32(payload) !== crc) {
      yield { kind: "corrupt", start: off, reason: "CRC mismatch" };
      return;
    }
    yield { kind: "ok", payload, start: off, end };
    off = end;
  }
}

/** Split a payload into its concatenated BSON documents (raw bytes, not parsed). */
export function splitDocs(payload: Buffer): Buffer[] {
  const out: Buffer[] = [];
  let off = 0;
  while (off < payload.length) {
    if (payload.length - off < 5) throw new Error("truncated BSON document in record");
    const len = payload.readInt32LE(off);
    if (len < 5 || off + len > payload.length) throw new Error(`bad BSON document length ${len}`);
    out.push(payload.subarray(off, off + len));
    off += len;
  }
  return out;
}

/** BSON bytes of a document as a Buffer view (serialize already returns a fresh copy; no second one). */
export function bsonBytes(doc: Document): Buffer {
  const u = serialize(doc);
  return Buffer.from(u.buffer, u.byteOffset, u.byteLength);
}

export function encodeOp(op: ChangeOp): Buffer {
  return bsonBytes(op as Document);
}

export function decodeOp(bytes: Uint8Array): ChangeOp {
  return decodeDoc(bytes) as ChangeOp;
}

/** Position of a batch: its first seq, shared ts and wall clock, and how many ops follow. */
export interface BatchHeader {
  seq: bigint;
  ts: { t: number; i: number };
  wall: Date;
  n: number;
}

export function encodeHeader(h: BatchHeader): Buffer {
  return bsonBytes({ s: h.seq, t: h.ts.t, i: h.ts.i, w: h.wall, n: h.n });
}

export function decodeHeader(bytes: Uint8Array): BatchHeader {
  const d = deserialize(bytes, { useBigInt64: true });
  return { seq: BigInt(d.s), ts: { t: Number(d.t), i: Number(d.i) }, wall: d.w as Date, n: Number(d.n) };
}

/** One journal record = one committed batch: header document followed by each op's BSON. */
export function encodeBatch(committed: CommittedOp[], opBytes: Buffer[]): Buffer {
  const first = committed[0];
  if (!first) throw new Error("cannot journal an empty batch");
  const header = encodeHeader({ seq: first.seq, ts: first.ts, wall: first.wall, n: committed.length });
  return frame([header, ...opBytes]);
}

export interface DecodedBatch {
  header: BatchHeader;
  opBytes: Buffer[];
}

export function decodeBatch(payload: Buffer): DecodedBatch {
  const [head, ...ops] = splitDocs(payload);
  if (!head) throw new Error("empty journal record");
  const header = decodeHeader(head);
  if (ops.length !== header.n) throw new Error(`record announces ${header.n} ops, holds ${ops.length}`);
  return { header, opBytes: ops };
}
