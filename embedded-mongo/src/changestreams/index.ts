import { type Document, Timestamp } from "bson";
import type { ChangeStreamOpened, ChangeStreamRequest, EngineHooks } from "../engine/hooks.js";
import { encodeOp } from "../storage/codec.js";
import { compareTs, OpHistory, type OpLogReader } from "../storage/history.js";
import { ChangeStreamCursor } from "./cursor.js";
import { csError } from "./errors.js";
import type { BeforeChangeMode, EventContext, FullDocumentMode, StreamScope } from "./events.js";
import { decodeToken, SUB_HWM, SUB_INVALIDATE, type TokenPos } from "./token.js";

export { ChangeStreamCursor } from "./cursor.js";
export { decodeToken, encodeToken } from "./token.js";

/** Stages MongoDB allows after $changeStream (they must not change the event's _id). */
const ALLOWED_STAGES = new Set([
  "$match",
  "$project",
  "$addFields",
  "$set",
  "$unset",
  "$replaceRoot",
  "$replaceWith",
  "$redact",
]);
/** Other stages MongoDB knows (refused after $changeStream with IllegalOperation, not 40324). */
const KNOWN_STAGES = new Set([
  "$bucket",
  "$bucketAuto",
  "$collStats",
  "$count",
  "$densify",
  "$documents",
  "$facet",
  "$fill",
  "$geoNear",
  "$graphLookup",
  "$group",
  "$indexStats",
  "$limit",
  "$listSessions",
  "$lookup",
  "$merge",
  "$out",
  "$sample",
  "$search",
  "$setWindowFields",
  "$skip",
  "$sort",
  "$sortByCount",
  "$unionWith",
  "$unwind",
  "$changeStream",
]);
const FULL_DOCUMENT = new Set(["default", "updateLookup", "whenAvailable", "required"]);
const BEFORE_CHANGE = new Set(["off", "whenAvailable", "required"]);
const DEFAULT_BATCH = 101;

/**
 * Engines whose persistence exposes no history (a bare MemoryPersistence) get one fed from
 * onCommitted, from the first change stream on. createPersistence() always provides one.
 */
const fallbackHistories = new WeakMap<EngineHooks, OpHistory>();
function historyOf(engine: EngineHooks): OpLogReader {
  if (engine.persistence.history) return engine.persistence.history;
  let h = fallbackHistories.get(engine);
  if (!h) {
    const created = new OpHistory(undefined, engine.lastCommitted());
    engine.onCommitted((ops) => {
      created.append(
        ops,
        ops.map((c) => encodeOp(c.op)),
      );
      created.publish(ops[ops.length - 1]!.seq);
    });
    fallbackHistories.set(engine, created);
    h = created;
  }
  return h;
}

function asTs(v: unknown): { t: number; i: number } {
  if (v instanceof Timestamp) return { t: v.t, i: v.i };
  if (v && typeof v === "object" && "t" in v && "i" in v) return { t: Number(v.t), i: Number(v.i) };
  throw csError("BadValue", "startAtOperationTime must be a Timestamp");
}

/** Where the stream starts, validating the token against the retained history. */
function startPosition(
  spec: Document,
  history: OpLogReader,
): { start: TokenPos; minTs?: { t: number; i: number } } {
  const given = ["resumeAfter", "startAfter", "startAtOperationTime"].filter((k) => spec[k] !== undefined);
  if (given.length > 1)
    throw csError(
      "BadValue",
      `Only one type of resume option is allowed, but multiple were found: ${given.join(", ")}`,
    );
  const evicted = history.evictedThrough();
  const lost = () =>
    csError(
      "ChangeStreamHistoryLost",
      "Resume of change stream was not possible, as the resume point may no longer be in the oplog.",
    );
  if (spec.startAtOperationTime !== undefined) {
    const ts = asTs(spec.startAtOperationTime);
    if (evicted.seq > 0n && compareTs(evicted.ts, ts) >= 0) throw lost();
    const seq = history.seqBeforeTs(ts);
    // The position's ts must be that op's own, so a token built from it validates on resume.
    const [at] = seq > 0n ? history.readAfter(seq - 1n, 1) : [];
    const posTs = at && at.seq === seq ? at.ts : seq === 0n ? { t: 0, i: 0 } : evicted.ts;
    return { start: { ts: posTs, seq, sub: SUB_HWM }, minTs: ts };
  }
  const option =
    spec.resumeAfter !== undefined ? "resumeAfter" : spec.startAfter !== undefined ? "startAfter" : null;
  if (!option) return { start: { ...history.visiblePosition(), sub: SUB_HWM } };
  const tok = decodeToken(spec[option], option);
  if (tok.sub === SUB_INVALIDATE) {
    if (option === "resumeAfter") {
      throw csError(
        "InvalidResumeToken",
        "Cannot resume a change stream after an invalidate event; use startAfter instead",
      );
    }
    tok.sub = SUB_HWM;
  }
  if (tok.seq > history.visibleSeq()) {
    throw csError(
      "ChangeStreamFatalError",
      `resume token refers to seq ${tok.seq}, beyond this store's history (${history.visibleSeq()}); was the store reset?`,
    );
  }
  if (evicted.seq > tok.seq) throw lost();
  // The op the token names must still be the same op (guards against a store that was wiped).
  const [at] = tok.seq > 0n ? history.readAfter(tok.seq - 1n, 1) : [];
  if (at && at.seq === tok.seq && compareTs(at.ts, tok.ts) !== 0) {
    throw csError(
      "ChangeStreamFatalError",
      "resume token does not match this store's history; was the store reset?",
    );
  }
  return { start: tok };
}

/**
 * Open a change stream for `aggregate` with a leading `$changeStream` stage (the engine's
 * aggregate handler calls this; see OpenChangeStream in engine/hooks.ts).
 */
export async function openChangeStream(req: ChangeStreamRequest): Promise<ChangeStreamOpened> {
  const [first, ...rest] = req.pipeline;
  const spec = first?.$changeStream;
  if (!spec || typeof spec !== "object")
    throw csError("FailedToParse", "the $changeStream stage must be an object");
  const cluster = spec.allChangesForCluster === true;
  if (cluster && (req.db !== "admin" || req.coll !== null)) {
    throw csError(
      "BadValue",
      "A $changeStream with 'allChangesForCluster:true' may only be opened on the 'admin' database, and with no collection name",
    );
  }
  if (!cluster && req.db === "admin") {
    throw csError("BadValue", "$changeStream may not be opened on the internal admin database");
  }
  for (const stage of rest) {
    const name = Object.keys(stage)[0] ?? "";
    if (!KNOWN_STAGES.has(name) && !ALLOWED_STAGES.has(name))
      throw csError("Location40324", `Unrecognized pipeline stage name: '${name}'`);
    if (!ALLOWED_STAGES.has(name))
      throw csError("IllegalOperation", `${name} is not permitted in a $changeStream pipeline`);
  }
  const fullDocument = (spec.fullDocument ?? "default") as FullDocumentMode;
  if (!FULL_DOCUMENT.has(fullDocument))
    throw csError("BadValue", `unknown fullDocument mode '${String(fullDocument)}'`);
  const before = (spec.fullDocumentBeforeChange ?? "off") as BeforeChangeMode;
  if (!BEFORE_CHANGE.has(before))
    throw csError("BadValue", `unknown fullDocumentBeforeChange mode '${String(before)}'`);
  const expanded = spec.showExpandedEvents ?? false;
  if (typeof expanded !== "boolean") throw csError("BadValue", "showExpandedEvents must be a boolean");

  const history = historyOf(req.engine);
  const { start, minTs } = startPosition(spec, history);
  const scope: StreamScope = { db: req.db, coll: cluster ? null : req.coll, cluster };
  const ctx: EventContext = {
    scope,
    fullDocument,
    fullDocumentBeforeChange: before,
    showExpandedEvents: expanded,
    lookup: (db, coll, id) => req.engine.findById(db, coll, id),
  };
  const ns = req.coll !== null ? `${req.db}.${req.coll}` : `${req.db}.$cmd.aggregate`;
  const cursor = new ChangeStreamCursor({
    id: req.newCursorId(),
    ns,
    history,
    ctx,
    stages: rest,
    start,
    minTs,
  });
  // The first batch never waits: it returns whatever is already in history after the start point.
  const b =
    req.batchSize === 0
      ? cursor.emptyBatch()
      : await cursor.getMore(req.batchSize ?? DEFAULT_BATCH, 0, false);
  return { cursor, firstBatch: b.docs, exhausted: b.exhausted, ...(b.extra ? { extra: b.extra } : {}) };
}
