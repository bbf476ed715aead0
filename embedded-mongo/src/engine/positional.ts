import type { Document } from "bson";
import { CommandError } from "../commands/errors.js";
import { isPlainObject } from "./bson-order.js";
import { compileMatcher } from "./matcher.js";
import { getPath } from "./paths.js";

/**
 * Positional update paths (`a.$.n`, `a.$[].n`, `a.$[e].n`) resolved against one document into
 * the concrete paths they name (`a.1.n`), so every operator then works on plain paths: several
 * positional paths under one array, and `$set` with `$push` through the same `$`, apply together
 * as in MongoDB.
 */

const POSITIONAL = /^\$(\[([a-z][a-zA-Z0-9]*)?\])?$/;

export function hasPositional(ops: Document): boolean {
  for (const spec of Object.values(ops))
    for (const path of Object.keys(spec as Document))
      if (path.split(".").some((p) => POSITIONAL.test(p))) return true;
  return false;
}

type ElementTest = (el: unknown) => boolean;

/** A condition on an array's elements: `prefix` names the element itself, `prefix.rest` a field in it. */
function elementTest(key: string, cond: unknown, prefix: string): ElementTest | null {
  if (key === prefix) {
    if (isPlainObject(cond) && "$elemMatch" in cond) {
      const inner = cond.$elemMatch as Document;
      const ops = Object.keys(inner).every((k) => k.startsWith("$") && !["$and", "$or", "$nor"].includes(k));
      const m = compileMatcher(ops ? { v: inner } : inner);
      return ops ? (el) => m({ v: el }) : (el) => isPlainObject(el) && m(el);
    }
    const m = compileMatcher({ v: cond });
    return (el) => m({ v: el });
  }
  if (!key.startsWith(`${prefix}.`)) return null;
  const m = compileMatcher({ [key.slice(prefix.length + 1)]: cond });
  return (el) => (isPlainObject(el) || Array.isArray(el)) && m(el as Document);
}

function conditions(filter: Document, prefix: string): ElementTest[] {
  const out: ElementTest[] = [];
  for (const [k, v] of Object.entries(filter)) {
    if (k === "$and" && Array.isArray(v))
      for (const sub of v) if (isPlainObject(sub)) out.push(...conditions(sub, prefix));
    const t = k.startsWith("$") ? null : elementTest(k, v, prefix);
    if (t) out.push(t);
  }
  return out;
}

/** Element tests per identifier of `arrayFilters` ({ "e.n": 2 } names identifier e). */
export function arrayFilterTests(arrayFilters: Document[] | undefined): Map<string, ElementTest> {
  const out = new Map<string, ElementTest>();
  for (const f of arrayFilters ?? []) {
    if (!isPlainObject(f)) throw new CommandError("FailedToParse", "arrayFilters entries must be objects");
    const id = Object.keys(f)[0]?.split(".")[0];
    if (!id)
      throw new CommandError(
        "FailedToParse",
        "Cannot use an expression without a top-level field name in arrayFilters",
      );
    if (out.has(id))
      throw new CommandError(
        "FailedToParse",
        `Found multiple array filters with the same top-level field name ${id}`,
      );
    const tests = conditions(f, id);
    out.set(id, (el) => tests.every((t) => t(el)));
  }
  return out;
}

interface Resolve {
  doc: Document;
  filter: Document;
  filters: Map<string, ElementTest>;
  path: string;
}

function expand(r: Resolve, done: string[], rest: string[], out: string[]): void {
  const i = rest.findIndex((p) => POSITIONAL.test(p));
  if (i < 0) {
    out.push([...done, ...rest].join("."));
    return;
  }
  const prefix = [...done, ...rest.slice(0, i)];
  const seg = rest[i] as string;
  const arr = getPath(r.doc, prefix.join("."));
  if (!Array.isArray(arr)) {
    if (seg === "$")
      throw new CommandError(
        "BadValue",
        "The positional operator did not find the match needed from the query.",
      );
    throw new CommandError(
      "BadValue",
      `The path '${prefix.join(".")}' must exist in the document in order to apply array updates.`,
    );
  }
  let indexes: number[];
  if (seg === "$") {
    const tests = conditions(r.filter, prefix.join("."));
    const at = tests.length ? arr.findIndex((el) => tests.every((t) => t(el))) : -1;
    if (at < 0)
      throw new CommandError(
        "BadValue",
        "The positional operator did not find the match needed from the query.",
      );
    indexes = [at];
  } else if (seg === "$[]") indexes = arr.map((_, k) => k);
  else {
    const id = seg.slice(2, -1);
    const t = r.filters.get(id);
    if (!t)
      throw new CommandError("BadValue", `No array filter found for identifier '${id}' in path '${r.path}'`);
    indexes = arr.flatMap((el, k) => (t(el) ? [k] : []));
  }
  for (const k of indexes) expand(r, [...prefix, String(k)], rest.slice(i + 1), out);
}

/** `ops` with every positional path replaced by the concrete paths it names in `doc`. */
export function resolvePositional(
  doc: Document,
  ops: Document,
  filter: Document,
  arrayFilters: Document[] | undefined,
): Document {
  const filters = arrayFilterTests(arrayFilters);
  const used = new Set<string>();
  const out: Document = {};
  for (const [op, spec] of Object.entries(ops)) {
    const next: Document = {};
    for (const [path, arg] of Object.entries(spec as Document)) {
      const paths: string[] = [];
      expand({ doc, filter, filters, path }, [], path.split("."), paths);
      for (const p of paths) next[p] = arg;
    }
    out[op] = next;
  }
  // Like MongoDB, every array filter must be named by some path (whatever the document holds).
  for (const spec of Object.values(ops))
    for (const path of Object.keys(spec as Document))
      for (const m of path.matchAll(/\$\[([a-z][a-zA-Z0-9]*)\]/g)) used.add(m[1] as string);
  for (const id of filters.keys()) {
    if (!used.has(id))
      throw new CommandError(
        "FailedToParse",
        `The array filter for identifier '${id}' was not used in the update ${JSON.stringify(ops)}`,
      );
  }
  return out;
}
