import type { Logger } from "../app/logger.js";
import type { EventLean } from "../events/event.service.js";
import type { Role } from "../productions/production.enums.js";
import type { EventLogPort, ExecutionScope, GroupSpec, PresenceSnapshot } from "./ports.js";
import type { PresenceWatch } from "./presence.tracker.js";
import { ChannelMemory } from "./channel-memory.js";
import { ChannelRoles, MEMBER_EVENTS } from "./channel-roles.js";
import { Sequencer } from "./sequencer.js";
import type { FrameSink, QueueSink, Sink } from "./sinks.js";
import { Batch, Group, MAX_BATCH } from "./channel-batch.js";
import { TIMED_OUT, withDeadline } from "./deadline.js";

/** Events read per replay page; also the tail read when a channel starts. */
const PAGE = 200;

interface NaiveEntry {
  sink: QueueSink<unknown>;
  kind: GroupSpec["kind"];
  versionId: string | null;
  role: Role;
}

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
}

/**
 * Everything live about one production in this process: the sequencer that turns change-stream
 * arrivals into seq order, the roles of local subscribers (re-checked before every delivery), and
 * the subscriber groups. Events are dispatched one at a time, in seq order.
 */
export class Channel {
  readonly ready: Promise<void>;
  private readonly seq: Sequencer<EventLean>;
  private initialized = false;
  private early: EventLean[] = [];
  private readonly roles: ChannelRoles;
  private readonly groups = new Map<string, Group>();
  private readonly naive = new Set<NaiveEntry>();
  private readonly pending: EventLean[] = [];
  private draining = false;
  /** Notes, users and versions known without reading (see channel-memory.ts). */
  private readonly memory = new ChannelMemory();
  /** Subscriptions between `attach*` and joining (replaying): the channel is not idle. */
  private attaching = 0;
  disposed = false;

  constructor(private readonly deps: ChannelDeps) {
    this.roles = new ChannelRoles((userId) => deps.log.roleOf(deps.productionId, userId));
    this.seq = new Sequencer<EventLean>(0, {
      deliver: (e) => this.enqueue(e),
      confirmGap: (after, before) => deps.log.range(deps.productionId, after, before - 1, PAGE),
      settleMs: deps.settleMs,
      onError: (err) => deps.logger.warn("realtime: could not confirm an event gap", { error: String(err) }),
    });
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
    let n = this.naive.size;
    for (const g of this.groups.values()) n += g.sinks.size;
    return n;
  }

  /** A change-stream (or sweep) arrival; any order, duplicates tolerated. */
  push(events: readonly EventLean[]): void {
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
      const page = await this.deps.log.range(
        this.productionId,
        this.seq.lastSeq,
        Number.MAX_SAFE_INTEGER,
        PAGE,
      );
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
        let joined = false;
        try {
          const snapshot = await watch.snapshot();
          if (sink.ended) return;
          const payload = await spec.execute(snapshot, sink.viewer, {});
          if (sink.ended) return;
          this.join(sink, spec, watch.release);
          joined = true;
          sink.send(payload);
        } finally {
          if (!joined) watch.release();
        }
        return;
      }
      await this.catchUp(sink, spec.role, spec.versionId, afterSeq, async (e, scope) => {
        const payload = await this.timed(spec.execute(e, sink.viewer, scope));
        if (payload === TIMED_OUT) sink.fail(this.tooSlow());
        else sink.send(payload);
      });
      if (!sink.ended) this.join(sink, spec);
    } finally {
      this.attaching--;
      this.checkIdle();
    }
  }

  /** Starts a naive subscription (REALTIME_MODE=naive): root values go to graphql-js per subscriber. */
  async attachNaive(
    sink: QueueSink<unknown>,
    kind: GroupSpec["kind"],
    versionId: string | null,
    role: Role,
    afterSeq: number | null,
  ): Promise<void> {
    this.roles.note(sink.userId, role);
    this.attaching++;
    sink.onEnd = () => this.checkIdle();
    try {
      await this.ready;
      const entry: NaiveEntry = { sink, kind, versionId, role };
      let watch: PresenceWatch | null = null;
      try {
        if (kind === "presence") {
          watch = this.deps.watchPresence(versionId as string);
          const snapshot = await watch.snapshot();
          if (sink.ended) return;
          sink.push(snapshot);
        } else {
          await this.catchUp(sink, role, versionId, afterSeq, async (e) => sink.push(e));
          if (sink.ended) return;
        }
        this.naive.add(entry);
        const release = watch?.release;
        sink.onEnd = () => {
          release?.();
          this.naive.delete(entry);
          this.checkIdle();
        };
        watch = null; // handed to onEnd
      } finally {
        watch?.release();
      }
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
    for (const n of this.naive) {
      if (
        n.kind === "presence" &&
        n.versionId === snapshot.versionId &&
        this.roles.authorized(n.sink, n.role)
      )
        n.sink.push(snapshot);
    }
    await Promise.all(jobs);
  }

  /** Ends every subscription (shutdown). */
  dispose(): void {
    this.disposed = true;
    this.seq.dispose();
    for (const g of this.groups.values()) for (const s of g.sinks) s.end();
    for (const n of this.naive) n.sink.end();
  }

  private async init(): Promise<void> {
    const tail = await this.deps.log.tail(this.productionId, PAGE);
    // Start just before the tail: the sequencer releases it silently (nobody is attached yet) up
    // to the first gap that may still fill, and holds the rest, so the live position is exactly
    // where Production.events would stop.
    const start = tail.length > 0 ? (tail[0] as EventLean).seq - 1 : 0;
    this.seq.startAfter(start);
    this.seq.push(tail);
    this.initialized = true;
    const early = this.early;
    this.early = [];
    this.seq.push(early);
  }

  /**
   * The seam. Replays (afterSeq, lastSeq] from the log, re-reading `lastSeq` after every page since
   * live events keep being released meanwhile, and joins the live group in the same tick as it
   * catches up. Live dispatch skips seqs at or below the sink's `lastSeq`, so an event both
   * replayed and still in the dispatch queue is sent once.
   */
  private async catchUp(
    sink: Sink,
    role: Role,
    versionId: string | null,
    afterSeq: number | null,
    replay: (e: EventLean, scope: ExecutionScope) => Promise<void>,
  ): Promise<void> {
    if (afterSeq === null) {
      sink.lastSeq = this.seq.lastSeq;
      return;
    }
    sink.lastSeq = afterSeq;
    while (!sink.ended && sink.lastSeq < this.seq.lastSeq) {
      const upto = this.seq.lastSeq;
      const page = await this.deps.log.range(this.productionId, sink.lastSeq, upto, PAGE, versionId);
      // One page is read as of one moment anyway (current objects), so its executions share reads.
      const scope: ExecutionScope = {};
      for (const e of page) {
        if (sink.ended || !this.roles.authorized(sink, role)) return;
        await replay(e, scope);
        sink.lastSeq = e.seq;
      }
      // A version's events are a subsequence: a short page means (lastSeq, upto] is done.
      if (page.length < PAGE) sink.lastSeq = Math.max(sink.lastSeq, upto);
    }
  }

  private enqueue(e: EventLean): void {
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
          if (batch.size > 0 && (batch.size >= MAX_BATCH || MEMBER_EVENTS.has(e.type))) break;
          this.pending.shift();
          try {
            await this.roles.refresh(e);
            await this.dispatch(e, batch);
          } catch (err) {
            this.deps.logger.error("realtime: dispatch failed", {
              productionId: this.productionId,
              seq: e.seq,
              error: String(err),
            });
          }
        }
        batch.write();
      }
    } finally {
      this.draining = false;
    }
  }

  private async dispatch(e: EventLean, batch: Batch): Promise<void> {
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
    for (const n of this.naive) {
      if (n.kind !== "events" || (n.versionId !== null && n.versionId !== versionId)) continue;
      if (e.seq <= n.sink.lastSeq || !this.roles.authorized(n.sink, n.role)) continue;
      n.sink.lastSeq = e.seq;
      n.sink.push(e);
    }
    await Promise.all(jobs);
    await this.memory.keep(scope, epoch);
  }

  /**
   * One execution for the whole group (null: nobody left to execute as). One that overruns the
   * time limit ends the group's subscriptions with an error, so no group holds up the channel's
   * other subscribers event after event; its work finishes unobserved.
   */
  private async executeGroup(g: Group, root: unknown, scope: ExecutionScope): Promise<Buffer | null> {
    this.roles.reauthorize(g);
    const viewer = g.viewer();
    if (!viewer) return null;
    const payload = await this.timed(g.spec.execute(root, viewer, scope));
    if (payload !== TIMED_OUT) return payload;
    this.deps.logger.warn("realtime: an execution overran its time limit; its group ended", {
      productionId: this.productionId,
      ms: this.deps.executionTimeoutMs,
      subscribers: g.sinks.size,
    });
    const err = this.tooSlow();
    for (const s of [...g.sinks]) s.fail(err);
    return null;
  }

  private timed(work: Promise<Buffer>): Promise<Buffer | typeof TIMED_OUT> {
    const ms = this.deps.executionTimeoutMs;
    return ms ? withDeadline(work, ms) : work;
  }

  private tooSlow(): Error {
    return new Error(
      `Each event of this subscription took longer than ${this.deps.executionTimeoutMs} ms to compute; subscribe again with fewer fields.`,
    );
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
    if (this.disposed || this.attaching > 0 || this.groups.size > 0 || this.naive.size > 0) return;
    this.disposed = true;
    this.seq.dispose();
    this.deps.onIdle(this);
  }
}
