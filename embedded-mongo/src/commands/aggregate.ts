import { Binary, type Document } from "bson";
import { promotedCopy } from "../bson/number-types.js";
import { aggregator } from "../engine/agg-expressions.js";
import { cloneValue, isPlainObject } from "../engine/bson-order.js";
import { resolveHint } from "../engine/hint.js";
import { type FindSpec, findDocs } from "../engine/query.js";
import { firstBatchReply } from "../cursors/query-cursor.js";
import { optArray, optDoc } from "./args.js";
import { openChangeStream } from "./change-stream.js";
import type { CommandContext, Handler } from "./context.js";
import { CommandError } from "./errors.js";
import { MINGO_OPTIONS } from "../engine/mingo-options.js";
import { queryOptions } from "./query-options.js";
import { WRITE_STAGES, writeStage } from "./aggregate-write.js";

/** Translate mingo's messages to the MongoDB error a driver would see. */
function mapMingoError(e: unknown): CommandError {
  if (e instanceof CommandError) return e;
  const msg = (e as Error).message ?? String(e);
  const stage = /unregistered pipeline operator (\$\w+)/.exec(msg);
  if (stage) return new CommandError("Location40324", `Unrecognized pipeline stage name: '${stage[1]}'`);
  const op = /(?:unknown|unregistered) \w* ?operator:? '?(\$\w+)'?/i.exec(msg);
  if (op) return new CommandError("InvalidPipelineOperator", `Unrecognized expression '${op[1]}'`);
  return new CommandError("BadValue", msg);
}

/**
 * Stages that only read their input documents. Others ($addFields, $lookup, $unwind…) may
 * write into them in mingo, so stored documents are copied first unless every stage is here.
 */
const READ_ONLY_STAGES = new Set([
  "$match",
  "$sort",
  "$limit",
  "$skip",
  "$count",
  "$group",
  "$sortByCount",
  "$project",
]);

function readOnly(stages: Document[]): boolean {
  return stages.every((s) => READ_ONLY_STAGES.has(Object.keys(s)[0] ?? ""));
}

/** Copies of a collection's documents, since mingo stages may modify their inputs in place. */
function collectionSource(ctx: CommandContext, name: string, copy = true): Document[] {
  const coll = ctx.engine.collection(ctx.db, name);
  if (!coll) return [];
  const docs = [...coll.docs.values()];
  return copy ? docs.map(cloneValue) : docs;
}

/**
 * The driver's countDocuments pipeline ([$match], [$skip], [$limit], {$group: {_id: 1, n: {$sum: 1}}})
 * answered without building a mingo Aggregator.
 */
function countShortcut(stages: Document[], input: Document[]): Document[] | null {
  const last = stages[stages.length - 1];
  const group = last?.$group as Document | undefined;
  if (!group || Object.keys(group).length !== 2 || typeof group._id === "string" || isPlainObject(group._id))
    return null;
  const [field, acc] = Object.entries(group).find(([k]) => k !== "_id") ?? [];
  if (!field || !isPlainObject(acc) || acc.$sum !== 1 || Object.keys(acc).length !== 1) return null;
  let n = input.length;
  for (const st of stages.slice(0, -1)) {
    if (typeof st.$skip === "number") n = Math.max(0, n - st.$skip);
    else if (typeof st.$limit === "number") n = Math.min(n, st.$limit);
    else return null;
  }
  return n === 0 ? [] : [{ _id: group._id, [field]: n }];
}

/**
 * Leading `$match` / `$sort` / `$skip` / `$limit` stages that a find can answer (with indexes,
 * and stopping early when the index gives the order).
 */
function leadingQuery(stages: Document[]): { spec: FindSpec; consumed: number } | null {
  const spec: FindSpec = {};
  let i = 0;
  const at = (k: string) => stages[i] && k in (stages[i] as Document);
  if (at("$match") && isPlainObject(stages[i]?.$match)) spec.filter = stages[i++]?.$match as Document;
  if (at("$sort") && isPlainObject(stages[i]?.$sort)) spec.sort = stages[i++]?.$sort as Document;
  if (spec.sort && at("$skip") && typeof stages[i]?.$skip === "number")
    spec.skip = stages[i++]?.$skip as number;
  if (spec.sort && at("$limit") && typeof stages[i]?.$limit === "number")
    spec.limit = stages[i++]?.$limit as number;
  return i === 0 ? null : { spec, consumed: i };
}

export function runPipeline(ctx: CommandContext, collName: string | null, pipeline: Document[]): Document[] {
  let stages = pipeline;
  let input: Document[] = [];
  if (collName !== null) {
    // A leading $match can use an index; the rest runs in mingo over copies.
    const copy = !readOnly(stages);
    const lead = leadingQuery(stages);
    if (lead) {
      // The command's hint applies to its own collection's leading query only.
      const coll = ctx.engine.collection(ctx.db, collName);
      if (ctx.cmd.aggregate === collName)
        Object.assign(lead.spec, { hint: ctx.cmd.hint }, queryOptions(ctx.cmd, coll));
      const found = findDocs(coll, lead.spec).docs;
      input = copy ? found.map(cloneValue) : found;
      stages = stages.slice(lead.consumed);
    } else {
      input = collectionSource(ctx, collName, copy);
    }
  } else if (stages[0] && "$documents" in stages[0]) {
    input = cloneValue(stages[0].$documents as Document[]);
    stages = stages.slice(1);
  } else if (stages[0] && "$listLocalSessions" in stages[0]) {
    // The store keeps no session cache: the calling session is the one it knows of.
    const lsid = isPlainObject(ctx.cmd.lsid) ? ctx.cmd.lsid : undefined;
    input = lsid ? [{ _id: { id: lsid.id, uid: new Binary(Buffer.alloc(32)) }, lastUse: new Date() }] : [];
    stages = stages.slice(1);
  } else {
    throw new CommandError(
      "InvalidNamespace",
      "{aggregate: 1} is not valid for '$match'; a collection is required.",
    );
  }
  const counted = countShortcut(stages, input);
  if (counted) return counted;
  if (stages.length === 0) return input;
  const { variables } = queryOptions(ctx.cmd, undefined);
  try {
    // mingo computes and compares on JS numbers only, so its stages see Double/Long values as
    // numbers (their BSON type is not kept through aggregation; see README).
    return aggregator(stages, {
      ...MINGO_OPTIONS,
      collectionResolver: (name: string) => collectionSource(ctx, name).map(promotedCopy),
      ...(variables ? { variables } : {}),
    }).run(input.map(promotedCopy)) as Document[];
  } catch (e) {
    throw mapMingoError(e);
  }
}

const aggregate: Handler = async (ctx) => {
  const target = ctx.cmd.aggregate;
  const collName = typeof target === "string" ? target : null;
  if (collName === null && target !== 1) {
    throw new CommandError("FailedToParse", "Invalid {aggregate: ...} value; must be a collection name or 1");
  }
  const pipeline = (optArray(ctx.cmd, "pipeline") ?? []) as Document[];
  for (const [i, stage] of pipeline.entries()) {
    if (!isPlainObject(stage) || Object.keys(stage).length !== 1) {
      throw new CommandError(
        "Location40324",
        "A pipeline stage specification object must contain exactly one field.",
      );
    }
    const name = Object.keys(stage)[0] as string;
    if (name === "$changeStream" && i !== 0) {
      throw new CommandError(
        "Location40324",
        "$changeStream is only valid as the first stage in a pipeline.",
      );
    }
    if (WRITE_STAGES.has(name) && i !== pipeline.length - 1)
      throw new CommandError("Location40601", `${name} can only be the final stage in the pipeline`);
  }
  const cursorOpt = optDoc(ctx.cmd, "cursor");
  if (!cursorOpt && ctx.cmd.explain !== true) {
    throw new CommandError(
      "FailedToParse",
      "The 'cursor' option is required, except for aggregate with the explain argument",
    );
  }
  const batchSize = cursorOpt?.batchSize === undefined ? undefined : Number(cursorOpt.batchSize);
  if (pipeline[0] && "$changeStream" in pipeline[0])
    return openChangeStream(ctx, collName, pipeline, batchSize);
  if (collName !== null) resolveHint(ctx.engine.collection(ctx.db, collName), ctx.cmd.hint);
  const last = pipeline[pipeline.length - 1];
  const writes = last !== undefined && WRITE_STAGES.has(Object.keys(last)[0] as string);
  const rc = optDoc(ctx.cmd, "readConcern");
  if (writes && rc?.level === "linearizable")
    throw new CommandError(
      "InvalidOptions",
      "readConcern level linearizable is not allowed with $out or $merge",
    );
  const docs = runPipeline(ctx, collName, writes ? pipeline.slice(0, -1) : pipeline);
  if (writes) await writeStage(ctx, last as Document, docs);
  return firstBatchReply({
    registry: ctx.cursors,
    owner: { connectionId: ctx.conn.id, session: ctx.session },
    ns: `${ctx.db}.${collName ?? "$cmd.aggregate"}`,
    docs: writes ? [] : docs,
    ...(batchSize === undefined ? {} : { batchSize }),
  });
};

export const aggregateCommands: Record<string, Handler> = { aggregate };
