import type { Types } from "mongoose";
import { runCommand } from "../events/command.js";
import { WebhookModel } from "./webhook.model.js";

/** Gives the delivery lease back (caught up, backing off, or stopping), so another process may take it. */
export async function releaseWebhookCommand(id: Types.ObjectId, owner: string): Promise<void> {
  await runCommand("webhooks/release-webhook", async ({ session }) => {
    await WebhookModel.updateOne(
      { _id: id, leaseOwner: owner },
      { $set: { leaseOwner: null, leaseUntil: null } },
      { session },
    );
  });
}
