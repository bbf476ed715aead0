import { Binary, type Document, Long, MaxKey, MinKey, ObjectId } from "bson";

/** A small seeded PRNG (mulberry32): the same seed gives the same cases on every machine. */
export function rng(seed: number) {
  let s = seed >>> 0;
  const next = () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (n: number) => Math.floor(next() * n);
  const pick = <T>(xs: readonly T[]): T => xs[int(xs.length)] as T;
  const chance = (p: number) => next() < p;
  return { next, int, pick, chance };
}
export type Rng = ReturnType<typeof rng>;

const OIDS = Array.from({ length: 4 }, (_, i) => new ObjectId(`65${String(i).padStart(22, "0")}`));
const DATES = [0, 1000, 2000].map((t) => new Date(t));
const BINS = [new Binary(Buffer.from([1])), new Binary(Buffer.from([2])), new Binary(Buffer.from([1, 0]))];

/**
 * Scalars drawn from few distinct values per BSON type, so equality and ranges hit often and
 * every type bracket (null, numbers of three kinds, strings, objectIds, bools, dates, binary,
 * min/max keys) meets the others.
 */
export function scalar(r: Rng): unknown {
  switch (r.int(12)) {
    case 0:
      return null;
    case 1:
    case 2:
      return r.int(5) - 1;
    case 3:
      return r.pick([0.5, 1.5, -0.5, 2]);
    case 4:
      return Long.fromNumber(r.int(4));
    case 5:
    case 6:
      return r.pick(["", "a", "b", "ab", "B"]);
    case 7:
      return r.pick(OIDS);
    case 8:
      return r.chance(0.5);
    case 9:
      return r.pick(DATES);
    case 10:
      return r.pick(BINS);
    default:
      return r.chance(0.5) ? new MinKey() : new MaxKey();
  }
}

/** A field value: a scalar, an array (multikey), or a sub-document with `x`. */
export function value(r: Rng, depth = 0): unknown {
  const k = r.int(10);
  if (k < 6 || depth > 1) return scalar(r);
  // Array elements are scalars or documents: arrays directly inside arrays are left out, as
  // the matcher's `{ "a.b": null }` descends into them where MongoDB does not (README).
  if (k < 8)
    return Array.from({ length: r.int(4) }, () => (r.chance(0.2) ? { x: value(r, depth + 1) } : scalar(r)));
  return r.chance(0.7) ? { x: value(r, depth + 1) } : {};
}

export const FIELDS = ["a", "b", "c", "d.x"] as const;

export function doc(r: Rng, id: number): Document {
  const d: Document = { _id: r.chance(0.8) ? id : `id${id}` };
  for (const f of ["a", "b", "c", "d"]) {
    if (r.chance(0.2)) continue; // missing
    d[f] = f === "d" && r.chance(0.6) ? { x: value(r) } : value(r);
  }
  return d;
}

/** Index specs of every kind the planner knows: single, compound, descending, sparse, partial. */
export function indexes(r: Rng): Document[] {
  const all: Document[] = [
    { name: "a_1", key: { a: 1 } },
    { name: "b_-1", key: { b: -1 } },
    { name: "a_1_b_1", key: { a: 1, b: 1 } },
    { name: "c_1_a_-1", key: { c: 1, a: -1 } },
    { name: "d.x_1", key: { "d.x": 1 } },
    { name: "a_1__id_1", key: { a: 1, _id: 1 } },
    { name: "b_1__id_-1", key: { b: 1, _id: -1 } },
    { name: "c_sparse", key: { c: 1 }, sparse: true },
    { name: "b_partial", key: { b: 1 }, partialFilterExpression: { b: { $exists: true } } },
    { name: "a_partial", key: { a: 1, c: 1 }, partialFilterExpression: { a: { $gt: 0 } } },
  ];
  return all.filter(() => r.chance(0.45));
}

const CMP = ["$eq", "$ne", "$gt", "$gte", "$lt", "$lte"] as const;
const TYPES = [
  "null",
  "number",
  "int",
  "long",
  "double",
  "string",
  "objectId",
  "bool",
  "date",
  "array",
  "object",
  "binData",
  "minKey",
  "maxKey",
];

function cond(r: Rng): unknown {
  switch (r.int(9)) {
    case 0:
      return scalar(r);
    case 1:
      return { [r.pick(CMP)]: scalar(r) };
    case 2: {
      // A two-sided range, usually within one type bracket.
      const lo = scalar(r);
      const hi = r.chance(0.7) && typeof lo === "number" ? lo + r.int(3) : scalar(r);
      return { [r.pick(["$gt", "$gte"])]: lo, [r.pick(["$lt", "$lte"])]: hi };
    }
    case 3:
      return { $in: Array.from({ length: r.int(4) }, () => scalar(r)) };
    case 4:
      return { $nin: Array.from({ length: r.int(3) }, () => scalar(r)) };
    case 5:
      return { $exists: r.chance(0.5) };
    case 6:
      return { $type: r.pick(TYPES) };
    case 7:
      return r.chance(0.5) ? [] : [scalar(r)];
    default:
      return { $elemMatch: { [r.pick(["$gt", "$lt", "$eq"])]: scalar(r) } };
  }
}

/** A filter of field conditions, possibly combined with $and / $or. */
export function filter(r: Rng, depth = 0): Document {
  const f: Document = {};
  const n = r.int(3);
  for (let i = 0; i < n; i++) f[r.pick([...FIELDS, "_id"])] = r.chance(0.1) ? r.int(40) : cond(r);
  if (depth < 2 && r.chance(0.3)) {
    f[r.pick(["$or", "$and"])] = Array.from({ length: 1 + r.int(3) }, () => filter(r, depth + 1));
  }
  return f;
}

/** A sort ending in `_id`, so the expected order is total and comparable between plans. */
export function sort(r: Rng): Document | undefined {
  if (r.chance(0.3)) return undefined;
  const s: Document = {};
  for (const f of FIELDS) if (r.chance(0.3)) s[f] = r.pick([1, -1]);
  s._id = r.pick([1, -1]);
  return s;
}

export function projection(r: Rng): Document | undefined {
  switch (r.int(5)) {
    case 0:
      return { a: 1 };
    case 1:
      return { b: 0, "d.x": 0 };
    case 2:
      return { _id: 1 };
    default:
      return undefined;
  }
}
