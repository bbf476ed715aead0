import { AsyncLocalStorage } from "node:async_hooks";
import type { Aggregate, Schema } from "mongoose";
import { Limiter } from "./limiter.js";

/**
 * A bound on the database commands of some work, however many it issues in parallel: inside
 * `bound.run(fn)`, every mongoose query and aggregate of a model whose schema uses
 * `boundedQueries` waits for one of the bound's permits and gives it back when it completes.
 * Realtime runs its group executions (the domains' resolvers and DataLoaders, which query in
 * parallel) in one such bound, so it never holds more than its permits in pool connections.
 *
 * Mongoose's documented middleware (pre/post hooks, registered per schema) does the waiting; no
 * library object is patched. Outside any bound a query pays one AsyncLocalStorage lookup.
 */
export class DbBound {
  private readonly limiter: Limiter;
  constructor(permits: number) {
    this.limiter = new Limiter(permits);
  }

  /** Runs `fn` with its database commands bounded by this bound's permits. */
  run<T>(fn: () => Promise<T>): Promise<T> {
    return scope.run(this.limiter, fn);
  }

  /** Commands waiting for a permit. */
  get pending(): number {
    return this.limiter.pending;
  }
}

const scope = new AsyncLocalStorage<Limiter>();
const RELEASE = Symbol("dbBoundRelease");
type Held = { [RELEASE]?: () => void };

/** Every query op mongoose runs middleware for (its `queryOperations`). */
const QUERY_OPS = [
  "countDocuments",
  "distinct",
  "estimatedDocumentCount",
  "find",
  "findOne",
  "findOneAndReplace",
  "findOneAndUpdate",
  "replaceOne",
  "updateMany",
  "updateOne",
  "deleteMany",
  "deleteOne",
  "findOneAndDelete",
] as const;

async function take(this: Held): Promise<void> {
  const limiter = scope.getStore();
  if (limiter) this[RELEASE] = await limiter.acquire();
}
function giveBack(this: Held): void {
  const release = this[RELEASE];
  this[RELEASE] = undefined;
  release?.();
}

/**
 * Schema plugin: the model's queries and aggregates honour the bound they run in (see DbBound).
 * Every model's schema uses it (`core/db-bound.test.ts` checks): a model without it would escape
 * realtime's pool bound.
 */
export function boundedQueries(schema: Schema): void {
  schema.pre([...QUERY_OPS], take);
  schema.post([...QUERY_OPS], giveBack);
  // An error handler that returns normally leaves the error to propagate (kareem).
  schema.post([...QUERY_OPS], { errorHandler: true }, giveBack);
  schema.pre("aggregate", function (this: Aggregate<unknown>) {
    return take.call(this as Held);
  });
  schema.post("aggregate", function (this: Aggregate<unknown>) {
    giveBack.call(this as Held);
  });
  schema.post("aggregate", { errorHandler: true }, function (this: Aggregate<unknown>) {
    giveBack.call(this as Held);
  });
}
