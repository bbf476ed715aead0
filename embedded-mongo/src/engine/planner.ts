import type { Document } from "bson";
import { isPlainObject, typeRank } from "./bson-order.js";
import type { Bounds, BTreeIndex, FieldRange } from "./btree-index.js";
import { type Collection, ridOf } from "./collection.js";
import type { Hint } from "./hint.js";

/** Value kinds we trust index order for; anything else (arrays, sub-documents, regexes) scans. */
const INDEXABLE_RANKS = new Set([2, 3, 4, 8, 9, 10]);
const MAX_POINTS = 500;

type Cond = { kind: "points"; values: unknown[] } | { kind: "range"; range: FieldRange };

export interface Plan {
  kind: "IDHACK" | "IXSCAN" | "COLLSCAN";
  index?: string;
  /** True when documents come out in the requested sort order already. */
  sorted: boolean;
  docs: Iterable<Document>;
}

function scalar(v: unknown): boolean {
  return INDEXABLE_RANKS.has(typeRank(v)) && !Array.isArray(v);
}

/** What the filter says about one top-level field, if it is something an index can answer. */
function condOf(v: unknown): Cond | null {
  if (!isPlainObject(v) || !Object.keys(v).some((k) => k.startsWith("$"))) {
    return scalar(v) ? { kind: "points", values: [v] } : null;
  }
  if ("$eq" in v && scalar(v.$eq)) return { kind: "points", values: [v.$eq] };
  if ("$in" in v && Array.isArray(v.$in) && v.$in.length <= MAX_POINTS && v.$in.every(scalar)) {
    return { kind: "points", values: v.$in };
  }
  let range: FieldRange | null = null;
  for (const [op, inc, side] of [
    ["$gt", false, "lo"],
    ["$gte", true, "lo"],
    ["$lt", false, "hi"],
    ["$lte", true, "hi"],
  ] as const) {
    if (!(op in v)) continue;
    const bound = v[op];
    if (!scalar(bound) || typeRank(bound) === 2) continue;
    range ??= { rank: typeRank(bound), loInc: true, hiInc: true };
    if (typeRank(bound) !== range.rank) continue;
    if (side === "lo") Object.assign(range, { lo: bound, loInc: inc });
    else Object.assign(range, { hi: bound, hiInc: inc });
  }
  return range ? { kind: "range", range } : null;
}

/** Top-level field conditions, including those inside a top-level `$and`. */
function fieldConds(filter: Document): Map<string, Cond> {
  const out = new Map<string, Cond>();
  const visit = (f: Document) => {
    for (const [k, v] of Object.entries(f)) {
      if (k === "$and" && Array.isArray(v)) for (const sub of v) if (isPlainObject(sub)) visit(sub);
      if (k.startsWith("$") || out.has(k)) continue;
      const c = condOf(v);
      if (c) out.set(k, c);
    }
  };
  visit(filter);
  return out;
}

function boundsFor(idx: BTreeIndex, conds: Map<string, Cond>): { score: number; bounds: Bounds[] } | null {
  let bounds: Bounds[] = [{ eq: [] }];
  let score = 0;
  for (const [field] of idx.fields) {
    const c = conds.get(field);
    if (!c) break;
    if (c.kind === "range") {
      // On a multikey index `{ $gt: x, $lt: y }` may be met by two different elements, so
      // the two sides cannot be intersected: scan from the lower one only (as MongoDB does).
      const range =
        idx.multikey && c.range.lo !== undefined && c.range.hi !== undefined
          ? { rank: c.range.rank, lo: c.range.lo, loInc: c.range.loInc, hiInc: true }
          : c.range;
      bounds = bounds.map((b) => ({ eq: b.eq, range }));
      score += 1;
      break;
    }
    if (bounds.length * c.values.length > MAX_POINTS) break;
    bounds = bounds.flatMap((b) => c.values.map((v) => ({ eq: [...b.eq, v] })));
    score += 2;
  }
  return score > 0 ? { score, bounds } : null;
}

function* fromRids(coll: Collection, rids: Iterable<string>, dedupe: boolean): Generator<Document> {
  const seen = dedupe ? new Set<string>() : null;
  for (const rid of rids) {
    if (seen) {
      if (seen.has(rid)) continue;
      seen.add(rid);
    }
    const d = coll.get(rid);
    if (d) {
      coll.docsExamined++;
      yield d;
    }
  }
}

function* scanAll(coll: Collection, reverse = false): Generator<Document> {
  const all = reverse ? [...coll.docs.values()].reverse() : coll.docs.values();
  for (const d of all) {
    coll.docsExamined++;
    yield d;
  }
}

function* scanBounds(idx: BTreeIndex, bounds: Bounds[]): Generator<string> {
  for (const b of bounds) yield* idx.scan(b);
}

/**
 * Whether one index scan already yields `sort` order: the sort must list the index fields after
 * the equality-bound prefix (which may also appear in the sort), all in index direction or all
 * reversed. Returns null when an in-memory sort is still needed.
 */
function scanOrder(idx: BTreeIndex, b: Bounds, sort: Document | undefined): "forward" | "reverse" | null {
  const spec = Object.entries(sort ?? {}).filter(([k]) => !k.startsWith("$"));
  if (spec.length === 0) return "forward";
  const fields = idx.fields;
  // Leading sort keys on equality-bound fields don't affect order.
  const eqFields = new Set(fields.slice(0, b.eq.length).map(([f]) => f));
  let i = 0;
  while (i < spec.length && eqFields.has(spec[i]?.[0] ?? "")) i++;
  const rest = spec.slice(i);
  if (rest.length === 0) return "forward";
  const base = b.eq.length;
  if (base + rest.length > fields.length) return null;
  const same = rest.every(([f, d], j) => fields[base + j]?.[0] === f && Number(d) === fields[base + j]?.[1]);
  if (same) return "forward";
  const rev = rest.every(
    ([f, d], j) => fields[base + j]?.[0] === f && Number(d) === -(fields[base + j]?.[1] ?? 0),
  );
  return rev ? "reverse" : null;
}

/** Index whose key order equals the sort spec (or its reverse), if any. */
function sortIndex(
  coll: Collection,
  sort: Document | undefined,
): { idx: BTreeIndex; reverse: boolean } | null {
  const spec = Object.entries(sort ?? {});
  if (spec.length === 0) return null;
  for (const idx of coll.planIndexes()) {
    if (!idx.complete || idx.multikey || idx.fields.length !== spec.length) continue;
    const same = idx.fields.every(([f, d], i) => spec[i]?.[0] === f && Number(spec[i]?.[1]) === d);
    const rev = idx.fields.every(([f, d], i) => spec[i]?.[0] === f && Number(spec[i]?.[1]) === -d);
    if (same || rev) return { idx, reverse: rev };
  }
  return null;
}

/**
 * A top-level `$or` whose every branch can use an index (or the _id map): the union of the
 * branch scans, each document once.
 */
function orPlan(coll: Collection, filter: Document): Plan | null {
  const branches = filter.$or;
  if (!Array.isArray(branches) || branches.length === 0 || branches.length > MAX_POINTS) return null;
  const plans: Plan[] = [];
  for (const b of branches) {
    if (!isPlainObject(b)) return null;
    const p = plan(coll, b);
    // Branches are planned without a sort, so anything but COLLSCAN is a bounded lookup.
    if (p.kind === "COLLSCAN") return null;
    plans.push(p);
  }
  function* docs(): Generator<Document> {
    const seen = new Set<Document>();
    for (const p of plans) {
      for (const d of p.docs) {
        if (seen.has(d)) continue;
        seen.add(d);
        yield d;
      }
    }
  }
  return { kind: "IXSCAN", index: "$or", sorted: false, docs: docs() };
}

/**
 * Choose how to read candidate documents for `filter`. Candidates are a superset of the
 * matches; the caller still applies the full filter.
 */
export function plan(coll: Collection, filter: Document, sort?: Document, hint?: Hint | null): Plan {
  if (hint) return hinted(coll, filter, sort, hint);
  const id = filter._id;
  const idCond = id === undefined ? null : condOf(id);
  // A time-series collection may hold several documents with one `_id` (see Collection.insert).
  if (idCond?.kind === "points" && !coll.options.timeseries) {
    const rids = idCond.values.map(ridOf);
    return { kind: "IDHACK", sorted: rids.length <= 1, docs: fromRids(coll, rids, rids.length > 1) };
  }
  const conds = fieldConds(filter);
  let best: { idx: BTreeIndex; score: number; bounds: Bounds[] } | null = null;
  if (conds.size > 0) {
    for (const idx of coll.planIndexes()) {
      if (!idx.complete) continue;
      const b = boundsFor(idx, conds);
      if (b && (!best || b.score > best.score)) best = { idx, ...b };
    }
  }
  if (best) return boundedScan(coll, best.idx, best.bounds, sort);
  const union = orPlan(coll, filter);
  if (union) return union;
  const s = sortIndex(coll, sort);
  if (s) {
    return {
      kind: "IXSCAN",
      index: s.idx.name,
      sorted: true,
      docs: fromRids(coll, s.idx.walk(s.reverse), false),
    };
  }
  return { kind: "COLLSCAN", sorted: false, docs: scanAll(coll) };
}

function boundedScan(coll: Collection, idx: BTreeIndex, bounds: Bounds[], sort: Document | undefined): Plan {
  // An empty `$in` leaves no point to look up: nothing can match.
  if (bounds.length === 0) return { kind: "IXSCAN", index: idx.name, sorted: true, docs: [] };
  const multi = idx.multikey || bounds.length > 1;
  const order = multi ? null : scanOrder(idx, bounds[0] as Bounds, sort);
  const rids = order === "reverse" ? [...scanBounds(idx, bounds)].reverse() : scanBounds(idx, bounds);
  return { kind: "IXSCAN", index: idx.name, sorted: order !== null, docs: fromRids(coll, rids, multi) };
}

/**
 * The plan a `hint` forces: `$natural` scans the collection in insertion order (or its
 * reverse); an index is scanned within the filter's bounds when it has any, else whole. A
 * sparse or partial index then yields only the documents it holds, as MongoDB's does.
 */
function hinted(coll: Collection, filter: Document, sort: Document | undefined, hint: Hint): Plan {
  if ("natural" in hint) {
    const bySort = Object.keys(sort ?? {}).length === 0;
    return { kind: "COLLSCAN", sorted: bySort, docs: scanAll(coll, hint.natural < 0) };
  }
  const idx = hint.index;
  const b = boundsFor(idx, fieldConds(filter));
  if (b) return boundedScan(coll, idx, b.bounds, sort);
  const spec = Object.entries(sort ?? {});
  const same = spec.length > 0 && !idx.multikey && idx.fields.length >= spec.length;
  const fwd = same && spec.every(([f, d], i) => idx.fields[i]?.[0] === f && Number(d) === idx.fields[i]?.[1]);
  const rev =
    same && spec.every(([f, d], i) => idx.fields[i]?.[0] === f && Number(d) === -(idx.fields[i]?.[1] ?? 0));
  return {
    kind: "IXSCAN",
    index: idx.name,
    sorted: fwd || rev,
    docs: fromRids(coll, idx.walk(rev), idx.multikey),
  };
}
