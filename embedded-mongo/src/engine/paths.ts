import type { Document } from "bson";
import { type StringCompare, compareValues, isPlainObject } from "./bson-order.js";

/**
 * All values a dotted path reaches in a document, descending through arrays like MongoDB's
 * multikey indexing: an array at the end contributes its elements, an empty array contributes
 * `undefined`, a missing field contributes `undefined`.
 */
export function pathValues(doc: Document, path: string): unknown[] {
  const out: unknown[] = [];
  collect(doc, path.split("."), 0, out);
  return out;
}

function collect(v: unknown, parts: string[], i: number, out: unknown[]): void {
  if (i === parts.length) {
    if (Array.isArray(v)) {
      if (v.length === 0) out.push(undefined);
      else for (const e of v) out.push(e);
    } else out.push(v);
    return;
  }
  const part = parts[i] as string;
  if (Array.isArray(v)) {
    const before = out.length;
    if (/^\d+$/.test(part)) {
      const el = v[Number(part)];
      if (el !== undefined) collect(el, parts, i + 1, out);
    }
    for (const e of v) if (isPlainObject(e)) collect(e[part], parts, i + 1, out);
    if (out.length === before) out.push(undefined);
    return;
  }
  if (isPlainObject(v)) {
    collect(v[part], parts, i + 1, out);
    return;
  }
  out.push(undefined);
}

/** True when the path reaches nothing (for sparse indexes). */
export function isMissing(doc: Document, path: string): boolean {
  return pathValues(doc, path).every((v) => v === undefined);
}

/** The value a dotted path reaches without array traversal (undefined if absent). */
export function getPath(doc: Document, path: string): unknown {
  let v: unknown = doc;
  for (const part of path.split(".")) {
    if (Array.isArray(v) && /^\d+$/.test(part)) v = v[Number(part)];
    else if (isPlainObject(v)) v = v[part];
    else return undefined;
  }
  return v;
}

/** Sort key of a document for one field: arrays sort by their min (asc) or max (desc) element. */
export function sortKey(doc: Document, path: string, dir: number, str?: StringCompare): unknown {
  const vals = pathValues(doc, path);
  if (vals.length === 1) return vals[0];
  let best = vals[0];
  for (const v of vals) {
    const c = compareValues(v, best, str);
    if (dir > 0 ? c < 0 : c > 0) best = v;
  }
  return best;
}

/** Sort documents by a MongoDB sort spec ({a: 1, b: -1}); stable; `str` is a collation's order. */
export function sortDocs(docs: Document[], spec: Document, str?: StringCompare): Document[] {
  const fields = Object.entries(spec).filter(([k]) => !k.startsWith("$"));
  if (fields.length === 0) return docs;
  const keyed = docs.map((d) => ({
    d,
    k: fields.map(([f, dir]) => sortKey(d, f, Number(dir) < 0 ? -1 : 1, str)),
  }));
  keyed.sort((x, y) => {
    for (let i = 0; i < fields.length; i++) {
      const dir = Number((fields[i] as [string, unknown])[1]) < 0 ? -1 : 1;
      const c = compareValues(x.k[i], y.k[i], str);
      if (c !== 0) return c * dir;
    }
    return 0;
  });
  return keyed.map((e) => e.d);
}
