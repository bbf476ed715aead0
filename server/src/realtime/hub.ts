import type { mongo } from "mongoose";
import type { Logger } from "../core/logger.js";
import type { EventLean } from "../events/event.service.js";
import { ChangeFeed, type ChangeDoc } from "./change-feed.js";
import { Channel } from "./channel.js";
import type { EventLogPort, PresenceSnapshot } from "./ports.js";
import { PRESENCE_COLLECTION, type PresenceDoc } from "../presence/presence.model.js";
import { API_TOKENS_COLLECTION, SESSIONS_COLLECTION } from "./identity-watch.js";
import { PresenceTracker } from "./presence.tracker.js";
import { toUser, type UserLean } from "../users/user.type.js";

export const EVENTS_COLLECTION = "events";
export const NOTES_COLLECTION = "notes";
/**
 * Documents whose loader values channels remember (see channel-memory.ts): the loader, and how a
 * change's post-image becomes that loader's value.
 */
interface CachedCollection {
  loader: string;
  value(doc: mongo.Document): unknown;
}
const CACHED_COLLECTIONS: Readonly<Record<string, CachedCollection>> = {
  users: { loader: "userById", value: (doc) => toUser(doc as UserLean) },
  versions: { loader: "versionById", value: (doc) => doc },
};

export interface HubDeps {
  log: EventLogPort;
  logger: Logger;
  db: () => mongo.Db | undefined;
  loadPresence(versionId: string): Promise<PresenceDoc[]>;
  presenceTtlMs: number;
  settleMs?: number;
  /** An execution of one event for one group taking longer than this ends the group's subscriptions. */
  executionTimeoutMs?: number;
  /**
   * Receives `sessions` / `api_tokens` changes (sign-outs, revocations) to end live sockets, and
   * `users` changes (for an identity cache fed from the same stream).
   */
  credentials?: { onChange(coll: string, change: ChangeDoc): void };
}

/**
 * The process's realtime core: one change stream (events + presence) dispatched in memory to
 * per-production channels that exist only while someone here subscribes.
 */
export class RealtimeHub {
  private readonly channels = new Map<string, Channel>();
  readonly feed: ChangeFeed;
  readonly presence: PresenceTracker;

  constructor(private readonly deps: HubDeps) {
    this.feed = new ChangeFeed({
      db: deps.db,
      collections: [
        EVENTS_COLLECTION,
        PRESENCE_COLLECTION,
        NOTES_COLLECTION,
        ...Object.keys(CACHED_COLLECTIONS),
        ...(deps.credentials ? [SESSIONS_COLLECTION, API_TOKENS_COLLECTION] : []),
      ],
      logger: deps.logger,
      handlers: { onChange: (coll, change) => this.onChange(coll, change), onOpen: () => this.onOpen() },
    });
    this.presence = new PresenceTracker({
      load: deps.loadPresence,
      ttlMs: deps.presenceTtlMs,
      publish: (productionId, snapshot) => {
        const ch = this.channels.get(productionId);
        if (ch) void ch.publishPresence(snapshot);
      },
    });
  }

  start(): void {
    this.feed.start();
  }

  async stop(): Promise<void> {
    await this.feed.stop();
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

  private onChange(coll: string, change: ChangeDoc): void {
    if (coll === PRESENCE_COLLECTION) {
      this.presence.onChange(change);
      return;
    }
    if (coll === NOTES_COLLECTION) {
      this.onNoteChange(change);
      return;
    }
    if (coll === SESSIONS_COLLECTION || coll === API_TOKENS_COLLECTION) {
      this.deps.credentials?.onChange(coll, change);
      return;
    }
    const cached = CACHED_COLLECTIONS[coll];
    // A user change also ends or refreshes identities (auth/identity-cache.ts, when wired).
    if (coll === "users") this.deps.credentials?.onChange(coll, change);
    if (cached) {
      if (!("documentKey" in change)) return;
      const key = `${cached.loader}:${String((change.documentKey as { _id: unknown })._id)}`;
      const doc =
        "fullDocument" in change ? (change.fullDocument as mongo.Document | null | undefined) : null;
      const value = doc ? cached.value(doc) : null;
      for (const ch of this.channels.values()) ch.changed(key, value);
      return;
    }
    if (coll !== EVENTS_COLLECTION || change.operationType !== "insert") return;
    const doc = change.fullDocument as EventLean;
    this.channels.get(String(doc.productionId))?.push([doc]);
  }

  private onNoteChange(change: ChangeDoc): void {
    if (!("documentKey" in change)) return;
    const id = String((change.documentKey as { _id: unknown })._id);
    const doc =
      "fullDocument" in change
        ? (change.fullDocument as { productionId?: unknown } | null | undefined)
        : null;
    if (doc?.productionId) {
      this.channels.get(String(doc.productionId))?.rememberNote(id, doc);
      return;
    }
    // A delete (or a lookup that found nothing) does not say whose note it was.
    for (const ch of this.channels.values()) ch.rememberNote(id, null);
  }

  private onOpen(): void {
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
