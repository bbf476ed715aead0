import { releasableEvents } from "../core/event-order.js";
import type { Logger } from "../core/logger.js";
import type { WebhookConfig } from "../config/webhooks.js";
import { EventModel } from "../events/event.model.js";
import type { EventLean } from "../events/event.service.js";
import {
  type AttemptRecord,
  recordWebhookDeliveryCommand,
  type WebhookProgress,
} from "./record-webhook-delivery.command.js";
import type { WebhookDoc } from "./webhook.model.js";
import { deliveryBody } from "./webhook.payload.js";
import { sendDelivery, type SendResult } from "./webhook-send.js";
import {
  EVENT_ID_HEADER,
  EVENT_TYPE_HEADER,
  SIGNATURE_HEADER,
  signDelivery,
  TIMESTAMP_HEADER,
} from "./webhook-signature.js";

/** Events read from the log per page; at most this many are held per webhook being delivered. */
const PAGE = 50;

export interface WebhookObserver {
  /** One attempt: its outcome, duration and, on a first try, the event's age (commit to send). */
  attempted(ok: boolean, seconds: number, lagSeconds: number | null): void;
  disabled(): void;
}

export interface DeliveryRun {
  config: WebhookConfig;
  logger: Logger;
  observer: WebhookObserver;
  owner: string;
  leaseMs: number;
  userAgent: string;
  /** True once the dispatcher stops: the run ends after its current request. */
  stopped(): boolean;
}

/** What a run ends on: caught up, or wait until `retryAt` (backoff, or a gap that may still fill). */
export type RunEnd = { retryAt: Date | null };

/** The first retry after `failures` failures in a row: base × 2^(n-1), capped. */
export function backoffMs(
  failures: number,
  config: Pick<WebhookConfig, "retryBaseMs" | "retryMaxMs">,
): number {
  return Math.min(config.retryBaseMs * 2 ** Math.min(failures - 1, 30), config.retryMaxMs);
}

function send(run: DeliveryRun, w: WebhookDoc, e: EventLean, attempt: number): Promise<SendResult> {
  const body = deliveryBody(e);
  const timestamp = Math.floor(Date.now() / 1_000);
  const headers = {
    [EVENT_ID_HEADER]: String(e._id),
    [EVENT_TYPE_HEADER]: e.type,
    [TIMESTAMP_HEADER]: String(timestamp),
    [SIGNATURE_HEADER]: signDelivery(w.secret, timestamp, body),
    "greenlight-delivery-attempt": String(attempt),
  };
  return sendDelivery(w.url, headers, body, {
    policy: run.config,
    timeoutMs: run.config.timeoutMs,
    userAgent: run.userAgent,
  });
}

function attemptOf(e: EventLean, attempt: number, redelivery: boolean, r: SendResult): AttemptRecord {
  return { eventId: e._id, eventType: e.type, seq: e.seq, attempt, redelivery, ...r };
}

/** The state after a failed attempt at the webhook's next event: back off, or disable when failing too long. */
function failed(run: DeliveryRun, w: WebhookDoc, now: Date): WebhookProgress {
  const failures = w.failures + 1;
  const failingSince = w.failingSince ?? now;
  const progress: WebhookProgress = {
    failures,
    failingSince,
    nextAttemptAt: new Date(now.getTime() + backoffMs(failures, run.config)),
  };
  if (now.getTime() - failingSince.getTime() >= run.config.disableAfterSeconds * 1_000) {
    progress.active = false;
    progress.disabledReason = `Disabled on ${now.toISOString()}: every delivery failed since ${failingSince.toISOString()}. Fix the endpoint, then set active to true to resume from the first undelivered event.`;
  }
  return progress;
}

/**
 * Delivers what the claimed webhook has waiting: queued redeliveries first, then the log after its
 * cursor, in seq order and only what the ordering rule releases (core/event-order.ts). One request
 * at a time; a failure stops the run (later events wait: order per production is kept).
 */
export async function deliverWebhook(run: DeliveryRun, claimed: WebhookDoc): Promise<RunEnd> {
  let w: WebhookDoc | null = claimed;
  const record = (attempt: AttemptRecord | null, progress: WebhookProgress) =>
    recordWebhookDeliveryCommand(claimed, run.owner, run.leaseMs, attempt, progress);
  while (w && !run.stopped()) {
    const redeliverId = w.redeliver[0];
    if (redeliverId) {
      const e = await EventModel.findById(redeliverId).lean<EventLean>();
      const r = e ? await send(run, w, e, 1) : null;
      if (e && r) run.observer.attempted(r.ok, r.durationMs / 1_000, null);
      w = await record(e && r ? attemptOf(e, 1, true, r) : null, { popRedelivery: true });
      continue;
    }
    const page = await EventModel.find({ productionId: w.productionId, seq: { $gt: w.cursorSeq } })
      .sort({ seq: 1 })
      .limit(PAGE)
      .lean<EventLean[]>();
    const { ready, blockedAt } = releasableEvents(w.cursorSeq, page);
    const wanted = new Set(w.eventTypes);
    let skippedTo = w.cursorSeq;
    for (const e of ready) {
      if (wanted.size > 0 && !wanted.has(e.type)) {
        skippedTo = e.seq;
        continue;
      }
      const attempt = w.failures + 1;
      const r = await send(run, w, e, attempt);
      run.observer.attempted(
        r.ok,
        r.durationMs / 1_000,
        attempt === 1 ? (Date.now() - e.at.getTime()) / 1_000 : null,
      );
      const now = new Date();
      if (!r.ok) {
        const progress = { ...failed(run, w, now), cursorSeq: skippedTo };
        const after = await record(attemptOf(e, attempt, false, r), progress);
        if (progress.active === false) {
          run.observer.disabled();
          run.logger.warn("webhook disabled: its endpoint failed for too long", {
            webhookId: String(w._id),
            productionId: String(w.productionId),
            host: new URL(w.url).host,
          });
        }
        return { retryAt: after?.active ? (progress.nextAttemptAt ?? null) : null };
      }
      w = await record(attemptOf(e, attempt, false, r), {
        cursorSeq: e.seq,
        failures: 0,
        failingSince: null,
        nextAttemptAt: null,
      });
      if (!w || run.stopped()) return { retryAt: null };
      skippedTo = e.seq;
    }
    if (skippedTo > w.cursorSeq) w = await record(null, { cursorSeq: skippedTo });
    if (blockedAt) return { retryAt: blockedAt.retryAt };
    if (page.length < PAGE) return { retryAt: null };
  }
  return { retryAt: null };
}
