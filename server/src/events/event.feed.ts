import type { mongo } from "mongoose";
import type { ChangeDoc } from "../core/change-stream.js";
import type { Logger } from "../core/logger.js";
import { EventModel, type EventDoc, payloadProblem } from "./event.model.js";

/**
 * One collection the process's change stream carries, and who handles its changes. Each source
 * narrows what the store sends: its operation types (`$match`) and, besides the change's kind, key
 * and post-image, only the fields it names (`$project`), so the process decodes nothing it throws away.
 */
export interface FeedSource {
  coll: string;
  /** The operation types wanted (default: all, drop and invalidate included). */
  operations?: readonly string[];
  /** Further change fields to keep, as dotted paths (e.g. one field of `updateDescription`). */
  keep?: readonly string[];
  /** One change, in commit order. Must not throw. */
  onChange(change: ChangeDoc): void;
}

export interface EventFeedOptions {
  /** The database handle (mongoose.connection.db), re-read on every reopen. */
  db: () => mongo.Db | undefined;
  sources: readonly FeedSource[];
  /** The stream is (re)established: readers sweep the log for anything it may not cover. */
  onOpen(): void;
  logger: Logger;
  /** First and largest reopen delay. */
  minBackoffMs?: number;
  maxBackoffMs?: number;
}

export const EVENTS_COLLECTION = EventModel.collection.collectionName;

/**
 * The change-stream stages after `$changeStream`: one `$match` naming each source's collection and
 * operations, one inclusion `$project` (the resume token `_id` stays, as change streams require).
 * Dropped: `clusterTime`, `wallTime`, `lsid`, `txnNumber`, `collectionUUID` and `updateDescription`
 * (unless a source keeps part of it), which every change would otherwise carry.
 */
export function feedPipeline(sources: readonly FeedSource[]): mongo.Document[] {
  const match = sources.map((s) =>
    s.operations ? { "ns.coll": s.coll, operationType: { $in: [...s.operations] } } : { "ns.coll": s.coll },
  );
  const project: Record<string, 1> = { operationType: 1, ns: 1, documentKey: 1, fullDocument: 1 };
  for (const s of sources) for (const path of s.keep ?? []) project[path] = 1;
  return [{ $match: { $or: match } }, { $project: project }];
}

/**
 * The events source: inserts only (events are never updated), decoded into the typed union. An
 * event whose payload is not its type's (written around `recordEvents`) is logged and not handed
 * on; its seq then reads as a gap, which readers skip once it settles.
 */
export function eventsSource(onEvent: (e: EventDoc) => void, logger: Logger): FeedSource {
  return {
    coll: EVENTS_COLLECTION,
    operations: ["insert"],
    onChange(change) {
      const doc = change.operationType === "insert" ? (change.fullDocument as EventDoc) : null;
      if (!doc) return;
      const problem = payloadProblem(doc as EventDoc & Record<string, unknown>);
      if (problem) {
        logger.error("events: malformed event in the change stream", { seq: doc.seq, problem });
        return;
      }
      onEvent(doc);
    },
  };
}

/** Server error codes meaning "this resume token can no longer be resumed from". */
const UNRESUMABLE = new Set([260, 280, 286]); // InvalidResumeToken, ChangeStreamFatalError, ChangeStreamHistoryLost

/**
 * The process's one change stream (the explicit event feed): events, and the few other collections
 * realtime and the identity cache follow, each a `FeedSource` wired in app/realtime-feed.ts. Every
 * subscriber in the process is fed from it through the in-memory hub; nothing else opens a change
 * stream. It remembers the resume token of the last
 * change it handed on and, on any error or close (store restart, network fault), reopens with
 * `resumeAfter` that token after a backoff, so no change is lost or repeated. If the token cannot
 * be resumed any more, it opens fresh and `onOpen` makes every channel re-read the log from its
 * position (the sequencer drops duplicates).
 */
export class EventFeed {
  private stream: mongo.ChangeStream<mongo.Document, ChangeDoc> | null = null;
  private token: unknown = null;
  private stopped = true;
  private backoff: number;
  private retry: NodeJS.Timeout | null = null;
  private readonly byColl: ReadonlyMap<string, FeedSource>;
  /** Times the stream was opened; exposed for tests and metrics (expected: 1 + reconnects). */
  opens = 0;

  constructor(private readonly options: EventFeedOptions) {
    this.backoff = options.minBackoffMs ?? 100;
    this.byColl = new Map(options.sources.map((s) => [s.coll, s]));
  }

  get resumeToken(): unknown {
    return this.token;
  }

  get isOpen(): boolean {
    return this.stream !== null;
  }

  start(): void {
    if (!this.stopped) return;
    this.stopped = false;
    this.open();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.retry) clearTimeout(this.retry);
    this.retry = null;
    const s = this.stream;
    this.stream = null;
    if (s) await s.close().catch(() => {});
  }

  private open(): void {
    if (this.stopped) return;
    const db = this.options.db();
    if (!db) {
      this.scheduleReopen(new Error("database not connected"));
      return;
    }
    const pipeline = feedPipeline(this.options.sources);
    const resume = this.token ? { resumeAfter: this.token as mongo.ResumeToken } : {};
    let stream: mongo.ChangeStream<mongo.Document, ChangeDoc>;
    try {
      stream = db.watch<mongo.Document, ChangeDoc>(pipeline, { fullDocument: "updateLookup", ...resume });
    } catch (err) {
      this.scheduleReopen(err);
      return;
    }
    this.stream = stream;
    this.opens++;
    let announced = false;
    const announce = () => {
      if (announced || this.stream !== stream) return;
      announced = true;
      this.backoff = this.options.minBackoffMs ?? 100;
      this.options.onOpen();
    };
    stream.on("change", (change: ChangeDoc) => {
      announce();
      this.token = change._id;
      const coll = "ns" in change && change.ns && "coll" in change.ns ? String(change.ns.coll) : "";
      try {
        this.byColl.get(coll)?.onChange(change);
      } catch (err) {
        this.options.logger.error("event feed: change handler failed", { error: String(err) });
      }
    });
    stream.on("resumeTokenChanged", (t: unknown) => {
      // Post-batch tokens move the resume point past changes that our $match filtered out; the
      // first one arrives with the aggregate's reply, i.e. when the stream is established.
      if (t) this.token = t;
      announce();
    });
    stream.once("error", (err: unknown) => this.onFailure(stream, err));
    stream.once("close", () => this.onFailure(stream, null));
  }

  private onFailure(stream: mongo.ChangeStream<mongo.Document, ChangeDoc>, err: unknown): void {
    if (this.stream !== stream) return;
    this.stream = null;
    // The driver's cached token: the last change handed to us, or the post-batch token once a
    // batch is fully consumed.
    this.token = stream.resumeToken ?? this.token;
    stream.close().catch(() => {});
    const code = (err as { code?: number } | null)?.code;
    if (code !== undefined && UNRESUMABLE.has(code)) this.token = null;
    this.scheduleReopen(err);
  }

  private scheduleReopen(err: unknown): void {
    if (this.stopped || this.retry) return;
    if (err)
      this.options.logger.warn("event feed: change stream interrupted, reopening", {
        error: String(err),
        inMs: this.backoff,
      });
    const delay = this.backoff;
    this.backoff = Math.min(this.backoff * 2, this.options.maxBackoffMs ?? 2_000);
    this.retry = setTimeout(() => {
      this.retry = null;
      this.open();
    }, delay);
  }
}
