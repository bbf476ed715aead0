import type { buildSchema } from "type-graphql";
import { HealthResolver } from "./health.resolver.js";
import { UserResolver } from "../users/user.resolver.js";
import { AssetResolver } from "../assets/asset.resolver.js";
import { ProductionEventResolver } from "../events/event.resolver.js";
import {
  MentionFieldsResolver,
  NoteFieldsResolver,
  ReplyFieldsResolver,
} from "../notes/note-fields.resolver.js";
import { NoteResolver } from "../notes/note.resolver.js";
import {
  EpisodeFieldsResolver,
  MemberFieldsResolver,
  ProductionFieldsResolver,
} from "../productions/production-fields.resolver.js";
import { ProductionResolver } from "../productions/production.resolver.js";
import { ReviewResolver } from "../reviews/review.resolver.js";
import { VersionFieldsResolver } from "../versions/version-fields.resolver.js";
import { VersionResolver } from "../versions/version.resolver.js";
import { PresenceResolver, PresenceViewerResolver } from "../presence/presence.resolver.js"; // realtime
import { RealtimeResolver } from "../events/event-subscription.resolver.js"; // realtime

/*
 * Every resolver class in the schema. Domain helpers import theirs above and append them to the
 * list below; nothing else needs to change (the guard test checks each new root field).
 */
/** type-graphql wants a non-empty list of resolver classes. */
export const resolvers: Parameters<typeof buildSchema>[0]["resolvers"] = [
  HealthResolver,
  UserResolver,
  // ---- Registrations: domain helpers append resolver classes below this line. ----
  ProductionResolver,
  ProductionFieldsResolver,
  MemberFieldsResolver,
  EpisodeFieldsResolver,
  AssetResolver,
  VersionResolver,
  VersionFieldsResolver,
  NoteResolver,
  NoteFieldsResolver,
  MentionFieldsResolver,
  ReplyFieldsResolver,
  ReviewResolver,
  ProductionEventResolver,
  RealtimeResolver, // realtime
  PresenceResolver, // realtime
  PresenceViewerResolver, // realtime
];
