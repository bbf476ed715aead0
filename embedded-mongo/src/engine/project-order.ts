import type { Document } from "bson";
import { isPlainObject, toNumber, typeRank } from "./bson-order.js";

/**
 * Field order of an inclusion projection as MongoDB 7 writes it: `_id` first, then the included
 * fields in the input document's order, then computed fields in the projection's order (at every
 * level). mingo builds its output in the projection's order, so drivers and mongoose saw fields
 * shuffled (and `_id` last); exclusion projections keep the document's order already.
 */

type Leaf = "include" | "computed";
type Tree = Map<string, Tree | Leaf>;

function isFlag(v: unknown): boolean {
  return typeof v === "boolean" || (typeRank(v) === 3 && typeof v !== "string");
}

function isNested(v: unknown): v is Document {
  return isPlainObject(v) && Object.keys(v).length > 0 && Object.keys(v).every((k) => !k.startsWith("$"));
}

/** True when `spec` includes or computes something (not a pure exclusion). */
function isInclusion(spec: Document): boolean {
  return Object.entries(spec).some(([k, v]) => {
    if (isNested(v)) return isInclusion(v);
    if (isFlag(v)) return k !== "_id" && Boolean(toNumber(v as number));
    return true;
  });
}

function addPath(tree: Tree, path: string[], v: unknown): void {
  const [head, ...rest] = path as [string, ...string[]];
  if (rest.length > 0) {
    let sub = tree.get(head);
    if (!(sub instanceof Map)) {
      sub = new Map();
      tree.set(head, sub);
    }
    addPath(sub, rest, v);
    return;
  }
  if (isNested(v)) {
    let sub = tree.get(head);
    if (!(sub instanceof Map)) {
      sub = new Map();
      tree.set(head, sub);
    }
    for (const [k, x] of Object.entries(v)) addPath(sub, k.split("."), x);
  } else if (isFlag(v)) {
    if (toNumber(v as number)) tree.set(head, "include");
  } else tree.set(head, "computed");
}

/** The projection as a tree, or null when it is an exclusion (whose order is already right). */
export function inclusionTree(spec: Document): Tree | null {
  if (!isInclusion(spec)) return null;
  const tree: Tree = new Map();
  for (const [k, v] of Object.entries(spec)) {
    const path = k.endsWith(".$") ? k.slice(0, -2) : k;
    addPath(tree, path.split("."), v);
  }
  return tree;
}

function orderValue(input: unknown, output: unknown, tree: Tree): unknown {
  if (Array.isArray(input) && Array.isArray(output) && input.length === output.length)
    return output.map((o, i) => orderValue(input[i], o, tree));
  if (!isPlainObject(input) || !isPlainObject(output)) return output;
  return orderDoc(input, output, tree, false);
}

function orderDoc(input: Document, output: Document, tree: Tree, top: boolean): Document {
  const res: Document = {};
  const id = tree.get("_id");
  if (top && "_id" in output && id !== "computed")
    res._id = id instanceof Map ? orderValue(input._id, output._id, id) : output._id;
  for (const k of Object.keys(input)) {
    const node = tree.get(k);
    if (!(k in output) || k in res || node === "computed") continue;
    res[k] = node instanceof Map ? orderValue(input[k], output[k], node) : output[k];
  }
  for (const k of tree.keys()) if (k in output && !(k in res)) res[k] = output[k];
  for (const k of Object.keys(output)) if (!(k in res)) res[k] = output[k];
  return res;
}

/** `output` (the projection of `input` by an inclusion `tree`) with MongoDB's field order. */
export function orderProjected(input: Document, output: Document, tree: Tree | null): Document {
  return tree ? orderDoc(input, output, tree, true) : output;
}
