import { createReadStream, type Stats } from "node:fs";
import { stat } from "node:fs/promises";
import type { IncomingMessage, ServerResponse } from "node:http";
import { extname, join, normalize, resolve, sep } from "node:path";
import { sendText } from "./http-util.js";

export const CONTENT_TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".map": "application/json; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".jpg": "image/jpeg",
  ".jpeg": "image/jpeg",
  ".webp": "image/webp",
  ".ico": "image/x-icon",
  ".woff2": "font/woff2",
  ".woff": "font/woff",
  ".ttf": "font/ttf",
  ".gif": "image/gif",
  ".avif": "image/avif",
  ".wasm": "application/wasm",
  ".webmanifest": "application/manifest+json",
  ".txt": "text/plain; charset=utf-8",
  ".mp4": "video/mp4",
  ".webm": "video/webm",
  ".m4a": "audio/mp4",
  ".mp3": "audio/mpeg",
  ".wav": "audio/wav",
  ".ogg": "audio/ogg",
  ".vtt": "text/vtt; charset=utf-8",
  ".fountain": "text/plain; charset=utf-8",
};

export function contentTypeOf(path: string): string {
  return CONTENT_TYPES[extname(path).toLowerCase()] ?? "application/octet-stream";
}

/** Resolves `urlPath` inside `root`, refusing anything that escapes it (`..`, encoded or not). */
export function safeJoin(root: string, urlPath: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  if (decoded.includes("\0")) return null;
  const base = resolve(root);
  const full = resolve(join(base, normalize(`/${decoded}`)));
  return full === base || full.startsWith(base + sep) ? full : null;
}

async function fileStat(path: string): Promise<Stats | null> {
  try {
    const s = await stat(path);
    return s.isFile() ? s : null;
  } catch {
    return null;
  }
}

// Vite names built assets with a content hash (index-3f9a1c2b.js): safe to cache forever.
const HASHED = /[-.][A-Za-z0-9_-]{8,}\.(js|mjs|css|woff2?|ttf|svg|png|jpg|gif|webp|avif|wasm)(\.map)?$/;

/**
 * Serves the built client: real files, and index.html for any other GET (SPA routes).
 * index.html is never cached so a deploy is picked up at once.
 */
export function createStaticHandler(clientDist: string, csp: string) {
  return async (req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> => {
    const filePath = safeJoin(clientDist, url.pathname);
    let found = filePath ? await fileStat(filePath) : null;
    let path = filePath;
    const wantsFile = extname(url.pathname) !== "";
    if (!found && !wantsFile) {
      path = join(clientDist, "index.html");
      found = await fileStat(path);
    }
    if (!found || !path) {
      const hint = url.pathname === "/" ? "The client is not built; run `pnpm build`." : "Not found.";
      return sendText(res, 404, hint);
    }
    const isIndex = path.endsWith(`${sep}index.html`);
    const etag = `W/"${found.size.toString(16)}-${found.mtimeMs.toString(16)}"`;
    const cacheControl = isIndex
      ? "no-cache"
      : url.pathname.startsWith("/assets/") && HASHED.test(url.pathname)
        ? "public, max-age=31536000, immutable"
        : "public, max-age=3600";
    const headers = {
      "content-type": contentTypeOf(path),
      "cache-control": cacheControl,
      etag,
      "last-modified": found.mtime.toUTCString(),
      "content-security-policy": csp,
    };
    if (req.headers["if-none-match"] === etag) {
      res.writeHead(304, headers);
      res.end();
      return;
    }
    res.writeHead(200, { ...headers, "content-length": found.size });
    if (req.method === "HEAD") {
      res.end();
      return;
    }
    createReadStream(path).pipe(res);
  };
}
