import { Aggregator as BaseAggregator } from "mingo/aggregator";
import { Context, evalExpr } from "mingo/core";
import * as accumulator from "mingo/operators/accumulator";
import * as expression from "mingo/operators/expression";
import * as pipeline from "mingo/operators/pipeline";
import * as projection from "mingo/operators/projection";
import * as query from "mingo/operators/query";
import * as window from "mingo/operators/window";
import { bsonTypeName } from "./bson-types.js";

type ExpressionOp = (obj: unknown, expr: unknown, options: Parameters<typeof evalExpr>[2]) => unknown;

/** `$type` names BSON types as MongoDB does; a one-element argument list is the argument. */
const $type: ExpressionOp = (obj, expr, options) => {
  const arg = Array.isArray(expr) && expr.length === 1 ? (expr as unknown[])[0] : expr;
  return bsonTypeName(evalExpr(obj as never, arg as never, options));
};

/**
 * mingo's operators with ours where its answer is not MongoDB's. `$type`: mingo names JS types
 * ("objectid", "binary", "decimal128"), MongoDB BSON types ("objectId", "binData", "decimal").
 * Built whole because mingo's context merge keeps the first definition of an operator.
 */
const CONTEXT = Context.init({
  accumulator,
  expression: { ...expression, $type },
  pipeline,
  projection,
  query,
  window,
} as never); // as never: mingo's operator map types are too complex for tsc to relate (TS2590)

export type AggregatorOptions = ConstructorParameters<typeof BaseAggregator>[1];

/** A mingo Aggregator with the store's operator context. */
export function aggregator(stages: object[], options: AggregatorOptions = {}): BaseAggregator {
  return new BaseAggregator(stages as never, { ...options, context: CONTEXT });
}
