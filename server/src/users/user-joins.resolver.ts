import { Ctx, FieldResolver, Resolver, Root } from "type-graphql";
import type { Context } from "../core/context.js";
import { ProductionEvent } from "../events/event.type.js";
import { User } from "./user.type.js";

/*
 * Fields the users domain adds to earlier domains' types (a join lives with the later domain).
 * Event payloads resolve through the same loaders and mappers as queries, so an event's `actor`
 * is the same User the client already caches.
 */
@Resolver(() => ProductionEvent)
export class UserEventFieldsResolver {
  @FieldResolver(() => User, {
    description: "Who made the change; null for changes made by the system.",
    nullable: true,
  })
  actor(@Root() e: ProductionEvent, @Ctx() ctx: Context): Promise<User | null> {
    return e.actorId ? ctx.loaders.userById.load(e.actorId) : Promise.resolve(null);
  }
}
