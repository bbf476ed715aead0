import type { Document } from "bson";
import { Query } from "mingo";
import { promotedCopy, restoreNumberTypes } from "../bson/number-types.js";
import { CommandError, type ErrorCodeName } from "../commands/errors.js";
import { cloneValue, isPlainObject, toNumber, typeRank } from "./bson-order.js";
import { MINGO_OPTIONS } from "./mingo-options.js";
import { inclusionTree, orderProjected } from "./project-order.js";
import { compileFilter } from "./query.js";

/**
 * find projections as MongoDB 7 applies them: inclusion or exclusion of (dotted) paths, `_id`
 * rules, `$slice`, `$elemMatch` and the positional `arr.$`. Results are new objects that share
 * only immutable leaves with the stored documents (mingo's projection deleted excluded
 * sub-fields from the stored document itself). Expressions (`{ x: "$a" }`, `$meta`...) go to
 * mingo over a copy.
 */

type Rule =
  | { kind: "include" | "exclude" }
  | { kind: "slice"; skip: number | null; n: number }
  | { kind: "elemMatch"; test: (v: unknown) => boolean }
  | { kind: "positional" };

interface Spec {
  inclusion: boolean;
  keepId: boolean;
  rules: [string, Rule][];
}

const BAD = (msg: string, code: ErrorCodeName = "BadValue") => new CommandError(code, msg);

function sliceRule(path: string, arg: unknown): Rule {
  if (typeRank(arg) === 3) return { kind: "slice", skip: null, n: toNumber(arg) };
  if (Array.isArray(arg) && arg.length === 2 && arg.every((x) => typeRank(x) === 3)) {
    const n = toNumber(arg[1]);
    if (n <= 0)
      throw BAD(
        `Invalid $slice syntax. The given syntax { $slice: [ ${arg.join(", ")} ] } did not match the find() syntax because :: Location31265: $slice limit must be positive`,
        "BadValue",
      );
    return { kind: "slice", skip: toNumber(arg[0]), n };
  }
  throw BAD(`Invalid $slice syntax for field ${path}`, "BadValue");
}

/** An element matcher: `{ $gt: 1 }` tests the element itself, `{ f: ... }` tests it as a document. */
export function elemMatcher(cond: Document): (v: unknown) => boolean {
  const keys = Object.keys(cond);
  const opOnly =
    keys.length > 0 && keys.every((k) => k.startsWith("$") && k !== "$and" && k !== "$or" && k !== "$nor");
  if (opOnly) {
    const m = compileFilter({ v: cond });
    return (v) => m({ v });
  }
  const m = compileFilter(cond);
  return (v) => isPlainObject(v) && m(v);
}

/** Parse a projection; null when it uses expressions we leave to mingo. */
function parse(spec: Document): Spec | null {
  let inclusion: boolean | null = null;
  let keepId = true;
  let idOn = false;
  const rules: [string, Rule][] = [];
  const mode = (path: string, include: boolean) => {
    if (inclusion === null) inclusion = include;
    else if (inclusion !== include) {
      throw include
        ? BAD(`Cannot do inclusion on field ${path} in exclusion projection`, "Location31254")
        : BAD(`Cannot do exclusion on field ${path} in inclusion projection`, "Location31253");
    }
  };
  for (const [path, v] of Object.entries(spec)) {
    if (path.startsWith("$")) return null;
    if (path.endsWith(".$")) {
      if (v !== 1 && v !== true) return null;
      mode(path, true);
      rules.push([path.slice(0, -2), { kind: "positional" }]);
      continue;
    }
    if (typeof v === "number" || typeof v === "boolean" || (typeRank(v) === 3 && typeof v === "object")) {
      const on = Boolean(toNumber(v as number));
      if (path === "_id") {
        keepId = on;
        idOn = on;
        continue;
      }
      mode(path, on);
      rules.push([path, { kind: on ? "include" : "exclude" }]);
      continue;
    }
    if (isPlainObject(v) && Object.keys(v).length === 1 && "$slice" in v) {
      rules.push([path, sliceRule(path, v.$slice)]);
      continue;
    }
    if (isPlainObject(v) && Object.keys(v).length === 1 && isPlainObject(v.$elemMatch)) {
      if (path.includes(".")) throw BAD("Cannot use $elemMatch projection on a nested field.", "BadValue");
      mode(path, true);
      rules.push([path, { kind: "elemMatch", test: elemMatcher(v.$elemMatch) }]);
      continue;
    }
    return null;
  }
  // `{ _id: 1 }` alone selects only `_id`; only `$slice` rules keep every other field (4.4+).
  return { inclusion: inclusion ?? idOn, keepId, rules };
}

function slice(v: unknown, r: Extract<Rule, { kind: "slice" }>): unknown {
  if (!Array.isArray(v)) return v;
  if (r.skip === null) return r.n >= 0 ? v.slice(0, r.n) : v.slice(Math.max(0, v.length + r.n));
  const from = r.skip >= 0 ? r.skip : Math.max(0, v.length + r.skip);
  return v.slice(from, from + r.n);
}

/** Rules nested under one field, relative to it. */
function under(rules: [string, Rule][], field: string): [string, Rule][] {
  const out: [string, Rule][] = [];
  for (const [p, r] of rules) if (p.startsWith(`${field}.`)) out.push([p.slice(field.length + 1), r]);
  return out;
}

/** Project one value (a document, or an array of them) by rules relative to it. */
function shape(v: unknown, rules: [string, Rule][], inclusion: boolean, ctx: Ctx): unknown {
  if (Array.isArray(v)) {
    const out: unknown[] = [];
    for (const e of v) {
      if (isPlainObject(e) || Array.isArray(e)) out.push(shape(e, rules, inclusion, ctx));
      else if (!inclusion) out.push(e);
    }
    return out;
  }
  if (!isPlainObject(v)) return v;
  const out: Document = {};
  const own = new Map<string, Rule>();
  for (const [p, r] of rules) if (!p.includes(".")) own.set(p, r);
  const nested = new Set(rules.filter(([p]) => p.includes(".")).map(([p]) => p.split(".")[0] as string));
  for (const k of Object.keys(v)) {
    const val = v[k];
    const r = own.get(k);
    if (r?.kind === "exclude") continue;
    if (r?.kind === "include") out[k] = val;
    else if (r?.kind === "slice") out[k] = slice(val, r);
    else if (r?.kind === "elemMatch") {
      const hit = Array.isArray(val) ? val.find(r.test) : undefined;
      if (hit !== undefined) out[k] = [hit];
    } else if (r?.kind === "positional") {
      const hit = Array.isArray(val) ? ctx.positional(k, val) : undefined;
      if (hit !== undefined) out[k] = [hit];
    } else if (nested.has(k)) {
      if (isPlainObject(val) || Array.isArray(val)) out[k] = shape(val, under(rules, k), inclusion, ctx);
      else if (!inclusion) out[k] = val;
    } else if (!inclusion) out[k] = val;
  }
  return out;
}

interface Ctx {
  positional(field: string, arr: unknown[]): unknown;
}

/** The first element of `arr` that the query's conditions on `field` (or `field.sub`) select. */
function positionalCtx(filter: Document): Ctx {
  return {
    positional(field, arr) {
      const tests: ((e: unknown) => boolean)[] = [];
      const visit = (f: Document) => {
        for (const [k, c] of Object.entries(f)) {
          if (k === "$and" && Array.isArray(c)) {
            for (const s of c) if (isPlainObject(s)) visit(s);
          } else if (k === field) {
            const m = isPlainObject(c) && isPlainObject(c.$elemMatch) ? elemMatcher(c.$elemMatch) : null;
            const eq = compileFilter({ v: c });
            tests.push(m ?? ((e) => eq({ v: e })));
          } else if (k.startsWith(`${field}.`)) {
            const m = compileFilter({ [k.slice(field.length + 1)]: c });
            tests.push((e) => isPlainObject(e) && m(e));
          }
        }
      };
      visit(filter);
      if (tests.length === 0) {
        throw BAD(
          "Executor error during find command :: caused by :: positional operator '.$' couldn't find a matching element in the array",
          "Location51246",
        );
      }
      return arr.find((e) => tests.every((t) => t(e)));
    },
  };
}

/** A projector for `spec`, or null when the projection is empty. */
export function projector(
  spec: Document | undefined,
  filter: Document | undefined,
): ((d: Document) => Document) | null {
  if (!spec || Object.keys(spec).length === 0) return null;
  const p = parse(spec);
  if (!p) {
    let q: Query;
    try {
      q = new Query(filter ?? {}, MINGO_OPTIONS);
    } catch (e) {
      throw BAD((e as Error).message);
    }
    // mingo computes on JS numbers; fields it copied unchanged get their BSON number type back.
    const tree = inclusionTree(spec);
    return (d) => {
      const out = restoreNumberTypes(d, q.find([promotedCopy(cloneValue(d))], spec).all()[0]) as Document;
      return orderProjected(d, out, tree);
    };
  }
  const ctx = positionalCtx(filter ?? {});
  return (d) => {
    const out = shape(d, p.rules, p.inclusion, ctx) as Document;
    if (p.inclusion && p.keepId && "_id" in d) return { _id: d._id, ...out };
    if (!p.keepId) delete out._id;
    return out;
  };
}

/** Apply a projection to a page of documents (new objects; stored documents untouched). */
export function project(
  docs: Document[],
  spec: Document | undefined,
  filter: Document | undefined,
): Document[] {
  const p = projector(spec, filter);
  return p ? docs.map(p) : docs;
}
