import { GraphQLError, type GraphQLSchema } from "graphql";
import type { Config } from "../config/config.js";
import type { Logger } from "../core/logger.js";
import { badInput } from "../errors/app-errors.js";
import type { ErrorFormatter } from "../realtime/frames.js";
import type { RealtimeHub } from "../realtime/hub.js";
import { FrameSink } from "../realtime/sinks.js";
import { realtimeDb } from "./realtime-db.js";
import { authorizeSubscription } from "./ws-authorize.js";
import type { SubscriptionBudget } from "./ws-budget.js";
import type { Connection } from "./ws-connections.js";
import type { DocumentCache } from "./ws-documents.js";
import { groupSpecOf } from "./ws-group.js";
import type { SubscribeRequest } from "./ws-protocol.js";
import { checkSubscribe } from "./ws-subscribe.js";

export interface StartDeps {
  schema: GraphQLSchema;
  config: Config;
  logger: Logger;
  documents: DocumentCache;
  budget: SubscriptionBudget;
  hub: RealtimeHub;
  formatError: ErrorFormatter;
}

/**
 * A `subscribe` message: limits, the document check (checkSubscribe), the cost budget, the
 * authorisation (through realtime's database handle: a reconnect storm queues instead of taking
 * the pool), then the channel's group.
 */
export function subscriptionStarter(deps: StartDeps) {
  const { schema, config, logger, documents, budget, hub, formatError } = deps;
  const rc = config.realtime;
  return async ({
    conn,
    socket,
    id,
    payload,
    active,
  }: SubscribeRequest<Connection>): Promise<FrameSink | readonly GraphQLError[]> => {
    if (active > rc.maxSubscriptionsPerConnection)
      return [
        badInput(`Too many subscriptions on this connection (at most ${rc.maxSubscriptionsPerConnection}).`),
      ];
    const checked = checkSubscribe(documents, schema, config.limits, payload);
    if (Array.isArray(checked)) return checked as GraphQLError[];
    const c = checked as Exclude<typeof checked, readonly GraphQLError[]>;
    // Reserved before authorising (no two starts can both take the last of it), released when
    // the sink ends, whichever way (complete, close, failure).
    const sink = new FrameSink(id, socket, conn.viewer, rc.maxBufferedBytes);
    const refused = budget.reserve(sink, c.cost);
    if (refused) return [badInput(refused)];
    const auth = await realtimeDb
      .run(() => authorizeSubscription(schema, c.op, c.document, c.variableValues, conn.userId))
      .catch((err: unknown) => {
        sink.end();
        throw err;
      });
    if (auth === null || Array.isArray(auth)) sink.end();
    if (auth === null) return [badInput("Unknown subscription.")];
    if (Array.isArray(auth)) return auth as GraphQLError[];
    const a = auth as Exclude<typeof auth, readonly GraphQLError[] | null>;
    hub
      .channel(a.productionId)
      .attachFrame(sink, groupSpecOf(schema, c, a, conn.userId, formatError), a.afterSeq)
      .catch((err: unknown) => {
        logger.error("realtime: subscription failed to start", { error: String(err) });
        // An `error` message (not `complete`): the client retries with its cursor.
        sink.fail(new GraphQLError("The subscription could not start; retry with your last cursor."));
      });
    return sink;
  };
}
