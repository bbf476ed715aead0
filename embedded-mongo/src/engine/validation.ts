import type { Document } from "bson";
import { CommandError } from "../commands/errors.js";
import { collationOf } from "./collation.js";
import type { Collection } from "./collection.js";
import { compileFilter } from "./query.js";

type Test = (doc: Document) => boolean;

/** Compiled validators, per validator document (collMod replaces the object, so no staleness). */
const compiled = new WeakMap<Document, Test>();

function validatorTest(coll: Collection, validator: Document): Test {
  let test = compiled.get(validator);
  if (!test) {
    const str = collationOf(coll.options.collation);
    test = compileFilter(validator, str ? { str } : {});
    compiled.set(validator, test);
  }
  return test;
}

/**
 * A collection's validator, as MongoDB applies it to a document being inserted or (with `prev`)
 * replacing `prev`: `validationLevel` off / moderate (an update of a document that already
 * failed is let through) / strict (default); `validationAction` error (default: code 121 with
 * `errInfo`) or warn (MongoDB only logs; the write goes ahead). `bypass` is the command's
 * `bypassDocumentValidation: true`.
 */
export function checkValidation(
  coll: Collection,
  doc: Document,
  prev: Document | undefined,
  bypass: boolean,
): void {
  const { validator, validationLevel, validationAction } = coll.options;
  if (!validator || bypass || validationLevel === "off" || Object.keys(validator).length === 0) return;
  if (usesJsonSchema(validator)) return;
  const test = validatorTest(coll, validator as Document);
  if (test(doc)) return;
  if (prev && validationLevel === "moderate" && !test(prev)) return;
  if (validationAction === "warn") return;
  throw new CommandError("DocumentValidationFailure", "Document failed validation", {
    errInfo: { failingDocumentId: doc._id, details: details(coll, validator as Document, doc) },
  });
}

/**
 * `$jsonSchema` needs a JSON Schema engine with MongoDB's `bsonType` (mingo ships none), so such
 * validators stay stored but unenforced (README, "Not supported").
 */
function usesJsonSchema(v: unknown): boolean {
  if (Array.isArray(v)) return v.some(usesJsonSchema);
  if (!v || typeof v !== "object" || "_bsontype" in v) return false;
  return Object.entries(v).some(([k, x]) => k === "$jsonSchema" || usesJsonSchema(x));
}

/**
 * `errInfo.details`, simplified from MongoDB's: the failing top-level clause (its operator and
 * how it was specified), or `$and` with `clausesNotSatisfied` when several clauses fail.
 */
function details(coll: Collection, validator: Document, doc: Document): Document {
  const failing: Document[] = [];
  Object.entries(validator).forEach(([key, cond], index) => {
    if (key === "$comment") return;
    const clause = { [key]: cond };
    if (validatorTest(coll, clause)(doc)) return;
    failing.push({ index, details: clauseDetails(key, cond, doc) });
  });
  if (failing.length === 1) return failing[0]?.details as Document;
  return { operatorName: "$and", clausesNotSatisfied: failing };
}

function clauseDetails(key: string, cond: unknown, doc: Document): Document {
  if (key.startsWith("$"))
    return { operatorName: key, specifiedAs: { [key]: cond }, reason: "expression did not match" };
  const ops = cond && typeof cond === "object" && !Array.isArray(cond) ? Object.keys(cond) : [];
  const operatorName = ops.length > 0 && ops.every((k) => k.startsWith("$")) ? ops[0] : "$eq";
  const out: Document = { operatorName, specifiedAs: { [key]: cond } };
  const top = key.split(".")[0] as string;
  if (top in doc) {
    out.reason = "comparison failed";
    if (!key.includes(".")) out.consideredValue = doc[key];
  } else out.reason = "field was missing";
  return out;
}
