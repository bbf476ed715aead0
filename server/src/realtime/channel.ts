import type { Logger } from "../core/logger.js";
import type {
  EventLogPort,
  ExecutionScope,
  FeedEvent,
  GroupSpec,
  PresenceSnapshot,
  RealtimeObserver,
} from "./ports.js";
import type { PresenceWatch } from "./presence.tracker.js";
import { ChannelMemory } from "./channel-memory.js";
import { ChannelRoles, changesRoles } from "./channel-roles.js";
import { Sequencer } from "./sequencer.js";
import type { FrameSink } from "./sinks.js";
import { Batch, Group, MAX_BATCH } from "./channel-batch.js";
import { ExecutionDeadline } from "./deadline.js";
import { catchUp, PAGE, type ReplaySource, snapshotThenJoin } from "./channel-replay.js";

export interface ChannelDeps {
  productionId: string;
  log: EventLogPort;
  logger: Logger;
  /**
   * A presence subscriber's interest in a version: its snapshot is the first message, and the
   * version stays tracked until every subscriber released it.
   */
  watchPresence(versionId: string): PresenceWatch;
  /** Called when the last subscriber left, so the hub can drop the channel. */
  onIdle(channel: Channel): void;
  settleMs?: number;
  /** See HubDeps.executionTimeoutMs; unset: no limit. */
  executionTimeoutMs?: number;
  observer?: RealtimeObserver;
}

/**
 * Everything live about one production in this process: the sequencer that turns change-stream
 * arrivals into seq order, the roles of local subscribers (re-checked before every delivery), and
 * the subscriber groups. Events are dispatched one at a time, in seq order.
 */
export class Channel {
  readonly ready: Promise<void>;
  private readonly seq: Sequencer<FeedEvent>;
  private initialized = false;
  private early: FeedEvent[] = [];
  private readonly roles: ChannelRoles;
  private readonly groups = new Map<string, Group>();
  private readonly replay: ReplaySource;
  private readonly deadline: ExecutionDeadline;
  private readonly pending: FeedEvent[] = [];
  private draining = false;
  /** Notes, users and versions known without reading (see channel-memory.ts). */
  private readonly memory = new ChannelMemory();
  /** Subscriptions between `attach*` and joining (replaying): the channel is not idle. */
  private attaching = 0;
  disposed = false;

  constructor(private readonly deps: ChannelDeps) {
    this.roles = new ChannelRoles((userId) => deps.log.roleOf(deps.productionId, userId));
    this.seq = new Sequencer<FeedEvent>(0, {
      deliver: (e) => this.enqueue(e),
      confirmGap: (after, before) => deps.log.range(deps.productionId, after, before - 1, PAGE),
      settleMs: deps.settleMs,
      onError: (err) => deps.logger.warn("realtime: could not confirm an event gap", { error: String(err) }),
    });
    this.replay = {
      lastSeq: () => this.seq.lastSeq,
      range: (after, upto, limit, versionId) =>
        deps.log.range(deps.productionId, after, upto, limit, versionId),
      authorized: (sink, role) => this.roles.authorized(sink, role),
    };
    this.deadline = new ExecutionDeadline(deps.executionTimeoutMs, deps.logger, deps.productionId);
    this.ready = this.init();
  }

  get productionId(): string {
    return this.deps.productionId;
  }

  /** Seq of the last event released to subscribers. */
  get lastSeq(): number {
    return this.seq.lastSeq;
  }

  get subscriberCount(): number {
    let n = 0;
    for (const g of this.groups.values()) n += g.sinks.size;
    return n;
  }

  /** A change-stream (or sweep) arrival; any order, duplicates tolerated. */
  push(events: readonly FeedEvent[]): void {
    if (!this.initialized) {
      this.early.push(...events);
      return;
    }
    this.seq.push(events);
  }

  /** A note of this production changed (the change stream's full document; null: deleted). */
  rememberNote(id: string, doc: unknown | null): void {
    this.memory.note(id, doc);
  }

  /** A user or version changed (change stream): its post-image, or null when there is none. */
  changed(key: string, value: unknown | null): void {
    this.memory.changed(key, value);
  }

  /** After the change stream (re)opened: read what it may have missed from the log. */
  async sweep(): Promise<void> {
    // Changes may have been missed while it was down: remembered documents can no longer be trusted.
    this.memory.clear();
    await this.ready;
    for (;;) {
      const page = await this.replay.range(this.seq.lastSeq, Number.MAX_SAFE_INTEGER, PAGE, null);
      this.seq.push(page);
      if (page.length < PAGE) return;
    }
  }

  /** Starts a multiplexed subscription; with `afterSeq` it replays the log first. */
  async attachFrame(sink: FrameSink, spec: GroupSpec, afterSeq: number | null): Promise<void> {
    this.roles.note(sink.userId, spec.role);
    this.attaching++;
    sink.onEnd = () => this.checkIdle();
    try {
      await this.ready;
      if (spec.kind === "presence") {
        const watch = this.deps.watchPresence(spec.versionId as string);
        return await snapshotThenJoin(watch, sink, spec, (release) => this.join(sink, spec, release));
      }
      await catchUp(this.replay, sink, spec.role, spec.versionId, afterSeq, (e, scope) =>
        this.deadline.sendTo(sink, spec, e, scope),
      );
      if (!sink.ended) this.join(sink, spec);
    } finally {
      this.attaching--;
      this.checkIdle();
    }
  }

  /** Joins the live group, synchronously after catching up (the seam). */
  private join(sink: FrameSink, spec: GroupSpec, onLeave?: () => void): void {
    let g = this.groups.get(spec.key);
    if (!g) {
      g = new Group(spec);
      g.authVersion = this.roles.version;
      this.groups.set(spec.key, g);
    }
    const group = g;
    group.sinks.add(sink);
    sink.onEnd = () => {
      onLeave?.();
      this.removeFrame(group, sink);
    };
  }

  /** Presence of one version changed: one execution per group, then fan-out. */
  async publishPresence(snapshot: PresenceSnapshot): Promise<void> {
    await this.ready;
    const jobs: Promise<void>[] = [];
    const scope: ExecutionScope = {};
    for (const g of this.groups.values()) {
      if (g.spec.kind !== "presence" || g.spec.versionId !== snapshot.versionId) continue;
      jobs.push(this.runGroup(g, snapshot, scope));
    }
    await Promise.all(jobs);
  }

  /** Ends every subscription (shutdown). */
  dispose(): void {
    this.disposed = true;
    this.seq.dispose();
    for (const g of this.groups.values()) for (const s of g.sinks) s.end();
  }

  private async init(): Promise<void> {
    const tail = await this.deps.log.tail(this.productionId, PAGE);
    // Start just before the tail: the sequencer releases it silently (nobody is attached yet) up
    // to the first gap that may still fill, and holds the rest, so the live position is exactly
    // where Production.events would stop.
    const start = tail.length > 0 ? (tail[0] as FeedEvent).seq - 1 : 0;
    this.seq.startAfter(start);
    this.seq.push(tail);
    this.initialized = true;
    const early = this.early;
    this.early = [];
    this.seq.push(early);
  }

  private enqueue(e: FeedEvent): void {
    if (!this.initialized) return; // the tail at start-up: nobody is attached yet
    this.pending.push(e);
    if (!this.draining) void this.drain();
  }

  /**
   * Dispatches queued events in order. Events queued together (a burst, or a backlog while the
   * previous fan-out was writing) are executed one by one and then written per subscriber in one
   * write each, so a burst costs each socket one system call, not one per event. A membership
   * event ends a batch: what is queued before it is written with the roles as they were.
   */
  private async drain(): Promise<void> {
    this.draining = true;
    try {
      while (this.pending.length > 0) {
        const batch = new Batch();
        for (let e = this.pending[0]; e; e = this.pending[0]) {
          if (batch.size > 0 && (batch.size >= MAX_BATCH || changesRoles(e))) break;
          this.pending.shift();
          try {
            await this.roles.refresh(e);
            await this.dispatch(e, batch);
            batch.events.push(e);
          } catch (err) {
            this.deps.logger.error("realtime: dispatch failed", {
              productionId: this.productionId,
              seq: e.seq,
              error: String(err),
            });
          }
        }
        batch.write(this.deps.observer);
      }
    } finally {
      this.draining = false;
    }
  }

  private async dispatch(e: FeedEvent, batch: Batch): Promise<void> {
    const versionId = e.versionId ? String(e.versionId) : null;
    const jobs: Promise<void>[] = [];
    const { scope, epoch } = this.memory.scopeFor(e);
    for (const g of this.groups.values()) {
      if (g.spec.kind !== "events" || (g.spec.versionId !== null && g.spec.versionId !== versionId)) continue;
      jobs.push(
        this.executeGroup(g, e, scope).then((payload) => {
          if (payload) batch.add(g, e.seq, payload);
        }),
      );
    }
    batch.size++;
    await Promise.all(jobs);
    await this.memory.keep(scope, epoch);
  }

  /** One execution for the whole group (null: nobody left to execute as, or it overran). */
  private async executeGroup(g: Group, root: unknown, scope: ExecutionScope): Promise<Buffer | null> {
    this.roles.reauthorize(g);
    const viewer = g.viewer();
    return viewer ? this.deadline.executeGroup(g, viewer, root, scope) : null;
  }

  /** Presence: one execution, one serialisation, then the envelope per subscriber. */
  private async runGroup(g: Group, root: unknown, scope: ExecutionScope): Promise<void> {
    const payload = await this.executeGroup(g, root, scope);
    if (payload) for (const s of g.sinks) s.send(payload);
  }

  private removeFrame(g: Group, sink: FrameSink): void {
    g.sinks.delete(sink);
    if (g.sinks.size === 0 && this.groups.get(g.spec.key) === g) this.groups.delete(g.spec.key);
    this.checkIdle();
  }

  private checkIdle(): void {
    if (this.disposed || this.attaching > 0 || this.groups.size > 0) return;
    this.disposed = true;
    this.seq.dispose();
    this.deps.onIdle(this);
  }
}
