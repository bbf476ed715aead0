// Entity operations of the unified test format mapped onto the Node driver's API.
import type { Document } from "bson";
import {
  AbstractCursor,
  ChangeStream,
  ClientSession,
  Collection,
  Db,
  MongoClient,
  type AnyBulkWriteOperation,
} from "mongodb";
import { type ClientEntity, type EntityMap, plain } from "./entities.js";

export interface OperationContext {
  entities: EntityMap;
  /** Runs nested operations (withTransaction's callback). */
  runOperations(ops: Document[], opts?: { rethrowExpected?: boolean }): Promise<void>;
}

type Args = Document;
type Op<T> = (target: T, args: Args, ctx: OperationContext) => Promise<unknown>;

/** Top-level option values as plain numbers; documents (filters, updates, pipelines) keep their types. */
function options(args: Args, ctx: OperationContext, ...omit: string[]): Document {
  const out: Document = {};
  for (const [k, v] of Object.entries(args)) {
    if (omit.includes(k)) continue;
    if (k === "session") out.session = ctx.entities.session(v);
    else if (k === "returnDocument") out.returnDocument = String(v).toLowerCase();
    else if (k === "readConcern" || k === "writeConcern" || k === "readPreference") out[k] = plain(v);
    else out[k] = v !== null && typeof v === "object" && "_bsontype" in v ? plain(v) : v;
  }
  return out;
}

/** Starts a cursor now (the driver defers the first command to the first read). */
async function started<T extends AbstractCursor | ChangeStream>(cursor: T): Promise<T> {
  const inner =
    cursor instanceof ChangeStream ? (cursor as unknown as { cursor: AbstractCursor }).cursor : cursor;
  await (inner as unknown as { cursorInit(): Promise<void> }).cursorInit();
  return cursor;
}

function bulkResult(r: Document): Document {
  return {
    deletedCount: r.deletedCount,
    insertedCount: r.insertedCount,
    insertedIds: r.insertedIds,
    matchedCount: r.matchedCount,
    modifiedCount: r.modifiedCount,
    upsertedCount: r.upsertedCount,
    upsertedIds: r.upsertedIds,
  };
}

export { bulkResult };

function bulkRequests(requests: Document[]): AnyBulkWriteOperation[] {
  return requests.map((r) => {
    const [name, body] = Object.entries(r)[0] as [string, Document];
    return { [name]: body } as unknown as AnyBulkWriteOperation;
  });
}

const collectionOps: Record<string, Op<Collection>> = {
  aggregate: (c, a, x) => c.aggregate(a.pipeline, options(a, x, "pipeline")).toArray(),
  bulkWrite: async (c, a, x) =>
    bulkResult(await c.bulkWrite(bulkRequests(a.requests), options(a, x, "requests"))),
  countDocuments: (c, a, x) => c.countDocuments(a.filter, options(a, x, "filter")),
  count: (c, a, x) => c.count(a.filter, options(a, x, "filter")),
  estimatedDocumentCount: (c, a, x) => c.estimatedDocumentCount(options(a, x)),
  createChangeStream: (c, a, x) => started(c.watch(a.pipeline ?? [], options(a, x, "pipeline"))),
  createFindCursor: (c, a, x) => started(c.find(a.filter ?? {}, options(a, x, "filter"))),
  createIndex: (c, a, x) => c.createIndex(a.keys, options(a, x, "keys")),
  dropIndex: (c, a, x) => c.dropIndex(a.name, options(a, x, "name")),
  dropIndexes: (c, a, x) => c.dropIndexes(options(a, x)),
  listIndexes: (c, a, x) => c.listIndexes(options(a, x)).toArray(),
  listIndexNames: async (c, a, x) => (await c.listIndexes(options(a, x)).toArray()).map((i) => i.name),
  deleteMany: (c, a, x) => c.deleteMany(a.filter, options(a, x, "filter")),
  deleteOne: (c, a, x) => c.deleteOne(a.filter, options(a, x, "filter")),
  distinct: (c, a, x) => c.distinct(a.fieldName, a.filter ?? {}, options(a, x, "fieldName", "filter")),
  find: (c, a, x) => c.find(a.filter ?? {}, options(a, x, "filter")).toArray(),
  findOne: (c, a, x) => c.findOne(a.filter ?? {}, options(a, x, "filter")),
  findOneAndDelete: (c, a, x) => c.findOneAndDelete(a.filter, options(a, x, "filter")),
  findOneAndReplace: (c, a, x) =>
    c.findOneAndReplace(a.filter, a.replacement, options(a, x, "filter", "replacement")),
  findOneAndUpdate: (c, a, x) => c.findOneAndUpdate(a.filter, a.update, options(a, x, "filter", "update")),
  insertMany: (c, a, x) => c.insertMany(a.documents, options(a, x, "documents")),
  insertOne: (c, a, x) => c.insertOne(a.document, options(a, x, "document")),
  replaceOne: (c, a, x) => c.replaceOne(a.filter, a.replacement, options(a, x, "filter", "replacement")),
  updateMany: (c, a, x) => c.updateMany(a.filter, a.update, options(a, x, "filter", "update")),
  updateOne: (c, a, x) => c.updateOne(a.filter, a.update, options(a, x, "filter", "update")),
  rename: (c, a, x) => c.rename(a.to, options(a, x, "to")),
  drop: (c, a, x) => c.drop(options(a, x)),
};

const databaseOps: Record<string, Op<Db>> = {
  aggregate: (d, a, x) => d.aggregate(a.pipeline, options(a, x, "pipeline")).toArray(),
  createChangeStream: (d, a, x) => started(d.watch(a.pipeline ?? [], options(a, x, "pipeline"))),
  createCollection: (d, a, x) =>
    d.createCollection(a.collection, options(a, x, "collection")).then(() => undefined),
  dropCollection: (d, a, x) => d.dropCollection(a.collection, options(a, x, "collection")),
  listCollections: (d, a, x) => d.listCollections(a.filter ?? {}, options(a, x, "filter")).toArray(),
  listCollectionNames: async (d, a, x) =>
    (await d.listCollections(a.filter ?? {}, { ...options(a, x, "filter"), nameOnly: true }).toArray()).map(
      (c) => c.name,
    ),
  runCommand: (d, a, x) => d.command(a.command, options(a, x, "command", "commandName")),
  modifyCollection: (d, a, x) =>
    d.command({ collMod: a.collection, ...options(a, x, "collection", "session") }),
};

const clientOps: Record<string, Op<ClientEntity>> = {
  createChangeStream: (c, a, x) => started(c.client.watch(a.pipeline ?? [], options(a, x, "pipeline"))),
  listDatabases: async (c, a, x) =>
    (
      await c.client
        .db("admin")
        .admin()
        .listDatabases(options(a, x, "filter") as never)
    ).databases,
  listDatabaseNames: async (c, a, x) =>
    (await c.client.db("admin").admin().listDatabases(options(a, x))).databases.map((d) => d.name),
};

const sessionOps: Record<string, Op<ClientSession>> = {
  startTransaction: async (s, a, x) => {
    x.entities.startedTransaction = true;
    s.startTransaction(plain(a ?? {}) as Document);
  },
  commitTransaction: (s) => s.commitTransaction(),
  abortTransaction: (s) => s.abortTransaction(),
  endSession: (s) => s.endSession(),
  // The driver keeps the snapshot time on the session but does not declare it in its types.
  getSnapshotTime: async (s) => (s as unknown as { snapshotTime?: unknown }).snapshotTime,
  withTransaction: async (s, a, x) => {
    x.entities.startedTransaction = true;
    const { callback, ...rest } = a;
    // An error the callback's operation expected still leaves the callback, as in the spec's
    // runner: withTransaction must see it (abort, or retry on a transient label).
    await s.withTransaction(
      () => x.runOperations(callback, { rethrowExpected: true }),
      plain(rest) as Document,
    );
  },
};

const cursorOps: Record<string, Op<AbstractCursor | ChangeStream>> = {
  iterateUntilDocumentOrError: (c) => c.next(),
  iterateOnce: (c) => c.tryNext(),
  close: (c) => c.close(),
};

export async function runEntityOperation(op: Document, ctx: OperationContext): Promise<unknown> {
  const target = ctx.entities.get(op.object);
  const args = (op.arguments ?? {}) as Args;
  const table = tableFor(target);
  const fn = (table as Record<string, Op<unknown>>)[op.name];
  if (!fn) throw new Error(`unsupported operation ${op.name} on ${op.object}`);
  return fn(target, args, ctx);
}

function tableFor(target: unknown): Record<string, Op<never>> {
  if (target instanceof Collection) return collectionOps;
  if (target instanceof Db) return databaseOps;
  if (target instanceof ClientSession) return sessionOps;
  if (target instanceof ChangeStream || target instanceof AbstractCursor) return cursorOps;
  if (target && typeof target === "object" && (target as ClientEntity).client instanceof MongoClient)
    return clientOps;
  throw new Error("operation on an entity that has no operations");
}
