import { CommandError } from "../commands/errors.js";
import { toNumber, typeRank } from "./bson-order.js";
type ValueTest = (values: unknown[]) => boolean;

/** $bitsAllSet / $bitsAnySet / $bitsAllClear / $bitsAnyClear over integers and binary data. */

const bad = (msg: string) => new CommandError("BadValue", msg);

export function bitsTest(op: string, arg: unknown): ValueTest {
  let positions: number[];
  if (Array.isArray(arg)) positions = arg.map(Number);
  else if (typeRank(arg) === 3) {
    const m = BigInt(Math.trunc(toNumber(arg)));
    if (m < 0n) throw bad(`${op} mask must be non-negative`);
    positions = [];
    for (let i = 0; i < 64; i++) if ((m >> BigInt(i)) & 1n) positions.push(i);
  } else if (typeRank(arg) === 7) positions = bytePositions((arg as { buffer: Uint8Array }).buffer);
  else throw bad(`${op} takes an Array, a number, or a BinData but received: ${String(arg)}`);
  const all = op === "$bitsAllSet" || op === "$bitsAllClear";
  const set = op === "$bitsAllSet" || op === "$bitsAnySet";
  return (vals) =>
    vals.some((v) => {
      const bit = bitReader(v);
      if (!bit) return false;
      const hit = (p: number) => bit(p) === set;
      return all ? positions.every(hit) : positions.some(hit);
    });
}

function bytePositions(buf: Uint8Array): number[] {
  const out: number[] = [];
  for (let i = 0; i < buf.length * 8; i++) if (((buf[i >> 3] as number) >> (i & 7)) & 1) out.push(i);
  return out;
}

/** Bit p of an integral number (two's complement, sign-extended) or of binary data. */
function bitReader(v: unknown): ((p: number) => boolean) | null {
  if (typeRank(v) === 7) {
    const buf = (v as { buffer: Uint8Array }).buffer;
    return (p) => p < buf.length * 8 && (((buf[p >> 3] as number) >> (p & 7)) & 1) === 1;
  }
  if (typeRank(v) !== 3) return null;
  const n = toNumber(v);
  if (!Number.isInteger(n)) return null;
  const big = BigInt(n);
  return (p) => ((big >> BigInt(Math.min(p, 63))) & 1n) === 1n;
}
