import type { IncomingMessage, ServerResponse } from "node:http";

/** A GraphQL-shaped error body, so clients parse every failure the same way. */
export function sendGraphQLError(
  res: ServerResponse,
  status: number,
  message: string,
  code: string,
  headers: Record<string, string> = {},
): void {
  const body = JSON.stringify({ errors: [{ message, extensions: { code } }] });
  res.writeHead(status, {
    "content-type": "application/json; charset=utf-8",
    "content-length": Buffer.byteLength(body),
    ...headers,
  });
  res.end(body);
}

export function sendText(
  res: ServerResponse,
  status: number,
  text: string,
  headers: Record<string, string> = {},
): void {
  res.writeHead(status, {
    "content-type": "text/plain; charset=utf-8",
    "content-length": Buffer.byteLength(text),
    ...headers,
  });
  res.end(text);
}

export type BodyResult = { kind: "ok"; body: Buffer } | { kind: "tooLarge" } | { kind: "aborted" };

/**
 * Reads a request body, counting bytes as they stream in so an oversized body is never buffered.
 * Past the limit it keeps draining (without storing) so the client can read our 413 instead of
 * seeing a reset; a body far past the limit is cut off.
 */
export function readBody(req: IncomingMessage, maxBytes: number): Promise<BodyResult> {
  return new Promise((resolve) => {
    const declared = Number(req.headers["content-length"] ?? Number.NaN);
    const drainCap = maxBytes * 16;
    const chunks: Buffer[] = [];
    let size = 0;
    let over = false;
    let done = false;
    const finish = (r: BodyResult) => {
      if (done) return;
      done = true;
      resolve(r);
    };
    if (Number.isFinite(declared) && declared > drainCap) {
      req.resume();
      finish({ kind: "tooLarge" });
      return;
    }
    req.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size > maxBytes) {
        over = true;
        chunks.length = 0;
        if (size > drainCap) {
          req.pause();
          finish({ kind: "tooLarge" });
        }
        return;
      }
      chunks.push(chunk);
    });
    req.on("end", () =>
      finish(over ? { kind: "tooLarge" } : { kind: "ok", body: Buffer.concat(chunks, size) }),
    );
    req.on("error", () => finish({ kind: "aborted" }));
    req.on("close", () => finish(over ? { kind: "tooLarge" } : { kind: "aborted" }));
  });
}

/**
 * The client address for sign-in throttling. Behind a reverse proxy every request comes from the
 * proxy, so with TRUST_PROXY the last hop it appended to X-Forwarded-For is used instead.
 */
export function clientIpOf(req: IncomingMessage, trustProxy: boolean): string | null {
  const forwarded = req.headers["x-forwarded-for"];
  if (trustProxy && typeof forwarded === "string" && forwarded.trim() !== "") {
    const hops = forwarded
      .split(",")
      .map((h) => h.trim())
      .filter(Boolean);
    return hops[hops.length - 1] ?? null;
  }
  return req.socket.remoteAddress ?? null;
}
