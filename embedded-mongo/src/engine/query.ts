import type { Document } from "bson";
import { CommandError } from "../commands/errors.js";
import { type Collection, ridOf } from "./collection.js";
import { sortDocs } from "./paths.js";
import { type Plan, plan } from "./planner.js";
import { resolveHint } from "./hint.js";
import { fastMatcher } from "./fast-match.js";
import type { StringCompare } from "./bson-order.js";
import { compileMatcher, type MatchOptions } from "./matcher.js";

export interface FindSpec {
  filter?: Document;
  sort?: Document;
  skip?: number;
  /** 0 or absent = no limit. */
  limit?: number;
  /** The command's `hint` (index name, key pattern or `{ $natural: ±1 }`). */
  hint?: unknown;
  /** The command's collation as a string order (undefined = binary). */
  collation?: StringCompare;
  /** The command's `let` variables. */
  variables?: Document;
}

/** Compile a filter (fast path first, else the full matcher), turning parse errors into BadValue. */
export function compileFilter(
  filter: Document | undefined,
  o: MatchOptions = {},
): (doc: Document) => boolean {
  // The fast path compares strings in binary order and knows no variables.
  const fast = o.str || o.variables ? null : fastMatcher(filter ?? {});
  if (fast) return fast;
  try {
    return compileMatcher(filter ?? {}, o);
  } catch (e) {
    if (e instanceof CommandError) throw e;
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
  const q = compileFilter(filter, {
    ...(spec.collation ? { str: spec.collation } : {}),
    ...(spec.variables ? { variables: spec.variables } : {}),
  });
  // Indexes hold binary string order: under a collation the candidates come from a scan.
  const hint = resolveHint(coll, spec.hint);
  const p = plan(coll, filter, spec.sort, spec.collation ? (hint ?? { natural: 1 }) : hint);
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
  let docs = hasSort && !sorted ? sortDocs(out, spec.sort as Document, spec.collation) : out;
  if (skip || limit) docs = docs.slice(skip, limit ? skip + limit : undefined);
  return { docs, plan: p.kind, ...(p.index ? { index: p.index } : {}) };
}
