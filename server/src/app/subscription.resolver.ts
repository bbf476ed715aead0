import {
  Arg,
  Authorized,
  Ctx,
  ID,
  Resolver,
  Root,
  Subscription,
  type SubscribeResolverData,
} from "type-graphql";
import { createLoaders } from "./loaders.js";
import { unauthenticated } from "../errors/app-errors.js";
import type { EventLean } from "../events/event.service.js";
import {
  type ProductionEvent as ProductionEventType,
  ProductionEvent,
  toProductionEvent,
} from "../events/event.type.js";
import { currentHub } from "../realtime/hub.js";
import type { PresenceSnapshot } from "../realtime/ports.js";
import { PresenceUpdate, toPresenceUpdate } from "../presence/presence.type.js";
import { type RealtimeContext, realtimeStats } from "../realtime/realtime-request.js";
import { QueueSink } from "../realtime/sinks.js";
import { Close, CloseReason } from "../realtime/close-codes.js";

/** Naive mode: events a stalled client may have queued before it is closed as a slow consumer. */
const NAIVE_MAX_QUEUED = 1_000;

/**
 * Naive (per-subscriber) source: graphql-js maps each root value through the field resolver for
 * this subscriber alone. The multiplexed mode never calls this (app/ws.ts `subscribe`).
 */
function naiveSource(
  data: SubscribeResolverData<unknown, Record<string, unknown>, RealtimeContext>,
): AsyncIterable<unknown> {
  const ctx = data.context;
  const rt = ctx.realtime;
  const hub = currentHub();
  if (!rt || !ctx.viewer || !hub) throw unauthenticated("Subscriptions are served over WebSocket only.");
  const sink = new QueueSink<unknown>(ctx.viewer.userId, NAIVE_MAX_QUEUED, () =>
    rt.socket.close(Close.SlowConsumer, CloseReason.SlowConsumer),
  );
  hub
    .channel(rt.productionId)
    .attachNaive(sink, rt.kind, rt.versionId, rt.role, rt.afterSeq)
    .catch(() => sink.end());
  return {
    [Symbol.asyncIterator]: () => ({
      next: async () => {
        const r = await sink.next();
        // Each event is a fresh read: loaders must not serve the previous event's objects.
        if (!r.done) ctx.loaders = createLoaders();
        return r;
      },
      return: () => sink.return(),
      throw: () => sink.throw(),
    }),
  };
}

/**
 * The subscription fields. Authorisation happens in app/ws.ts onSubscribe (so failures are
 * `error` messages with NOT_FOUND / BAD_USER_INPUT); these map a root value to the API type.
 */
@Resolver()
export class RealtimeResolver {
  @Authorized()
  @Subscription(() => ProductionEvent, {
    subscribe: naiveSource,
    description:
      "A production's events, live. With `after`: every event after that cursor first, then live, no gap, no duplicate.",
  })
  productionEvents(
    @Root() event: EventLean,
    @Arg("productionId", () => ID) _productionId: string,
    @Arg("after", () => String, { nullable: true }) _after: string | null,
    @Ctx() _ctx: RealtimeContext,
  ): ProductionEventType {
    realtimeStats.resolverCalls++;
    return toProductionEvent(event);
  }

  @Authorized()
  @Subscription(() => ProductionEvent, {
    subscribe: naiveSource,
    description:
      "The events concerning one version (its notes, replies, reviews, status), same order and resume as productionEvents.",
  })
  versionEvents(
    @Root() event: EventLean,
    @Arg("versionId", () => ID) _versionId: string,
    @Arg("after", () => String, { nullable: true }) _after: string | null,
  ): ProductionEventType {
    realtimeStats.resolverCalls++;
    return toProductionEvent(event);
  }

  @Authorized()
  @Subscription(() => PresenceUpdate, {
    subscribe: naiveSource,
    description: "Who views a version and where; the current viewers first, then every change.",
  })
  presence(
    @Root() snapshot: PresenceSnapshot,
    @Arg("versionId", () => ID) _versionId: string,
  ): PresenceUpdate {
    realtimeStats.resolverCalls++;
    return toPresenceUpdate(snapshot);
  }
}
