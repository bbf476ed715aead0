/**
 * Where a version's media may live (issue 13, finding 13): a path under this server's /media/, or
 * an https URL without credentials. Plain http, credentials and other schemes let a version track
 * reviewers or reach internal addresses. The server also requires the https host to be on
 * MEDIA_HOSTS, which only it knows: `mediaUrlHost` gives the host for that check.
 */
export const MEDIA_URL_MAX = 2048;

export type MediaUrlShape = { kind: "path" } | { kind: "https"; host: string };

/** The URL's shape when it is an acceptable media URL, else null. */
export function mediaUrlShape(url: string): MediaUrlShape | null {
  if (url.length > MEDIA_URL_MAX) return null;
  if (/^\/media\/[A-Za-z0-9._~\-/%]+$/.test(url) && !url.includes("..")) return { kind: "path" };
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (parsed.protocol !== "https:" || parsed.username !== "" || parsed.password !== "") return null;
  return { kind: "https", host: parsed.host.toLowerCase() };
}
