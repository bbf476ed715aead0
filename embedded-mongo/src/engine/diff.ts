import type { Document } from "bson";
import type { UpdateDescription } from "../storage/types.js";
import { compareValues, isPlainObject, typeRank } from "./bson-order.js";

const APPENDING = new Set(["$push", "$addToSet"]);
const POSITIONAL = /^\$(\[[^\]]*\])?$/;

/**
 * The paths an operator update targets, as MongoDB logs its changes: each operator's field
 * (both ends of a $rename); `append` marks $push/$addToSet, which log appended elements as
 * `arr.N` rather than the whole array.
 */
export interface UpdateTargets {
  paths: string[][];
  append: Set<string>;
}

export function updateTargets(u: Document): UpdateTargets {
  const paths: string[][] = [];
  const append = new Set<string>();
  for (const [op, fields] of Object.entries(u)) {
    if (!isPlainObject(fields)) continue;
    for (const [path, v] of Object.entries(fields)) {
      paths.push(path.split("."));
      if (op === "$rename" && typeof v === "string") paths.push(v.split("."));
      if (APPENDING.has(op)) append.add(path);
    }
  }
  return { paths, append };
}

const same = (a: unknown, b: unknown) => compareValues(a, b) === 0 && typeRank(a) === typeRank(b);

/** Whether `at` (a concrete path) matches the start of `target` ($, $[], $[x] match any index). */
function prefixOf(at: string[], target: string[]): boolean {
  if (at.length > target.length) return false;
  return at.every((p, i) => p === target[i] || (POSITIONAL.test(target[i] ?? "") && /^\d+$/.test(p)));
}

/**
 * Change-stream updateDescription of an update from `pre` to `post`. A pipeline update (no
 * targets) is diffed structurally, arrays element by element with truncatedArrays, as MongoDB
 * computes its delta; an operator update reports each changed target path whole, descending only
 * towards deeper targets, as MongoDB logs operator updates.
 */
export function describeUpdate(pre: Document, post: Document, targets?: UpdateTargets): UpdateDescription {
  const updatedFields: Document = {};
  const removedFields: string[] = [];
  const truncatedArrays: { field: string; newSize: number }[] = [];
  const at = (parts: string[]) => parts.join(".");
  /** Whether to look inside the value at `parts` instead of reporting it whole. */
  const descend = (parts: string[]) =>
    !targets || targets.paths.some((t) => t.length > parts.length && prefixOf(parts, t));
  const value = (parts: string[], a: unknown, b: unknown) => {
    if (same(a, b)) return;
    if (isPlainObject(a) && isPlainObject(b) && descend(parts)) return object(parts, a, b);
    if (Array.isArray(a) && Array.isArray(b)) {
      const appended = targets?.append.has(at(parts)) && a.every((x, i) => same(x, b[i]));
      if (appended && b.length > a.length) {
        for (let i = a.length; i < b.length; i++) updatedFields[at([...parts, String(i)])] = b[i];
        return;
      }
      if (descend(parts)) return array(parts, a, b);
    }
    updatedFields[at(parts)] = b;
  };
  const object = (parts: string[], a: Document, b: Document) => {
    for (const [k, v] of Object.entries(b)) {
      if (!(k in a)) updatedFields[at([...parts, k])] = v;
      else value([...parts, k], a[k], v);
    }
    for (const k of Object.keys(a)) if (!(k in b)) removedFields.push(at([...parts, k]));
  };
  const array = (parts: string[], a: unknown[], b: unknown[]) => {
    if (b.length < a.length) truncatedArrays.push({ field: at(parts), newSize: b.length });
    b.forEach((v, i) => {
      if (i >= a.length) updatedFields[at([...parts, String(i)])] = v;
      else value([...parts, String(i)], a[i], v);
    });
  };
  object([], pre, post);
  return { updatedFields, removedFields, truncatedArrays };
}

/** Whether an update changed anything (field order counts, as in MongoDB). */
export function changed(pre: Document, post: Document): boolean {
  return compareValues(pre, post) !== 0;
}
