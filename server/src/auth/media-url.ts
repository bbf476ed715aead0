import { createHmac, timingSafeEqual } from "node:crypto";

/**
 * Signed, expiring links to this server's /media/ files (issue 13, finding 12). A link is
 * `/media/<path>?exp=<unix seconds>&sig=<HMAC-SHA256(path "\n" exp)>`: it opens that one path until
 * `exp`, nothing else. The API signs a version's mediaUrl when it answers (the stored one stays
 * unsigned), so only someone who may see the version gets a working link.
 */

const MEDIA_PREFIX = "/media/";

/** A production's own folder: `/media/<production id>/...`; other paths are the shared library (demo). */
const PRODUCTION_FOLDER = /^\/media\/([0-9a-f]{24})\//;

export type MediaLinkProblem = "missing" | "expired" | "forged";

function mac(secret: Uint8Array, path: string, exp: number): Buffer {
  return createHmac("sha256", secret).update(`${path}\n${exp}`).digest();
}

/**
 * The expiry of a link issued at `nowSeconds`: rounded to a step of a quarter of the TTL, so one
 * version answers the same URL for a while (browsers and the peaks cache keep it), and every link
 * lives between 3/4 of the TTL and the TTL.
 */
export function linkExpiry(nowSeconds: number, ttlSeconds: number): number {
  const step = Math.max(1, Math.floor(ttlSeconds / 4));
  return Math.floor(nowSeconds / step) * step + ttlSeconds;
}

/** `path` (a /media/ path, no query) signed until `exp`. */
export function signMediaPath(path: string, secret: Uint8Array, exp: number): string {
  const sig = mac(secret, path, exp).toString("base64url");
  return `${path}?exp=${exp}&sig=${sig}`;
}

/**
 * What a version of `productionId` answers for its stored `url`: /media/ paths in the shared
 * library or in that production's own folder come signed; a path into another production's folder
 * comes back unsigned (the handler refuses it), so an EDITOR cannot borrow another production's
 * file by naming it. Other URLs (MEDIA_HOSTS) are returned as stored.
 */
export function mediaUrlFor(
  url: string,
  productionId: string,
  secret: Uint8Array,
  ttlSeconds: number,
  nowSeconds = Math.floor(Date.now() / 1000),
): string {
  if (!url.startsWith(MEDIA_PREFIX)) return url;
  const folder = PRODUCTION_FOLDER.exec(url)?.[1];
  if (folder !== undefined && folder !== productionId) return url;
  // The handler compares against the URL's parsed pathname: sign that very string.
  const path = new URL(url, "http://localhost").pathname;
  return signMediaPath(path, secret, linkExpiry(nowSeconds, ttlSeconds));
}

/** Why a /media/ request may not be served, or null when its link is good for its path now. */
export function checkMediaLink(
  pathname: string,
  params: URLSearchParams,
  secret: Uint8Array,
  nowSeconds = Math.floor(Date.now() / 1000),
): MediaLinkProblem | null {
  const expRaw = params.get("exp");
  const sigRaw = params.get("sig");
  if (!expRaw || !sigRaw) return "missing";
  if (!/^\d{1,12}$/.test(expRaw)) return "forged";
  const exp = Number(expRaw);
  const given = Buffer.from(sigRaw, "base64url");
  const expected = mac(secret, pathname, exp);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return "forged";
  return exp <= nowSeconds ? "expired" : null;
}
