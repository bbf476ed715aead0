import type { Document } from "bson";
import { Aggregator } from "mingo";
import { MINGO_OPTIONS } from "../engine/mingo-options.js";
import { isPlainObject, type StringCompare } from "../engine/bson-order.js";
import { collationOf } from "../engine/collation.js";
import type { Collection } from "../engine/collection.js";
import { CommandError } from "./errors.js";

export interface QueryOptions {
  collation?: StringCompare;
  variables?: Document;
}

/**
 * A command's `collation` (a statement's own first, else the command's, else the collection's
 * default from `create`) and its `let` variables, as the engine takes them.
 */
export function queryOptions(cmd: Document, coll: Collection | undefined, stmt?: Document): QueryOptions {
  const collation = collationOf(stmt?.collation ?? cmd.collation ?? coll?.options.collation);
  const vars = cmd.let;
  if (vars !== undefined && !isPlainObject(vars))
    throw new CommandError("TypeMismatch", "BSON field 'let' is the wrong type, expected object");
  return { ...(collation ? { collation } : {}), ...(vars ? { variables: evalLet(vars) } : {}) };
}

/** `let` values are expressions, evaluated once per command ({$literal: …}, {$rand: {}}). */
function evalLet(vars: Document): Document {
  if (Object.keys(vars).length === 0) return vars;
  try {
    return new Aggregator([{ $set: vars }], MINGO_OPTIONS).run([{}])[0] as Document;
  } catch (e) {
    throw new CommandError("BadValue", (e as Error).message);
  }
}
