/**
 * Response headers that make the browser refuse what the app never does: sniffing types, being
 * framed, sending the app's URLs to other sites, and (CSP) running scripts from anywhere but
 * this origin or loading media from hosts outside MEDIA_HOSTS.
 */
export const BASE_HEADERS: Readonly<Record<string, string>> = {
  "x-content-type-options": "nosniff",
  "referrer-policy": "same-origin",
  "x-frame-options": "DENY",
};

/**
 * The client's policy. Why each allowance beyond 'self':
 * - style 'unsafe-inline': React style props render as attributes, and wavesurfer.js puts a
 *   <style> element in its shadow root; styles cannot run script.
 * - media blob:: wavesurfer.js fetches the audio to draw it and plays the fetched bytes through a
 *   blob: URL (blocking it left the mix waveform undrawn). Only this origin's scripts, which
 *   script-src limits to the bundle, can mint blob: URLs.
 * - font data:: GraphiQL's stylesheet (the /graphiql chunk) inlines its fonts; fonts cannot run script.
 * - connect MEDIA_HOSTS: that fetch goes to wherever a stem lives. 'self' covers the GraphQL
 *   WebSocket (CSP 3 matches ws:/wss: on the same host).
 */
export function appCsp(mediaHosts: readonly string[]): string {
  const hosts = mediaHosts.map((h) => `https://${h}`);
  return [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    "font-src 'self' data:",
    ["media-src 'self' blob:", ...hosts].join(" "),
    ["connect-src 'self'", ...hosts].join(" "),
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
}

/** For /media/ files: opened directly they are inert documents (no script, no same-origin access). */
export const MEDIA_CSP = "sandbox; default-src 'none'; media-src 'self'; frame-ancestors 'none'";
