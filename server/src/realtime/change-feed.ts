import type { mongo } from "mongoose";
import type { Logger } from "../core/logger.js";

export type ChangeDoc = mongo.ChangeStreamDocument<mongo.Document>;

export interface ChangeFeedHandlers {
  /** One change on a watched collection, in commit order. Must not throw. */
  onChange(coll: string, change: ChangeDoc): void;
  /** The stream is (re)established: readers sweep the log for anything it may not cover. */
  onOpen(): void;
}

export interface ChangeFeedOptions {
  /** The database handle (mongoose.connection.db), re-read on every reopen. */
  db: () => mongo.Db | undefined;
  collections: readonly string[];
  handlers: ChangeFeedHandlers;
  logger: Logger;
  /** First and largest reopen delay. */
  minBackoffMs?: number;
  maxBackoffMs?: number;
}

/** Server error codes meaning "this resume token can no longer be resumed from". */
const UNRESUMABLE = new Set([260, 280, 286]); // InvalidResumeToken, ChangeStreamFatalError, ChangeStreamHistoryLost

/**
 * The process's one change stream. Every subscriber in the process is fed from it through the
 * in-memory hub; nothing else opens a change stream. It remembers the resume token of the last
 * change it handed on and, on any error or close (store restart, network fault), reopens with
 * `resumeAfter` that token after a backoff, so no change is lost or repeated. If the token cannot
 * be resumed any more, it opens fresh and `onOpen` makes every channel re-read the log from its
 * position (the sequencer drops duplicates).
 */
export class ChangeFeed {
  private stream: mongo.ChangeStream<mongo.Document, ChangeDoc> | null = null;
  private token: unknown = null;
  private stopped = true;
  private backoff: number;
  private retry: NodeJS.Timeout | null = null;
  /** Times the stream was opened; exposed for tests and metrics (expected: 1 + reconnects). */
  opens = 0;

  constructor(private readonly options: ChangeFeedOptions) {
    this.backoff = options.minBackoffMs ?? 100;
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
    const pipeline = [{ $match: { "ns.coll": { $in: [...this.options.collections] } } }];
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
      this.options.handlers.onOpen();
    };
    stream.on("change", (change: ChangeDoc) => {
      announce();
      this.token = change._id;
      const coll = "ns" in change && change.ns && "coll" in change.ns ? String(change.ns.coll) : "";
      try {
        this.options.handlers.onChange(coll, change);
      } catch (err) {
        this.options.logger.error("realtime: change handler failed", { error: String(err) });
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
      this.options.logger.warn("realtime: change stream interrupted, reopening", {
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
