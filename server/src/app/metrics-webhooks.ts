import { Counter, Histogram } from "prom-client";
import type { WebhookObserver } from "../webhooks/webhook.delivery.js";
import { registry } from "./metrics.js";

const attempts = new Counter({
  name: "greenlight_webhook_attempts_total",
  help: "Webhook delivery attempts by outcome (ok: a 2xx answer; failed: anything else, retried with backoff).",
  labelNames: ["outcome"],
  registers: [registry],
});
const duration = new Histogram({
  name: "greenlight_webhook_attempt_duration_seconds",
  help: "One webhook request, from connecting to the response's status line.",
  buckets: [0.01, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
  registers: [registry],
});
const lag = new Histogram({
  name: "greenlight_webhook_lag_seconds",
  help: "From an event's commit to the first attempt to deliver it to a webhook.",
  buckets: [0.01, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60],
  registers: [registry],
});
const disabled = new Counter({
  name: "greenlight_webhooks_disabled_total",
  help: "Webhooks the server turned off because every delivery failed for WEBHOOK_DISABLE_AFTER.",
  registers: [registry],
});

export const webhookMetrics: WebhookObserver = {
  attempted(ok, seconds, lagSeconds) {
    attempts.inc({ outcome: ok ? "ok" : "failed" });
    duration.observe(seconds);
    if (lagSeconds !== null) lag.observe(Math.max(0, lagSeconds));
  },
  disabled: () => disabled.inc(),
};
