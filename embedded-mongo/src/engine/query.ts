import type { Document } from "bson";
import { Query } from "mingo";
import { CommandError } from "../commands/errors.js";
import { type Collection, ridOf } from "./collection.js";
import { sortDocs } from "./paths.js";
import { type Plan, plan } from "./planner.js";
import { resolveHint } from "./hint.js";
import { fastMatcher } from "./fast-match.js";
import { MINGO_OPTIONS } from "./mingo-options.js";

export interface FindSpec {
  filter?: Document;
  sort?: Document;
  skip?: number;
  /** 0 or absent = no limit. */
  limit?: number;
  /** The command's `hint` (index name, key pattern or `{ $natural: ±1 }`). */
  hint?: unknown;
}

/** Compile a filter (fast path first, else mingo), turning parse errors into BadValue. */
export function compileFilter(filter: Document | undefined): (doc: Document) => boolean {
  const fast = fastMatcher(filter ?? {});
  if (fast) return fast;
  try {
    const q = new Query(filter ?? {}, MINGO_OPTIONS);
    return (doc) => q.test(doc);
  } catch (e) {
    throw new CommandError("BadValue", (e as Error).message);
  }
}

export interface FindResult {
  docs: Document[];
  plan: Plan["kind"];
  index?: string;
}

/**
 * Matching documents (stored references, never to be mutated) in result order. Uses an index
 * for candidates when possible and stops early when the index already yields sort order.
 */
export function findDocs(coll: Collection | undefined, spec: FindSpec): FindResult {
  if (!coll) {
    resolveHint(coll, spec.hint);
    return { docs: [], plan: "COLLSCAN" };
  }
  const filter = spec.filter ?? {};
  const q = compileFilter(filter);
  const p = plan(coll, filter, spec.sort, resolveHint(coll, spec.hint));
  // In a transaction's view, records changed since its snapshot are read apart from the plan.
  const changed = coll.changedRids();
  const sorted = p.sorted && !changed?.size;
  const skip = Math.max(0, spec.skip ?? 0);
  const limit = Math.abs(spec.limit ?? 0);
  const hasSort = spec.sort !== undefined && Object.keys(spec.sort).length > 0;
  const out: Document[] = [];
  // Without a sort (or with an index-provided order) we can stop as soon as we have enough.
  const stopAt = (!hasSort || sorted) && limit > 0 ? skip + limit : Number.POSITIVE_INFINITY;
  try {
    for (const d of p.docs) {
      if (changed?.has(ridOf(d._id)) || !q(d)) continue;
      out.push(d);
      if (out.length >= stopAt) break;
    }
    for (const rid of changed ?? []) {
      if (out.length >= stopAt) break;
      const d = coll.get(rid);
      if (d && q(d)) out.push(d);
    }
  } catch (e) {
    if (e instanceof CommandError) throw e;
    throw new CommandError("BadValue", (e as Error).message);
  }
  let docs = hasSort && !sorted ? sortDocs(out, spec.sort as Document) : out;
  if (skip || limit) docs = docs.slice(skip, limit ? skip + limit : undefined);
  return { docs, plan: p.kind, ...(p.index ? { index: p.index } : {}) };
}
