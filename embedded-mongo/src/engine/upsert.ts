import type { Document } from "bson";
import { cloneValue, isPlainObject } from "./bson-order.js";

/** The document an upsert starts from: equality fields of the query (incl. inside $and). */
export function upsertSeed(filter: Document): Document {
  const seed: Document = {};
  const visit = (f: Document) => {
    for (const [k, v] of Object.entries(f)) {
      if (k === "$and" && Array.isArray(v)) for (const sub of v) if (isPlainObject(sub)) visit(sub);
      if (k.startsWith("$")) continue;
      let val: unknown = v;
      if (isPlainObject(v) && Object.keys(v).some((x) => x.startsWith("$"))) {
        if (!("$eq" in v)) continue;
        val = v.$eq;
      }
      setPath(seed, k, cloneValue(val));
    }
  };
  visit(filter);
  return seed;
}

function setPath(doc: Document, path: string, v: unknown): void {
  const parts = path.split(".");
  let cur = doc;
  for (const p of parts.slice(0, -1)) {
    if (!isPlainObject(cur[p])) cur[p] = {};
    cur = cur[p] as Document;
  }
  cur[parts[parts.length - 1] as string] = v;
}
