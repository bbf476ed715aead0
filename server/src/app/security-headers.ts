/**
 * Response headers that make the browser refuse what the app never does: sniffing types, being
 * framed, sending the app's URLs to other sites, and (CSP) running scripts from anywhere but
 * this origin or media from hosts outside MEDIA_HOSTS.
 */
export const BASE_HEADERS: Readonly<Record<string, string>> = {
  "x-content-type-options": "nosniff",
  "referrer-policy": "same-origin",
  "x-frame-options": "DENY",
};

/** The client's policy. Styles allow inline attributes (React style props render as attributes). */
export function appCsp(mediaHosts: readonly string[]): string {
  const media = ["'self'", ...mediaHosts.map((h) => `https://${h}`)].join(" ");
  return [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    `media-src ${media}`,
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
}

/** For /media/ files: opened directly they are inert documents (no script, no same-origin access). */
export const MEDIA_CSP = "sandbox; default-src 'none'; media-src 'self'; frame-ancestors 'none'";
