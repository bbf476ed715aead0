import type { Viewer } from "../core/context.js";
import type { EventLean } from "../events/event.service.js";
import type { Role } from "../productions/production.enums.js";

/** What the realtime layer reads from the event log and memberships (event-log.ts; fakes in unit tests). */
export interface EventLogPort {
  /** The last `n` events of a production, ascending by seq. */
  tail(productionId: string, n: number): Promise<EventLean[]>;
  /** Events with afterSeq < seq <= uptoSeq, ascending, at most `limit`; only the version's when given. */
  range(
    productionId: string,
    afterSeq: number,
    uptoSeq: number,
    limit: number,
    versionId?: string | null,
  ): Promise<EventLean[]>;
  /** The user's current role in the production, or null when not a member. */
  roleOf(productionId: string, userId: string): Promise<Role | null>;
}

/** Presence of one version as subscribers see it (PresenceUpdate's root value). */
export interface PresenceSnapshot {
  versionId: string;
  viewers: PresenceEntry[];
}

export interface PresenceEntry {
  userId: string;
  role: Role | null;
  frame: number | null;
  line: number | null;
  playing: boolean;
  updatedAt: Date;
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
  role: Role;
  /**
   * Executes the operation for one root value as `viewer` and returns the serialised payload.
   * `scope` is shared by every execution of the same root value (all groups of one event, or one
   * replay page): executions keep their DataLoaders there, so the groups of one event batch and
   * share their reads. Loaders are keyed by ids only, never by viewer, so sharing is safe.
   */
  execute(root: unknown, viewer: Viewer, scope: ExecutionScope): Promise<Buffer>;
}
