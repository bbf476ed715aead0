import type { Types } from "mongoose";
import { runCommand } from "../events/command.js";
import type { EventType } from "../events/event.enums.js";
import {
  type WebhookDeliveryDoc,
  WebhookDeliveryModel,
  type WebhookDoc,
  WebhookModel,
} from "./webhook.model.js";

/** The webhook's delivery state after an attempt (or after events the filter skips). */
export type WebhookProgress = Partial<
  Pick<WebhookDoc, "cursorSeq" | "failures" | "nextAttemptAt" | "failingSince" | "active" | "disabledReason">
> & {
  /** The attempt was the first queued redelivery: take it off the queue. */
  popRedelivery?: boolean;
};

export interface AttemptRecord {
  eventId: Types.ObjectId;
  eventType: EventType;
  seq: number;
  attempt: number;
  redelivery: boolean;
  statusCode: number | null;
  ok: boolean;
  error: string | null;
  durationMs: number;
}

/**
 * One attempt's log line and the webhook's new state, together: a restart never finds the cursor
 * moved past an event without its success logged, nor the reverse. Done only while this process
 * holds the lease (renewed here); null when it lost it or the webhook was deleted, and then nothing
 * is written. A success's cursor is written after the receiver answered, so a crash in between
 * sends that event again: at-least-once, with the event id as the idempotency key.
 */
export function recordWebhookDeliveryCommand(
  webhook: Pick<WebhookDoc, "_id" | "productionId">,
  owner: string,
  leaseMs: number,
  attempt: AttemptRecord | null,
  progress: WebhookProgress,
): Promise<WebhookDoc | null> {
  const { popRedelivery, ...set } = progress;
  return runCommand("webhooks/record-webhook-delivery", async ({ session }) => {
    const now = new Date();
    const updated = await WebhookModel.findOneAndUpdate(
      { _id: webhook._id, leaseOwner: owner },
      {
        $set: { ...set, leaseUntil: new Date(now.getTime() + leaseMs) },
        ...(popRedelivery ? { $pop: { redeliver: -1 as const } } : {}),
      },
      { returnDocument: "after", session },
    ).lean<WebhookDoc>();
    if (!updated) return null;
    if (attempt) {
      const line: Omit<WebhookDeliveryDoc, "_id"> = {
        ...attempt,
        webhookId: webhook._id,
        productionId: webhook.productionId,
        at: now,
      };
      await WebhookDeliveryModel.create([line], { session });
    }
    return updated;
  });
}
