import type { Context } from "../core/context.js";
import { runCommand } from "../events/command.js";
import { requireWebhook } from "./webhook.access.js";
import { WebhookDeliveryModel, WebhookModel } from "./webhook.model.js";

/** Deletes the webhook and its delivery log; a delivery in flight finishes but records nothing. */
export async function deleteWebhookCommand(ctx: Context, webhookId: string): Promise<boolean> {
  const { webhook } = await requireWebhook(ctx, webhookId);
  await runCommand("webhooks/delete-webhook", async ({ session }) => {
    await WebhookModel.deleteOne({ _id: webhook._id }, { session });
    await WebhookDeliveryModel.deleteMany({ webhookId: webhook._id }, { session });
  });
  return true;
}
