import { createHash, randomBytes, randomUUID } from "node:crypto";
import { errors as joseErrors, jwtVerify, SignJWT } from "jose";
import mongoose, { type ClientSession } from "mongoose";
import { runtime } from "../core/runtime.js";
import type { Identity, TokenProblem } from "../core/context.js";
import { ApiTokenModel } from "../users/api-token.model.js";
import { SessionModel } from "./session.model.js";
import { currentSigningKey, verificationKey } from "./signing-keys.js";

const ISSUER = "greenlight";
export const API_TOKEN_PREFIX = "glt_";
/** lastUsedAt is written at most this often per token, to keep reads cheap. */
const LAST_USED_RESOLUTION_MS = 60_000;

export type Authentication =
  | { identity: Identity; problem: null }
  | { identity: null; problem: TokenProblem | null };

export interface IssuedToken {
  token: string;
  sessionId: string;
  expiresAt: Date;
}

/**
 * Starts a session and signs an access token naming it, inside the caller's command transaction
 * (`session`). `ttlSeconds` may be negative in tests.
 */
export async function issueAccessToken(
  session: ClientSession,
  userId: string,
  ttlSeconds = runtime().config.tokenTtlSeconds,
): Promise<IssuedToken> {
  const sessionId = randomUUID();
  const now = Math.floor(Date.now() / 1000);
  const exp = now + ttlSeconds;
  const expiresAt = new Date(exp * 1000);
  await SessionModel.create([{ _id: sessionId, userId: new mongoose.Types.ObjectId(userId), expiresAt }], {
    session,
  });
  const signing = await currentSigningKey();
  const token = await new SignJWT({ sid: sessionId })
    .setProtectedHeader({ alg: "HS256", typ: "JWT", kid: signing.kid })
    .setIssuer(ISSUER)
    .setSubject(userId)
    .setIssuedAt(now)
    .setExpirationTime(exp)
    .sign(signing.key);
  return { token, sessionId, expiresAt };
}

/** Deletes the session in the caller's command transaction; `forgetSession` after it commits. */
export async function revokeSession(session: ClientSession, sessionId: string): Promise<void> {
  await SessionModel.deleteOne({ _id: sessionId }, { session });
}

export function hashApiToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

export function generateApiTokenSecret(): { token: string; prefix: string; hash: string } {
  const token = `${API_TOKEN_PREFIX}${randomBytes(32).toString("base64url")}`;
  return { token, prefix: token.slice(0, API_TOKEN_PREFIX.length + 6), hash: hashApiToken(token) };
}

/** Reads `Authorization: Bearer <token>` (or a bare token, as WS connectionParams sometimes carry). */
export function extractToken(authorization: string | null | undefined): string | null {
  if (!authorization) return null;
  const m = /^\s*(?:Bearer\s+)?(\S+)\s*$/i.exec(authorization);
  return m?.[1] ?? null;
}

export interface AuthenticateOptions {
  /**
   * Called with the token's user id while the session is being checked, so the caller can load
   * the user in the same round trip (the context factory primes its user loader this way).
   */
  prefetchUser?: (userId: string) => Promise<unknown>;
}

export async function authenticate(
  authorization: string | null | undefined,
  options: AuthenticateOptions = {},
): Promise<Authentication> {
  const token = extractToken(authorization);
  if (!token) return { identity: null, problem: authorization ? "malformed" : null };
  return token.startsWith(API_TOKEN_PREFIX)
    ? authenticateApiToken(token)
    : authenticateAccessToken(token, options.prefetchUser);
}

async function authenticateAccessToken(
  token: string,
  prefetchUser?: (userId: string) => Promise<unknown>,
): Promise<Authentication> {
  let sub: string | undefined;
  let sid: unknown;
  let exp: number | undefined;
  try {
    const { payload } = await jwtVerify(
      token,
      async (header) => {
        const key = await verificationKey(header.kid);
        if (!key) throw new UnknownKeyError();
        return key;
      },
      { algorithms: ["HS256"], issuer: ISSUER },
    );
    sub = payload.sub;
    sid = payload.sid;
    exp = payload.exp;
  } catch (err) {
    return { identity: null, problem: jwtProblem(err) };
  }
  if (!sub || typeof sid !== "string") return { identity: null, problem: "invalid" };
  const [session] = await Promise.all([
    // Through mongoose, not the driver: a caller inside the realtime scope (subscription re-checks)
    // must stay under its one-command-at-a-time bound, which hooks mongoose queries only.
    SessionModel.findOne({ _id: sid, expiresAt: { $gt: new Date() } }, { userId: 1 }).lean(),
    prefetchUser?.(sub),
  ]);
  // The signature is ours and the token has not expired, so a missing session was ended: signOut.
  if (!session || String(session.userId) !== sub) return { identity: null, problem: "signedOut" };
  const expiresAtMs = exp === undefined ? undefined : exp * 1000;
  return { identity: { userId: sub, sessionId: sid, expiresAtMs }, problem: null };
}

async function authenticateApiToken(token: string): Promise<Authentication> {
  const doc = await ApiTokenModel.findOne(
    { hash: hashApiToken(token) },
    { userId: 1, lastUsedAt: 1, revokedAt: 1, expiresAt: 1 },
  ).lean();
  if (!doc) return { identity: null, problem: "unknownToken" };
  if (doc.revokedAt) return { identity: null, problem: "revoked" };
  const now = Date.now();
  const expiresAtMs = doc.expiresAt?.getTime();
  if (expiresAtMs !== undefined && expiresAtMs <= now) return { identity: null, problem: "apiTokenExpired" };
  if (!doc.lastUsedAt || now - doc.lastUsedAt.getTime() >= LAST_USED_RESOLUTION_MS) {
    await ApiTokenModel.updateOne({ _id: doc._id }, { $set: { lastUsedAt: new Date(now) } });
  }
  // expiresAtMs bounds the identity cache and closes live sockets at expiry, as for sessions.
  const identity: Identity = { userId: String(doc.userId), apiTokenId: String(doc._id) };
  if (expiresAtMs !== undefined) identity.expiresAtMs = expiresAtMs;
  return { identity, problem: null };
}

class UnknownKeyError extends Error {}

/** Why jose refused a token, in the words the caller is told (TOKEN_PROBLEM_MESSAGES). */
function jwtProblem(err: unknown): TokenProblem {
  if (err instanceof UnknownKeyError) return "unknownKey";
  if (err instanceof joseErrors.JWTExpired) return "expired";
  if (err instanceof joseErrors.JWSSignatureVerificationFailed) return "invalid";
  // Not three base64url parts of JSON, or not a JWT at all: nothing was signed to check.
  if (err instanceof joseErrors.JWSInvalid || err instanceof joseErrors.JWTInvalid) return "malformed";
  return "invalid"; // wrong issuer or algorithm: signed, but not by this service's rules
}

export const TOKEN_PROBLEM_MESSAGES: Record<TokenProblem, string> = {
  malformed:
    "The token is malformed: send `Authorization: Bearer <token>` with the token signIn or signUp returned, or an API token (glt_...).",
  invalid:
    "The token's signature does not match: it was mistyped, altered or issued by another service; sign in again.",
  unknownKey:
    "The token was signed with a key this service no longer has (retired by a key rotation) or never had; sign in again.",
  expired: "Your session has expired; sign in again.",
  signedOut: "This session was signed out; sign in again.",
  revoked: "This API token was revoked; create a new one.",
  apiTokenExpired: "This API token has expired; create a new one.",
  unknownToken: "No API token matches this one: it was mistyped, or deleted; check it or create a new one.",
  accountGone: "The account this token belongs to no longer exists.",
};
