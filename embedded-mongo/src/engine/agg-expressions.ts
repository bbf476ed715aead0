import { Aggregator as BaseAggregator } from "mingo/aggregator";
import { Context, evalExpr } from "mingo/core";
import * as accumulator from "mingo/operators/accumulator";
import * as expression from "mingo/operators/expression";
import * as pipeline from "mingo/operators/pipeline";
import * as projection from "mingo/operators/projection";
import * as query from "mingo/operators/query";
import * as window from "mingo/operators/window";
import type { Iterator } from "mingo/lazy";
import { bsonTypeName } from "./bson-types.js";
import { inclusionTree, orderProjected } from "./project-order.js";

type ExpressionOp = (obj: unknown, expr: unknown, options: Parameters<typeof evalExpr>[2]) => unknown;

/** `$type` names BSON types as MongoDB does; a one-element argument list is the argument. */
const $type: ExpressionOp = (obj, expr, options) => {
  const arg = Array.isArray(expr) && expr.length === 1 ? (expr as unknown[])[0] : expr;
  return bsonTypeName(evalExpr(obj as never, arg as never, options));
};

type Doc = Record<string, unknown>;

/** mingo's `$project`, its output in MongoDB's field order (see project-order.ts). */
function $project(coll: Iterator, expr: Doc, options: never): Iterator {
  const tree = inclusionTree(expr);
  if (!tree) return pipeline.$project(coll, expr, options);
  // The stage pulls one document at a time, so `last` is the input of the output being ordered.
  let last: Doc = {};
  const tapped = coll.map((d) => {
    last = d as Doc;
    return d;
  });
  return pipeline.$project(tapped, expr, options).map((out) => orderProjected(last, out as Doc, tree));
}

/**
 * mingo's operators with ours where its answer is not MongoDB's. `$type`: mingo names JS types
 * ("objectid", "binary", "decimal128"), MongoDB BSON types ("objectId", "binData", "decimal").
 * `$project`: field order (see project-order.ts). Built whole because mingo's context merge keeps the first definition of an operator.
 */
const CONTEXT = Context.init({
  accumulator,
  expression: { ...expression, $type },
  pipeline: { ...pipeline, $project },
  projection,
  query,
  window,
} as never); // as never: mingo's operator map types are too complex for tsc to relate (TS2590)

export type AggregatorOptions = ConstructorParameters<typeof BaseAggregator>[1];

/** A mingo Aggregator with the store's operator context. */
export function aggregator(stages: object[], options: AggregatorOptions = {}): BaseAggregator {
  return new BaseAggregator(stages as never, { ...options, context: CONTEXT });
}
