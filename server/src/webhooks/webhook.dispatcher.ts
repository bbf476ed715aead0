import { randomBytes } from "node:crypto";
import { hostname } from "node:os";
import type { Types } from "mongoose";
import type { ChangeDoc } from "../core/change-stream.js";
import { changedId, postImage } from "../core/change-stream.js";
import { Limiter } from "../core/limiter.js";
import type { Logger } from "../core/logger.js";
import type { WebhookConfig } from "../config/webhooks.js";
import { EventModel } from "../events/event.model.js";
import type { EventLean } from "../events/event.service.js";
import { claimWebhookCommand } from "./claim-webhook.command.js";
import { releaseWebhookCommand } from "./release-webhook.command.js";
import { type DeliveryRun, deliverWebhook, type WebhookObserver } from "./webhook.delivery.js";
import { type WebhookDoc, WebhookModel } from "./webhook.model.js";

/** Active webhooks one process follows; more are still delivered, found by the sweep's later pages. */
const MAX_FOLLOWED = 10_000;

export interface DispatcherOptions {
  config: WebhookConfig;
  logger: Logger;
  observer: WebhookObserver;
  userAgent: string;
}

type Lean = Pick<WebhookDoc, "_id" | "productionId" | "active" | "pokedAt">;

/**
 * Delivers webhooks from the durable event log, woken by the process's change stream (the event
 * feed, app/realtime-feed.ts): an event of a production with webhooks, or a webhook whose `pokedAt`
 * moved (a redelivery queued, a webhook turned on). A sweep every WEBHOOK_SWEEP_MS finds due
 * retries and anything missed while the feed was down or the process was not running. Nothing is
 * delivered from a resolver, and nothing waits in memory: the log is the queue, each webhook's
 * cursor (in the store) its position, so a restart resumes where the last success was recorded.
 *
 * Bounded: at most WEBHOOK_CONCURRENCY webhooks send at once, one request each; per webhook a page
 * of PAGE events is held; a webhook woken while it runs is re-run once afterwards, not queued again.
 */
export class WebhookDispatcher {
  private options: DispatcherOptions | null = null;
  private readonly owner = `${hostname()}:${process.pid}:${randomBytes(4).toString("hex")}`;
  /** Active webhook id -> its production id, and the `pokedAt` last seen. */
  private readonly followed = new Map<string, { productionId: string; pokedAt: number }>();
  private readonly running = new Set<string>();
  private readonly again = new Set<string>();
  private readonly retries = new Map<string, NodeJS.Timeout>();
  private readonly inFlight = new Set<Promise<void>>();
  private sweeper: NodeJS.Timeout | null = null;
  private limiter = new Limiter(1);

  /** The feed's hooks; they do nothing until `start`. */
  follow() {
    return {
      onEvent: (e: Pick<EventLean, "productionId">) => this.onEvent(String(e.productionId)),
      onWebhookChange: (change: ChangeDoc) => this.onWebhookChange(change),
    };
  }

  start(options: DispatcherOptions): void {
    if (this.options) return;
    this.options = options;
    this.limiter = new Limiter(options.config.concurrency);
    this.sweeper = setInterval(() => void this.sweep(), options.config.sweepMs);
    this.sweeper.unref();
    void this.sweep();
  }

  /** Stops waking webhooks, waits for the requests in flight, and gives their leases back. */
  async stop(): Promise<void> {
    if (!this.options) return;
    this.options = null;
    if (this.sweeper) clearInterval(this.sweeper);
    this.sweeper = null;
    for (const t of this.retries.values()) clearTimeout(t);
    this.retries.clear();
    this.again.clear();
    await Promise.allSettled([...this.inFlight]);
    this.followed.clear();
  }

  private onEvent(productionId: string): void {
    for (const [id, w] of this.followed) if (w.productionId === productionId) this.kick(id);
  }

  private onWebhookChange(change: ChangeDoc): void {
    const id = changedId(change);
    if (!id) return;
    const doc = postImage<Lean>(change);
    if (!doc?.active) {
      this.followed.delete(id);
      return;
    }
    const seen = this.followed.get(id);
    const pokedAt = doc.pokedAt.getTime();
    this.followed.set(id, { productionId: String(doc.productionId), pokedAt });
    if (!seen || seen.pokedAt !== pokedAt) this.kick(id);
  }

  /** Re-reads the active webhooks and wakes each (a run with nothing to do costs two reads). */
  async sweep(): Promise<void> {
    if (!this.options) return;
    try {
      const docs = await WebhookModel.find({ active: true }, { productionId: 1, pokedAt: 1 })
        .sort({ _id: 1 })
        .limit(MAX_FOLLOWED)
        .lean<Lean[]>();
      this.followed.clear();
      for (const d of docs)
        this.followed.set(String(d._id), {
          productionId: String(d.productionId),
          pokedAt: d.pokedAt.getTime(),
        });
      for (const id of this.followed.keys()) this.kick(id);
    } catch (err) {
      this.options?.logger.warn("webhooks: sweep failed", { error: String(err) });
    }
  }

  private kick(id: string): void {
    if (!this.options) return;
    if (this.running.has(id)) {
      this.again.add(id);
      return;
    }
    this.running.add(id);
    const run = this.limiter
      .run(() => this.runOne(id))
      .catch((err: unknown) =>
        this.options?.logger.error("webhooks: delivery run failed", { webhookId: id, error: String(err) }),
      )
      .finally(() => {
        this.running.delete(id);
        this.inFlight.delete(run);
        if (this.again.delete(id)) this.kick(id);
      });
    this.inFlight.add(run);
  }

  private later(id: string, at: Date): void {
    const existing = this.retries.get(id);
    if (existing) clearTimeout(existing);
    const t = setTimeout(
      () => {
        this.retries.delete(id);
        this.kick(id);
      },
      Math.max(0, at.getTime() - Date.now()),
    );
    t.unref();
    this.retries.set(id, t);
  }

  private async runOne(id: string): Promise<void> {
    const options = this.options;
    if (!options) return;
    const w = await WebhookModel.findById(id, { secret: 0 }).lean<WebhookDoc>();
    if (!w?.active) return;
    const now = Date.now();
    if (w.nextAttemptAt && w.nextAttemptAt.getTime() > now) return this.later(id, w.nextAttemptAt);
    if (w.leaseOwner && w.leaseOwner !== this.owner && w.leaseUntil && w.leaseUntil.getTime() > now)
      return this.later(id, w.leaseUntil); // another process is on it; look again if it dies
    if (w.redeliver.length === 0 && !(await hasEventsAfter(w.productionId, w.cursorSeq))) return;
    const leaseMs = options.config.timeoutMs * 2 + 30_000;
    const claimed = await claimWebhookCommand(w._id, this.owner, leaseMs);
    if (!claimed) return;
    const run: DeliveryRun = {
      ...options,
      owner: this.owner,
      leaseMs,
      stopped: () => this.options !== options,
    };
    try {
      const { retryAt } = await deliverWebhook(run, claimed);
      if (retryAt && this.options) this.later(id, retryAt);
    } finally {
      await releaseWebhookCommand(w._id, this.owner);
    }
  }
}

async function hasEventsAfter(productionId: Types.ObjectId, seq: number): Promise<boolean> {
  return (await EventModel.exists({ productionId, seq: { $gt: seq } })) !== null;
}
