import type { mongo } from "mongoose";

/** One change as the process's change stream delivers it (after the feed's $match/$project). */
export type ChangeDoc = mongo.ChangeStreamDocument<mongo.Document>;

/** The changed document's `_id` as a string, or null for changes without one (drop, invalidate). */
export function changedId(change: ChangeDoc): string | null {
  if (!("documentKey" in change) || !change.documentKey) return null;
  return String((change.documentKey as { _id: unknown })._id);
}

/** The post-image the stream carried (insert, replace, update with updateLookup), or null. */
export function postImage<T = mongo.Document>(change: ChangeDoc): T | null {
  return "fullDocument" in change ? ((change.fullDocument as T | null | undefined) ?? null) : null;
}
