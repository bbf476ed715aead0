import { Field, ID, InputType, Int, ObjectType } from "type-graphql";
import { DateTimeScalar } from "../core/scalars.js";
import { EventType } from "../events/event.enums.js";
import type { WebhookDeliveryDoc, WebhookDoc } from "./webhook.model.js";

@ObjectType({
  description:
    "Where a production's events are POSTed, signed (docs/webhooks.md). Visible to its SHOWRUNNER and PRODUCERs only; the secret is never readable.",
})
export class Webhook {
  @Field(() => ID, { description: "The webhook's id." })
  id!: string;

  @Field(() => ID, { description: "The production whose events it delivers." })
  productionId!: string;

  @Field(() => String, { description: "The https (or http) URL deliveries are POSTed to." })
  url!: string;

  @Field(() => [EventType], { description: "The event types delivered; empty: every type." })
  eventTypes!: EventType[];

  @Field(() => Boolean, {
    description:
      "False when turned off by a manager, or by the server after failing too long (see disabledReason).",
  })
  active!: boolean;

  @Field(() => DateTimeScalar, { description: "When it was created." })
  createdAt!: Date;

  @Field(() => String, {
    nullable: true,
    description:
      "Why the server turned it off (every delivery failed for WEBHOOK_DISABLE_AFTER); null otherwise.",
  })
  disabledReason!: string | null;

  @Field(() => DateTimeScalar, {
    nullable: true,
    description: "Since when deliveries have failed without a success; null when the last one succeeded.",
  })
  failingSince!: Date | null;

  @Field(() => DateTimeScalar, {
    nullable: true,
    description: "The next retry after a failure; null: no retry waiting.",
  })
  nextAttemptAt!: Date | null;

  @Field(() => Int, { description: "Failed attempts in a row at the next event to deliver." })
  failures!: number;

  @Field(() => Int, { description: "Redeliveries queued and not yet sent." })
  pendingRedeliveries!: number;
}

@ObjectType({ description: "One attempt to deliver one event: the webhook's delivery log (kept 30 days)." })
export class WebhookDelivery {
  @Field(() => ID, { description: "The attempt's id." })
  id!: string;

  @Field(() => ID, { description: "The event's id, sent as Greenlight-Event-Id: the idempotency key." })
  eventId!: string;

  @Field(() => EventType, { description: "The event's type." })
  eventType!: EventType;

  @Field(() => Int, { description: "The event's seq in its production's log." })
  seq!: number;

  @Field(() => Int, { description: "1 for the first try, counting retries of the same event." })
  attempt!: number;

  @Field(() => Boolean, { description: "True when sent by redeliverWebhookEvent." })
  redelivery!: boolean;

  @Field(() => Int, {
    nullable: true,
    description: "The receiver's HTTP status; null when none came (refused, timed out).",
  })
  statusCode!: number | null;

  @Field(() => Boolean, { description: "True for a 2xx answer: the event counts as delivered." })
  ok!: boolean;

  @Field(() => String, { nullable: true, description: "Why it failed, in a few words; null on success." })
  error!: string | null;

  @Field(() => Int, { description: "From connecting to the response's status line, in milliseconds." })
  durationMs!: number;

  @Field(() => DateTimeScalar, { description: "When the attempt ended." })
  at!: Date;
}

@ObjectType({ description: "A webhook with its signing secret, answered once: store it now." })
export class WebhookWithSecret {
  @Field(() => Webhook, { description: "The webhook." })
  webhook!: Webhook;

  @Field(() => String, { description: "The HMAC-SHA256 key for Greenlight-Signature; never shown again." })
  secret!: string;
}

@InputType({ description: "A new webhook." })
export class CreateWebhookInput {
  @Field(() => String, {
    description:
      "https (or http) URL; private, loopback and link-local targets are refused (BAD_USER_INPUT).",
  })
  url!: string;

  @Field(() => [EventType], {
    nullable: true,
    description: "The event types to deliver; omitted or empty: all.",
  })
  eventTypes?: EventType[] | null;
}

@InputType({ description: "What to change on a webhook; omitted fields stay as they are." })
export class UpdateWebhookInput {
  @Field(() => String, { nullable: true, description: "A new URL, checked as on create." })
  url?: string | null;

  @Field(() => [EventType], { nullable: true, description: "A new filter; empty: all types." })
  eventTypes?: EventType[] | null;

  @Field(() => Boolean, {
    nullable: true,
    description:
      "false pauses deliveries (events are kept in the log); true resumes from the first undelivered event.",
  })
  active?: boolean | null;
}

export function toWebhook(doc: WebhookDoc): Webhook {
  return Object.assign(new Webhook(), {
    id: String(doc._id),
    productionId: String(doc.productionId),
    url: doc.url,
    eventTypes: doc.eventTypes,
    active: doc.active,
    createdAt: doc.createdAt,
    disabledReason: doc.disabledReason ?? null,
    failingSince: doc.failingSince ?? null,
    nextAttemptAt: doc.nextAttemptAt ?? null,
    failures: doc.failures,
    pendingRedeliveries: doc.redeliver.length,
  });
}

export function toWebhookDelivery(doc: WebhookDeliveryDoc): WebhookDelivery {
  return Object.assign(new WebhookDelivery(), {
    id: String(doc._id),
    eventId: String(doc.eventId),
    eventType: doc.eventType,
    seq: doc.seq,
    attempt: doc.attempt,
    redelivery: doc.redelivery,
    statusCode: doc.statusCode ?? null,
    ok: doc.ok,
    error: doc.error ?? null,
    durationMs: doc.durationMs,
    at: doc.at,
  });
}
