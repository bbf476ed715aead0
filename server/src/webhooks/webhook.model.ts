import mongoose, { Schema, type Types } from "mongoose";
import { boundedQueries } from "../core/db-bound.js";
import { EventType } from "../events/event.enums.js";

/** Webhooks of one production at most: each costs a delivery loop per event. */
export const MAX_WEBHOOKS_PER_PRODUCTION = 10;
/** Redeliveries queued on one webhook at once. */
export const MAX_REDELIVERIES = 50;

/**
 * One production's webhook: where to POST its events, which types, and its delivery state. The
 * state lives here, not in memory, so a restart (or another process) resumes at `cursorSeq`.
 */
export interface WebhookDoc {
  _id: Types.ObjectId;
  productionId: Types.ObjectId;
  url: string;
  /** Event types delivered; empty: every type. */
  eventTypes: EventType[];
  /**
   * The HMAC key. It must be kept to sign, so unlike API tokens it is stored as issued; the API
   * answers it once (createWebhook, rotateWebhookSecret) and never reads it back.
   */
  secret: string;
  active: boolean;
  createdAt: Date;
  createdBy: Types.ObjectId;
  /** The seq of the last event delivered (or skipped by the filter); deliveries resume after it. */
  cursorSeq: number;
  /** Failed attempts in a row at the event after `cursorSeq`. */
  failures: number;
  /** No attempt before this (backoff after a failure); null: now. */
  nextAttemptAt: Date | null;
  /** Since when it has failed without a success in between; null: not failing. */
  failingSince: Date | null;
  /** Why it was turned off by the server (endpoint failing too long), null otherwise. */
  disabledReason: string | null;
  /** Event ids to send again, first first (redeliverWebhookEvent). */
  redeliver: Types.ObjectId[];
  /** Changed by every command that gives the dispatchers work: they follow it in the change stream. */
  pokedAt: Date;
  /** The process delivering it now, and until when (a lease, so one process sends, in order). */
  leaseOwner: string | null;
  leaseUntil: Date | null;
}

const webhookSchema = new Schema<WebhookDoc>(
  {
    productionId: { type: Schema.Types.ObjectId, required: true, index: true },
    url: { type: String, required: true },
    eventTypes: { type: [String], enum: Object.values(EventType), default: [] },
    secret: { type: String, required: true },
    active: { type: Boolean, required: true, default: true },
    createdAt: { type: Date, required: true, default: () => new Date() },
    createdBy: { type: Schema.Types.ObjectId, required: true },
    cursorSeq: { type: Number, required: true, default: 0 },
    failures: { type: Number, required: true, default: 0 },
    nextAttemptAt: { type: Date, default: null },
    failingSince: { type: Date, default: null },
    disabledReason: { type: String, default: null },
    redeliver: { type: [Schema.Types.ObjectId], default: [] },
    pokedAt: { type: Date, required: true, default: () => new Date() },
    leaseOwner: { type: String, default: null },
    leaseUntil: { type: Date, default: null },
  },
  { versionKey: false },
);
webhookSchema.index({ active: 1, nextAttemptAt: 1 });
webhookSchema.plugin(boundedQueries);
export const WebhookModel = mongoose.model<WebhookDoc>("Webhook", webhookSchema, "webhooks");

/** How long the delivery log keeps an attempt (a TTL index removes older ones). */
export const DELIVERY_LOG_DAYS = 30;

/** One attempt to deliver one event to one webhook: the delivery log. */
export interface WebhookDeliveryDoc {
  _id: Types.ObjectId;
  webhookId: Types.ObjectId;
  productionId: Types.ObjectId;
  eventId: Types.ObjectId;
  eventType: EventType;
  seq: number;
  /** 1 for the first try of an event, counting retries; redeliveries count from 1 again. */
  attempt: number;
  redelivery: boolean;
  /** The response's status, null when none came (refused, timed out, blocked target). */
  statusCode: number | null;
  ok: boolean;
  /** Why it failed, in a few words (never the response body). */
  error: string | null;
  durationMs: number;
  at: Date;
}

const deliverySchema = new Schema<WebhookDeliveryDoc>(
  {
    webhookId: { type: Schema.Types.ObjectId, required: true },
    productionId: { type: Schema.Types.ObjectId, required: true },
    eventId: { type: Schema.Types.ObjectId, required: true },
    eventType: { type: String, enum: Object.values(EventType), required: true },
    seq: { type: Number, required: true },
    attempt: { type: Number, required: true },
    redelivery: { type: Boolean, required: true },
    statusCode: { type: Number, default: null },
    ok: { type: Boolean, required: true },
    error: { type: String, default: null },
    durationMs: { type: Number, required: true },
    at: { type: Date, required: true },
  },
  { versionKey: false },
);
deliverySchema.index({ webhookId: 1, at: -1 });
deliverySchema.index({ at: 1 }, { expireAfterSeconds: DELIVERY_LOG_DAYS * 86_400 });
deliverySchema.plugin(boundedQueries);
export const WebhookDeliveryModel = mongoose.model<WebhookDeliveryDoc>(
  "WebhookDelivery",
  deliverySchema,
  "webhook_deliveries",
);
