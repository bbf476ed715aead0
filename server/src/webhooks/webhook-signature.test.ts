import { createHmac } from "node:crypto";
import { describe, expect, it } from "vitest";
import { backoffMs } from "./webhook.delivery.js";
import {
  generateWebhookSecret,
  REPLAY_WINDOW_SECONDS,
  signDelivery,
  verifyDelivery,
} from "./webhook-signature.js";

describe("webhook signatures", () => {
  const secret = generateWebhookSecret();
  const body = '{"id":"e1","type":"NOTE_ADDED"}';
  const now = 1_800_000_000;

  it("is HMAC-SHA256 of `<timestamp>.<body>` in hex, as docs/webhooks.md says", () => {
    const expected = createHmac("sha256", secret).update(`${now}.${body}`).digest("hex");
    expect(signDelivery(secret, now, body)).toBe(`v1=${expected}`);
  });

  it("verifies, and refuses another body, another secret, or a timestamp outside the replay window", () => {
    const signature = signDelivery(secret, now, body);
    expect(verifyDelivery(secret, { signature, timestamp: String(now) }, body, now + 10)).toBe(true);
    expect(verifyDelivery(secret, { signature, timestamp: String(now) }, `${body} `, now)).toBe(false);
    expect(verifyDelivery(generateWebhookSecret(), { signature, timestamp: String(now) }, body, now)).toBe(
      false,
    );
    expect(
      verifyDelivery(secret, { signature, timestamp: String(now) }, body, now + REPLAY_WINDOW_SECONDS + 1),
    ).toBe(false);
    expect(verifyDelivery(secret, { signature, timestamp: String(now + 1) }, body, now)).toBe(false);
    expect(verifyDelivery(secret, { timestamp: String(now) }, body, now)).toBe(false);
  });

  it("backs off exponentially from the base, up to the cap", () => {
    const c = { retryBaseMs: 1_000, retryMaxMs: 60_000 };
    expect([1, 2, 3, 4, 7, 50].map((n) => backoffMs(n, c))).toEqual([
      1_000, 2_000, 4_000, 8_000, 60_000, 60_000,
    ]);
  });
});
