import type { Document } from "bson";
import { ridOf } from "../engine/collection.js";
import { isPlainObject } from "../engine/bson-order.js";
import { findDocs } from "../engine/query.js";
import { checkValidation } from "../engine/validation.js";
import type { ChangeOp } from "../storage/types.js";
import { collName, optArray } from "./args.js";
import type { CommandContext, Handler } from "./context.js";
import { CommandError, writeErrorOf } from "./errors.js";
import { beforeRetryableStatement } from "./fail-points.js";
import { queryOptions } from "./query-options.js";
import { execUpdate, withId } from "./update-exec.js";

const MAX_BATCH = 100_000;

/**
 * Run each item of a write batch; per-item CommandErrors become `writeErrors` and stop an
 * ordered batch. All applied changes are committed together as one batch.
 */
async function runBatch(
  ctx: CommandContext,
  field: string,
  each: (item: Document, index: number, ops: ChangeOp[]) => void,
  ops: ChangeOp[],
): Promise<Document[]> {
  const items = optArray(ctx.cmd, field) ?? [];
  if (items.length > MAX_BATCH) {
    throw new CommandError(
      "InvalidOptions",
      `Write batch sizes must be between 1 and ${MAX_BATCH}. Got ${items.length} operations.`,
    );
  }
  const ordered = ctx.cmd.ordered !== false;
  const writeErrors: Document[] = [];
  for (let i = 0; i < items.length; i++) {
    try {
      const item = items[i];
      if (!isPlainObject(item))
        throw new CommandError("TypeMismatch", `BSON field '${field}' item is not an object`);
      beforeRetryableStatement(ctx);
      each(item, i, ops);
    } catch (e) {
      if (!(e instanceof CommandError)) throw e;
      writeErrors.push(writeErrorOf(e, i));
      if (ordered) break;
    }
  }
  await ctx.engine.commit(ops, ctx.acknowledged);
  return writeErrors;
}

function withErrors(reply: Document, writeErrors: Document[]): Document {
  if (writeErrors.length) reply.writeErrors = writeErrors;
  reply.ok = 1;
  return reply;
}

const insert: Handler = async (ctx) => {
  const name = collName(ctx.cmd, "insert");
  const ops: ChangeOp[] = [];
  const coll = ctx.engine.ensureCollection(ctx.db, name, ops);
  let n = 0;
  const errors = await runBatch(
    ctx,
    "documents",
    (raw, _i, batch) => {
      const doc = withId(raw);
      checkValidation(coll, doc, undefined, ctx.cmd.bypassDocumentValidation === true);
      coll.insert(doc);
      batch.push({ op: "insert", db: ctx.db, coll: name, doc });
      n++;
    },
    ops,
  );
  return withErrors({ n }, errors);
};

const update: Handler = async (ctx) => {
  const name = collName(ctx.cmd, "update");
  // MongoDB 7.0's parser has no sort on update statements (8.0 added it): the command fails.
  for (const stmt of optArray(ctx.cmd, "updates") ?? []) {
    if (isPlainObject(stmt) && stmt.sort !== undefined)
      throw new CommandError("Location40415", "BSON field 'update.updates.sort' is an unknown field.");
  }
  const ops: ChangeOp[] = [];
  let n = 0;
  let nModified = 0;
  const upserted: Document[] = [];
  const errors = await runBatch(
    ctx,
    "updates",
    (stmt, index, batch) => {
      if (!isPlainObject(stmt.q))
        throw new CommandError(
          "TypeMismatch",
          "BSON field 'update.updates.q' is missing but a required field",
        );
      if (stmt.u === undefined)
        throw new CommandError(
          "TypeMismatch",
          "BSON field 'update.updates.u' is missing but a required field",
        );
      let coll = ctx.engine.collection(ctx.db, name);
      if (!coll && !stmt.upsert) return;
      coll ??= ctx.engine.ensureCollection(ctx.db, name, batch);
      const r = execUpdate(
        coll,
        {
          q: stmt.q,
          u: stmt.u as Document,
          multi: stmt.multi === true,
          upsert: stmt.upsert === true,
          hint: stmt.hint,
          bypassValidation: ctx.cmd.bypassDocumentValidation === true,
          ...queryOptions(ctx.cmd, coll, stmt),
          ...(Array.isArray(stmt.arrayFilters) ? { arrayFilters: stmt.arrayFilters as Document[] } : {}),
        },
        batch,
      );
      n += r.matched;
      nModified += r.modified;
      if (r.upsertedId !== undefined) {
        n++;
        upserted.push({ index, _id: r.upsertedId });
      }
    },
    ops,
  );
  const reply: Document = { n, nModified };
  if (upserted.length) reply.upserted = upserted;
  return withErrors(reply, errors);
};

const del: Handler = async (ctx) => {
  const name = collName(ctx.cmd, "delete");
  // Like MongoDB's command parser, a bad limit fails the whole command, not one statement.
  for (const stmt of optArray(ctx.cmd, "deletes") ?? []) {
    const limit = isPlainObject(stmt) ? Number(stmt.limit ?? 0) : 0;
    if (limit !== 0 && limit !== 1) {
      throw new CommandError(
        "FailedToParse",
        `The limit field in delete objects must be 0 or 1. Got ${limit}`,
      );
    }
  }
  const ops: ChangeOp[] = [];
  let n = 0;
  const errors = await runBatch(
    ctx,
    "deletes",
    (stmt, _i, batch) => {
      if (!isPlainObject(stmt.q))
        throw new CommandError(
          "TypeMismatch",
          "BSON field 'delete.deletes.q' is missing but a required field",
        );
      const limit = Number(stmt.limit ?? 0);
      if (limit !== 0 && limit !== 1)
        throw new CommandError(
          "FailedToParse",
          `The limit field in delete objects must be 0 or 1. Got ${limit}`,
        );
      const coll = ctx.engine.collection(ctx.db, name);
      if (!coll) return;
      const spec = { filter: stmt.q, limit, hint: stmt.hint, ...queryOptions(ctx.cmd, coll, stmt) };
      for (const doc of findDocs(coll, spec).docs) {
        coll.delete(ridOf(doc._id));
        batch.push({ op: "delete", db: ctx.db, coll: name, id: doc._id, ...coll.preImageOf(doc) });
        n++;
      }
    },
    ops,
  );
  return withErrors({ n }, errors);
};

export const writeCommands: Record<string, Handler> = { insert, update, delete: del };
