import type { Document } from "bson";
import { update as mingoUpdate } from "mingo";
import { promotedCopy, restoreNumberTypes } from "../bson/number-types.js";
import { CommandError } from "../commands/errors.js";
import { cloneValue, isPlainObject, typeRank, valuesEqual } from "./bson-order.js";
import { applyOperators, supports } from "./fast-update.js";
import { formatValue } from "./format.js";
import { getPath } from "./paths.js";
import { hasPositional, resolvePositional } from "./positional.js";
import { applyPull, applyPush } from "./update-arrays.js";
import { aggregator } from "./agg-expressions.js";
import { MINGO_OPTIONS } from "./mingo-options.js";

const OPERATORS = new Set([
  "$set",
  "$unset",
  "$inc",
  "$mul",
  "$rename",
  "$min",
  "$max",
  "$currentDate",
  "$push",
  "$addToSet",
  "$pull",
  "$pullAll",
  "$pop",
  "$bit",
  "$setOnInsert",
]);
const PIPELINE_STAGES = new Set(["$addFields", "$set", "$project", "$unset", "$replaceRoot", "$replaceWith"]);

export type UpdateKind = "operators" | "replacement" | "pipeline";

/** Classify and validate an update argument (operators, replacement document, or pipeline). */
export function updateKind(u: unknown): UpdateKind {
  if (Array.isArray(u)) {
    for (const stage of u) {
      const name = isPlainObject(stage) ? Object.keys(stage)[0] : undefined;
      if (!name || !PIPELINE_STAGES.has(name)) {
        throw new CommandError(
          "InvalidOptions",
          `${name ?? "stage"} is not allowed to be used within an update`,
        );
      }
    }
    return "pipeline";
  }
  if (!isPlainObject(u))
    throw new CommandError("FailedToParse", "Update argument must be either an object or an array");
  const keys = Object.keys(u);
  const ops = keys.filter((k) => k.startsWith("$"));
  if (ops.length === 0) return "replacement";
  for (const k of keys) {
    if (!OPERATORS.has(k)) {
      throw new CommandError(
        "FailedToParse",
        `Unknown modifier: ${k}. Expected a valid update modifier or pipeline-style update specified as an array`,
      );
    }
    if (!isPlainObject(u[k])) {
      throw new CommandError(
        "FailedToParse",
        `Modifiers operate on fields but we found type ${typeof u[k]} instead. For example: {$mod: {<field>: ...}} not {${k}: ${formatValue(u[k])}}`,
      );
    }
  }
  checkConflicts(u);
  return "operators";
}

function checkConflicts(u: Document): void {
  const seen: string[] = [];
  for (const [op, spec] of Object.entries(u)) {
    const paths = Object.keys(spec as Document);
    if (op === "$rename") paths.push(...Object.values(spec as Document).map(String));
    for (const p of paths) {
      const clash = seen.find((s) => s === p || s.startsWith(`${p}.`) || p.startsWith(`${s}.`));
      if (clash !== undefined) {
        throw new CommandError(
          "ConflictingUpdateOperators",
          `Updating the path '${p}' would create a conflict at '${clash.length < p.length ? clash : p}'`,
        );
      }
      seen.push(p);
    }
  }
}

export interface UpdateOptions {
  arrayFilters?: Document[];
  /** The query, for the positional `$` operator. */
  filter: Document;
  /** Applying to a freshly seeded upsert document ($setOnInsert applies). */
  inserting: boolean;
  /** The command's `let` variables (pipeline updates see them as `$$name`). */
  variables?: Document;
}

/** Apply an update to a copy of `doc`; returns the new document (the input is untouched). */
export function applyUpdate(
  doc: Document,
  u: Document | Document[],
  kind: UpdateKind,
  o: UpdateOptions,
): Document {
  let next: Document;
  if (kind === "replacement") {
    const repl = u as Document;
    if ("_id" in repl && !valuesEqual(repl._id, doc._id) && !o.inserting) {
      throw new CommandError(
        "ImmutableField",
        `After applying the update, the (immutable) field '_id' was found to have been altered to _id: ${formatValue(repl._id)}`,
      );
    }
    next = "_id" in doc ? { _id: doc._id } : {};
    for (const [k, v] of Object.entries(repl)) if (k !== "_id" || !("_id" in next)) next[k] = v;
    return next;
  }
  if (kind === "pipeline") {
    const vars = o.variables ? { variables: o.variables } : {};
    const out = aggregator(u as Document[], { ...MINGO_OPTIONS, ...vars }).run([
      promotedCopy(cloneValue(doc)),
    ]);
    // Fields the pipeline left as they were keep their BSON number type (mingo computes on numbers).
    next = (restoreNumberTypes(doc, out[0]) as Document | undefined) ?? {};
    // A pipeline that drops _id (e.g. $replaceRoot) keeps the document's own, as MongoDB does.
    if ("_id" in doc && !("_id" in next)) next = { _id: doc._id, ...next };
  } else {
    next = cloneValue(doc);
    const ops = { ...(u as Document) };
    if (ops.$setOnInsert) {
      if (o.inserting)
        ops.$set = { ...(ops.$set as Document | undefined), ...(ops.$setOnInsert as Document) };
      delete ops.$setOnInsert;
    }
    guardId(doc, ops);
    try {
      // Positional paths become the concrete paths they name, so every operator below sees plain paths.
      const plain = hasPositional(ops) ? resolvePositional(doc, ops, o.filter, o.arrayFilters) : ops;
      if (!hasPositional(ops) && o.arrayFilters?.length)
        resolvePositional(doc, ops, o.filter, o.arrayFilters);
      checkNumeric(next, plain);
      const push = plain.$push as Document | undefined;
      const pull = plain.$pull as Document | undefined;
      delete plain.$push;
      delete plain.$pull;
      if (supports(plain)) applyOperators(next, plain);
      else if (Object.keys(plain).length) {
        // mingo updates JS numbers only; values it left equal get their BSON number type back.
        next = promotedCopy(next);
        mingoUpdate(next, plain, undefined, undefined, { cloneMode: "none", queryOptions: MINGO_OPTIONS });
        next = restoreNumberTypes(doc, next) as Document;
      }
      if (push) applyPush(next, push);
      if (pull) applyPull(next, pull);
    } catch (e) {
      if (e instanceof CommandError) throw e;
      throw new CommandError("BadValue", (e as Error).message);
    }
  }
  if ("_id" in doc && !valuesEqual(next._id, doc._id)) {
    throw new CommandError(
      "ImmutableField",
      "Performing an update on the path '_id' would modify the immutable field '_id'",
    );
  }
  // Keep _id first, as MongoDB stores it.
  if ("_id" in doc && Object.keys(next)[0] !== "_id") next = { _id: next._id, ...next };
  return next;
}

const IMMUTABLE_ID = "Performing an update on the path '_id' would modify the immutable field '_id'";

/** Operators touching _id: a $set to the same value is a no-op (dropped), anything else fails. */
function guardId(doc: Document, ops: Document): void {
  for (const [op, spec] of Object.entries(ops)) {
    for (const path of Object.keys(spec as Document)) {
      if (path !== "_id" && !path.startsWith("_id.")) continue;
      const same = op === "$set" && path === "_id" && valuesEqual((spec as Document)[path], doc._id);
      if (!same && "_id" in doc) throw new CommandError("ImmutableField", IMMUTABLE_ID);
      if (same) {
        const rest = { ...(spec as Document) };
        delete rest[path];
        ops[op] = rest;
      }
    }
  }
}

function checkNumeric(doc: Document, ops: Document): void {
  for (const op of ["$inc", "$mul"] as const) {
    const spec = ops[op] as Document | undefined;
    if (!spec) continue;
    for (const [path, by] of Object.entries(spec)) {
      if (typeRank(by) !== 3) {
        throw new CommandError(
          "TypeMismatch",
          `Cannot ${op === "$inc" ? "increment" : "multiply"} with non-numeric argument: {${path}: ${formatValue(by)}}`,
        );
      }
      if (path.includes("$")) continue;
      const cur = getPath(doc, path);
      if (cur !== undefined && typeRank(cur) !== 3) {
        throw new CommandError(
          "TypeMismatch",
          `Cannot apply ${op} to a value of non-numeric type. {_id: ${formatValue(doc._id)}} has the field '${path.split(".").pop()}' of non-numeric type ${bsonTypeName(cur)}`,
        );
      }
    }
  }
}

function bsonTypeName(v: unknown): string {
  const names: Record<number, string> = {
    2: "null",
    4: "string",
    5: "object",
    6: "array",
    7: "binData",
    8: "objectId",
    9: "bool",
    10: "date",
  };
  return names[typeRank(v)] ?? "unknown";
}
