import type { IncomingMessage } from "node:http";
import type { TLSSocket } from "node:tls";
import {
  CSRF_HEADER,
  type CookieRefusal,
  checkCookieRequest,
  clearedSessionCookieHeader,
  isSecureRequest,
  sessionCookieHeader,
  sessionCookieOf,
} from "../auth/session-cookie.js";
import type { SessionCookieJar } from "../core/context.js";

/** The one Set-Cookie a GraphQL response may carry (the last set or clear wins). */
export interface ResponseCookieJar extends SessionCookieJar {
  header: string | null;
}

export type CookieAuth =
  | { refusal: CookieRefusal; authorization?: undefined; jar?: undefined; fromCookie?: undefined }
  | { refusal: null; authorization: string | null; jar: ResponseCookieJar | null; fromCookie: boolean };

function jarFor(secure: boolean): ResponseCookieJar {
  const jar: ResponseCookieJar = {
    header: null,
    set(token, expiresAt) {
      jar.header = sessionCookieHeader(token, expiresAt, secure);
    },
    clear() {
      jar.header = clearedSessionCookieHeader(secure);
    },
  };
  return jar;
}

/**
 * Which credential an HTTP GraphQL request uses: `Authorization` when sent (tools; the cookie is
 * then ignored), else the session cookie, which is only honoured past the CSRF checks
 * (auth/session-cookie.ts). Web clients (the CSRF header) get a jar for signIn/signOut to fill.
 */
export function cookieAuthOf(req: IncomingMessage, trustProxy: boolean): CookieAuth {
  const bearer = typeof req.headers.authorization === "string" ? req.headers.authorization : null;
  const webClient = typeof req.headers[CSRF_HEADER] === "string";
  const cookieToken = bearer ? null : sessionCookieOf(req.headers);
  if (cookieToken || webClient) {
    const refusal = checkCookieRequest(req.headers, trustProxy);
    if (refusal) return { refusal };
  }
  const secure = isSecureRequest(req.headers, Boolean((req.socket as TLSSocket).encrypted), trustProxy);
  return {
    refusal: null,
    authorization: bearer ?? (cookieToken ? `Bearer ${cookieToken}` : null),
    jar: webClient ? jarFor(secure) : null,
    fromCookie: cookieToken !== null,
  };
}
