import type { buildSchema } from "type-graphql";
import { HealthResolver } from "./health.resolver.js";
import { UserResolver } from "../users/user.resolver.js";
import {
  AssetEventFieldsResolver,
  EpisodeAssetsResolver,
  ProductionAssetsResolver,
} from "../assets/asset-joins.resolver.js";
import { AssetResolver } from "../assets/asset.resolver.js";
import { CutEditResolver, VersionEditResolver } from "../edits/edit.resolver.js";
import { VersionExportsResolver } from "../exports/export-joins.resolver.js";
import {
  MentionFieldsResolver,
  NoteFieldsResolver,
  ReplyFieldsResolver,
} from "../notes/note-fields.resolver.js";
import { CarriedNoteResolver } from "../notes/carried-note.resolver.js";
import { NoteEventFieldsResolver, VersionNotesResolver } from "../notes/note-joins.resolver.js";
import { NoteResolver } from "../notes/note.resolver.js";
import { MemberFieldsResolver, ProductionFieldsResolver } from "../productions/production-fields.resolver.js";
import { ProductionEventFieldsResolver } from "../productions/production-joins.resolver.js";
import { ProductionResolver } from "../productions/production.resolver.js";
import { ReviewEventFieldsResolver, VersionReviewsResolver } from "../reviews/review-joins.resolver.js";
import { ReviewResolver } from "../reviews/review.resolver.js";
import { UserEventFieldsResolver } from "../users/user-joins.resolver.js";
import { VersionFieldsResolver } from "../versions/version-fields.resolver.js";
import { AssetVersionsResolver, VersionEventFieldsResolver } from "../versions/version-joins.resolver.js";
import { VersionResolver } from "../versions/version.resolver.js";
import { VersionCompareResolver } from "../versions/version-compare.resolver.js";
import { PresenceResolver, PresenceViewerResolver } from "../presence/presence.resolver.js"; // realtime
import { RealtimeResolver } from "./subscription.resolver.js"; // realtime
import {
  ProductionWebhooksResolver,
  WebhookDeliveriesResolver,
  WebhookResolver,
} from "../webhooks/webhook.resolver.js";

/*
 * Every resolver class in the schema. Domain helpers import theirs above and append them to the
 * list below; nothing else needs to change (the guard test checks each new root field).
 */
/** type-graphql wants a non-empty list of resolver classes. */
export const resolvers: Parameters<typeof buildSchema>[0]["resolvers"] = [
  HealthResolver,
  UserResolver,
  UserEventFieldsResolver,
  // ---- Registrations: domain helpers append resolver classes below this line. ----
  ProductionResolver,
  ProductionFieldsResolver,
  ProductionEventFieldsResolver,
  MemberFieldsResolver,
  AssetResolver,
  ProductionAssetsResolver,
  EpisodeAssetsResolver,
  AssetEventFieldsResolver,
  VersionResolver,
  VersionCompareResolver,
  VersionFieldsResolver,
  AssetVersionsResolver,
  VersionEventFieldsResolver,
  NoteResolver,
  NoteFieldsResolver,
  MentionFieldsResolver,
  ReplyFieldsResolver,
  VersionNotesResolver,
  CarriedNoteResolver,
  NoteEventFieldsResolver,
  ReviewResolver,
  VersionReviewsResolver,
  ReviewEventFieldsResolver,
  CutEditResolver,
  VersionEditResolver,
  VersionExportsResolver,
  WebhookResolver,
  ProductionWebhooksResolver,
  WebhookDeliveriesResolver,
  RealtimeResolver, // realtime
  PresenceResolver, // realtime
  PresenceViewerResolver, // realtime
];
