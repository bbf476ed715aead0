import { type Document, Timestamp } from "bson";
import type { HistoryEntry } from "../storage/history.js";
import type { ChangeOp } from "../storage/types.js";
import { encodeToken, SUB_EVENT, SUB_INVALIDATE } from "./token.js";

/** What a stream watches: one collection, one database (coll null) or the whole deployment. */
export interface StreamScope {
  db: string;
  coll: string | null;
  cluster: boolean;
}

export type FullDocumentMode = "default" | "updateLookup" | "whenAvailable" | "required";

export interface EventContext {
  scope: StreamScope;
  fullDocument: FullDocumentMode;
  /** Pre-images are not kept; "whenAvailable" yields null. */
  fullDocumentBeforeChange: "off" | "whenAvailable";
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
 * createIndexes, dropIndexes) produces none.
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

function opEvents(e: HistoryEntry, op: ChangeOp, ctx: EventContext): RawEvent[] {
  const head = (sub: number, operationType: string): Document => ({
    _id: encodeToken({ ts: e.ts, seq: e.seq, sub }),
    operationType,
    clusterTime: new Timestamp({ t: e.ts.t, i: e.ts.i }),
    wallTime: e.wall,
  });
  const withBefore = (d: Document): Document =>
    ctx.fullDocumentBeforeChange === "off" ? d : { ...d, fullDocumentBeforeChange: null };
  const invalidate = (): RawEvent => ({
    sub: SUB_INVALIDATE,
    doc: head(SUB_INVALIDATE, "invalidate"),
    invalidate: true,
  });
  const collStream = ctx.scope.coll !== null && !ctx.scope.cluster;

  switch (op.op) {
    case "insert":
      return [
        {
          sub: SUB_EVENT,
          doc: {
            ...head(SUB_EVENT, "insert"),
            fullDocument: op.doc,
            ns: { db: op.db, coll: op.coll },
            documentKey: { _id: op.doc._id },
          },
          invalidate: false,
        },
      ];
    case "update": {
      // The journal holds the exact post-image, so whenAvailable/required always have one;
      // updateLookup reads the current version, which may be newer (or gone: null), as MongoDB does.
      const full =
        ctx.fullDocument === "updateLookup"
          ? { fullDocument: ctx.lookup(op.db, op.coll, op.id) }
          : ctx.fullDocument === "default"
            ? {}
            : { fullDocument: op.doc };
      const doc: Document = {
        ...head(SUB_EVENT, "update"),
        ...full,
        ns: { db: op.db, coll: op.coll },
        documentKey: { _id: op.id },
        updateDescription: {
          updatedFields: op.updateDescription.updatedFields,
          removedFields: op.updateDescription.removedFields,
          truncatedArrays: op.updateDescription.truncatedArrays,
        },
      };
      return [{ sub: SUB_EVENT, doc: withBefore(doc), invalidate: false }];
    }
    case "replace":
      return [
        {
          sub: SUB_EVENT,
          doc: withBefore({
            ...head(SUB_EVENT, "replace"),
            fullDocument: op.doc,
            ns: { db: op.db, coll: op.coll },
            documentKey: { _id: op.id },
          }),
          invalidate: false,
        },
      ];
    case "delete":
      return [
        {
          sub: SUB_EVENT,
          doc: withBefore({
            ...head(SUB_EVENT, "delete"),
            ns: { db: op.db, coll: op.coll },
            documentKey: { _id: op.id },
          }),
          invalidate: false,
        },
      ];
    case "drop": {
      const drop: RawEvent = {
        sub: SUB_EVENT,
        doc: { ...head(SUB_EVENT, "drop"), ns: { db: op.db, coll: op.coll } },
        invalidate: false,
      };
      return collStream ? [drop, invalidate()] : [drop];
    }
    case "rename": {
      const ev: RawEvent = {
        sub: SUB_EVENT,
        doc: {
          ...head(SUB_EVENT, "rename"),
          ns: { db: op.db, coll: op.coll },
          to: { db: op.toDb, coll: op.toColl },
        },
        invalidate: false,
      };
      return collStream ? [ev, invalidate()] : [ev];
    }
    case "dropDatabase": {
      if (collStream) {
        // The watched collection goes away with its database.
        const drop = { ...head(SUB_EVENT, "drop"), ns: { db: op.db, coll: ctx.scope.coll } };
        return [{ sub: SUB_EVENT, doc: drop, invalidate: false }, invalidate()];
      }
      const ev: RawEvent = {
        sub: SUB_EVENT,
        doc: { ...head(SUB_EVENT, "dropDatabase"), ns: { db: op.db } },
        invalidate: false,
      };
      return ctx.scope.cluster ? [ev] : [ev, invalidate()];
    }
    default:
      return [];
  }
}
