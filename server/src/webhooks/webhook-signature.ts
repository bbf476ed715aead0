import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";

/**
 * Deliveries are signed with HMAC-SHA256 over `<timestamp>.<body>` (the exact bytes sent), so a
 * receiver can tell they came from this server and were not altered, and, by refusing old
 * timestamps, that they were not replayed later. Hand-written over node:crypto: it is a few lines,
 * and the recipe in docs/webhooks.md must match it byte for byte. Header names are lower case here;
 * HTTP header names are case-insensitive.
 */
export const SIGNATURE_HEADER = "greenlight-signature";
export const TIMESTAMP_HEADER = "greenlight-timestamp";
/** The event id: the idempotency key (a retry or redelivery of one event carries the same). */
export const EVENT_ID_HEADER = "greenlight-event-id";
export const EVENT_TYPE_HEADER = "greenlight-event-type";
/** Receivers should refuse a delivery whose timestamp is further than this from their clock. */
export const REPLAY_WINDOW_SECONDS = 300;

const SECRET_PREFIX = "whsec_";

export function generateWebhookSecret(): string {
  return SECRET_PREFIX + randomBytes(32).toString("base64url");
}

/** The signature header's value: `v1=<hex>`. A versioned scheme lets the algorithm change later. */
export function signDelivery(secret: string, timestamp: number, body: string): string {
  return `v1=${createHmac("sha256", secret).update(`${timestamp}.${body}`).digest("hex")}`;
}

/**
 * What a receiver does (and the tests' receiver does): recompute, compare in constant time, and
 * refuse a timestamp outside the window. `nowSeconds` is the receiver's clock.
 */
export function verifyDelivery(
  secret: string,
  headers: { signature?: string; timestamp?: string },
  body: string,
  nowSeconds: number = Math.floor(Date.now() / 1_000),
): boolean {
  const ts = Number(headers.timestamp);
  if (!Number.isInteger(ts) || Math.abs(nowSeconds - ts) > REPLAY_WINDOW_SECONDS) return false;
  const expected = Buffer.from(signDelivery(secret, ts, body));
  const given = Buffer.from(headers.signature ?? "");
  return given.length === expected.length && timingSafeEqual(given, expected);
}
