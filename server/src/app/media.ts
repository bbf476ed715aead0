import { createReadStream } from "node:fs";
import { realpath, stat } from "node:fs/promises";
import { extname, sep } from "node:path";
import type { IncomingMessage, ServerResponse } from "node:http";
import { sendText } from "./http-util.js";
import { MEDIA_CSP } from "./security-headers.js";
import { contentTypeOf, safeJoin } from "./static.js";

/** What /media/ serves: media and their captions. HTML, SVG, scripts were active content on our origin. */
const MEDIA_TYPES: ReadonlySet<string> = new Set([".mp4", ".webm", ".m4a", ".mp3", ".wav", ".ogg", ".vtt"]);

/**
 * `urlPath`'s file if it is a media file whose real path (links resolved) is inside `mediaDir`'s
 * real path; a link inside MEDIA_DIR served /etc/passwd (issue 13).
 */
export async function resolveMediaFile(mediaDir: string, urlPath: string): Promise<string | null> {
  const path = safeJoin(mediaDir, urlPath);
  if (!path || !MEDIA_TYPES.has(extname(path).toLowerCase())) return null;
  try {
    const [root, real] = await Promise.all([realpath(mediaDir), realpath(path)]);
    return real.startsWith(root + sep) && MEDIA_TYPES.has(extname(real).toLowerCase()) ? real : null;
  } catch {
    return null;
  }
}

export type ByteRange = { start: number; end: number } | "unsatisfiable" | null;

/** Parses a single `bytes=` range (players only send one); null means "send the whole file". */
export function parseRange(header: string | undefined, size: number): ByteRange {
  if (!header) return null;
  const m = /^bytes=(\d*)-(\d*)$/.exec(header.trim());
  if (!m || (m[1] === "" && m[2] === "")) return null;
  let start: number;
  let end: number;
  if (m[1] === "") {
    // Suffix range: the last N bytes.
    const n = Number(m[2]);
    if (n === 0) return "unsatisfiable";
    start = Math.max(0, size - n);
    end = size - 1;
  } else {
    start = Number(m[1]);
    end = m[2] === "" ? size - 1 : Math.min(Number(m[2]), size - 1);
  }
  if (start >= size || start > end) return "unsatisfiable";
  return { start, end };
}

/** Demo media under `/media/`, with Range support so players can seek (206 Partial Content). */
export function createMediaHandler(mediaDir: string) {
  return async (req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> => {
    const path = await resolveMediaFile(mediaDir, url.pathname.slice("/media/".length));
    const info = path ? await stat(path).catch(() => null) : null;
    if (!path || !info?.isFile()) return sendText(res, 404, "Not found.");
    const base = {
      "content-type": contentTypeOf(path),
      "accept-ranges": "bytes",
      "cache-control": "public, max-age=86400",
      "last-modified": info.mtime.toUTCString(),
      "content-security-policy": MEDIA_CSP,
    };
    const range = parseRange(req.headers.range, info.size);
    if (range === "unsatisfiable") {
      res.writeHead(416, { ...base, "content-range": `bytes */${info.size}` });
      res.end();
      return;
    }
    const { start, end } = range ?? { start: 0, end: info.size - 1 };
    const length = info.size === 0 ? 0 : end - start + 1;
    res.writeHead(range ? 206 : 200, {
      ...base,
      "content-length": length,
      ...(range ? { "content-range": `bytes ${start}-${end}/${info.size}` } : {}),
    });
    if (req.method === "HEAD" || length === 0) {
      res.end();
      return;
    }
    createReadStream(path, { start, end }).pipe(res);
  };
}
