import type { Context } from "../core/context.js";
import { parseId } from "../core/ids.js";
import { forbidden, notFound } from "../errors/app-errors.js";
import { type MemberRef, requireMembership } from "../productions/production.access.js";
import { type WebhookDoc, WebhookModel } from "./webhook.model.js";
import { canManageWebhooks } from "./webhook.policy.js";

const MANAGERS_ONLY = "Only the showrunner or a producer can manage webhooks.";

/** A member who may manage the production's webhooks (NOT_FOUND for non-members, FORBIDDEN otherwise). */
export async function requireWebhookManager(ctx: Context, productionId: string): Promise<MemberRef> {
  const member = await requireMembership(ctx, productionId);
  if (!canManageWebhooks(member)) throw forbidden(MANAGERS_ONLY);
  return member;
}

/** The webhook and its manager; a webhook of a production the viewer is not in is NOT_FOUND. */
export async function requireWebhook(
  ctx: Context,
  webhookId: string,
): Promise<{ webhook: WebhookDoc; member: MemberRef }> {
  const id = parseId(webhookId);
  const webhook = id ? await WebhookModel.findById(id).lean<WebhookDoc>() : null;
  if (!webhook) throw notFound("Webhook");
  const member = await requireMembership(ctx, String(webhook.productionId), "Webhook");
  if (!canManageWebhooks(member)) throw forbidden(MANAGERS_ONLY);
  return { webhook, member };
}
