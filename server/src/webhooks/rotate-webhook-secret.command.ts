import type { Context } from "../core/context.js";
import { updateWebhook } from "./update-webhook.command.js";
import { requireWebhook } from "./webhook.access.js";
import type { WebhookDoc } from "./webhook.model.js";
import { generateWebhookSecret } from "./webhook-signature.js";

/** A new secret, answered once; the old one stops signing at the next delivery. */
export async function rotateWebhookSecretCommand(
  ctx: Context,
  webhookId: string,
): Promise<{ webhook: WebhookDoc; secret: string }> {
  const { webhook } = await requireWebhook(ctx, webhookId);
  const secret = generateWebhookSecret();
  // Not replayable: the secret is made outside the body and exists only in this answer.
  const updated = await updateWebhook("webhooks/rotate-webhook-secret", webhook, { secret }, false);
  return { webhook: updated, secret };
}
