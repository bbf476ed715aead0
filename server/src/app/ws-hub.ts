import mongoose from "mongoose";
import type { WebSocket } from "ws";
import { withIdentityCache } from "../auth/identity-cache.js";
import type { Config } from "../config/config.js";
import { membershipCache } from "../productions/membership-cache.js";
import { versionCache } from "../versions/version-cache.js";
import type { WebhookDispatcher } from "../webhooks/webhook.dispatcher.js";
import type { Logger } from "../core/logger.js";
import { toPresenceEntry } from "../presence/presence.feed.js";
import { loadPresence } from "../presence/presence.service.js";
import { Close, CloseReason } from "../realtime/close-codes.js";
import { RealtimeHub } from "../realtime/hub.js";
import { type IdentityEnd, IdentityWatch } from "../realtime/identity-watch.js";
import { realtimeMetrics } from "./metrics-realtime.js";
import { realtimeDb } from "./realtime-db.js";
import { realtimeEventLog, realtimeFeed } from "./realtime-feed.js";

/**
 * The realtime engine wired to its ports: the process's one change stream (app/realtime-feed.ts),
 * the event log, presence loads through realtime's database handle, and metrics. `identities`
 * closes the sockets of a signed-out or revoked identity.
 */
export function createRealtime(config: Config, logger: Logger, webhooks?: WebhookDispatcher) {
  const rc = config.realtime;
  // 4403, as for a bad token at connect: graphql-ws clients (ours included) do not retry it with
  // the same credentials, so the app signs in again instead of looping.
  const identities = new IdentityWatch<WebSocket>((socket, why: IdentityEnd) =>
    socket.close(Close.Forbidden, CloseReason[why]),
  );
  const hub = new RealtimeHub({
    feed: realtimeFeed({
      db: () => mongoose.connection.db,
      logger,
      // The same sign-out/revocation feed also keeps the HTTP identity cache honest across processes.
      credentials: withIdentityCache(identities),
      // The write path's caches (#19) forget or refresh what any process changed.
      memberships: membershipCache.follow(),
      versions: versionCache.follow(),
      // Webhooks are delivered from the log, woken by the same feed (never from a resolver).
      webhooks: webhooks?.follow(),
    }),
    log: realtimeEventLog,
    logger,
    loadPresence: (versionId) =>
      realtimeDb.run(async () => (await loadPresence(versionId)).map(toPresenceEntry)),
    presenceTtlMs: rc.presenceTtlSeconds * 1_000,
    executionTimeoutMs: rc.executionTimeoutMs,
    observer: realtimeMetrics,
  });
  return { hub, identities };
}
