import type { Types } from "mongoose";
import { runCommand } from "../events/command.js";
import { type WebhookDoc, WebhookModel } from "./webhook.model.js";

/**
 * The delivery lease: the process that holds it is the only one sending this webhook's events, so
 * they go out one at a time and in order even with several processes. It expires (a crashed
 * holder) and every record renews it (webhooks/record-webhook-delivery.command.ts).
 */
export function claimWebhookCommand(
  id: Types.ObjectId,
  owner: string,
  leaseMs: number,
): Promise<WebhookDoc | null> {
  return runCommand("webhooks/claim-webhook", ({ session }) => {
    const now = new Date();
    return WebhookModel.findOneAndUpdate(
      {
        _id: id,
        active: true,
        $or: [{ leaseUntil: null }, { leaseUntil: { $lte: now } }, { leaseOwner: owner }],
      },
      { $set: { leaseOwner: owner, leaseUntil: new Date(now.getTime() + leaseMs) } },
      { returnDocument: "after", session },
    )
      .lean<WebhookDoc>()
      .exec();
  });
}
