import type { Document } from "bson";
import type { UpdateDescription } from "../storage/types.js";
import { compareValues, isPlainObject, typeRank } from "./bson-order.js";

/** Change-stream style description of what changed between two versions of a document. */
export function describeUpdate(pre: Document, post: Document): UpdateDescription {
  const updatedFields: Document = {};
  const removedFields: string[] = [];
  const walk = (a: Document, b: Document, prefix: string) => {
    for (const [k, v] of Object.entries(b)) {
      const path = prefix + k;
      if (!(k in a)) updatedFields[path] = v;
      else if (isPlainObject(a[k]) && isPlainObject(v)) walk(a[k] as Document, v, `${path}.`);
      else if (compareValues(a[k], v) !== 0 || typeRank(a[k]) !== typeRank(v)) updatedFields[path] = v;
    }
    for (const k of Object.keys(a)) if (!(k in b)) removedFields.push(prefix + k);
  };
  walk(pre, post, "");
  return { updatedFields, removedFields, truncatedArrays: [] };
}

/** Whether an update changed anything (field order counts, as in MongoDB). */
export function changed(pre: Document, post: Document): boolean {
  return compareValues(pre, post) !== 0;
}
