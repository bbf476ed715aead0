import type { Context } from "../core/context.js";
import { parseId } from "../core/ids.js";
import { conflict, notFound } from "../errors/app-errors.js";
import { runCommand } from "../events/command.js";
import { EventModel } from "../events/event.model.js";
import { requireWebhook } from "./webhook.access.js";
import { MAX_REDELIVERIES, type WebhookDoc, WebhookModel } from "./webhook.model.js";

/**
 * Queues one event of the webhook's production to be sent again (the dispatcher sends queued
 * redeliveries before new events). The event may be of a type the filter leaves out: it was asked for.
 */
export async function redeliverWebhookEventCommand(
  ctx: Context,
  webhookId: string,
  eventId: string,
): Promise<WebhookDoc> {
  const { webhook } = await requireWebhook(ctx, webhookId);
  const eid = parseId(eventId);
  const event = eid
    ? await EventModel.findOne({ _id: eid, productionId: webhook.productionId }, { _id: 1 }).lean()
    : null;
  if (!eid || !event) throw notFound("Event");
  const queued = await runCommand("webhooks/redeliver-webhook-event", ({ session }) =>
    WebhookModel.findOneAndUpdate(
      { _id: webhook._id, [`redeliver.${MAX_REDELIVERIES - 1}`]: { $exists: false } },
      { $push: { redeliver: eid }, $set: { pokedAt: new Date() } },
      { returnDocument: "after", session },
    )
      .lean<WebhookDoc>()
      .exec(),
  );
  if (queued) return queued;
  if (!(await WebhookModel.exists({ _id: webhook._id }))) throw notFound("Webhook"); // deleted meanwhile
  throw conflict(`At most ${MAX_REDELIVERIES} redeliveries may wait at once; try again when they are sent.`);
}
