import type { Document } from "bson";
import { ridOf } from "../engine/collection.js";
import { project } from "../engine/projection.js";
import { findDocs } from "../engine/query.js";
import type { ChangeOp } from "../storage/types.js";
import { collName, optDoc } from "./args.js";
import type { Handler } from "./context.js";
import { CommandError } from "./errors.js";
import { beforeRetryableStatement } from "./fail-points.js";
import { queryOptions } from "./query-options.js";
import { execUpdate } from "./update-exec.js";

/** findAndModify: one document, updated or removed, returned before or after (`new`). */
export const findAndModify: Handler = async (ctx) => {
  const name = collName(ctx.cmd, ctx.name);
  const query = optDoc(ctx.cmd, "query") ?? {};
  const sort = optDoc(ctx.cmd, "sort");
  const fields = optDoc(ctx.cmd, "fields");
  const remove = ctx.cmd.remove === true;
  const u = ctx.cmd.update as Document | Document[] | undefined;
  if (remove && u !== undefined)
    throw new CommandError("FailedToParse", "Cannot specify both an update and remove=true");
  if (!remove && u === undefined)
    throw new CommandError("FailedToParse", "Either an update or remove=true must be specified");
  if (remove && ctx.cmd.upsert === true)
    throw new CommandError("FailedToParse", "Cannot specify both upsert=true and remove=true");
  if (remove && ctx.cmd.new === true)
    throw new CommandError(
      "FailedToParse",
      "Cannot specify both new=true and remove=true; 'remove' always returns the deleted document",
    );

  beforeRetryableStatement(ctx);
  const ops: ChangeOp[] = [];
  const shape = (d: Document | undefined): Document | null =>
    d ? (project([d], fields, query)[0] ?? null) : null;
  let reply: Document;
  if (remove) {
    const coll = ctx.engine.collection(ctx.db, name);
    const spec = { filter: query, limit: 1, hint: ctx.cmd.hint, ...(sort ? { sort } : {}) };
    const doc = findDocs(coll, { ...spec, ...queryOptions(ctx.cmd, coll) }).docs[0];
    if (coll && doc) {
      coll.delete(ridOf(doc._id));
      ops.push({ op: "delete", db: ctx.db, coll: name, id: doc._id, ...coll.preImageOf(doc) });
    }
    reply = { lastErrorObject: { n: doc ? 1 : 0 }, value: shape(doc), ok: 1 };
  } else {
    let coll = ctx.engine.collection(ctx.db, name);
    if (!coll && ctx.cmd.upsert === true) coll = ctx.engine.ensureCollection(ctx.db, name, ops);
    if (!coll) {
      reply = { lastErrorObject: { n: 0, updatedExisting: false }, value: null, ok: 1 };
    } else {
      const r = execUpdate(
        coll,
        {
          q: query,
          u: u as Document,
          upsert: ctx.cmd.upsert === true,
          hint: ctx.cmd.hint,
          bypassValidation: ctx.cmd.bypassDocumentValidation === true,
          ...(sort ? { sort } : {}),
          ...queryOptions(ctx.cmd, coll),
          ...(Array.isArray(ctx.cmd.arrayFilters)
            ? { arrayFilters: ctx.cmd.arrayFilters as Document[] }
            : {}),
        },
        ops,
      );
      const leo: Document = {
        n: r.matched || (r.upsertedId !== undefined ? 1 : 0),
        updatedExisting: r.matched > 0,
      };
      if (r.upsertedId !== undefined) leo.upserted = r.upsertedId;
      const value = ctx.cmd.new === true ? shape(r.post) : shape(r.pre);
      reply = { lastErrorObject: leo, value, ok: 1 };
    }
  }
  await ctx.engine.commit(ops, ctx.acknowledged);
  return reply;
};
