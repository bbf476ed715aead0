import type { Document } from "bson";
import { isPlainObject } from "../engine/bson-order.js";
import { findDocs } from "../engine/query.js";
import { optDoc, optNumber } from "./args.js";
import type { Handler } from "./context.js";
import { CommandError } from "./errors.js";

/**
 * `explain` for find / count / aggregate-with-leading-$match: runs the query and reports the
 * plan plus MongoDB's executionStats counters (totalDocsExamined is what the index tests check).
 */
const explain: Handler = (ctx) => {
  const inner = ctx.cmd.explain;
  if (!isPlainObject(inner))
    throw new CommandError("TypeMismatch", "explain command requires a nested object");
  const kind = Object.keys(inner)[0];
  let coll: string;
  let filter: Document | undefined;
  let sort: Document | undefined;
  let limit: number | undefined;
  let skip: number | undefined;
  if (kind === "find") {
    coll = String(inner.find);
    filter = optDoc(inner, "filter");
    sort = optDoc(inner, "sort");
    limit = optNumber(inner, "limit");
    skip = optNumber(inner, "skip");
  } else if (kind === "count") {
    coll = String(inner.count);
    filter = optDoc(inner, "query");
  } else if (kind === "aggregate" && Array.isArray(inner.pipeline)) {
    coll = String(inner.aggregate);
    const first = inner.pipeline[0] as Document | undefined;
    filter = first && isPlainObject(first.$match) ? first.$match : {};
  } else {
    throw new CommandError(
      "IllegalOperation",
      `explain is not supported for '${kind}' by the embedded store`,
    );
  }
  const c = ctx.engine.collection(ctx.db, coll);
  const before = c?.docsExamined ?? 0;
  const started = performance.now();
  const res = findDocs(c, {
    ...(filter ? { filter } : {}),
    ...(sort ? { sort } : {}),
    ...(limit !== undefined ? { limit } : {}),
    ...(skip !== undefined ? { skip } : {}),
    hint: inner.hint,
  });
  const examined = (c?.docsExamined ?? 0) - before;
  const scan: Document =
    res.plan === "COLLSCAN"
      ? { stage: "COLLSCAN" }
      : res.plan === "IDHACK"
        ? { stage: "IDHACK" }
        : { stage: "FETCH", inputStage: { stage: "IXSCAN", indexName: res.index } };
  return {
    queryPlanner: { namespace: `${ctx.db}.${coll}`, winningPlan: scan, rejectedPlans: [] },
    executionStats: {
      executionSuccess: true,
      nReturned: res.docs.length,
      executionTimeMillis: Math.round(performance.now() - started),
      totalKeysExamined: res.plan === "COLLSCAN" ? 0 : examined,
      totalDocsExamined: examined,
    },
    ok: 1,
  };
};

export const explainCommands: Record<string, Handler> = { explain };
