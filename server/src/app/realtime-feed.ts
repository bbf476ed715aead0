import type mongoose from "mongoose";
import type { ChangeDoc } from "../core/change-stream.js";
import { changedId, postImage } from "../core/change-stream.js";
import type { Logger } from "../core/logger.js";
import { EventFeed, eventsSource, type FeedSource } from "../events/event.feed.js";
import { SessionModel } from "../auth/session.model.js";
import { NoteModel } from "../notes/note.model.js";
import { MembershipModel } from "../productions/membership.model.js";
import { presenceSource } from "../presence/presence.feed.js";
import { eventRange, roleOf, tailEvents } from "../events/event.log.js";
import { realtimeDb } from "./realtime-db.js";
import type { EventLogPort, FeedConsumer, FeedPort } from "../realtime/ports.js";
import { ApiTokenModel } from "../users/api-token.model.js";
import { UserModel } from "../users/user.model.js";
import { toUser, type UserLean } from "../users/user.type.js";
import { VersionModel } from "../versions/version.model.js";
import type { EventDoc } from "../events/event.model.js";
import { WebhookModel } from "../webhooks/webhook.model.js";

/** Changes of documents that already existed: a new document cannot be in any cache yet. */
const NOT_INSERTS = ["update", "replace", "delete", "drop", "rename", "dropDatabase", "invalidate"] as const;

export interface RealtimeFeedDeps {
  db: () => mongoose.mongo.Db | undefined;
  logger: Logger;
  /** Sign-outs, revocations and user changes: live sockets end, the identity cache forgets. */
  credentials: { onChange(coll: string, change: ChangeDoc): void };
  /** Memberships changed or removed (by any process): the membership cache forgets them. */
  memberships?: (change: ChangeDoc) => void;
  /** Versions' post-images: the version cache of note commands' checks keeps up with them. */
  versions?: (change: ChangeDoc) => void;
  /** Webhook dispatch (webhooks/webhook.dispatcher.ts): woken by events and by webhooks' own changes. */
  webhooks?: { onEvent(e: EventDoc): void; onWebhookChange(change: ChangeDoc): void };
}

const coll = (m: { collection: { collectionName: string } }) => m.collection.collectionName;

/**
 * The realtime engine's feed port: the process's one change stream (events/event.feed.ts) over the
 * sources realtime and the identity cache need, each decoded here into what the hub consumes.
 * Notes, users and versions are followed so that deliveries are primed with the documents the same
 * commits wrote, instead of reading them back (realtime/channel-memory.ts).
 */
export function realtimeFeed(deps: RealtimeFeedDeps): FeedPort {
  const { db, logger, credentials, memberships, versions, webhooks } = deps;
  let feed: EventFeed | null = null;
  const sources = (hub: FeedConsumer): FeedSource[] => {
    const cachedAs = (loader: string, value: (doc: mongoose.mongo.Document) => unknown) => (c: ChangeDoc) => {
      const id = changedId(c);
      const doc = postImage(c);
      if (id) hub.changed(`${loader}:${id}`, doc ? value(doc) : null);
    };
    const toCredentials = (name: string) => (c: ChangeDoc) => credentials.onChange(name, c);
    const users = cachedAs("userById", (doc) => toUser(doc as UserLean));
    const primeVersions = cachedAs("versionById", (doc) => doc);
    return [
      eventsSource((e) => {
        hub.event(e);
        webhooks?.onEvent(e);
      }, logger),
      {
        coll: coll(NoteModel),
        operations: ["insert", "update", "replace", "delete"],
        onChange(c) {
          const id = changedId(c);
          const doc = postImage<{ productionId?: unknown }>(c);
          if (id) hub.noteChanged(id, doc?.productionId ? String(doc.productionId) : null, doc);
        },
      },
      {
        coll: coll(VersionModel),
        operations: NOT_INSERTS,
        onChange(c) {
          versions?.(c);
          primeVersions(c);
        },
      },
      {
        coll: coll(UserModel),
        operations: NOT_INSERTS,
        onChange(c) {
          credentials.onChange(coll(UserModel), c);
          users(c);
        },
      },
      presenceSource((versionId, userId, entry) => hub.presenceChanged(versionId, userId, entry)),
      { coll: coll(SessionModel), operations: NOT_INSERTS, onChange: toCredentials(coll(SessionModel)) },
      {
        coll: coll(ApiTokenModel),
        operations: NOT_INSERTS,
        keep: ["updateDescription.updatedFields.revokedAt"],
        onChange: toCredentials(coll(ApiTokenModel)),
      },
      ...(memberships
        ? [{ coll: coll(MembershipModel), operations: NOT_INSERTS, onChange: memberships }]
        : []),
      ...(webhooks ? [{ coll: coll(WebhookModel), onChange: webhooks.onWebhookChange }] : []),
    ];
  };
  return {
    start(hub) {
      if (feed) return;
      feed = new EventFeed({ db, logger, sources: sources(hub), onOpen: () => hub.open() });
      feed.start();
    },
    async stop() {
      await feed?.stop();
      feed = null;
    },
    get opens() {
      return feed?.opens ?? 0;
    },
    get isOpen() {
      return feed?.isOpen ?? false;
    },
  };
}

/**
 * The event log and memberships as the realtime engine reads them: indexed queries only, in the
 * realtime bound (one command at a time, see app/realtime-db.ts).
 */
export const realtimeEventLog: EventLogPort = {
  tail: (productionId, n) => realtimeDb.run(() => tailEvents(productionId, n)),
  range: (productionId, afterSeq, uptoSeq, limit, versionId) =>
    realtimeDb.run(() => eventRange(productionId, afterSeq, uptoSeq, limit, versionId)),
  roleOf: (productionId, userId) => realtimeDb.run(() => roleOf(productionId, userId)),
};
