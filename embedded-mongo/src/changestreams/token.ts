import type { Document } from "bson";
import { csError } from "./errors.js";

/**
 * Resume tokens: `{ _data: <hex> }`, opaque to clients but ordered as strings, like MongoDB's.
 * Layout (hex): "82" | t (8) | i (8) | seq (16) | sub (2).
 *
 * `seq` is the oplog position of the op the event came from and `sub` tells events derived from
 * the same op apart (a drop is followed by an invalidate). `sub = ff` is a high-water mark: "every
 * event up to and including seq was seen" (what postBatchResumeToken carries between events).
 */
export interface TokenPos {
  ts: { t: number; i: number };
  seq: bigint;
  sub: number;
}

export const SUB_EVENT = 0;
export const SUB_INVALIDATE = 1;
export const SUB_HWM = 0xff;

const hex = (n: number | bigint, width: number): string => n.toString(16).padStart(width, "0");

export function encodeToken(p: TokenPos): Document {
  return { _data: `82${hex(p.ts.t, 8)}${hex(p.ts.i, 8)}${hex(p.seq, 16)}${hex(p.sub, 2)}` };
}

const TOKEN_RE = /^82([0-9a-f]{8})([0-9a-f]{8})([0-9a-f]{16})([0-9a-f]{2})$/;

export function decodeToken(token: unknown, option: string): TokenPos {
  const data =
    token && typeof token === "object" && "_data" in token ? (token as { _data: unknown })._data : undefined;
  const m = typeof data === "string" ? TOKEN_RE.exec(data) : null;
  if (!m) {
    throw csError(
      "InvalidResumeToken",
      `${option}: not a resume token issued by this server (expected { _data: <hex> }, got ${JSON.stringify(token)})`,
    );
  }
  return {
    ts: { t: Number.parseInt(m[1]!, 16), i: Number.parseInt(m[2]!, 16) },
    seq: BigInt(`0x${m[3]}`),
    sub: Number.parseInt(m[4]!, 16),
  };
}

export function tokenEquals(a: unknown, b: Document): boolean {
  return (
    !!a &&
    typeof a === "object" &&
    (a as { _data?: unknown })._data === b._data &&
    Object.keys(a).length === 1
  );
}
