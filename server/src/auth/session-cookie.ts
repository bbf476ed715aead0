import type { IncomingHttpHeaders } from "node:http";
import { parse, serialize } from "cookie";

/**
 * The web client's session travels in an httpOnly cookie instead of script-readable storage, so a
 * script injected into the page cannot carry the session away. Tools keep `Authorization: Bearer`.
 *
 * A cookie is sent by the browser on its own, so a request it authenticates must prove it was made
 * by our page (cross-site request forgery). Three independent guards, each enough on its own:
 * - SameSite=Strict: browsers do not attach the cookie to requests started by another site;
 * - `Origin`, when sent (always for browsers' POSTs and WebSocket handshakes), must be this host;
 * - the `x-greenlight-csrf` header must be present: a custom header cannot be sent cross-origin
 *   without a CORS preflight, which this server never grants (and HTML forms cannot set headers).
 */
export const SESSION_COOKIE = "gl_session";
/** Sent by the web client on every HTTP request; asks for cookie sessions on signIn/signUp. */
export const CSRF_HEADER = "x-greenlight-csrf";

export function sessionCookieOf(headers: IncomingHttpHeaders): string | null {
  const raw = headers.cookie;
  if (typeof raw !== "string" || raw.length === 0) return null;
  const value = parse(raw)[SESSION_COOKIE];
  return value && value.length > 0 ? value : null;
}

/** The request's own origin, as a browser would write it in `Origin`. */
function ownOrigins(headers: IncomingHttpHeaders, trustProxy: boolean): string[] {
  const forwardedHost = trustProxy ? headers["x-forwarded-host"] : undefined;
  const host = (typeof forwardedHost === "string" ? forwardedHost.split(",")[0]?.trim() : headers.host) ?? "";
  if (!host) return [];
  const proto = trustProxy ? headers["x-forwarded-proto"] : undefined;
  if (typeof proto === "string") return [`${proto.split(",")[0]?.trim()}://${host}`];
  return [`http://${host}`, `https://${host}`];
}

/** True when `Origin` is absent (not a browser's cross-site request) or names this server. */
export function sameOrigin(headers: IncomingHttpHeaders, trustProxy: boolean): boolean {
  const origin = headers.origin;
  if (origin === undefined) return true;
  return ownOrigins(headers, trustProxy).includes(String(origin).toLowerCase());
}

export type CookieRefusal = "crossOrigin" | "missingCsrfHeader";

export const COOKIE_REFUSAL_MESSAGES: Record<CookieRefusal, string> = {
  crossOrigin: "Refused: a request carrying the session cookie came from another site (Origin).",
  missingCsrfHeader: `Refused: a request carrying the session cookie must send the \`${CSRF_HEADER}\` header (tools: use Authorization: Bearer instead of the cookie).`,
};

/** Why a cookie-authenticated HTTP request is refused, or null when it may use the cookie. */
export function checkCookieRequest(headers: IncomingHttpHeaders, trustProxy: boolean): CookieRefusal | null {
  if (!sameOrigin(headers, trustProxy)) return "crossOrigin";
  const marker = headers[CSRF_HEADER];
  if (typeof marker !== "string" || marker.length === 0) return "missingCsrfHeader";
  return null;
}

/** Whether the request arrived over TLS (directly, or per a trusted proxy): the cookie is Secure then. */
export function isSecureRequest(
  headers: IncomingHttpHeaders,
  encrypted: boolean,
  trustProxy: boolean,
): boolean {
  if (encrypted) return true;
  const proto = trustProxy ? headers["x-forwarded-proto"] : undefined;
  return typeof proto === "string" && proto.split(",")[0]?.trim() === "https";
}

export function sessionCookieHeader(token: string, expiresAt: Date, secure: boolean): string {
  return serialize(SESSION_COOKIE, token, {
    httpOnly: true,
    sameSite: "strict",
    secure,
    path: "/",
    expires: expiresAt,
  });
}

export function clearedSessionCookieHeader(secure: boolean): string {
  return serialize(SESSION_COOKIE, "", {
    httpOnly: true,
    sameSite: "strict",
    secure,
    path: "/",
    maxAge: 0,
  });
}
