import type { Viewer } from "../core/context.js";
import type { SequencedEvent } from "../core/event-order.js";
import type { PresenceEntry, PresenceSnapshot } from "../core/presence.js";

export type { PresenceEntry, PresenceSnapshot };

/** A member's role as the engine sees it: an opaque permission scope (the domains' `Role`). */
export type RoleName = string;

/**
 * An event as the engine needs it: the order, and the ids that route it. The rest of the event is
 * the root value handed to `GroupSpec.execute` untouched (events/event.model.ts `EventDoc`).
 */
export interface FeedEvent extends SequencedEvent {
  readonly productionId: { toString(): string };
  /** Set on the events of one version: versionEvents subscribers get only those. */
  readonly versionId?: { toString(): string } | null;
  /** Who made the change, and the note it concerns: the loader values a delivery is primed with. */
  readonly actorId?: { toString(): string } | null;
  readonly noteId?: { toString(): string } | null;
  /** Set on membership events only: the user whose role may have changed. */
  readonly memberUserId?: { toString(): string } | null;
}

/**
 * What the engine reports for metrics (app/metrics-realtime.ts); all optional, so a missing hook
 * costs nothing. Called on the delivery path: implementations must be cheap and never throw.
 */
export interface RealtimeObserver {
  /** An event reached this process's change feed. */
  arrived?(e: FeedEvent): void;
  /** An event was written live to `frames` subscribers (after the batch it was executed in). */
  delivered?(e: FeedEvent, frames: number): void;
  /** The change feed was (re)established; `resumed` is false on the first open only. */
  feedOpened?(resumed: boolean): void;
}

/** What the realtime layer reads from the event log and memberships (events/event.log.ts; fakes in unit tests). */
export interface EventLogPort {
  /** The last `n` events of a production, ascending by seq. */
  tail(productionId: string, n: number): Promise<FeedEvent[]>;
  /** Events with afterSeq < seq <= uptoSeq, ascending, at most `limit`; only the version's when given. */
  range(
    productionId: string,
    afterSeq: number,
    uptoSeq: number,
    limit: number,
    versionId?: string | null,
  ): Promise<FeedEvent[]>;
  /** The user's current role in the production, or null when not a member. */
  roleOf(productionId: string, userId: string): Promise<RoleName | null>;
}

/**
 * What the engine receives from the process's one change stream, already decoded (the event feed,
 * events/event.feed.ts, wired in app/realtime-feed.ts). The hub implements it.
 */
export interface FeedConsumer {
  /** A committed event, in commit order. */
  event(e: FeedEvent): void;
  /** A document some loader may hold changed: `key` is "<loader>:<id>", `value` its new value (null: gone). */
  changed(key: string, value: unknown): void;
  /** A note changed: its post-image for delivery priming, or null (deleted; production unknown). */
  noteChanged(noteId: string, productionId: string | null, doc: unknown): void;
  /** A viewer's presence on a version changed; null: it ended. */
  presenceChanged(versionId: string, userId: string, entry: PresenceEntry | null): void;
  /** The stream is (re)established: channels sweep the log for anything it may not cover. */
  open(): void;
}

/** The process's event feed as the engine uses it: started once by the hub. */
export interface FeedPort {
  start(consumer: FeedConsumer): void;
  stop(): Promise<void>;
  /** Times the change stream was opened (1 + reconnects). */
  readonly opens: number;
  /** The change stream is open now (readiness). */
  readonly isOpen: boolean;
}

/** Per-event state shared by the executions of one root value (see GroupSpec.execute). */
export interface ExecutionScope {
  shared?: unknown;
  /** Notes as the change stream last carried them, to prime the loaders (no read needed). */
  primeNotes?: ReadonlyArray<readonly [string, unknown]>;
  /** Remembered loader values ("userById:<id>", "versionById:<id>") to prime the loaders with. */
  primeCached?: ReadonlyArray<readonly [string, unknown]>;
  /** Set by the executor: the cacheable values its loaders read (same key format). */
  collect?: () => Promise<Array<[string, unknown]>>;
}

/**
 * One multiplexing key's shared execution: subscribers with the same document, operation,
 * variables and permission scope get the bytes of one execution per event.
 */
export interface GroupSpec {
  key: string;
  kind: "events" | "presence";
  /** versionEvents / presence: only this version's events or presence. */
  versionId: string | null;
  /** The permission scope: the role every subscriber of the group holds in the production. */
  role: RoleName;
  /**
   * Executes the operation for one root value as `viewer` and returns the serialised payload.
   * `scope` is shared by every execution of the same root value (all groups of one event, or one
   * replay page): executions keep their DataLoaders there, so the groups of one event batch and
   * share their reads. Loaders are keyed by ids only, never by viewer, so sharing is safe.
   */
  execute(root: unknown, viewer: Viewer, scope: ExecutionScope): Promise<Buffer>;
}
