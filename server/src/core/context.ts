/**
 * The request context every resolver and service receives, and who it is for. Types only: the one
 * factory that builds it is `app/context.ts` (L5), so any layer can name a Context without
 * depending on how it is made.
 */

/** Who a verified token names (auth/token.service.ts). */
export interface Identity {
  userId: string;
  sessionId?: string;
  apiTokenId?: string;
  /**
   * Access tokens: when the token stops being valid, epoch ms (live sockets are closed then). A
   * number, not a Date: it is kept per idle WebSocket.
   */
  expiresAtMs?: number;
}

/** Why a presented token was refused. */
export type TokenProblem =
  | "malformed"
  | "invalid"
  | "unknownKey"
  | "expired"
  | "signedOut"
  | "revoked"
  | "apiTokenExpired"
  | "unknownToken"
  | "accountGone";

/**
 * Per-request DataLoaders. Each domain adds its own from `<domain>.loaders.ts` by interface merging
 * (`declare module "../core/context.js"`), and `app/loaders.ts` builds them all; so core names no
 * domain and a loader missing from the registration is a type error there.
 */
// biome-ignore lint/suspicious/noEmptyInterface: filled by each domain's declaration merging
export interface Loaders {}

export interface Viewer extends Identity {
  name: string;
  email: string;
}

/**
 * The session cookie of an HTTP response, for the web client (it sends the CSRF header): signIn and
 * signUp put the session there instead of in the answer, signOut clears it. Null for tools and on
 * WebSocket, which keep bearer tokens.
 */
export interface SessionCookieJar {
  set(token: string, expiresAt: Date): void;
  clear(): void;
}

export interface Context {
  requestId: string;
  /** See SessionCookieJar; absent when the caller did not ask for cookie sessions. */
  sessionCookie?: SessionCookieJar | null;
  viewer: Viewer | null;
  loaders: Loaders;
  /** Why a presented token was refused (null when none was presented or it was accepted). */
  authProblem: TokenProblem | null;
  /** Client address for sign-in throttling; null when unknown (e.g. in-process calls). */
  clientIp: string | null;
}
