import type { Document } from "bson";
import { CommandError } from "../commands/errors.js";
import { cloneValue, compareValues, isPlainObject, valuesEqual } from "./bson-order.js";
import { bsonTypeName } from "./bson-types.js";
import { formatValue } from "./format.js";
import { compileMatcher } from "./matcher.js";
import { sortDocs } from "./paths.js";

/**
 * `$push` (with `$each/$position/$sort/$slice`) and `$pull` on concrete paths (positional ones
 * are resolved first, see positional.ts). Paths may go through array indexes (`a.0.tags`), as
 * mongoose sends for `doc.arr[i].list.push(x)`.
 */

/** The container holding the last field of `path`, created (as documents) when missing. */
function parentOf(
  doc: Document,
  path: string,
  create: boolean,
): { parent: Document | unknown[]; key: string } | null {
  const parts = path.split(".");
  let cur: Document | unknown[] = doc;
  for (const p of parts.slice(0, -1)) {
    let next: unknown = Array.isArray(cur) ? (/^\d+$/.test(p) ? cur[Number(p)] : undefined) : cur[p];
    if (Array.isArray(cur) && !/^\d+$/.test(p))
      throw new CommandError("PathNotViable", `Cannot create field '${p}' in element {${formatValue(cur)}}`);
    if (next === undefined || next === null) {
      if (!create) return null;
      next = {};
      if (Array.isArray(cur)) {
        while (cur.length < Number(p)) cur.push(null);
        cur[Number(p)] = next;
      } else cur[p] = next;
    } else if (!isPlainObject(next) && !Array.isArray(next)) {
      throw new CommandError("PathNotViable", `Cannot create field '${p}' in element {${formatValue(next)}}`);
    }
    cur = next as Document | unknown[];
  }
  const key = parts[parts.length - 1] as string;
  if (Array.isArray(cur) && !/^\d+$/.test(key))
    throw new CommandError("PathNotViable", `Cannot create field '${key}' in element {${formatValue(cur)}}`);
  return { parent: cur, key };
}

function read(s: { parent: Document | unknown[]; key: string }): unknown {
  return Array.isArray(s.parent) ? s.parent[Number(s.key)] : s.parent[s.key];
}

function write(s: { parent: Document | unknown[]; key: string }, v: unknown): void {
  if (Array.isArray(s.parent)) {
    while (s.parent.length < Number(s.key)) s.parent.push(null);
    s.parent[Number(s.key)] = v;
  } else s.parent[s.key] = v;
}

export function applyPush(doc: Document, spec: Document): void {
  for (const [path, arg] of Object.entries(spec)) {
    const mods = isPlainObject(arg) && "$each" in arg ? arg : null;
    const items = mods ? (mods.$each as unknown[]) : [arg];
    if (!Array.isArray(items))
      throw new CommandError("BadValue", "The argument to $each in $push must be an array");
    const s = parentOf(doc, path, true);
    if (!s) continue;
    const cur = read(s);
    if (cur !== undefined && !Array.isArray(cur)) {
      throw new CommandError(
        "BadValue",
        `The field '${path}' must be an array but is of type ${bsonTypeName(cur)} in document {_id: ${formatValue(doc._id)}}`,
      );
    }
    let arr = [...((cur as unknown[] | undefined) ?? [])];
    const pos = mods?.$position === undefined ? arr.length : Number(mods.$position);
    arr.splice(pos < 0 ? Math.max(0, arr.length + pos) : pos, 0, ...items.map(cloneValue));
    if (mods?.$sort !== undefined) {
      const dir = mods.$sort;
      arr = isPlainObject(dir)
        ? sortDocs(arr as Document[], dir)
        : arr.sort((a, b) => compareValues(a, b) * (Number(dir) < 0 ? -1 : 1));
    }
    if (mods?.$slice !== undefined) {
      const n = Number(mods.$slice);
      arr = n >= 0 ? arr.slice(0, n) : arr.slice(n);
    }
    write(s, arr);
  }
}

/** What `$pull` removes: a query over each element (document or value), or values equal to it. */
function pullTest(cond: unknown): (el: unknown) => boolean {
  if (!isPlainObject(cond)) return (el) => valuesEqual(el, cond);
  const keys = Object.keys(cond);
  const valueOps =
    keys.length > 0 && keys.every((k) => k.startsWith("$") && !["$and", "$or", "$nor", "$expr"].includes(k));
  if (valueOps) {
    const m = compileMatcher({ v: cond });
    return (el) => m({ v: el });
  }
  const m = compileMatcher(cond);
  return (el) => isPlainObject(el) && m(el);
}

export function applyPull(doc: Document, spec: Document): void {
  for (const [path, cond] of Object.entries(spec)) {
    const s = parentOf(doc, path, false);
    if (!s) continue;
    const cur = read(s);
    if (cur === undefined) continue;
    if (!Array.isArray(cur)) throw new CommandError("BadValue", "Cannot apply $pull to a non-array value");
    const remove = pullTest(cond);
    write(
      s,
      cur.filter((el) => !remove(el)),
    );
  }
}
