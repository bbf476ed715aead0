import { createHash, createSecretKey, type KeyObject, randomBytes } from "node:crypto";
import { runtime } from "../core/runtime.js";
import { KeyringModel, type SigningKey } from "./signing-key.model.js";

/**
 * The keys access tokens are signed with, the same on every process of the service.
 *
 * - `JWT_SECRET` set: that secret signs (kid `env-<hash>`), and `JWT_PREVIOUS_SECRETS` still
 *   verify, so an operator rotates by moving the old secret there.
 * - unset: the keys live in the database (`signing_keys`, one document). The first process to
 *   need one creates it with an atomic upsert; every other process reads the same document.
 *   `rotateSigningKey` adds a new key; other processes pick it up for signing within
 *   `KEYRING_REFRESH_MS`, and at once for verifying (an unknown kid re-reads the keyring).
 */

/** How stale a process's copy of the keyring may get before signing re-reads it. */
export const KEYRING_REFRESH_MS = 60_000;
/** An unknown kid re-reads the keyring at most this often, so garbage kids cost no store reads. */
const UNKNOWN_KID_REFRESH_MS = 1_000;

interface Ring {
  signing: { kid: string; key: KeyObject };
  byKid: Map<string, KeyObject>;
  /** Tokens without a kid (signed before kids existed) verify with this one, if any. */
  legacy: KeyObject | null;
}

function keyOf(secret: Uint8Array): KeyObject {
  return createSecretKey(secret);
}

function envKid(secret: Uint8Array): string {
  return `env-${createHash("sha256").update(secret).digest("hex").slice(0, 12)}`;
}

let envCache: { secret: Uint8Array; ring: Ring } | null = null;

/** The ring made from JWT_SECRET (and JWT_PREVIOUS_SECRETS), or null when the database holds it. */
function envRing(): Ring | null {
  const { jwtSecret, jwtPreviousSecrets } = runtime().config;
  if (!jwtSecret) return null;
  if (envCache?.secret === jwtSecret) return envCache.ring;
  const signing = { kid: envKid(jwtSecret), key: keyOf(jwtSecret) };
  const byKid = new Map([[signing.kid, signing.key]]);
  for (const s of jwtPreviousSecrets) byKid.set(envKid(s), keyOf(s));
  envCache = { secret: jwtSecret, ring: { signing, byKid, legacy: signing.key } };
  return envCache.ring;
}

let dbCache: { ring: Ring; loadedAt: number; db: string } | null = null;
let lastUnknownKidRefresh = 0;

function ringOf(keys: SigningKey[]): Ring {
  const byKid = new Map(keys.map((k) => [k.kid, keyOf(Buffer.from(k.secret, "base64url"))] as const));
  const newest = keys.reduce((a, b) => (b.createdAt > a.createdAt ? b : a));
  return { signing: { kid: newest.kid, key: byKid.get(newest.kid) as KeyObject }, byKid, legacy: null };
}

function newKey(now = new Date()): SigningKey {
  return {
    kid: randomBytes(8).toString("hex"),
    secret: randomBytes(32).toString("base64url"),
    createdAt: now,
  };
}

function isDuplicateKey(err: unknown): boolean {
  return typeof err === "object" && err !== null && (err as { code?: unknown }).code === 11000;
}

/** Reads the keyring, creating it with its first key if no process has yet (one atomic upsert). */
async function loadKeyring(): Promise<SigningKey[]> {
  const found = await KeyringModel.findById("keyring").lean();
  if (found?.keys.length) return found.keys;
  try {
    // Two processes racing here both upsert; $setOnInsert makes only the inserting one's key land.
    await KeyringModel.updateOne(
      { _id: "keyring" },
      { $setOnInsert: { version: 1, keys: [newKey()] } },
      { upsert: true },
    );
  } catch (err) {
    if (!isDuplicateKey(err)) throw err; // the other process inserted first: read its key
  }
  const created = await KeyringModel.findById("keyring").lean();
  if (!created?.keys.length) throw new Error("signing_keys: the keyring could not be created");
  return created.keys;
}

async function dbRing(force = false): Promise<Ring> {
  const db = KeyringModel.db.name;
  const now = Date.now();
  if (!force && dbCache && dbCache.db === db && now - dbCache.loadedAt < KEYRING_REFRESH_MS)
    return dbCache.ring;
  dbCache = { ring: ringOf(await loadKeyring()), loadedAt: now, db };
  return dbCache.ring;
}

/** Drops this process's copy of the keyring, so the next use reads it again (tests, hand edits). */
export function forgetKeyring(): void {
  dbCache = null;
  lastUnknownKidRefresh = 0;
}

/** The key new tokens are signed with, and its kid. */
export async function currentSigningKey(): Promise<{ kid: string; key: KeyObject }> {
  return (envRing() ?? (await dbRing())).signing;
}

/** The key a token's `kid` names, or null if this service has no such key (any more). */
export async function verificationKey(kid: string | undefined): Promise<KeyObject | null> {
  const env = envRing();
  if (env) return kid === undefined ? env.legacy : (env.byKid.get(kid) ?? null);
  if (kid === undefined) return null;
  const ring = await dbRing();
  const key = ring.byKid.get(kid);
  if (key) return key;
  // Perhaps another process rotated a moment ago.
  const now = Date.now();
  if (now - lastUnknownKidRefresh < UNKNOWN_KID_REFRESH_MS) return null;
  lastUnknownKidRefresh = now;
  return (await dbRing(true)).byKid.get(kid) ?? null;
}

export class EnvKeyRotationError extends Error {
  constructor() {
    super(
      "JWT_SECRET is set, so the keys come from the environment: set a new JWT_SECRET and move the old one to JWT_PREVIOUS_SECRETS (comma-separated) until its tokens expire (TOKEN_TTL).",
    );
  }
}

/**
 * Adds a new signing key to the database keyring and drops keys that can no longer have a valid
 * token: a key stopped signing when the next one was created (plus the refresh window of other
 * processes), and its last token expires `tokenTtlSeconds` after that.
 */
export async function rotateSigningKey(now = new Date()): Promise<{ kid: string; dropped: string[] }> {
  if (envRing()) throw new EnvKeyRotationError();
  const ttlMs = runtime().config.tokenTtlSeconds * 1_000;
  for (let attempt = 0; attempt < 5; attempt++) {
    await loadKeyring();
    const doc = await KeyringModel.findById("keyring").lean();
    if (!doc) continue;
    const sorted = [...doc.keys].sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime());
    const keep = sorted.filter((_key, i) => {
      const succeededAt = sorted[i + 1]?.createdAt ?? now;
      return succeededAt.getTime() + KEYRING_REFRESH_MS + ttlMs > now.getTime();
    });
    const added = newKey(now);
    // Conditional on the version read: two rotations at once cannot lose each other's key.
    const res = await KeyringModel.updateOne(
      { _id: "keyring", version: doc.version },
      { $set: { version: doc.version + 1, keys: [...keep, added] } },
    );
    if (res.modifiedCount === 1) {
      await dbRing(true);
      const kept = new Set(keep.map((k) => k.kid));
      return { kid: added.kid, dropped: doc.keys.filter((k) => !kept.has(k.kid)).map((k) => k.kid) };
    }
  }
  throw new Error("signing_keys: the keyring changed under five rotations in a row; try again");
}
