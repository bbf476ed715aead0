import { CommandError } from "../commands/errors.js";
import { canonicalKey, isPlainObject } from "./bson-order.js";
import type { BTreeIndex } from "./btree-index.js";
import type { Collection } from "./collection.js";

/** What a `hint` asks for: a collection scan in a direction, or one index. */
export type Hint = { natural: 1 | -1 } | { index: BTreeIndex };

/**
 * Resolve a `hint` (an index name, a key pattern, or `{ $natural: ±1 }`). MongoDB answers a
 * hint that names no existing index with BadValue (2), so do we, rather than planning freely.
 */
export function resolveHint(coll: Collection | undefined, hint: unknown): Hint | null {
  if (hint === undefined || hint === null) return null;
  if (isPlainObject(hint)) {
    const keys = Object.keys(hint);
    if (keys.length === 0) return null;
    if (keys.length === 1 && keys[0] === "$natural") return { natural: Number(hint.$natural) < 0 ? -1 : 1 };
  } else if (typeof hint !== "string") {
    throw new CommandError("FailedToParse", "hint must be either a string or nested object");
  }
  // A collection that does not exist has no plan to choose (MongoDB answers it empty).
  if (!coll) return null;
  const want = typeof hint === "string" ? null : canonicalKey(hint);
  for (const idx of coll.planIndexes()) {
    if (!idx.usable) continue;
    if (typeof hint === "string" ? idx.name === hint : canonicalKey(idx.spec.key) === want)
      // A collated index is ordered by its collation, not the bounds' binary order: scan instead.
      return idx.spec.collation ? { natural: 1 } : { index: idx };
  }
  throw new CommandError("BadValue", "hint provided does not correspond to an existing index");
}
