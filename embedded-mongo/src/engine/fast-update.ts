import { type Document, Long } from "bson";
import { numberOfType } from "../bson/number-types.js";
import { bsonTypeName } from "./bson-types.js";
import { CommandError } from "../commands/errors.js";
import { compareValues, isPlainObject, toNumber, typeRank } from "./bson-order.js";
import { formatValue } from "./format.js";

/**
 * Update operators applied directly: mingo's update() rebuilds its operator context on every
 * call (hundreds of µs), which would dominate simple writes. Handles plain dotted paths for
 * the common operators; `supports` says when the caller must fall back to mingo.
 */

const OPS = new Set(["$set", "$unset", "$inc", "$mul", "$min", "$max", "$currentDate", "$addToSet", "$pull"]);

export function supports(ops: Document): boolean {
  for (const [op, spec] of Object.entries(ops)) {
    if (!OPS.has(op)) return false;
    for (const [path, arg] of Object.entries(spec as Document)) {
      if (path.includes("$") || path === "" || path.split(".").some((p) => p === "")) return false;
      if (op === "$pull" && isPlainObject(arg)) return false;
      if (op === "$currentDate" && isPlainObject(arg) && arg.$type === "timestamp") return false;
    }
  }
  return true;
}

interface Slot {
  parent: Document | unknown[];
  key: string;
}

/** The container and key for `path`, creating intermediate documents when `create`. */
function slot(doc: Document, path: string, create: boolean): Slot | null {
  const parts = path.split(".");
  let cur: Document | unknown[] = doc;
  for (let i = 0; i < parts.length - 1; i++) {
    const part = parts[i] as string;
    let next: unknown;
    if (Array.isArray(cur)) {
      if (!/^\d+$/.test(part)) return pathError(create, part, cur);
      next = cur[Number(part)];
    } else next = cur[part];
    if (next === undefined || next === null) {
      if (!create) return null;
      next = {};
      if (Array.isArray(cur)) setIndex(cur, part, next);
      else cur[part] = next;
    } else if (typeof next !== "object" || (typeRank(next) !== 5 && !Array.isArray(next))) {
      return pathError(create, parts[i + 1] as string, next);
    }
    cur = next as Document | unknown[];
  }
  const key = parts[parts.length - 1] as string;
  if (Array.isArray(cur) && !/^\d+$/.test(key)) return pathError(create, key, cur);
  return { parent: cur, key };
}

function pathError(create: boolean, field: string, inside: unknown): null {
  if (!create) return null;
  throw new CommandError(
    "PathNotViable",
    `Cannot create field '${field}' in element {${formatValue(inside)}}`,
  );
}

function setIndex(arr: unknown[], key: string, v: unknown): void {
  const i = Number(key);
  while (arr.length < i) arr.push(null);
  arr[i] = v;
}

function read(s: Slot): unknown {
  return Array.isArray(s.parent) ? s.parent[Number(s.key)] : s.parent[s.key];
}

function write(s: Slot, v: unknown): void {
  if (Array.isArray(s.parent)) setIndex(s.parent, s.key, v);
  else s.parent[s.key] = v;
}

/** Numeric widths in MongoDB's promotion order: int32 < int64 < double < decimal. */
function width(v: unknown): number {
  const t = bsonTypeName(v);
  return t === "int" ? 0 : t === "long" ? 1 : t === "decimal" ? 3 : 2;
}

function toBig(v: unknown): bigint {
  if (typeof v === "bigint") return v;
  if (typeof v === "number") return BigInt(v);
  return (v as Long).toBigInt();
}

const INT32 = [-(2n ** 31n), 2n ** 31n - 1n] as const;
const INT64 = [-(2n ** 63n), 2n ** 63n - 1n] as const;

/**
 * `$inc`/`$mul` with MongoDB's result types: the wider operand's type, an int32 overflow gives an
 * int64, exact integer arithmetic for int32/int64; a missing field counts as int32 0.
 */
export function arith(op: "$inc" | "$mul", cur: unknown, by: unknown): unknown {
  const a = cur === undefined ? 0 : cur;
  const w = Math.max(width(a), width(by));
  if (w >= 2) {
    const r = op === "$inc" ? toNumber(a) + toNumber(by) : toNumber(a) * toNumber(by);
    // Decimal128 arithmetic is approximated as double (README: known gaps).
    return w === 2 ? numberOfType(r, "double") : r;
  }
  const r = op === "$inc" ? toBig(a) + toBig(by) : toBig(a) * toBig(by);
  if (w === 0 && r >= INT32[0] && r <= INT32[1]) return Number(r);
  if (r >= INT64[0] && r <= INT64[1]) return Long.fromBigInt(r);
  throw new CommandError(
    "BadValue",
    `Failed to apply ${op} operations to current value (${formatValue(cur)}) for document: integer overflow`,
  );
}

/** Apply `ops` (already validated by updateKind/supports) to `doc` in place. */
export function applyOperators(doc: Document, ops: Document): void {
  const steps: [string, string, unknown][] = [];
  for (const [op, spec] of Object.entries(ops))
    for (const [path, arg] of Object.entries(spec as Document)) steps.push([op, path, arg]);
  // MongoDB applies update fields in lexicographic order, which fixes where new fields land.
  steps.sort((a, b) => (a[1] < b[1] ? -1 : a[1] > b[1] ? 1 : 0));
  for (const [op, path, arg] of steps) {
    if (op === "$unset") {
      const s = slot(doc, path, false);
      if (!s) continue;
      if (Array.isArray(s.parent)) {
        if (Number(s.key) < s.parent.length) s.parent[Number(s.key)] = null;
      } else delete s.parent[s.key];
      continue;
    }
    const s = slot(doc, path, true) as Slot;
    const cur = read(s);
    switch (op) {
      case "$set":
        write(s, arg);
        break;
      case "$inc":
      case "$mul":
        write(s, arith(op, cur, arg));
        break;
      case "$min":
      case "$max": {
        const c = cur === undefined ? 0 : compareValues(arg, cur);
        if (cur === undefined || (op === "$min" ? c < 0 : c > 0)) write(s, arg);
        break;
      }
      case "$currentDate":
        write(s, new Date());
        break;
      case "$addToSet": {
        if (cur !== undefined && !Array.isArray(cur)) {
          throw new CommandError(
            "BadValue",
            `Cannot apply $addToSet to non-array field. Field named '${s.key}' has non-array type ${typeof cur}`,
          );
        }
        const arr = [...((cur as unknown[] | undefined) ?? [])];
        const items = isPlainObject(arg) && Array.isArray(arg.$each) ? (arg.$each as unknown[]) : [arg];
        for (const it of items)
          if (!arr.some((e) => typeRank(e) === typeRank(it) && compareValues(e, it) === 0)) arr.push(it);
        write(s, arr);
        break;
      }
      case "$pull": {
        if (cur === undefined) break;
        if (!Array.isArray(cur))
          throw new CommandError("BadValue", "Cannot apply $pull to a non-array value");
        write(
          s,
          cur.filter((e) => !(typeRank(e) === typeRank(arg) && compareValues(e, arg) === 0)),
        );
        break;
      }
    }
  }
}
