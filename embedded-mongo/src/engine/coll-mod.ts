import type { CollModOp } from "../storage/types.js";
import type { Collection } from "./collection.js";

/**
 * Apply a collMod op (validated by commands/coll-mod.ts) to a collection. Options and index specs
 * are changed in place: a transaction's view shares them, and snapshots read them from here.
 */
export function applyCollMod(c: Collection, op: CollModOp): void {
  const options = c.options as Record<string, unknown>;
  for (const k of op.unset) delete options[k];
  Object.assign(options, op.set);
  if (!op.index) return;
  const idx = c.indexes.get(op.index.name);
  if (!idx) return;
  const spec = idx.spec as unknown as Record<string, unknown>;
  for (const k of op.index.unset) delete spec[k];
  Object.assign(spec, op.index.set);
}
