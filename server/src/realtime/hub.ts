import type { Logger } from "../core/logger.js";
import { Channel } from "./channel.js";
import type {
  EventLogPort,
  FeedConsumer,
  FeedEvent,
  FeedPort,
  PresenceEntry,
  RealtimeObserver,
  PresenceSnapshot,
} from "./ports.js";
import { PresenceTracker } from "./presence.tracker.js";

export interface HubDeps {
  /** The process's one change stream, decoded (events/event.feed.ts, wired in app/realtime-feed.ts). */
  feed: FeedPort;
  log: EventLogPort;
  logger: Logger;
  loadPresence(versionId: string): Promise<PresenceEntry[]>;
  presenceTtlMs: number;
  settleMs?: number;
  /** An execution of one event for one group taking longer than this ends the group's subscriptions. */
  executionTimeoutMs?: number;
  /** Metrics hooks (app/metrics-realtime.ts). */
  observer?: RealtimeObserver;
}

/**
 * The process's realtime core: the event feed dispatched in memory to per-production channels that
 * exist only while someone here subscribes.
 */
export class RealtimeHub implements FeedConsumer {
  private readonly channels = new Map<string, Channel>();
  readonly presence: PresenceTracker;
  private feedOpens = 0;

  constructor(private readonly deps: HubDeps) {
    this.presence = new PresenceTracker({
      load: deps.loadPresence,
      ttlMs: deps.presenceTtlMs,
      publish: (productionId, snapshot) => {
        const ch = this.channels.get(productionId);
        if (ch) void ch.publishPresence(snapshot);
      },
    });
  }

  /** The feed this hub consumes (its `opens`: tests and metrics). */
  get feed(): FeedPort {
    return this.deps.feed;
  }

  start(): void {
    this.deps.feed.start(this);
  }

  async stop(): Promise<void> {
    await this.deps.feed.stop();
    this.presence.dispose();
    for (const ch of this.channels.values()) ch.dispose();
    this.channels.clear();
  }

  /** Subscribers attached live to a production's channel in this process (tests, metrics). */
  subscriberCount(productionId: string): number {
    const ch = this.channels.get(productionId);
    return ch && !ch.disposed ? ch.subscriberCount : 0;
  }

  get channelCount(): number {
    return this.channels.size;
  }

  /** Subscriptions live in this process, over every channel (metrics). */
  get subscriptionCount(): number {
    let n = 0;
    for (const ch of this.channels.values()) if (!ch.disposed) n += ch.subscriberCount;
    return n;
  }

  /** The live channel of a production, created on first use. */
  channel(productionId: string): Channel {
    const existing = this.channels.get(productionId);
    if (existing && !existing.disposed) return existing;
    const ch = new Channel({
      productionId,
      log: this.deps.log,
      logger: this.deps.logger,
      settleMs: this.deps.settleMs,
      executionTimeoutMs: this.deps.executionTimeoutMs,
      observer: this.deps.observer,
      watchPresence: (versionId) => this.presence.watch(productionId, versionId),
      onIdle: (c) => {
        if (this.channels.get(productionId) === c) this.channels.delete(productionId);
      },
    });
    ch.ready.catch((err: unknown) =>
      this.deps.logger.error("realtime: channel start failed", { productionId, error: String(err) }),
    );
    this.channels.set(productionId, ch);
    return ch;
  }

  event(e: FeedEvent): void {
    this.deps.observer?.arrived?.(e);
    this.channels.get(String(e.productionId))?.push([e]);
  }

  changed(key: string, value: unknown): void {
    for (const ch of this.channels.values()) ch.changed(key, value);
  }

  noteChanged(noteId: string, productionId: string | null, doc: unknown): void {
    if (productionId) {
      this.channels.get(productionId)?.rememberNote(noteId, doc);
      return;
    }
    // A delete (or a lookup that found nothing) does not say whose note it was.
    for (const ch of this.channels.values()) ch.rememberNote(noteId, null);
  }

  presenceChanged(versionId: string, userId: string, entry: PresenceEntry | null): void {
    this.presence.onChange(versionId, userId, entry);
  }

  open(): void {
    this.deps.observer?.feedOpened?.(this.feedOpens++ > 0);
    for (const ch of this.channels.values()) {
      ch.sweep().catch((err: unknown) =>
        this.deps.logger.warn("realtime: sweep failed", { error: String(err) }),
      );
    }
  }

  /** For tests: presence snapshots are normally published by the tracker's tick. */
  publishPresence(productionId: string, snapshot: PresenceSnapshot): void {
    const ch = this.channels.get(productionId);
    if (ch) void ch.publishPresence(snapshot);
  }
}

let current: RealtimeHub | null = null;

export function setHub(hub: RealtimeHub | null): void {
  current = hub;
}

/** The process's hub (set by app/ws.ts); null when the WebSocket server is not attached. */
export function currentHub(): RealtimeHub | null {
  return current;
}
