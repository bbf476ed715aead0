import { type Document, Long } from "bson";
import { canonicalKey, compareValues } from "../engine/bson-order.js";
import { pathValues } from "../engine/paths.js";
import { resolveHint } from "../engine/hint.js";
import { findDocs } from "../engine/query.js";
import { firstBatchReply } from "../cursors/query-cursor.js";
import { collName, optDoc, optNumber, toBigInt } from "./args.js";
import type { CommandContext, Handler } from "./context.js";
import { CommandError } from "./errors.js";
import { afterCursorCheckout } from "./fail-points.js";
import { queryOptions } from "./query-options.js";

function owner(ctx: CommandContext) {
  return { connectionId: ctx.conn.id, session: ctx.session };
}

const find: Handler = (ctx) => {
  const name = collName(ctx.cmd, "find");
  const filter = optDoc(ctx.cmd, "filter");
  const limit = optNumber(ctx.cmd, "limit") ?? 0;
  const coll = ctx.engine.collection(ctx.db, name);
  const res = findDocs(coll, {
    ...queryOptions(ctx.cmd, coll),
    filter,
    sort: optDoc(ctx.cmd, "sort"),
    skip: optNumber(ctx.cmd, "skip"),
    limit,
    hint: ctx.cmd.hint,
  });
  const batchSize = optNumber(ctx.cmd, "batchSize");
  return firstBatchReply({
    registry: ctx.cursors,
    owner: owner(ctx),
    ns: `${ctx.db}.${name}`,
    docs: res.docs,
    batchSize: limit < 0 ? -limit : batchSize,
    singleBatch: ctx.cmd.singleBatch === true || limit < 0,
    projection: optDoc(ctx.cmd, "projection"),
    filter,
  });
};

const count: Handler = (ctx) => {
  const name = collName(ctx.cmd, "count");
  const coll = ctx.engine.collection(ctx.db, name);
  const query = optDoc(ctx.cmd, "query");
  const skip = optNumber(ctx.cmd, "skip") ?? 0;
  const limit = Math.abs(optNumber(ctx.cmd, "limit") ?? 0);
  let n: number;
  const hint = resolveHint(coll, ctx.cmd.hint);
  if ((!query || Object.keys(query).length === 0) && !hint) n = coll?.docs.size ?? 0;
  else
    n = findDocs(coll, { filter: query ?? {}, hint: ctx.cmd.hint, ...queryOptions(ctx.cmd, coll) }).docs
      .length;
  n = Math.max(0, n - skip);
  if (limit) n = Math.min(n, limit);
  return { n, ok: 1 };
};

const distinct: Handler = (ctx) => {
  const name = collName(ctx.cmd, "distinct");
  const key = ctx.cmd.key;
  if (typeof key !== "string")
    throw new CommandError("TypeMismatch", "BSON field 'distinct.key' is missing but a required field");
  const coll = ctx.engine.collection(ctx.db, name);
  const qo = queryOptions(ctx.cmd, coll);
  const docs = findDocs(coll, { filter: optDoc(ctx.cmd, "query"), ...qo }).docs;
  return { values: distinctValues(docs, key, qo.collation), ok: 1 };
};

/** The distinct values of `key` over `docs` (array elements count one by one), in BSON order. */
export function distinctValues(
  docs: Iterable<Document>,
  key: string,
  collation?: Parameters<typeof compareValues>[2],
): unknown[] {
  const seen = new Map<string, unknown>();
  for (const d of docs) {
    for (const v of pathValues(d, key)) {
      if (v === undefined) continue;
      const k = canonicalKey(v);
      if (!seen.has(k)) seen.set(k, v);
    }
  }
  const values = [...seen.values()].sort((a, b) => compareValues(a, b, collation));
  // Under a collation, values it deems equal ('ping', 'PING' at strength 2) are one value.
  if (collation) return values.filter((v, i) => i === 0 || compareValues(values[i - 1], v, collation) !== 0);
  return values;
}

const getMore: Handler = async (ctx) => {
  const id = toBigInt(ctx.cmd.getMore);
  const cursor = ctx.cursors.get(id);
  if (!cursor) throw new CommandError("CursorNotFound", `cursor id ${id} not found`);
  try {
    afterCursorCheckout(ctx, cursor.changeStream === true);
  } catch (e) {
    // mongod kills a cursor whose getMore fails.
    ctx.cursors.kill(id);
    throw e;
  }
  const batchSize = optNumber(ctx.cmd, "batchSize") ?? 0;
  const res = await cursor.getMore(batchSize, optNumber(ctx.cmd, "maxTimeMS"), true);
  if (res.exhausted) ctx.cursors.remove(id);
  const cur: Document = {
    nextBatch: res.docs,
    id: Long.fromBigInt(res.exhausted ? 0n : id),
    ns: cursor.ns,
    ...res.extra,
  };
  return { cursor: cur, ok: 1 };
};

const killCursors: Handler = (ctx) => {
  collName(ctx.cmd, "killCursors");
  const ids = Array.isArray(ctx.cmd.cursors) ? (ctx.cmd.cursors as unknown[]) : [];
  const killed: Long[] = [];
  const notFound: Long[] = [];
  for (const raw of ids) {
    const id = toBigInt(raw);
    (ctx.cursors.kill(id) ? killed : notFound).push(Long.fromBigInt(id));
  }
  return { cursorsKilled: killed, cursorsNotFound: notFound, cursorsAlive: [], cursorsUnknown: [], ok: 1 };
};

export const readCommands: Record<string, Handler> = { find, count, distinct, getMore, killCursors };
