import { Types } from "mongoose";
import type { Context } from "../core/context.js";
import { requireWebhookManager } from "./webhook.access.js";
import {
  MAX_WEBHOOKS_PER_PRODUCTION,
  WebhookDeliveryModel,
  type WebhookDeliveryDoc,
  type WebhookDoc,
  WebhookModel,
} from "./webhook.model.js";

/** A page of the delivery log at most. */
export const MAX_DELIVERIES_PAGE = 100;

/** The production's webhooks, oldest first (managers only). */
export async function listWebhooks(ctx: Context, productionId: string): Promise<WebhookDoc[]> {
  await requireWebhookManager(ctx, productionId);
  return WebhookModel.find({ productionId: new Types.ObjectId(productionId) }, { secret: 0 })
    .sort({ _id: 1 })
    .limit(MAX_WEBHOOKS_PER_PRODUCTION)
    .lean<WebhookDoc[]>();
}

/** The webhook's newest attempts first; the caller checked access through its webhook. */
export function listDeliveries(webhookId: string, first: number | null): Promise<WebhookDeliveryDoc[]> {
  const n = Math.min(Math.max(first ?? 20, 1), MAX_DELIVERIES_PAGE);
  return WebhookDeliveryModel.find({ webhookId: new Types.ObjectId(webhookId) })
    .sort({ at: -1, _id: -1 })
    .limit(n)
    .lean<WebhookDeliveryDoc[]>();
}
