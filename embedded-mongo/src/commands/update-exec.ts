import { BSON, type Document, ObjectId } from "bson";
import { isPlainObject, type StringCompare } from "../engine/bson-order.js";
import type { Collection } from "../engine/collection.js";
import { ridOf } from "../engine/collection.js";
import { findDocs } from "../engine/query.js";
import { changed, describeUpdate, updateTargets } from "../engine/diff.js";
import { applyUpdate, updateKind } from "../engine/update.js";
import { upsertSeed } from "../engine/upsert.js";
import type { ChangeOp } from "../storage/types.js";
import { CommandError } from "./errors.js";
import { checkValidation } from "../engine/validation.js";

export interface UpdateStatement {
  q: Document;
  u: Document | Document[];
  multi?: boolean;
  upsert?: boolean;
  arrayFilters?: Document[];
  sort?: Document;
  hint?: unknown;
  collation?: StringCompare;
  variables?: Document;
  /** The command's `bypassDocumentValidation: true`. */
  bypassValidation?: boolean;
}

export interface UpdateOutcome {
  matched: number;
  modified: number;
  upsertedId?: unknown;
  /** Pre/post images of the first affected document (for findAndModify). */
  pre?: Document;
  post?: Document;
}

/** Give a new document an `_id` (first, like the server does) and validate it. */
export function withId(doc: Document): Document {
  // MongoDB stores _id as the first field; drivers append it last.
  let first: string | undefined;
  for (const k in doc) {
    first = k;
    break;
  }
  const out = first === "_id" ? doc : { _id: "_id" in doc ? doc._id : new ObjectId(), ...doc };
  if (Array.isArray(out._id))
    throw new CommandError("InvalidIdField", "The '_id' value cannot be of type array");
  if (out._id instanceof RegExp)
    throw new CommandError("InvalidIdField", "The '_id' value cannot be of type regex");
  if (isPlainObject(out._id)) {
    const dollar = Object.keys(out._id).find((k) => k.startsWith("$"));
    if (dollar !== undefined)
      throw new CommandError(
        "DollarPrefixedFieldName",
        `_id fields may not contain '$'-prefixed fields: ${dollar} is not valid for storage.`,
      );
  }
  return out;
}

const MAX_DOC_BYTES = 16 * 1024 * 1024;

/** Updates can grow a document past what could ever be sent back; refuse like MongoDB. */
function checkSize(doc: Document): Document {
  const size = BSON.calculateObjectSize(doc);
  if (size > MAX_DOC_BYTES) {
    throw new CommandError(
      "Location17419",
      `Resulting document after update is larger than ${MAX_DOC_BYTES}`,
    );
  }
  return doc;
}

/**
 * Run one update statement against `coll`, applying changes in memory and appending the
 * matching ChangeOps to `ops`. A duplicate key on any document throws after earlier documents
 * of a multi-update were applied, as in MongoDB.
 */
export function execUpdate(coll: Collection, s: UpdateStatement, ops: ChangeOp[]): UpdateOutcome {
  const kind = updateKind(s.u);
  if (s.multi && kind === "replacement") {
    throw new CommandError("FailedToParse", "multi update is not supported for replacement-style update");
  }
  const opts = {
    filter: s.q,
    inserting: false,
    ...(s.arrayFilters ? { arrayFilters: s.arrayFilters } : {}),
    ...(s.variables ? { variables: s.variables } : {}),
  };
  const matches = findDocs(coll, {
    filter: s.q,
    limit: s.multi ? 0 : 1,
    hint: s.hint,
    ...(s.sort ? { sort: s.sort } : {}),
    ...(s.collation ? { collation: s.collation } : {}),
    ...(s.variables ? { variables: s.variables } : {}),
  }).docs;
  const out: UpdateOutcome = { matched: matches.length, modified: 0 };
  const targets = kind === "operators" && !Array.isArray(s.u) ? updateTargets(s.u) : undefined;
  for (const doc of matches) {
    const next = checkSize(applyUpdate(doc, s.u, kind, opts));
    if (out.pre === undefined) {
      out.pre = doc;
      out.post = next;
    }
    if (!changed(doc, next)) continue;
    checkValidation(coll, next, doc, s.bypassValidation === true);
    coll.replace(ridOf(doc._id), next);
    out.modified++;
    const base = { db: coll.db, coll: coll.name, id: doc._id, doc: next, ...coll.preImageOf(doc) };
    ops.push(
      kind === "replacement"
        ? { op: "replace", ...base }
        : { op: "update", ...base, updateDescription: describeUpdate(doc, next, targets) },
    );
  }
  if (matches.length === 0 && s.upsert) {
    const seed =
      kind === "replacement"
        ? "_id" in upsertSeed(s.q)
          ? { _id: upsertSeed(s.q)._id }
          : {}
        : upsertSeed(s.q);
    const doc = checkSize(withId(applyUpdate(seed, s.u, kind, { ...opts, inserting: true })));
    checkValidation(coll, doc, undefined, s.bypassValidation === true);
    coll.insert(doc);
    ops.push({ op: "insert", db: coll.db, coll: coll.name, doc });
    out.upsertedId = doc._id;
    out.post = doc;
  }
  return out;
}
