import type { Document } from "bson";
import { Query } from "mingo";
import { promotedCopy } from "../bson/number-types.js";
import { CommandError } from "../commands/errors.js";
import { type StringCompare, compareValues, isPlainObject, toNumber, typeRank } from "./bson-order.js";
import { typeMatches } from "./bson-types.js";
import { bitsTest } from "./match-bits.js";
import { MINGO_OPTIONS } from "./mingo-options.js";

/**
 * MongoDB's query language over stored documents, written here rather than left to mingo so
 * that BSON types ($type objectId/binData/long, binary ranges, DBRefs), a collation's string
 * order and `let` variables behave as in MongoDB 7. Only `$expr` and `$jsonSchema` (expression
 * evaluation) are delegated to mingo.
 */

export interface MatchOptions {
  /** A collation's string order (undefined = binary). */
  str?: StringCompare;
  /** `let` variables, visible to `$expr` as `$$name`. */
  variables?: Document;
}

export type Matcher = (doc: Document) => boolean;
/** A test over the values one path reaches (each unexpanded: an array is one value). */
export type ValueTest = (values: unknown[]) => boolean;

const bad = (msg: string) => new CommandError("BadValue", msg);

/** A DBRef's fields: field names, not operators, in a document an `$elemMatch` tests. */
const DBREF_KEYS = new Set(["$id", "$ref", "$db"]);

/** The values a dotted path reaches, descending through arrays met on the way (not the last). */
export function leafValues(doc: unknown, path: string): unknown[] {
  const out: unknown[] = [];
  walk(doc, path.split("."), 0, out);
  return out;
}

function walk(v: unknown, parts: string[], i: number, out: unknown[]): void {
  if (i === parts.length) {
    out.push(v);
    return;
  }
  const part = parts[i] as string;
  if (Array.isArray(v)) {
    const before = out.length;
    if (/^\d+$/.test(part) && Number(part) < v.length) walk(v[Number(part)], parts, i + 1, out);
    for (const e of v) if (isPlainObject(e)) walk(dbrefField(e, part), parts, i + 1, out);
    if (out.length === before) out.push(undefined);
    return;
  }
  if (isPlainObject(v)) walk(dbrefField(v, part), parts, i + 1, out);
  else out.push(undefined);
}

/** The driver's DBRef class keeps `$ref`/`$id`/`$db` as collection/oid/db. */
function dbrefField(v: Document, part: string): unknown {
  if ((v as { _bsontype?: unknown })._bsontype !== "DBRef") return v[part];
  const map: Record<string, string> = { $ref: "collection", $id: "oid", $db: "db" };
  return v[map[part] ?? part];
}

/** A value and, for an array, its elements: what equality and ranges look at. */
function expand(values: unknown[]): unknown[] {
  const out: unknown[] = [];
  for (const v of values) {
    out.push(v);
    if (Array.isArray(v)) out.push(...v);
  }
  return out;
}

function equalsTest(target: unknown, o: MatchOptions): ValueTest {
  if (target === null) {
    // null matches missing and null (and arrays holding null), not an empty array.
    return (vals) => expand(vals).some((v) => v === null || v === undefined);
  }
  if (target instanceof RegExp) return regexTest(target);
  const rank = typeRank(target);
  return (vals) =>
    expand(vals).some(
      (v) => v !== undefined && typeRank(v) === rank && compareValues(v, target, o.str) === 0,
    );
}

function regexTest(re: RegExp): ValueTest {
  const r = new RegExp(re.source, re.flags.replace("g", ""));
  return (vals) =>
    expand(vals).some((v) => {
      if (typeof v === "string") return r.test(v);
      if (v instanceof RegExp) return v.source === re.source && v.flags === re.flags;
      return false;
    });
}

function rangeTest(op: string, bound: unknown, o: MatchOptions): ValueTest {
  const ok =
    op === "$gt"
      ? (c: number) => c > 0
      : op === "$gte"
        ? (c: number) => c >= 0
        : op === "$lt"
          ? (c: number) => c < 0
          : (c: number) => c <= 0;
  const rank = typeRank(bound);
  // MinKey/MaxKey bounds compare with every type; otherwise a range only meets its own type.
  const anyType = rank === 1 || rank === 14;
  return (vals) =>
    expand(vals).some((v) => {
      if (v === undefined) return rank === 2 && (op === "$gte" || op === "$lte");
      if (!anyType && typeRank(v) !== rank) return false;
      if (typeof v === "number" && Number.isNaN(v))
        return typeof bound === "number" && Number.isNaN(bound) && op.endsWith("e");
      return ok(compareValues(v, bound, o.str));
    });
}

function regexOf(cond: Document): RegExp {
  const src = cond.$regex;
  const opts = typeof cond.$options === "string" ? cond.$options : "";
  if (src instanceof RegExp) return new RegExp(src.source, (src.flags + opts).replace(/[^imsu]/g, ""));
  if (typeof src !== "string") throw bad("$regex has to be a string");
  return new RegExp(src, opts.replace(/[^imsu]/g, ""));
}

/** The wire decoder turns `{ $ref, $id }` into a DBRef; a condition wants it back as fields. */
function dbrefAsFields(v: Document): Document {
  if ((v as { _bsontype?: unknown })._bsontype !== "DBRef") return v;
  const r = v as unknown as { collection: string; oid: unknown; db?: string; fields?: Document };
  return { $ref: r.collection, $id: r.oid, ...(r.db ? { $db: r.db } : {}), ...(r.fields ?? {}) };
}

function elemMatchTest(arg: unknown, o: MatchOptions): ValueTest {
  if (!isPlainObject(arg)) throw bad("$elemMatch needs an Object");
  const cond = dbrefAsFields(arg);
  const keys = Object.keys(cond);
  const operatorsOnly =
    keys.length > 0 &&
    keys.every(
      (k) =>
        k.startsWith("$") && !DBREF_KEYS.has(k) && !["$and", "$or", "$nor", "$expr", "$where"].includes(k),
    );
  // {$elemMatch: {$gt: 1}} tests each element as a value; otherwise each element as a document.
  const each: (e: unknown) => boolean = operatorsOnly
    ? (
        (t) => (e: unknown) =>
          t([e])
      )(operatorTest(cond, o, true))
    : (
        (m) => (e: unknown) =>
          isPlainObject(e) && m(e)
      )(compileMatcher(cond, o, true));
  return (vals) => vals.some((v) => Array.isArray(v) && v.some(each));
}

function allTest(arg: unknown, o: MatchOptions): ValueTest {
  if (!Array.isArray(arg)) throw bad("$all needs an array");
  if (arg.length === 0) return () => false;
  const tests = arg.map((item) =>
    isPlainObject(item) && "$elemMatch" in item ? elemMatchTest(item.$elemMatch, o) : equalsTest(item, o),
  );
  return (vals) => tests.every((t) => t(vals));
}

function inTest(arg: unknown, o: MatchOptions): ValueTest {
  if (!Array.isArray(arg)) throw bad("$in needs an array");
  const tests = arg.map((v) => {
    if (isPlainObject(v) && Object.keys(v)[0]?.startsWith("$")) throw bad("cannot nest $ under $in");
    return equalsTest(v, o);
  });
  return (vals) => tests.some((t) => t(vals));
}

/** One `{ $op: arg }` entry of a field condition. */
function oneOperator(op: string, arg: unknown, cond: Document, o: MatchOptions): ValueTest | null {
  switch (op) {
    case "$eq":
      return equalsTest(arg, o);
    case "$ne": {
      const t = equalsTest(arg, o);
      return (vals) => !t(vals);
    }
    case "$gt":
    case "$gte":
    case "$lt":
    case "$lte":
      if (arg instanceof RegExp) throw bad(`Can't have RegEx as arg to ${op}`);
      return rangeTest(op, arg, o);
    case "$in":
      return inTest(arg, o);
    case "$nin": {
      const t = inTest(arg, o);
      return (vals) => !t(vals);
    }
    case "$exists": {
      const want = Boolean(typeRank(arg) === 3 ? toNumber(arg) : arg);
      return (vals) => vals.some((v) => v !== undefined) === want;
    }
    case "$type": {
      const types = Array.isArray(arg) ? arg : [arg];
      if (types.length === 0) throw bad("$type must match at least one type");
      return (vals) =>
        vals.some((v) => {
          if (v === undefined) return false;
          if (typeMatches(types, v)) return true;
          return Array.isArray(v) && v.some((e) => typeMatches(types, e));
        });
    }
    case "$size": {
      const n = typeRank(arg) === 3 ? toNumber(arg) : Number.NaN;
      if (!Number.isInteger(n) || n < 0) throw bad("$size needs a non-negative integer");
      return (vals) => vals.some((v) => Array.isArray(v) && v.length === n);
    }
    case "$all":
      return allTest(arg, o);
    case "$elemMatch":
      return elemMatchTest(arg, o);
    case "$regex":
      return regexTest(regexOf(cond));
    case "$options":
      if (!("$regex" in cond)) throw bad("$options needs a $regex");
      return null;
    case "$mod": {
      if (!Array.isArray(arg) || arg.length !== 2) throw bad("malformed mod, needs to be an array of 2");
      const [d, r] = arg.map((x) => Math.trunc(toNumber(x)));
      if (d === 0) throw bad("divisor cannot be 0");
      return (vals) =>
        expand(vals).some((v) => typeRank(v) === 3 && Math.trunc(toNumber(v)) % (d as number) === r);
    }
    case "$not": {
      const inner =
        arg instanceof RegExp ? regexTest(arg) : isPlainObject(arg) ? operatorTest(arg, o, false) : null;
      if (!inner) throw bad("$not needs a regex or a document");
      return (vals) => !inner(vals);
    }
    case "$bitsAllSet":
    case "$bitsAnySet":
    case "$bitsAllClear":
    case "$bitsAnyClear":
      return bitsTest(op, arg);
    case "$comment":
      return null;
    default:
      throw bad(`unknown operator: ${op}`);
  }
}

function operatorTest(cond: Document, o: MatchOptions, inElemMatch: boolean): ValueTest {
  const tests: ValueTest[] = [];
  for (const [op, arg] of Object.entries(cond)) {
    if (!op.startsWith("$")) throw bad(`unknown operator: ${op}`);
    if (inElemMatch && op === "$comment") continue;
    const t = oneOperator(op, arg, cond, o);
    if (t) tests.push(t);
  }
  return (vals) => tests.every((t) => t(vals));
}

function fieldTest(cond: unknown, o: MatchOptions): ValueTest {
  if (isPlainObject(cond)) {
    const first = Object.keys(cond)[0];
    if (first?.startsWith("$") && first !== "$id" && first !== "$ref" && first !== "$db")
      return operatorTest(cond, o, false);
  }
  return equalsTest(cond, o);
}

function logical(op: string, arg: unknown, o: MatchOptions): Matcher {
  if (!Array.isArray(arg) || arg.length === 0) throw bad(`${op} argument must be a non-empty array`);
  const subs = arg.map((s) => {
    if (!isPlainObject(s)) throw bad(`${op} argument's entries must be objects`);
    return compileMatcher(s, o);
  });
  if (op === "$and") return (d) => subs.every((m) => m(d));
  if (op === "$or") return (d) => subs.some((m) => m(d));
  return (d) => !subs.some((m) => m(d));
}

/** Evaluated by mingo: aggregation expressions, with the command's `let` variables. */
function mingoTop(op: string, arg: unknown, o: MatchOptions): Matcher {
  try {
    const q = new Query(
      { [op]: arg },
      { ...MINGO_OPTIONS, ...(o.variables ? { variables: o.variables } : {}) },
    );
    // mingo compares JS numbers only: it sees Double/Long values as numbers.
    return (d) => q.test(promotedCopy(d));
  } catch (e) {
    throw bad((e as Error).message);
  }
}

/** Compile a query filter into a predicate. Malformed filters throw BadValue. */
export function compileMatcher(filter: Document, o: MatchOptions = {}, inElemMatch = false): Matcher {
  const parts: Matcher[] = [];
  for (const [key, cond] of Object.entries(filter)) {
    if (key === "$and" || key === "$or" || key === "$nor") parts.push(logical(key, cond, o));
    // $where reaches mingo only to be refused there (scripts are disabled).
    else if (key === "$expr" || key === "$jsonSchema" || key === "$where") parts.push(mingoTop(key, cond, o));
    else if (key === "$comment") continue;
    else if (key.startsWith("$") && !(inElemMatch && DBREF_KEYS.has(key)))
      throw bad(`unknown top level operator: ${key}`);
    else {
      const t = fieldTest(cond, o);
      parts.push((d) => t(leafValues(d, key)));
    }
  }
  if (parts.length === 1) return parts[0] as Matcher;
  return (d) => parts.every((m) => m(d));
}
