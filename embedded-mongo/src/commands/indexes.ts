import type { Document } from "bson";
import { compareValues, isPlainObject } from "../engine/bson-order.js";
import { collationDocument } from "../engine/collation.js";
import { ID_INDEX } from "../engine/collection.js";
import { formatDoc } from "../engine/format.js";
import type { ChangeOp, IndexSpec } from "../storage/types.js";
import { firstBatchReply } from "../cursors/query-cursor.js";
import { collName, optArray } from "./args.js";
import type { Handler } from "./context.js";
import { CommandError } from "./errors.js";

const OPTION_KEYS = [
  "unique",
  "sparse",
  "partialFilterExpression",
  "expireAfterSeconds",
  "collation",
] as const;
/** Listed by listIndexes but not part of an index's identity (collMod changes them). */
const LISTED_KEYS = [...OPTION_KEYS, "hidden", "prepareUnique"] as const;

/** An index spec; without its own collation it takes the collection's default, as MongoDB's do. */
function parseSpec(raw: unknown, collectionDefault: unknown): IndexSpec {
  if (!isPlainObject(raw) || !isPlainObject(raw.key) || Object.keys(raw.key).length === 0) {
    throw new CommandError(
      "FailedToParse",
      "Error in specification: the 'key' field must be a non-empty object",
    );
  }
  if (typeof raw.name !== "string" || !raw.name) {
    throw new CommandError(
      "FailedToParse",
      `Error in specification ${formatDoc({ key: raw.key })} :: caused by :: The 'name' field is a required property of an index specification`,
    );
  }
  const spec: IndexSpec = { name: raw.name, key: raw.key };
  if (raw.unique === true) spec.unique = true;
  if (raw.sparse === true) spec.sparse = true;
  if (isPlainObject(raw.partialFilterExpression)) spec.partialFilterExpression = raw.partialFilterExpression;
  if (raw.expireAfterSeconds !== undefined) spec.expireAfterSeconds = Number(raw.expireAfterSeconds);
  const collation = collationDocument(raw.collation ?? collectionDefault);
  if (collation) spec.collation = collation;
  return spec;
}

function sameOptions(a: IndexSpec, b: IndexSpec): boolean {
  return OPTION_KEYS.every((k) => compareValues(a[k] ?? null, b[k] ?? null) === 0);
}

/** An index as listIndexes (and change events' operationDescription) show it. */
export function describeIndex(s: IndexSpec): Document {
  const d: Document = { v: 2, key: s.key, name: s.name };
  for (const k of LISTED_KEYS) if (s[k] !== undefined && s[k] !== false) d[k] = s[k];
  return d;
}

const createIndexes: Handler = async (ctx) => {
  const name = collName(ctx.cmd, "createIndexes");
  const collDefault = ctx.engine.collection(ctx.db, name)?.options.collation;
  const specs = (optArray(ctx.cmd, "indexes") ?? []).map((raw) => parseSpec(raw, collDefault));
  if (specs.length === 0) throw new CommandError("BadValue", "Must specify at least one index to create");
  const ops: ChangeOp[] = [];
  const existed = ctx.engine.collection(ctx.db, name) !== undefined;
  const coll = ctx.engine.ensureCollection(ctx.db, name, ops);
  const before = coll.indexSpecs();
  const fresh: IndexSpec[] = [];
  for (const spec of specs) {
    const sameName = before.find((s) => s.name === spec.name) ?? fresh.find((s) => s.name === spec.name);
    const sameKey = before.find((s) => compareValues(s.key, spec.key) === 0);
    if (sameName) {
      if (compareValues(sameName.key, spec.key) === 0 && sameOptions(sameName, spec)) continue;
      throw new CommandError(
        "IndexKeySpecsConflict",
        `An existing index has the same name as the requested index. When index names are not specified, they are auto generated and can cause conflicts. Please refer to our documentation. Requested index: ${formatDoc(describeIndex(spec))}, existing index: ${formatDoc(describeIndex(sameName))}`,
      );
    }
    if (sameKey && sameOptions(sameKey, spec)) {
      throw new CommandError(
        "IndexOptionsConflict",
        `Index already exists with a different name: ${sameKey.name}`,
      );
    }
    if (spec.name === ID_INDEX.name) continue;
    fresh.push(spec);
  }
  if (fresh.length) {
    const op: ChangeOp = { op: "createIndexes", db: ctx.db, coll: name, indexes: fresh };
    try {
      ctx.engine.applyOp(op);
    } catch (e) {
      // Roll back the indexes of this command that were built before the failure.
      for (const s of fresh) coll.dropIndex(s.name);
      // An implicitly created collection stays, as in MongoDB.
      await ctx.engine.commit(ops, ctx.acknowledged);
      if (e instanceof CommandError && e.code === 11000) {
        throw new CommandError("DuplicateKey", `Index build failed: ${e.message}`, e.extra);
      }
      throw e;
    }
    ops.push(op);
  }
  await ctx.engine.commit(ops, ctx.acknowledged);
  const reply: Document = {
    numIndexesBefore: before.length,
    numIndexesAfter: before.length + fresh.length,
    createdCollectionAutomatically: !existed,
  };
  if (fresh.length === 0) reply.note = "all indexes already exist";
  return { ...reply, ok: 1 };
};

const listIndexes: Handler = (ctx) => {
  const name = collName(ctx.cmd, "listIndexes");
  const coll = ctx.engine.collection(ctx.db, name);
  if (!coll) throw new CommandError("NamespaceNotFound", `ns does not exist: ${ctx.db}.${name}`);
  return firstBatchReply({
    registry: ctx.cursors,
    owner: { connectionId: ctx.conn.id, session: ctx.session },
    ns: coll.ns,
    // A clustered collection lists its clustered index in place of _id_.
    docs: coll
      .indexSpecs()
      .map((spec) =>
        spec.name === ID_INDEX.name && coll.options.clusteredIndex
          ? { ...coll.options.clusteredIndex, clustered: true }
          : describeIndex(spec),
      ),
    batchSize: Number.POSITIVE_INFINITY,
  });
};

const dropIndexes: Handler = async (ctx) => {
  const name = collName(ctx.cmd, ctx.name);
  const coll = ctx.engine.collection(ctx.db, name);
  if (!coll) throw new CommandError("NamespaceNotFound", `ns not found ${ctx.db}.${name}`);
  const nIndexesWas = coll.indexes.size + 1;
  const arg = ctx.cmd.index;
  let names: string[];
  if (arg === "*") names = [...coll.indexes.keys()];
  else if (typeof arg === "string") names = [arg];
  else if (Array.isArray(arg)) names = arg.map(String);
  else if (isPlainObject(arg)) {
    const found = coll.indexSpecs().find((s) => compareValues(s.key, arg) === 0);
    if (!found) throw new CommandError("IndexNotFound", `can't find index with key: ${formatDoc(arg)}`);
    names = [found.name];
  } else throw new CommandError("TypeMismatch", "BSON field 'index' is the wrong type");
  for (const n of names) {
    if (n === "_id_") throw new CommandError("InvalidOptions", "cannot drop _id index");
    if (!coll.indexes.has(n)) throw new CommandError("IndexNotFound", `index not found with name [${n}]`);
  }
  if (names.length) {
    const indexes = names.map((n) => ({ ...coll.indexes.get(n)!.spec }));
    const op: ChangeOp = { op: "dropIndexes", db: ctx.db, coll: name, names, indexes };
    ctx.engine.applyOp(op);
    await ctx.engine.commit([op], ctx.acknowledged);
  }
  return { nIndexesWas, ok: 1 };
};

export const indexCommands: Record<string, Handler> = {
  createIndexes,
  listIndexes,
  dropIndexes,
  deleteIndexes: dropIndexes,
};
