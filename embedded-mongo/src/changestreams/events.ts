import { type Document, Timestamp } from "bson";
import type { HistoryEntry } from "../storage/history.js";
import type { ChangeOp } from "../storage/types.js";
import { csError } from "./errors.js";
import { ddlEvent, disambiguatedPaths } from "./expanded.js";
import { encodeToken, SUB_EVENT, SUB_INVALIDATE } from "./token.js";

/** What a stream watches: one collection, one database (coll null) or the whole deployment. */
export interface StreamScope {
  db: string;
  coll: string | null;
  cluster: boolean;
}

export type FullDocumentMode = "default" | "updateLookup" | "whenAvailable" | "required";
export type BeforeChangeMode = "off" | "whenAvailable" | "required";

export interface EventContext {
  scope: StreamScope;
  fullDocument: FullDocumentMode;
  /** Pre-images exist for ops on collections with changeStreamPreAndPostImages enabled. */
  fullDocumentBeforeChange: BeforeChangeMode;
  /** DDL events (create, createIndexes, modify…), collectionUUID, operationDescription. */
  showExpandedEvents: boolean;
  lookup: (db: string, coll: string, id: unknown) => Document | null;
}

export interface RawEvent {
  sub: number;
  doc: Document;
  /** The stream ends after this event. */
  invalidate: boolean;
}

const INTERNAL_DBS = new Set(["admin", "config", "local"]);
const isSystem = (coll: string | null): boolean => coll?.startsWith("system.") ?? false;

/** Cheap namespace filter on the unparsed history entry. */
export function relevant(e: HistoryEntry, scope: StreamScope): boolean {
  if (scope.cluster) return !INTERNAL_DBS.has(e.db) && !isSystem(e.coll);
  if (e.db !== scope.db) return false;
  if (scope.coll === null) return !isSystem(e.coll);
  return e.coll === scope.coll || e.kind === "dropDatabase";
}

/**
 * The change events one committed op produces for a stream, in MongoDB's shapes (field order as
 * the server prints them). DDL that MongoDB only reports with showExpandedEvents (create,
 * createIndexes, dropIndexes, modify) produces none without it.
 */
export function eventsFor(e: HistoryEntry, op: ChangeOp, ctx: EventContext): RawEvent[] {
  const events = opEvents(e, op, ctx);
  // Changes committed by a transaction name it, as MongoDB's events do.
  if (op.txn) {
    for (const ev of events) {
      if (!ev.invalidate) Object.assign(ev.doc, { lsid: op.txn.lsid, txnNumber: op.txn.txnNumber });
    }
  }
  return events;
}

const missingImage = (which: "pre" | "post", doc: Document) =>
  csError(
    "NoMatchingDocument",
    which === "pre"
      ? "Change stream was configured to require a pre-image for all update, delete and replace events, but the pre-image was not found for event: "
      : "Change stream was configured to require a post-image for all update events, but the post-image was not found for event: ",
    { event: { operationType: doc.operationType, ns: doc.ns } },
  );

/** fullDocumentBeforeChange for update/replace/delete: the recorded pre-image, null, or an error. */
function withBefore(d: Document, pre: Document | undefined, ctx: EventContext): Document {
  const mode = ctx.fullDocumentBeforeChange;
  if (mode === "off") return d;
  if (!pre && mode === "required") throw missingImage("pre", d);
  return { ...d, fullDocumentBeforeChange: pre ?? null };
}

/** fullDocument of an update: updateLookup reads the current version (maybe newer, or gone). */
function updateFullDocument(op: Extract<ChangeOp, { op: "update" }>, ctx: EventContext): Document {
  switch (ctx.fullDocument) {
    case "default":
      return {};
    case "updateLookup":
      return { fullDocument: ctx.lookup(op.db, op.coll, op.id) };
    default:
      // The post-image exists when the pre-image was recorded (MongoDB derives one from the other).
      return { fullDocument: op.pre ? op.doc : null };
  }
}

function opEvents(e: HistoryEntry, op: ChangeOp, ctx: EventContext): RawEvent[] {
  const head = (sub: number, operationType: string): Document => ({
    _id: encodeToken({ ts: e.ts, seq: e.seq, sub }),
    operationType,
    clusterTime: new Timestamp({ t: e.ts.t, i: e.ts.i }),
    wallTime: e.wall,
    ...(ctx.showExpandedEvents && sub !== SUB_INVALIDATE && op.uuid ? { collectionUUID: op.uuid } : {}),
  });
  const one = (doc: Document): RawEvent[] => [{ sub: SUB_EVENT, doc, invalidate: false }];
  const invalidate = (): RawEvent => ({
    sub: SUB_INVALIDATE,
    doc: head(SUB_INVALIDATE, "invalidate"),
    invalidate: true,
  });
  const collStream = ctx.scope.coll !== null && !ctx.scope.cluster;

  switch (op.op) {
    case "insert":
      return one({
        ...head(SUB_EVENT, "insert"),
        fullDocument: op.doc,
        ns: { db: op.db, coll: op.coll },
        documentKey: { _id: op.doc._id },
      });
    case "update": {
      const full = updateFullDocument(op, ctx);
      const doc: Document = {
        ...head(SUB_EVENT, "update"),
        ...full,
        ns: { db: op.db, coll: op.coll },
        documentKey: { _id: op.id },
        updateDescription: {
          updatedFields: op.updateDescription.updatedFields,
          removedFields: op.updateDescription.removedFields,
          truncatedArrays: op.updateDescription.truncatedArrays,
          ...(ctx.showExpandedEvents
            ? { disambiguatedPaths: disambiguatedPaths(op.updateDescription, op.doc, op.pre) }
            : {}),
        },
      };
      if (ctx.fullDocument === "required" && full.fullDocument === null) throw missingImage("post", doc);
      return one(withBefore(doc, op.pre, ctx));
    }
    case "replace":
      return one(
        withBefore(
          {
            ...head(SUB_EVENT, "replace"),
            fullDocument: op.doc,
            ns: { db: op.db, coll: op.coll },
            documentKey: { _id: op.id },
          },
          op.pre,
          ctx,
        ),
      );
    case "delete":
      return one(
        withBefore(
          { ...head(SUB_EVENT, "delete"), ns: { db: op.db, coll: op.coll }, documentKey: { _id: op.id } },
          op.pre,
          ctx,
        ),
      );
    case "drop": {
      const drop = one({ ...head(SUB_EVENT, "drop"), ns: { db: op.db, coll: op.coll } });
      return collStream ? [...drop, invalidate()] : drop;
    }
    case "rename": {
      const expanded = ctx.showExpandedEvents
        ? {
            operationDescription: {
              to: { db: op.toDb, coll: op.toColl },
              ...(op.dropTarget ? { dropTarget: op.dropTarget } : {}),
            },
          }
        : {};
      const ev = one({
        ...head(SUB_EVENT, "rename"),
        ns: { db: op.db, coll: op.coll },
        to: { db: op.toDb, coll: op.toColl },
        ...expanded,
      });
      return collStream ? [...ev, invalidate()] : ev;
    }
    case "dropDatabase": {
      if (collStream) {
        // The watched collection goes away with its database.
        const drop = { ...head(SUB_EVENT, "drop"), ns: { db: op.db, coll: ctx.scope.coll } };
        return [...one(drop), invalidate()];
      }
      const ev = one({ ...head(SUB_EVENT, "dropDatabase"), ns: { db: op.db } });
      return ctx.scope.cluster ? ev : [...ev, invalidate()];
    }
    default: {
      if (!ctx.showExpandedEvents) return [];
      const ddl = ddlEvent(op);
      return ddl ? one({ ...head(SUB_EVENT, ddl.operationType), ...ddl.body }) : [];
    }
  }
}
