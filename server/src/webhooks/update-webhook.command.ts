import type { Context } from "../core/context.js";
import { notFound } from "../errors/app-errors.js";
import { runCommand } from "../events/command.js";
import type { EventType } from "../events/event.enums.js";
import { requireWebhook } from "./webhook.access.js";
import { type WebhookDoc, WebhookModel } from "./webhook.model.js";
import type { TargetPolicy } from "./webhook-target.js";
import { webhookEventTypes, webhookUrl } from "./webhook.validation.js";

export interface UpdateWebhookArgs {
  url?: string | null;
  eventTypes?: EventType[] | null;
  active?: boolean | null;
}

/**
 * Changes what is set. Turning a webhook on again (after the server disabled it, or a manager did)
 * clears its failure state, so the next attempt is now; its cursor stays, so it resumes where it
 * stopped (events still in the log are delivered, in order).
 */
export async function updateWebhookCommand(
  ctx: Context,
  webhookId: string,
  args: UpdateWebhookArgs,
  policy: TargetPolicy,
): Promise<WebhookDoc> {
  const { webhook } = await requireWebhook(ctx, webhookId);
  const set: Partial<WebhookDoc> = { pokedAt: new Date() };
  if (args.url != null) set.url = webhookUrl(args.url, policy);
  if (args.eventTypes != null) set.eventTypes = webhookEventTypes(args.eventTypes);
  if (args.active != null) set.active = args.active;
  if (args.active === true && !webhook.active)
    Object.assign(set, { failures: 0, failingSince: null, nextAttemptAt: null, disabledReason: null });
  return updateWebhook("webhooks/update-webhook", webhook, set);
}

/** One $set on the webhook in a command; NOT_FOUND when it was deleted meanwhile. */
export async function updateWebhook(
  name: string,
  webhook: WebhookDoc,
  set: Partial<WebhookDoc>,
  replayable = true,
): Promise<WebhookDoc> {
  const updated = await runCommand(
    name,
    ({ session }) =>
      WebhookModel.findOneAndUpdate({ _id: webhook._id }, { $set: set }, { returnDocument: "after", session })
        .lean<WebhookDoc>()
        .exec(),
    { replayable },
  );
  if (!updated) throw notFound("Webhook"); // deleted meanwhile
  return updated;
}
