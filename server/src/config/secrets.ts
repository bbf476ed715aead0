import { randomBytes } from "node:crypto";
import type { Reader } from "./reader.js";

/**
 * JWT_SECRET, if given. Unset (the default, in every mode) means the signing keys live in the
 * database, created once and shared by every process (auth/signing-keys.ts).
 */
export function resolveJwtSecret(r: Reader): Uint8Array | null {
  const given = r.raw("JWT_SECRET");
  if (given === undefined || given === "") return null;
  if (given.length < 32)
    r.problems.push("JWT_SECRET must be at least 32 characters (try: openssl rand -hex 32).");
  return new TextEncoder().encode(given);
}

/** Secrets that signed tokens before the current JWT_SECRET; they still verify until those expire. */
export function resolvePreviousSecrets(r: Reader): Uint8Array[] {
  const raw = r.raw("JWT_PREVIOUS_SECRETS") ?? "";
  const secrets = raw
    .split(",")
    .map((s) => s.trim())
    .filter((s) => s !== "");
  if (secrets.some((s) => s.length < 32))
    r.problems.push("JWT_PREVIOUS_SECRETS: each secret must be at least 32 characters.");
  if (secrets.length > 0 && r.raw("JWT_SECRET") === undefined)
    r.problems.push(
      "JWT_PREVIOUS_SECRETS needs JWT_SECRET (without it the keys live in the database; rotate with `pnpm rotate-key`).",
    );
  return secrets.map((s) => new TextEncoder().encode(s));
}

/** The /media/ link key: MEDIA_URL_SECRET (32+ characters), else JWT_SECRET, else random. */
export function resolveMediaUrlSecret(r: Reader, jwtSecret: Uint8Array | null): Uint8Array {
  const given = r.raw("MEDIA_URL_SECRET");
  if (given === undefined || given === "") return jwtSecret ?? new Uint8Array(randomBytes(32));
  if (given.length < 32)
    r.problems.push("MEDIA_URL_SECRET must be at least 32 characters (try: openssl rand -hex 32).");
  return new TextEncoder().encode(given);
}
