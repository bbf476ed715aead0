import type { Document } from "bson";
import { canonicalKey, isPlainObject } from "../engine/bson-order.js";
import { type Collection, ridOf } from "../engine/collection.js";
import { findDocs } from "../engine/query.js";
import { applyUpdate, updateKind } from "../engine/update.js";
import { checkValidation } from "../engine/validation.js";
import type { ChangeOp } from "../storage/types.js";
import type { CommandContext } from "./context.js";
import { CommandError } from "./errors.js";
import { withId } from "./update-exec.js";

/**
 * `$out` and `$merge`, the pipeline's last stage: the results (already computed) are written
 * into the target collection and the command answers an empty cursor, as MongoDB does.
 */

export const WRITE_STAGES = new Set(["$out", "$merge"]);

function target(ctx: CommandContext, spec: unknown, stage: string): { db: string; coll: string } {
  if (typeof spec === "string") return { db: ctx.db, coll: spec };
  if (isPlainObject(spec) && typeof spec.coll === "string")
    return { db: typeof spec.db === "string" ? spec.db : ctx.db, coll: spec.coll };
  throw new CommandError("FailedToParse", `${stage} needs a collection name or {db, coll}`);
}

/** $out: the target's contents become the results (its indexes stay); all-or-nothing on _id. */
function out(coll: Collection, docs: Document[], ops: ChangeOp[], bypass: boolean): void {
  const fresh = docs.map(withId);
  const seen = new Set<string>();
  for (const d of fresh) {
    checkValidation(coll, d, undefined, bypass);
    const k = canonicalKey(d._id);
    if (seen.has(k)) {
      throw new CommandError(
        "DuplicateKey",
        `E11000 duplicate key error collection: ${coll.db}.${coll.name}`,
        {
          keyPattern: { _id: 1 },
          keyValue: { _id: d._id },
        },
      );
    }
    seen.add(k);
  }
  for (const d of [...coll.docs.values()]) {
    coll.delete(ridOf(d._id));
    ops.push({ op: "delete", db: coll.db, coll: coll.name, id: d._id });
  }
  for (const d of fresh) {
    coll.insert(d);
    ops.push({ op: "insert", db: coll.db, coll: coll.name, doc: d });
  }
}

interface MergeSpec {
  on: string[];
  whenMatched: string | Document[];
  whenNotMatched: string;
  variables: Document;
}

function mergeSpec(spec: Document): MergeSpec {
  const on =
    spec.on === undefined ? ["_id"] : Array.isArray(spec.on) ? spec.on.map(String) : [String(spec.on)];
  const whenMatched = (spec.whenMatched ?? "merge") as string | Document[];
  const whenNotMatched = String(spec.whenNotMatched ?? "insert");
  if (!Array.isArray(whenMatched) && !["replace", "keepExisting", "merge", "fail"].includes(whenMatched))
    throw new CommandError(
      "BadValue",
      `Enumeration value '${whenMatched}' for field 'whenMatched' is not valid`,
    );
  if (!["insert", "discard", "fail"].includes(whenNotMatched))
    throw new CommandError(
      "BadValue",
      `Enumeration value '${whenNotMatched}' for field 'whenNotMatched' is not valid`,
    );
  return { on, whenMatched, whenNotMatched, variables: isPlainObject(spec.let) ? spec.let : {} };
}

function insertNew(coll: Collection, doc: Document, ops: ChangeOp[], bypass: boolean): void {
  const d = withId(doc);
  checkValidation(coll, d, undefined, bypass);
  coll.insert(d);
  ops.push({ op: "insert", db: coll.db, coll: coll.name, doc: d });
}

/** $merge: each result is matched on `on` and merged, replaced, kept, failed or inserted. */
function merge(coll: Collection, docs: Document[], m: MergeSpec, ops: ChangeOp[], bypass: boolean): void {
  for (const doc of docs) {
    const filter: Document = {};
    for (const f of m.on) filter[f] = doc[f] ?? null;
    const existing = findDocs(coll, { filter, limit: 2 }).docs;
    if (existing.length > 1)
      throw new CommandError("BadValue", "$merge: more than one document matches the 'on' fields");
    const cur = existing[0];
    if (!cur) {
      if (m.whenNotMatched === "fail")
        throw new CommandError(
          "BadValue",
          "$merge could not find a matching document in the target collection",
        );
      if (m.whenNotMatched === "insert") insertNew(coll, doc, ops, bypass);
      continue;
    }
    if (m.whenMatched === "keepExisting") continue;
    // whenMatched "fail" is an insert that meets the existing key, answered as MongoDB does (11000).
    if (m.whenMatched === "fail") insertNew(coll, doc, ops, bypass);
    let next: Document;
    if (Array.isArray(m.whenMatched)) {
      const u = m.whenMatched;
      updateKind(u);
      next = applyUpdate(cur, u, "pipeline", {
        filter,
        inserting: false,
        variables: { new: doc, ...m.variables },
      });
    } else if (m.whenMatched === "replace") next = { _id: cur._id, ...doc };
    else next = { ...cur, ...doc, _id: cur._id };
    checkValidation(coll, next, cur, bypass);
    coll.replace(ridOf(cur._id), next);
    ops.push({ op: "replace", db: coll.db, coll: coll.name, id: cur._id, doc: next });
  }
}

/** Write `docs` as the final `$out` / `$merge` stage asks; the changes are committed even on error. */
export async function writeStage(ctx: CommandContext, stage: Document, docs: Document[]): Promise<void> {
  const name = Object.keys(stage)[0] as string;
  const spec = stage[name];
  const into =
    name === "$out" ? target(ctx, spec, name) : target(ctx, isPlainObject(spec) ? spec.into : spec, name);
  const ops: ChangeOp[] = [];
  try {
    const coll = ctx.engine.ensureCollection(into.db, into.coll, ops);
    const bypass = ctx.cmd.bypassDocumentValidation === true;
    if (name === "$out") out(coll, docs, ops, bypass);
    else merge(coll, docs, mergeSpec(isPlainObject(spec) ? spec : { into: spec }), ops, bypass);
  } finally {
    await ctx.engine.commit(ops, ctx.acknowledged);
  }
}
