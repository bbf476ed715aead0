/**
 * Response headers that make the browser refuse what the app never does: sniffing types, being
 * framed, and sending the app's URLs to other sites. (A Content-Security-Policy for the client is
 * not sent yet: the first one tried, scripts and connections 'self', stopped the client in e2e.)
 */
export const BASE_HEADERS: Readonly<Record<string, string>> = {
  "x-content-type-options": "nosniff",
  "referrer-policy": "same-origin",
  "x-frame-options": "DENY",
};

/** For /media/ files: opened directly they are inert documents (no script, no same-origin access). */
export const MEDIA_CSP = "sandbox; default-src 'none'; media-src 'self'; frame-ancestors 'none'";
