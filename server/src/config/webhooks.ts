import { parseDuration, type Reader } from "./reader.js";

/** Webhook delivery (webhooks/, docs/webhooks.md). */
export interface WebhookConfig {
  /**
   * CIDR ranges a webhook may target although they are private, loopback or link-local (SSRF
   * guard, webhooks/webhook-target.ts). Empty (the default): none. Tests allow 127.0.0.1/32.
   */
  allowedPrivateTargets: readonly string[];
  /** One delivery's whole request (connect, send, response head) may take this long. */
  timeoutMs: number;
  /** The first retry waits this long; each next one doubles, up to `retryMaxMs`. */
  retryBaseMs: number;
  retryMaxMs: number;
  /** A webhook failing for this long without a success is disabled, with a notice. */
  disableAfterSeconds: number;
  /** How often each process looks for webhooks with due retries or missed events. */
  sweepMs: number;
  /** Webhooks this process delivers to at once (each in order, one request at a time). */
  concurrency: number;
}

const CIDR = /^([0-9.]+|[0-9a-f:]+)\/(\d{1,3})$/i;

export function parseWebhookConfig(r: Reader): WebhookConfig {
  const raw = r.raw("WEBHOOK_ALLOWED_PRIVATE_TARGETS") ?? "";
  const allowed = raw
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);
  const bad = allowed.filter((c) => !CIDR.test(c));
  if (bad.length > 0)
    r.problems.push(
      `WEBHOOK_ALLOWED_PRIVATE_TARGETS: ${bad.join(", ")} must be CIDR ranges like 10.0.0.0/8.`,
    );
  const disableRaw = r.raw("WEBHOOK_DISABLE_AFTER") ?? "3d";
  let disableAfterSeconds = parseDuration(disableRaw);
  if (disableAfterSeconds === null) {
    r.problems.push(`WEBHOOK_DISABLE_AFTER="${disableRaw}" must be a duration like 3d, 12h (default 3d).`);
    disableAfterSeconds = 3 * 86_400;
  }
  return {
    allowedPrivateTargets: allowed.filter((c) => !bad.includes(c)),
    timeoutMs: r.int("WEBHOOK_TIMEOUT_MS", 10_000, 100, 60_000),
    retryBaseMs: r.int("WEBHOOK_RETRY_BASE_MS", 5_000, 10, 3_600_000),
    retryMaxMs: r.int("WEBHOOK_RETRY_MAX_MS", 3_600_000, 10, 86_400_000),
    disableAfterSeconds,
    sweepMs: r.int("WEBHOOK_SWEEP_MS", 10_000, 50, 3_600_000),
    concurrency: r.int("WEBHOOK_CONCURRENCY", 4, 1, 64),
  };
}
