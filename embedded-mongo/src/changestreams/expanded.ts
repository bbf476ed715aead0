import type { Document } from "bson";
import { describeIndex } from "../commands/indexes.js";
import type { ChangeOp, UpdateDescription } from "../storage/types.js";

/**
 * The events MongoDB 7.0 reports only to streams opened with showExpandedEvents: create,
 * createIndexes, dropIndexes and modify (collMod). Returns the type and the fields after the
 * common head (_id, operationType, clusterTime, wallTime, collectionUUID).
 */
export function ddlEvent(op: ChangeOp): { operationType: string; body: Document } | null {
  const ns = { db: op.db, coll: "coll" in op ? op.coll : undefined };
  switch (op.op) {
    case "create": {
      const { viewOn, pipeline, ...options } = op.options;
      const operationDescription =
        viewOn !== undefined
          ? { viewOn, pipeline: pipeline ?? [] }
          : {
              ...(options.clusteredIndex ? {} : { idIndex: { v: 2, key: { _id: 1 }, name: "_id_" } }),
              ...options,
            };
      return { operationType: "create", body: { ns, operationDescription } };
    }
    case "createIndexes":
      return {
        operationType: "createIndexes",
        body: { ns, operationDescription: { indexes: op.indexes.map(describeIndex) } },
      };
    case "dropIndexes":
      return {
        operationType: "dropIndexes",
        body: {
          ns,
          operationDescription: {
            indexes: (op.indexes ?? op.names.map((name) => ({ name, key: {} }))).map(describeIndex),
          },
        },
      };
    case "collMod":
      return {
        operationType: "modify",
        body: {
          ns,
          operationDescription: op.description,
          stateBeforeChange: { collectionOptions: { ...(op.uuid ? { uuid: op.uuid } : {}), ...op.before } },
        },
      };
    default:
      return null;
  }
}

/**
 * updateDescription.disambiguatedPaths: for each changed path with a numeric component, its
 * components, array indexes as integers and field names as strings (`a.0.1` on `{a: [{"1": …}]}`
 * is ["a", 0, "1"]). The document the path is walked through is the post-image, or the
 * pre-image for removed fields when it was kept.
 */
export function disambiguatedPaths(
  d: UpdateDescription,
  post: Document,
  pre: Document | undefined,
): Document {
  const out: Document = {};
  const add = (path: string, doc: Document) => {
    const parts = path.split(".");
    if (!parts.some((p) => /^\d+$/.test(p))) return;
    let cur: unknown = doc;
    out[path] = parts.map((p) => {
      const isIndex = Array.isArray(cur) && /^\d+$/.test(p);
      cur = cur !== null && typeof cur === "object" ? (cur as Record<string, unknown>)[p] : undefined;
      return isIndex ? Number(p) : p;
    });
  };
  for (const path of Object.keys(d.updatedFields)) add(path, post);
  for (const path of d.removedFields) add(path, pre ?? post);
  for (const t of d.truncatedArrays) add(t.field, post);
  return out;
}
