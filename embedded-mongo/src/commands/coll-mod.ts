import type { Document } from "bson";
import { canonicalKey, cloneValue, compareValues, isPlainObject } from "../engine/bson-order.js";
import type { Collection } from "../engine/collection.js";
import { formatDoc } from "../engine/format.js";
import type { CollModOp } from "../storage/types.js";
import { collName } from "./args.js";
import type { Handler } from "./context.js";
import { viewOptions } from "./catalog.js";
import { CommandError } from "./errors.js";
import { isView } from "./views.js";

/** Generic command fields the driver adds; everything else must be a known collMod option. */
const GENERIC = new Set([
  "collMod",
  "$db",
  "lsid",
  "$clusterTime",
  "txnNumber",
  "writeConcern",
  "comment",
  "$readPreference",
  "apiVersion",
  "apiStrict",
  "apiDeprecationErrors",
  "maxTimeMS",
]);
const LEVELS = new Set(["off", "strict", "moderate"]);
const ACTIONS = new Set(["error", "warn"]);
const INDEX_FIELDS = new Set([
  "keyPattern",
  "name",
  "hidden",
  "expireAfterSeconds",
  "prepareUnique",
  "unique",
]);

function invalid(message: string): CommandError {
  return new CommandError("InvalidOptions", message);
}

function bool(v: unknown, field: string): boolean {
  if (typeof v !== "boolean")
    throw new CommandError("TypeMismatch", `BSON field '${field}' must be a boolean`);
  return v;
}

/** Collection-level options: what to set, what to remove (expireAfterSeconds: "off"). */
function collectionChanges(cmd: Document, coll: Collection): { set: Document; unset: string[] } {
  const set: Document = {};
  const unset: string[] = [];
  if (cmd.viewOn !== undefined || cmd.pipeline !== undefined)
    throw invalid(`${coll.ns} is a collection: viewOn and pipeline only apply to views`);
  if (cmd.validator !== undefined) {
    if (!isPlainObject(cmd.validator))
      throw new CommandError("TypeMismatch", "'validator' must be an object");
    set.validator = cmd.validator;
  }
  if (cmd.validationLevel !== undefined) {
    if (!LEVELS.has(cmd.validationLevel))
      throw new CommandError(
        "BadValue",
        `Enumeration value '${cmd.validationLevel}' for field 'validationLevel' is not a valid value.`,
      );
    set.validationLevel = cmd.validationLevel;
  }
  if (cmd.validationAction !== undefined) {
    if (!ACTIONS.has(cmd.validationAction))
      throw new CommandError(
        "BadValue",
        `Enumeration value '${cmd.validationAction}' for field 'validationAction' is not a valid value.`,
      );
    set.validationAction = cmd.validationAction;
  }
  const images = cmd.changeStreamPreAndPostImages;
  if (images !== undefined) {
    if (!isPlainObject(images) || typeof images.enabled !== "boolean")
      throw invalid("'changeStreamPreAndPostImages' must be { enabled: <bool> }");
    if (images.enabled) set.changeStreamPreAndPostImages = { enabled: true };
    else unset.push("changeStreamPreAndPostImages");
  }
  if (cmd.expireAfterSeconds !== undefined) {
    if (!coll.options.clusteredIndex && !coll.options.timeseries)
      throw invalid("collMod: expireAfterSeconds is only valid on clustered or time-series collections");
    if (cmd.expireAfterSeconds === "off") unset.push("expireAfterSeconds");
    else if (typeof cmd.expireAfterSeconds === "number" && cmd.expireAfterSeconds >= 0)
      set.expireAfterSeconds = cmd.expireAfterSeconds;
    else throw invalid("expireAfterSeconds must be a number >= 0 or 'off'");
  }
  return { set, unset };
}

/** A view's collMod: a new viewOn and/or pipeline, nothing else. */
function viewChanges(cmd: Document, view: Collection): { set: Document; unset: string[] } {
  const other = [
    "validator",
    "validationLevel",
    "validationAction",
    "changeStreamPreAndPostImages",
    "expireAfterSeconds",
    "index",
  ];
  if (other.some((k) => cmd[k] !== undefined))
    throw invalid(`${view.ns} is a view: only viewOn and pipeline can be changed`);
  const { viewOn, pipeline } = viewOptions({
    viewOn: cmd.viewOn ?? view.options.viewOn,
    pipeline: cmd.pipeline ?? view.options.pipeline,
  });
  return { set: { viewOn, pipeline }, unset: [] };
}

/** Documents sharing a key of the index: MongoDB's `violations` of a unique conversion. */
function violations(coll: Collection, name: string): Document[] {
  const idx = coll.indexes.get(name);
  if (!idx) return [];
  const byKey = new Map<string, unknown[]>();
  for (const doc of coll.docs.values()) {
    for (const key of idx.keysFor(doc) ?? []) {
      const k = canonicalKey(key);
      const ids = byKey.get(k) ?? [];
      ids.push(doc._id);
      byKey.set(k, ids);
    }
  }
  return [...byKey.values()].filter((ids) => ids.length > 1).map((ids) => ({ ids }));
}

function indexChanges(
  arg: unknown,
  coll: Collection,
): { op: NonNullable<CollModOp["index"]>; reply: Document } {
  if (!isPlainObject(arg)) throw new CommandError("TypeMismatch", "'index' must be an object");
  for (const k of Object.keys(arg)) {
    if (!INDEX_FIELDS.has(k))
      throw new CommandError("Location40415", `BSON field 'collMod.index.${k}' is an unknown field.`);
  }
  if ((arg.keyPattern === undefined) === (arg.name === undefined))
    throw invalid("must specify exactly one of 'name' or 'keyPattern' in the 'index' option");
  const found = [...coll.indexes.values()].find((i) =>
    arg.name !== undefined ? i.name === arg.name : compareValues(i.spec.key, arg.keyPattern) === 0,
  );
  if (!found) {
    const which = arg.name !== undefined ? `name ${String(arg.name)}` : formatDoc(arg.keyPattern);
    throw new CommandError("IndexNotFound", `cannot find index ${which} for ns ${coll.ns}`);
  }
  const spec = found.spec;
  const set: Document = {};
  const unset: string[] = [];
  const reply: Document = {};
  const change = (field: "hidden" | "prepareUnique" | "unique", value: boolean) => {
    reply[`${field}_old`] = spec[field] === true;
    reply[`${field}_new`] = value;
    if (value) set[field] = true;
    else unset.push(field);
  };
  if (arg.hidden !== undefined) change("hidden", bool(arg.hidden, "hidden"));
  if (arg.prepareUnique !== undefined) change("prepareUnique", bool(arg.prepareUnique, "prepareUnique"));
  if (arg.unique !== undefined) {
    if (!bool(arg.unique, "unique"))
      throw invalid("collMod: 'unique: false' is not supported; indexes can only be made unique");
    if (spec.unique !== true) {
      if (spec.prepareUnique !== true)
        throw invalid("Cannot make index unique with 'prepareUnique: false'. Run collMod to set it first.");
      const found2 = violations(coll, spec.name);
      if (found2.length > 0)
        throw new CommandError(
          "CannotConvertIndexToUnique",
          "Cannot convert the index to unique. Please resolve conflicting documents before running collMod again.",
          { violations: found2 },
        );
      change("unique", true);
      unset.push("prepareUnique");
    }
  }
  if (arg.expireAfterSeconds !== undefined) {
    if (spec.expireAfterSeconds === undefined) throw invalid("no expireAfterSeconds field to update");
    if (typeof arg.expireAfterSeconds !== "number" || arg.expireAfterSeconds < 0)
      throw invalid("expireAfterSeconds must be a number >= 0");
    reply.expireAfterSeconds_old = spec.expireAfterSeconds;
    reply.expireAfterSeconds_new = arg.expireAfterSeconds;
    set.expireAfterSeconds = arg.expireAfterSeconds;
  }
  if (Object.keys(reply).length === 0)
    throw invalid("no expireAfterSeconds, hidden, prepareUnique or unique field to update");
  return { op: { name: spec.name, set, unset }, reply };
}

/**
 * collMod: validator, validationLevel/Action, changeStreamPreAndPostImages, expireAfterSeconds
 * (clustered / time-series) and one index's hidden / prepareUnique / unique / expireAfterSeconds.
 * One journaled op, reported as a `modify` event to streams with showExpandedEvents.
 */
export const collMod: Handler = async (ctx) => {
  const name = collName(ctx.cmd, "collMod");
  const coll = ctx.engine.collection(ctx.db, name);
  if (!coll) throw new CommandError("NamespaceNotFound", `ns does not exist: ${ctx.db}.${name}`);
  const known = new Set([
    "validator",
    "validationLevel",
    "validationAction",
    "changeStreamPreAndPostImages",
    "expireAfterSeconds",
    "index",
    "viewOn",
    "pipeline",
  ]);
  const description: Document = {};
  for (const [k, v] of Object.entries(ctx.cmd)) {
    if (GENERIC.has(k)) continue;
    if (!known.has(k))
      throw new CommandError("Location40415", `BSON field 'collMod.${k}' is an unknown field.`);
    description[k] = v;
  }
  const { set, unset } = isView(coll) ? viewChanges(ctx.cmd, coll) : collectionChanges(ctx.cmd, coll);
  const index = ctx.cmd.index === undefined ? undefined : indexChanges(ctx.cmd.index, coll);
  const op: CollModOp = {
    op: "collMod",
    db: ctx.db,
    coll: name,
    set,
    unset,
    ...(index ? { index: index.op } : {}),
    description,
    before: cloneValue(coll.options),
  };
  ctx.engine.applyOp(op);
  await ctx.engine.commit([op], ctx.acknowledged);
  return { ...(index?.reply ?? {}), ok: 1 };
};
