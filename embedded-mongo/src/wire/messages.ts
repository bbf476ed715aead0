import { BSON, type Document } from "bson";
import { crc32c } from "./crc32c.js";
import { promoteNumbers, TYPED_READ, typeCommand } from "../bson/number-types.js";

export const OP_REPLY = 1;
export const OP_QUERY = 2004;
export const OP_COMPRESSED = 2012;
export const OP_MSG = 2013;

export const FLAG_CHECKSUM_PRESENT = 1 << 0;
export const FLAG_MORE_TO_COME = 1 << 1;
export const FLAG_EXHAUST_ALLOWED = 1 << 16;

export const MAX_BSON_OBJECT_SIZE = 16 * 1024 * 1024;
export const MAX_MESSAGE_SIZE = 48_000_000;
/** A reply may exceed the document limit slightly (MongoDB allows 16 KiB of headroom). */
const MAX_REPLY_OBJECT = MAX_BSON_OBJECT_SIZE + 16 * 1024;

export interface Header {
  length: number;
  requestId: number;
  responseTo: number;
  opCode: number;
}

/** A parsed request: the command document with document sequences merged in. */
export interface Request {
  header: Header;
  kind: "msg" | "query";
  flags: number;
  /** The database-qualified collection of an OP_QUERY (`admin.$cmd`). */
  fullCollectionName?: string;
  body: Document;
}

/** A framing/decoding failure; `fatal` means the stream can no longer be trusted. */
export class ProtocolError extends Error {
  constructor(
    message: string,
    readonly fatal: boolean,
    readonly code = 22,
    readonly codeName = "InvalidBSON",
  ) {
    super(message);
  }
}

const DESERIALIZE = { ...TYPED_READ, validation: { utf8: true } } as const;

export function readHeader(buf: Buffer): Header {
  return {
    length: buf.readInt32LE(0),
    requestId: buf.readInt32LE(4),
    responseTo: buf.readInt32LE(8),
    opCode: buf.readInt32LE(12),
  };
}

function readDoc(buf: Buffer, at: number, end: number): { doc: Document; size: number } {
  if (at + 5 > end) throw new ProtocolError("truncated BSON document", false);
  const size = buf.readInt32LE(at);
  if (size < 5 || at + size > end) throw new ProtocolError(`invalid BSON document size ${size}`, false);
  if (size > MAX_BSON_OBJECT_SIZE) {
    throw new ProtocolError(
      `BSONObj size: ${size} (0x${size.toString(16).toUpperCase()}) is invalid. Size must be between 0 and 16793600(16MB)`,
      false,
      10334,
      "BSONObjectTooLarge",
    );
  }
  try {
    return { doc: BSON.deserialize(buf.subarray(at, at + size), DESERIALIZE), size };
  } catch (e) {
    throw new ProtocolError(`invalid BSON: ${(e as Error).message}`, false);
  }
}

/** Parse a whole OP_MSG frame (header included). */
export function parseOpMsg(buf: Buffer, header: Header): Request {
  const flags = buf.readUInt32LE(16);
  let end = buf.length;
  if (flags & FLAG_CHECKSUM_PRESENT) {
    end -= 4;
    if (end < 21) throw new ProtocolError("OP_MSG too short for checksum", true);
    if (crc32c(buf, 0, end) !== buf.readUInt32LE(end))
      throw new ProtocolError("OP_MSG checksum mismatch", false);
  }
  // Bits 2..15 are "required" flags: an unknown one must fail the request.
  if (flags & 0xfffc) throw new ProtocolError(`Unrecognized required flags in OP_MSG: ${flags}`, false);
  let at = 20;
  let body: Document | undefined;
  const sequences: [string, Document[]][] = [];
  while (at < end) {
    const kind = buf[at++];
    if (kind === 0) {
      if (body) throw new ProtocolError("OP_MSG has more than one body section", false);
      const { doc, size } = readDoc(buf, at, end);
      body = doc;
      at += size;
    } else if (kind === 1) {
      if (at + 4 > end) throw new ProtocolError("truncated document sequence", false);
      const size = buf.readInt32LE(at);
      const seqEnd = at + size;
      if (size < 5 || seqEnd > end) throw new ProtocolError("invalid document sequence size", false);
      const nameEnd = buf.indexOf(0, at + 4);
      if (nameEnd < 0 || nameEnd >= seqEnd)
        throw new ProtocolError("unterminated sequence identifier", false);
      const name = buf.toString("utf8", at + 4, nameEnd);
      const docs: Document[] = [];
      let p = nameEnd + 1;
      while (p < seqEnd) {
        const { doc, size: s } = readDoc(buf, p, seqEnd);
        docs.push(doc);
        p += s;
      }
      sequences.push([name, docs]);
      at = seqEnd;
    } else {
      throw new ProtocolError(`Unknown section kind ${kind}`, false);
    }
  }
  if (!body) throw new ProtocolError("OP_MSG has no body section", false);
  for (const [name, docs] of sequences) {
    if (name in body) throw new ProtocolError(`Duplicate field '${name}' in OP_MSG`, false);
    body[name] = docs;
  }
  return { header, kind: "msg", flags, body: typeCommand(body) };
}

/** Parse a legacy OP_QUERY (only the handshake is answered). */
export function parseOpQuery(buf: Buffer, header: Header): Request {
  const flags = buf.readInt32LE(16);
  const nameEnd = buf.indexOf(0, 20);
  if (nameEnd < 0) throw new ProtocolError("unterminated collection name", false);
  const fullCollectionName = buf.toString("utf8", 20, nameEnd);
  let { doc } = readDoc(buf, nameEnd + 9, buf.length);
  // Drivers may wrap the command as { $query: {...}, $readPreference }.
  if (doc.$query && typeof doc.$query === "object") doc = doc.$query as Document;
  return { header, kind: "query", flags, fullCollectionName, body: promoteNumbers(doc) };
}

let nextRequestId = 1;

function serializeReply(doc: Document): Buffer {
  const bytes = BSON.serialize(doc, { ignoreUndefined: true });
  if (bytes.length > MAX_REPLY_OBJECT) {
    return Buffer.from(
      BSON.serialize({
        ok: 0,
        errmsg: `BSONObj size: ${bytes.length} is invalid. Size must be between 0 and 16793600(16MB)`,
        code: 10334,
        codeName: "BSONObjectTooLarge",
      }),
    );
  }
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

export function encodeOpMsg(responseTo: number, doc: Document, flags = 0): Buffer {
  const body = serializeReply(doc);
  const head = Buffer.alloc(21);
  head.writeInt32LE(21 + body.length, 0);
  head.writeInt32LE(nextRequestId++ & 0x7fffffff, 4);
  head.writeInt32LE(responseTo, 8);
  head.writeInt32LE(OP_MSG, 12);
  head.writeUInt32LE(flags, 16);
  head[20] = 0;
  return Buffer.concat([head, body]);
}

export function encodeOpReply(responseTo: number, doc: Document): Buffer {
  const body = serializeReply(doc);
  const head = Buffer.alloc(36);
  head.writeInt32LE(36 + body.length, 0);
  head.writeInt32LE(nextRequestId++ & 0x7fffffff, 4);
  head.writeInt32LE(responseTo, 8);
  head.writeInt32LE(OP_REPLY, 12);
  head.writeInt32LE(0, 16); // responseFlags
  head.writeBigInt64LE(0n, 20); // cursorID
  head.writeInt32LE(0, 28); // startingFrom
  head.writeInt32LE(1, 32); // numberReturned
  return Buffer.concat([head, body]);
}
