import type { Document } from "bson";
import { Collection } from "../engine/collection.js";
import type { Engine } from "../engine/engine.js";
import { firstBatchReply } from "../cursors/query-cursor.js";
import { runPipeline } from "./aggregate.js";
import { collName, optArray, optDoc, optNumber } from "./args.js";
import type { CommandContext, Handler } from "./context.js";
import { CommandError } from "./errors.js";
import { distinctValues } from "./read.js";

/** MongoDB refuses view chains deeper than this (ViewDepthLimitExceeded). */
const MAX_VIEW_DEPTH = 20;
/** Commands that would write to their namespace: refused on a view, as MongoDB does. */
const WRITES = new Set([
  "insert",
  "update",
  "delete",
  "findAndModify",
  "findandmodify",
  "createIndexes",
  "dropIndexes",
  "deleteIndexes",
]);
const READS = new Set(["find", "count", "distinct", "aggregate"]);

export const isView = (c: Collection | undefined): boolean => c?.options.viewOn !== undefined;

/** A view resolved to the collection it finally reads and the pipeline over it (MongoDB's resolution). */
function resolve(engine: Engine, db: string, name: string): { source: string; pipeline: Document[] } {
  const stages: Document[][] = [];
  let at = name;
  for (let depth = 0; ; depth++) {
    const c = engine.collection(db, at);
    if (!c || !isView(c)) break;
    if (depth >= MAX_VIEW_DEPTH)
      throw new CommandError(
        "ViewDepthLimitExceeded",
        `View depth too deep or view cycle detected; maximum depth is ${MAX_VIEW_DEPTH}`,
      );
    stages.unshift((c.options.pipeline as Document[] | undefined) ?? []);
    at = String(c.options.viewOn);
  }
  return { source: at, pipeline: stages.flat() };
}

/**
 * An engine whose collection() gives a view's documents (computed on each call), so $lookup and
 * $unionWith can read from views. Everything else is the engine itself.
 */
function viewReading(ctx: CommandContext): Engine {
  const base = ctx.engine;
  // A Proxy (not Object.create) so that methods other than collection() run on the engine itself
  // and whatever they assign (commit's clock, for a $merge) lands there.
  const engine: Engine = new Proxy(base, {
    get: (target, prop) => {
      if (prop === "collection") return collection;
      const v = Reflect.get(target, prop, target);
      return typeof v === "function" ? v.bind(target) : v;
    },
  });
  const collection = (db: string, name: string) => {
    const c = base.collection(db, name);
    if (!c || !isView(c)) return c;
    const { source, pipeline } = resolve(base, db, name);
    const contents = new Collection(db, name, {});
    runPipeline({ ...ctx, db, engine, cmd: { aggregate: source } }, source, pipeline).forEach((d, i) => {
      contents.docs.set(`view:${i}`, d);
    });
    return contents;
  };
  return engine;
}

/** find / count / distinct / aggregate on a view: an aggregation over its source, as MongoDB runs them. */
function readView(ctx: CommandContext, view: string): Document {
  const engine = viewReading(ctx);
  const { source, pipeline } = resolve(ctx.engine, ctx.db, view);
  const run = (stages: Document[]) =>
    runPipeline({ ...ctx, engine, cmd: { ...ctx.cmd, aggregate: source, hint: undefined } }, source, [
      ...pipeline,
      ...stages,
    ]);
  const match = (field: string) => {
    const q = optDoc(ctx.cmd, field);
    return q && Object.keys(q).length ? [{ $match: q }] : [];
  };
  const owner = { connectionId: ctx.conn.id, session: ctx.session };
  const ns = `${ctx.db}.${view}`;
  switch (ctx.name) {
    case "find": {
      const sort = optDoc(ctx.cmd, "sort");
      const skip = optNumber(ctx.cmd, "skip") ?? 0;
      const limit = optNumber(ctx.cmd, "limit") ?? 0;
      const docs = run([
        ...match("filter"),
        ...(sort && Object.keys(sort).length ? [{ $sort: sort }] : []),
        ...(skip ? [{ $skip: skip }] : []),
        ...(limit ? [{ $limit: Math.abs(limit) }] : []),
      ]);
      const batchSize = optNumber(ctx.cmd, "batchSize");
      return firstBatchReply({
        registry: ctx.cursors,
        owner,
        ns,
        docs,
        batchSize: limit < 0 ? -limit : batchSize,
        singleBatch: ctx.cmd.singleBatch === true || limit < 0,
        projection: optDoc(ctx.cmd, "projection"),
        filter: optDoc(ctx.cmd, "filter"),
      });
    }
    case "count": {
      const skip = optNumber(ctx.cmd, "skip") ?? 0;
      const limit = Math.abs(optNumber(ctx.cmd, "limit") ?? 0);
      const docs = run([
        ...match("query"),
        ...(skip ? [{ $skip: skip }] : []),
        ...(limit ? [{ $limit: limit }] : []),
      ]);
      return { n: docs.length, ok: 1 };
    }
    case "distinct":
      return { values: distinctValues(run(match("query")), String(ctx.cmd.key)), ok: 1 };
    default: {
      const stages = (optArray(ctx.cmd, "pipeline") ?? []) as Document[];
      if (stages[0] && "$changeStream" in stages[0])
        throw new CommandError("CommandNotSupportedOnView", `Namespace ${ns} is a view, not a collection`);
      const cursor = optDoc(ctx.cmd, "cursor");
      return firstBatchReply({
        registry: ctx.cursors,
        owner,
        ns,
        docs: run(stages),
        ...(cursor?.batchSize === undefined ? {} : { batchSize: Number(cursor.batchSize) }),
      });
    }
  }
}

/**
 * Wrap the command table so that views answer reads through their pipeline and refuse writes
 * (CommandNotSupportedOnView, 166), whatever handler the command otherwise has.
 */
export function withViews(commands: Record<string, Handler>): Record<string, Handler> {
  const out = { ...commands };
  for (const name of [...READS, ...WRITES]) {
    const inner = commands[name];
    if (!inner) continue;
    out[name] = (ctx) => {
      const target = ctx.cmd[name];
      if (typeof target !== "string" || !isView(ctx.engine.collection(ctx.db, target)))
        // An aggregate's $lookup / $unionWith may read views.
        return inner(name === "aggregate" ? { ...ctx, engine: viewReading(ctx) } : ctx);
      if (WRITES.has(name))
        throw new CommandError(
          "CommandNotSupportedOnView",
          `Namespace ${ctx.db}.${target} is a view, not a collection`,
        );
      return readView(ctx, collName(ctx.cmd, name));
    };
  }
  return out;
}
