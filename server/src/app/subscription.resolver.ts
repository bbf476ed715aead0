import { Arg, Authorized, ID, Resolver, Root, Subscription } from "type-graphql";
import { unauthenticated } from "../errors/app-errors.js";
import type { EventLean } from "../events/event.service.js";
import {
  type ProductionEvent as ProductionEventType,
  ProductionEvent,
  toProductionEvent,
} from "../events/event.type.js";
import type { PresenceSnapshot } from "../realtime/ports.js";
import { PresenceUpdate, toPresenceUpdate } from "../presence/presence.type.js";
import { realtimeStats } from "../realtime/realtime-request.js";

/**
 * graphql-js's own `subscribe` is never called: the WebSocket server (app/ws.ts) authorises each
 * subscription and the realtime hub executes these fields' resolvers with every event as the root
 * value. Anything else reaching here (a subscription sent to POST /graphql) is refused.
 */
function servedByTheHub(): never {
  throw unauthenticated("Subscriptions are served over WebSocket only.");
}

/**
 * The subscription fields. Authorisation happens in app/ws.ts onSubscribe (so failures are
 * `error` messages with NOT_FOUND / BAD_USER_INPUT); these map a root value to the API type.
 */
@Resolver()
export class RealtimeResolver {
  @Authorized()
  @Subscription(() => ProductionEvent, {
    subscribe: servedByTheHub,
    description:
      "A production's events, live. With `after`: every event after that cursor first, then live, no gap, no duplicate.",
  })
  productionEvents(
    @Root() event: EventLean,
    @Arg("productionId", () => ID, {
      description: "The production (members only; else an error, and the socket stays open).",
    })
    _productionId: string,
    @Arg("after", () => String, {
      description:
        "A ProductionEvent.cursor: first every event after it, then live, with no gap or duplicate; null starts live.",
      nullable: true,
    })
    _after: string | null,
  ): ProductionEventType {
    realtimeStats.resolverCalls++;
    return toProductionEvent(event);
  }

  @Authorized()
  @Subscription(() => ProductionEvent, {
    subscribe: servedByTheHub,
    description:
      "The events concerning one version (its notes, replies, reviews, status), same order and resume as productionEvents.",
  })
  versionEvents(
    @Root() event: EventLean,
    @Arg("versionId", () => ID, { description: "The version (members of its production only)." })
    _versionId: string,
    @Arg("after", () => String, {
      description:
        "A ProductionEvent.cursor: first the version's events after it, then live; null starts live.",
      nullable: true,
    })
    _after: string | null,
  ): ProductionEventType {
    realtimeStats.resolverCalls++;
    return toProductionEvent(event);
  }

  @Authorized()
  @Subscription(() => PresenceUpdate, {
    subscribe: servedByTheHub,
    description: "Who views a version and where; the current viewers first, then every change.",
  })
  presence(
    @Root() snapshot: PresenceSnapshot,
    @Arg("versionId", () => ID, { description: "The version." }) _versionId: string,
  ): PresenceUpdate {
    realtimeStats.resolverCalls++;
    return toPresenceUpdate(snapshot);
  }
}
