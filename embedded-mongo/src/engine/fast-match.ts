import type { Document } from "bson";
import { compareValues, isPlainObject, typeRank } from "./bson-order.js";
import { pathValues } from "./paths.js";

/**
 * A matcher for the filters applications send most (`{ field: value }`, `$in`, ranges) that
 * avoids building a mingo Query (tens of µs each, more than the lookup itself). Anything
 * outside this subset returns null and goes to mingo.
 */

/** `values`: what the path reaches (array elements expanded); `raw`: the field itself (top level only). */
type Test = (values: unknown[], raw: unknown) => boolean;

/** Scalars whose MongoDB equality/order we implement exactly; null/arrays/objects go to mingo. */
const SIMPLE_RANKS = new Set([3, 4, 8, 9, 10]);

function simple(v: unknown): boolean {
  return SIMPLE_RANKS.has(typeRank(v)) && !(typeof v === "number" && Number.isNaN(v));
}

function eq(target: unknown): Test {
  const rank = typeRank(target);
  return (vals) => vals.some((v) => typeRank(v) === rank && compareValues(v, target) === 0);
}

function range(op: string, bound: unknown): Test {
  const rank = typeRank(bound);
  const ok =
    op === "$gt"
      ? (c: number) => c > 0
      : op === "$gte"
        ? (c: number) => c >= 0
        : op === "$lt"
          ? (c: number) => c < 0
          : (c: number) => c <= 0;
  // Type bracketing: a range only matches values of the bound's type.
  return (vals) => vals.some((v) => typeRank(v) === rank && ok(compareValues(v, bound)));
}

/** `{ f: null }`: missing, null, or an array holding null (not an empty array). */
const isNullish: Test = (vals) => vals.some((v) => v === undefined || v === null);

/**
 * Test for one field's condition. Null, `$ne` and `$exists` are only taken on top-level
 * fields, where their MongoDB semantics are simple; dotted paths with them go to mingo.
 */
function fieldTest(cond: unknown, topLevelField: boolean): Test | null {
  if (cond === null) return topLevelField ? isNullish : null;
  if (!isPlainObject(cond)) return simple(cond) ? eq(cond) : null;
  const keys = Object.keys(cond);
  if (keys.length === 0 || !keys.every((k) => k.startsWith("$"))) return null;
  const tests: Test[] = [];
  for (const op of keys) {
    const arg = cond[op];
    if (op === "$eq") {
      if (arg === null && topLevelField) tests.push(isNullish);
      else if (simple(arg)) tests.push(eq(arg));
      else return null;
    } else if (op === "$ne" && topLevelField && (arg === null || simple(arg))) {
      const t = arg === null ? isNullish : eq(arg);
      tests.push((vals, raw) => !t(vals, raw));
    } else if (op === "$exists" && topLevelField && (typeof arg === "boolean" || typeof arg === "number")) {
      const want = Boolean(arg);
      tests.push((_vals, raw) => (raw !== undefined) === want);
    } else if (op === "$in") {
      if (!Array.isArray(arg) || !arg.every(simple)) return null;
      const each = arg.map(eq);
      tests.push((vals, raw) => each.some((t) => t(vals, raw)));
    } else if (op === "$gt" || op === "$gte" || op === "$lt" || op === "$lte") {
      if (!simple(arg)) return null;
      tests.push(range(op, arg));
    } else return null;
  }
  return tests.length === 1 ? (tests[0] as Test) : (vals, raw) => tests.every((t) => t(vals, raw));
}

/** A predicate for `filter`, or null if the filter needs mingo. */
export function fastMatcher(filter: Document): ((doc: Document) => boolean) | null {
  const fields: [string, Test][] = [];
  const groups: ((doc: Document) => boolean)[] = [];
  for (const [path, cond] of Object.entries(filter)) {
    if (path === "$or" || path === "$and") {
      if (!Array.isArray(cond) || cond.length === 0 || !cond.every(isPlainObject)) return null;
      const subs = cond.map((c) => fastMatcher(c as Document));
      if (subs.some((m) => m === null)) return null;
      const ms = subs as ((doc: Document) => boolean)[];
      groups.push(path === "$or" ? (d) => ms.some((m) => m(d)) : (d) => ms.every((m) => m(d)));
      continue;
    }
    // DBRef fields (`refs.$id`) are read through the DBRef class: the full matcher knows how.
    if (path.startsWith("$") || path === "" || path.includes(".$")) return null;
    const t = fieldTest(cond, !path.includes("."));
    if (!t) return null;
    fields.push([path, t]);
  }
  if (fields.length === 0 && groups.length === 0) return () => true;
  return (doc) => {
    for (const g of groups) if (!g(doc)) return false;
    for (const [path, t] of fields) {
      const raw = path.includes(".") ? undefined : doc[path];
      const vals = path.includes(".") ? pathValues(doc, path) : topLevel(raw);
      if (!t(vals, raw)) return false;
    }
    return true;
  };
}

/** Values of a top-level field: an array matches through its elements, and as a whole. */
function topLevel(v: unknown): unknown[] {
  return Array.isArray(v) ? v : [v];
}
