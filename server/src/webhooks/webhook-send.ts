import { request as httpRequest } from "node:http";
import { request as httpsRequest } from "node:https";
import { guardedLookup, type TargetPolicy, validateWebhookUrl } from "./webhook-target.js";

export interface SendResult {
  ok: boolean;
  statusCode: number | null;
  error: string | null;
  durationMs: number;
}

export interface SendOptions {
  policy: TargetPolicy;
  timeoutMs: number;
  userAgent: string;
}

/**
 * POSTs one delivery. Only a 2xx is a success; redirects are not followed (a 3xx could send the
 * signed body, or the next request, to a host the guard never checked) and count as failures. The
 * response body is not read beyond its head: nothing of it is kept, so a huge or slow body costs
 * nothing. node:http rather than fetch because its `lookup` hook is where the SSRF guard checks the
 * address actually connected to.
 */
export function sendDelivery(
  urlText: string,
  headers: Record<string, string>,
  body: string,
  options: SendOptions,
): Promise<SendResult> {
  const started = performance.now();
  const done = (ok: boolean, statusCode: number | null, error: string | null): SendResult => ({
    ok,
    statusCode,
    error,
    durationMs: Math.round(performance.now() - started),
  });
  let url: URL;
  try {
    url = validateWebhookUrl(urlText, options.policy);
  } catch (err) {
    return Promise.resolve(done(false, null, (err as Error).message));
  }
  const request = url.protocol === "https:" ? httpsRequest : httpRequest;
  return new Promise<SendResult>((resolve) => {
    let settled = false;
    const finish = (r: SendResult) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve(r);
    };
    const req = request(
      url,
      {
        method: "POST",
        lookup: guardedLookup(options.policy) as never,
        headers: {
          ...headers,
          "content-type": "application/json",
          "content-length": String(Buffer.byteLength(body)),
          "user-agent": options.userAgent,
        },
      },
      (res) => {
        const status = res.statusCode ?? 0;
        res.destroy();
        const ok = status >= 200 && status < 300;
        finish(done(ok, status, ok ? null : `HTTP ${status}`));
      },
    );
    const timer = setTimeout(() => {
      req.destroy(new Error(`timed out after ${options.timeoutMs} ms`));
    }, options.timeoutMs);
    req.on("error", (err) => finish(done(false, null, err.message.slice(0, 200))));
    req.end(body);
  });
}
