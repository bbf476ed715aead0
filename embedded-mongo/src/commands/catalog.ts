import type { Document } from "bson";
import { Query } from "mingo";
import { compareValues } from "../engine/bson-order.js";
import { Engine } from "../engine/engine.js";
import type { ChangeOp } from "../storage/types.js";
import { firstBatchReply } from "../cursors/query-cursor.js";
import { collName, optDoc } from "./args.js";
import { collMod } from "./coll-mod.js";
import { isView } from "./views.js";
import type { CommandContext, Handler } from "./context.js";
import { CommandError } from "./errors.js";
import { MINGO_OPTIONS } from "../engine/mingo-options.js";

async function commitOps(ctx: CommandContext, ops: ChangeOp[]): Promise<void> {
  for (const op of ops) ctx.engine.applyOp(op);
  await ctx.engine.commit(ops, ctx.acknowledged);
}

const listDatabases: Handler = (ctx) => {
  const filter = optDoc(ctx.cmd, "filter");
  const q = filter ? new Query(filter, MINGO_OPTIONS) : null;
  let total = 0;
  const databases: Document[] = [];
  for (const name of ctx.engine.databases()) {
    let docs = 0;
    for (const c of ctx.engine.collections(name)) docs += c.docs.size;
    // A rough size: we don't track bytes per collection.
    const entry = { name, sizeOnDisk: docs * 256 + 4096, empty: docs === 0 };
    if (q && !q.test(entry)) continue;
    total += entry.sizeOnDisk;
    databases.push(ctx.cmd.nameOnly === true ? { name } : entry);
  }
  return { databases, totalSize: total, totalSizeMb: Math.round(total / 2 ** 20), ok: 1 };
};

const listCollections: Handler = (ctx) => {
  const filter = optDoc(ctx.cmd, "filter");
  const q = filter ? new Query(filter, MINGO_OPTIONS) : null;
  const nameOnly = ctx.cmd.nameOnly === true;
  const docs: Document[] = [];
  for (const c of ctx.engine.collections(ctx.db)) {
    const full: Document = isView(c)
      ? { name: c.name, type: "view", options: c.options, info: { readOnly: true } }
      : {
          name: c.name,
          type: "collection",
          options: c.options,
          info: { readOnly: false, ...(c.uuid ? { uuid: c.uuid } : {}) },
          // A clustered collection has no separate _id index.
          ...(c.options.clusteredIndex ? {} : { idIndex: { v: 2, key: { _id: 1 }, name: "_id_" } }),
        };
    if (q && !q.test(full)) continue;
    docs.push(nameOnly ? { name: c.name, type: full.type } : full);
  }
  const cursor = optDoc(ctx.cmd, "cursor");
  return firstBatchReply({
    registry: ctx.cursors,
    owner: { connectionId: ctx.conn.id, session: ctx.session },
    ns: `${ctx.db}.$cmd.listCollections`,
    docs,
    batchSize: cursor?.batchSize === undefined ? Number.POSITIVE_INFINITY : Number(cursor.batchSize),
  });
};

const create: Handler = async (ctx) => {
  const name = collName(ctx.cmd, "create");
  Engine.checkNames(ctx.db, name);
  if (ctx.engine.collection(ctx.db, name)) {
    throw new CommandError("NamespaceExists", `Collection ${ctx.db}.${name} already exists.`);
  }
  if (ctx.cmd.viewOn !== undefined) {
    await commitOps(ctx, [{ op: "create", db: ctx.db, coll: name, options: viewOptions(ctx.cmd) }]);
    return { ok: 1 };
  }
  const options: Document = {};
  for (const k of [
    "capped",
    "size",
    "max",
    "validator",
    "validationLevel",
    "validationAction",
    "collation",
    "timeseries",
    "expireAfterSeconds",
    "clusteredIndex",
    "changeStreamPreAndPostImages",
  ]) {
    if (ctx.cmd[k] !== undefined) options[k] = ctx.cmd[k];
  }
  if (options.clusteredIndex !== undefined) options.clusteredIndex = clusteredIndex(options.clusteredIndex);
  await commitOps(ctx, [{ op: "create", db: ctx.db, coll: name, options }]);
  return { ok: 1 };
};

/** A view's options: its source and pipeline (checked to be stage documents), and a collation. */
export function viewOptions(cmd: Document): Document {
  if (typeof cmd.viewOn !== "string" || cmd.viewOn.length === 0)
    throw new CommandError("TypeMismatch", "'viewOn' must be a non-empty string");
  const pipeline = cmd.pipeline ?? [];
  if (
    !Array.isArray(pipeline) ||
    pipeline.some((st) => typeof st !== "object" || st === null || Object.keys(st).length !== 1)
  )
    throw new CommandError("TypeMismatch", "'pipeline' must be an array of stage documents");
  return {
    viewOn: cmd.viewOn,
    pipeline,
    ...(cmd.collation !== undefined ? { collation: cmd.collation } : {}),
  };
}

/** A clustered index as MongoDB stores and lists it: { v, key: { _id: 1 }, unique: true, name }. */
function clusteredIndex(raw: unknown): Document {
  const spec = raw as Document;
  if (
    typeof raw !== "object" ||
    raw === null ||
    compareValues(spec.key, { _id: 1 }) !== 0 ||
    spec.unique !== true
  )
    throw new CommandError(
      "InvalidOptions",
      "The clusteredIndex option must be { key: { _id: 1 }, unique: true } (only _id clustering is supported)",
    );
  return { v: 2, key: { _id: 1 }, unique: true, name: typeof spec.name === "string" ? spec.name : "_id_" };
}

const drop: Handler = async (ctx) => {
  const name = collName(ctx.cmd, "drop");
  const coll = ctx.engine.collection(ctx.db, name);
  // MongoDB 7 answers ok:1 for a missing collection.
  if (!coll) return { ok: 1 };
  await commitOps(ctx, [{ op: "drop", db: ctx.db, coll: name }]);
  return { nIndexesWas: coll.indexes.size + 1, ns: coll.ns, ok: 1 };
};

const dropDatabase: Handler = async (ctx) => {
  if (ctx.engine.collections(ctx.db).length > 0) await commitOps(ctx, [{ op: "dropDatabase", db: ctx.db }]);
  return { dropped: ctx.db, ok: 1 };
};

function splitNs(ns: unknown): [string, string] {
  if (typeof ns !== "string" || !ns.includes("."))
    throw new CommandError("InvalidNamespace", `Invalid namespace specified '${String(ns)}'`);
  const i = ns.indexOf(".");
  return [ns.slice(0, i), ns.slice(i + 1)];
}

const renameCollection: Handler = async (ctx) => {
  if (ctx.db !== "admin")
    throw new CommandError("Unauthorized", "renameCollection may only be run against the admin database.");
  const [db, coll] = splitNs(ctx.cmd.renameCollection);
  const [toDb, toColl] = splitNs(ctx.cmd.to);
  Engine.checkNames(toDb, toColl);
  if (!ctx.engine.collection(db, coll))
    throw new CommandError("NamespaceNotFound", "Source collection does not exist");
  const target = ctx.engine.collection(toDb, toColl);
  if (target && ctx.cmd.dropTarget !== true)
    throw new CommandError("NamespaceExists", "target namespace exists");
  // One op, as MongoDB's oplog has it: the target's drop is part of the rename (no drop event).
  const op: ChangeOp = { op: "rename", db, coll, toDb, toColl };
  if (target?.uuid) op.dropTarget = target.uuid;
  await commitOps(ctx, [op]);
  return { ok: 1 };
};

const collStats: Handler = (ctx) => {
  const name = collName(ctx.cmd, "collStats");
  const coll = ctx.engine.collection(ctx.db, name);
  if (!coll) throw new CommandError("NamespaceNotFound", `Collection [${ctx.db}.${name}] not found.`);
  const indexSizes: Document = { _id_: coll.docs.size * 16 };
  for (const idx of coll.indexes.values()) indexSizes[idx.name] = idx.size * 16;
  return {
    ns: coll.ns,
    count: coll.docs.size,
    size: coll.docs.size * 256,
    avgObjSize: 256,
    storageSize: coll.docs.size * 256,
    nindexes: coll.indexes.size + 1,
    indexSizes,
    totalIndexSize: Object.values(indexSizes).reduce((a: number, b) => a + Number(b), 0),
    capped: false,
    ok: 1,
  };
};

const dbStats: Handler = (ctx) => {
  const colls = ctx.engine.collections(ctx.db);
  const objects = colls.reduce((n, c) => n + c.docs.size, 0);
  return {
    db: ctx.db,
    collections: colls.length,
    views: 0,
    objects,
    dataSize: objects * 256,
    indexes: colls.reduce((n, c) => n + c.indexes.size + 1, 0),
    ok: 1,
  };
};

export const catalogCommands: Record<string, Handler> = {
  listDatabases,
  listCollections,
  create,
  drop,
  dropDatabase,
  renameCollection,
  collStats,
  dbStats,
  collMod,
};
