import type { Document } from "bson";
import { Query } from "mingo";
import { CommandError } from "../commands/errors.js";
import type { Collection } from "./collection.js";
import { sortDocs } from "./paths.js";
import { type Plan, plan } from "./planner.js";
import { MINGO_OPTIONS } from "./mingo-options.js";

export interface FindSpec {
  filter?: Document;
  sort?: Document;
  skip?: number;
  /** 0 or absent = no limit. */
  limit?: number;
}

/** Compile a filter, turning mingo's parse errors into MongoDB's BadValue. */
export function compileFilter(filter: Document | undefined): Query {
  try {
    return new Query(filter ?? {}, MINGO_OPTIONS);
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
  if (!coll) return { docs: [], plan: "COLLSCAN" };
  const filter = spec.filter ?? {};
  const q = compileFilter(filter);
  const p = plan(coll, filter, spec.sort);
  const skip = Math.max(0, spec.skip ?? 0);
  const limit = Math.abs(spec.limit ?? 0);
  const hasSort = spec.sort !== undefined && Object.keys(spec.sort).length > 0;
  const out: Document[] = [];
  // Without a sort (or with an index-provided order) we can stop as soon as we have enough.
  const stopAt = (!hasSort || p.sorted) && limit > 0 ? skip + limit : Number.POSITIVE_INFINITY;
  try {
    for (const d of p.docs) {
      if (!q.test(d)) continue;
      out.push(d);
      if (out.length >= stopAt) break;
    }
  } catch (e) {
    if (e instanceof CommandError) throw e;
    throw new CommandError("BadValue", (e as Error).message);
  }
  let docs = hasSort && !p.sorted ? sortDocs(out, spec.sort as Document) : out;
  if (skip || limit) docs = docs.slice(skip, limit ? skip + limit : undefined);
  return { docs, plan: p.kind, ...(p.index ? { index: p.index } : {}) };
}

/** Apply a projection to a page of documents (returns new objects; stored docs untouched). */
export function project(
  docs: Document[],
  projection: Document | undefined,
  filter: Document | undefined,
): Document[] {
  if (!projection || Object.keys(projection).length === 0) return docs;
  try {
    return new Query(filter ?? {}, MINGO_OPTIONS).find(docs, projection).all() as Document[];
  } catch (e) {
    throw new CommandError("BadValue", (e as Error).message);
  }
}
