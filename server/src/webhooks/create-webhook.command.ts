import { Types } from "mongoose";
import type { Context } from "../core/context.js";
import { conflict } from "../errors/app-errors.js";
import { runCommand } from "../events/command.js";
import type { EventType } from "../events/event.enums.js";
import { ProductionModel } from "../productions/production.model.js";
import { requireWebhookManager } from "./webhook.access.js";
import { MAX_WEBHOOKS_PER_PRODUCTION, type WebhookDoc, WebhookModel } from "./webhook.model.js";
import { generateWebhookSecret } from "./webhook-signature.js";
import type { TargetPolicy } from "./webhook-target.js";
import { webhookEventTypes, webhookUrl } from "./webhook.validation.js";

export interface CreateWebhookArgs {
  url: string;
  eventTypes?: EventType[] | null;
}

/**
 * A new webhook delivers the events committed after it: its cursor starts at the production's
 * allocated seq, read in the same snapshot. The secret is answered once, here.
 */
export async function createWebhookCommand(
  ctx: Context,
  productionId: string,
  args: CreateWebhookArgs,
  policy: TargetPolicy,
): Promise<{ webhook: WebhookDoc; secret: string }> {
  const member = await requireWebhookManager(ctx, productionId);
  const url = webhookUrl(args.url, policy);
  const eventTypes = webhookEventTypes(args.eventTypes);
  const secret = generateWebhookSecret();
  const pid = new Types.ObjectId(productionId);
  const webhook = await runCommand(
    "webhooks/create-webhook",
    async ({ session }) => {
      const count = await WebhookModel.countDocuments({ productionId: pid }).session(session);
      if (count >= MAX_WEBHOOKS_PER_PRODUCTION)
        throw conflict(`A production has at most ${MAX_WEBHOOKS_PER_PRODUCTION} webhooks; delete one first.`);
      const production = await ProductionModel.findById(pid, { eventSeq: 1 }).session(session).lean();
      const [created] = await WebhookModel.create(
        [
          {
            productionId: pid,
            url,
            eventTypes,
            secret,
            createdBy: new Types.ObjectId(member.userId),
            cursorSeq: production?.eventSeq ?? 0,
          },
        ],
        { session },
      );
      if (!created) throw new Error("WebhookModel.create returned no document");
      return created.toObject<WebhookDoc>();
    },
    // The secret is made outside the body and answered once: a retry under the same key makes a new one.
    { replayable: false },
  );
  return { webhook, secret };
}
