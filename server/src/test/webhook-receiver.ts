import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { verifyDelivery } from "../webhooks/webhook-signature.js";

export interface Received {
  id: string;
  type: string;
  seq: number;
  productionId: string;
  attempt: number;
  /** What the receiver answered. */
  status: number;
  signatureOk: boolean;
  /** The Greenlight-Event-Id header names the body's event. */
  idHeaderOk: boolean;
  data: Record<string, unknown>;
}

/**
 * A webhook endpoint for tests, on 127.0.0.1 port 0: verifies each delivery's signature as the
 * documented recipe does, answers 500 while `failing` (or for the next `failNext` requests), and
 * lets a test wait for what it expects to have arrived.
 */
export class WebhookReceiver {
  readonly requests: Received[] = [];
  secret = "";
  failing = false;
  failNext = 0;
  private server: Server | null = null;
  private waiters = new Set<() => void>();

  async start(): Promise<string> {
    this.server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on("data", (c: Buffer) => chunks.push(c));
      req.on("end", () => {
        const body = Buffer.concat(chunks).toString("utf8");
        const signatureOk = verifyDelivery(
          this.secret,
          {
            signature: req.headers["greenlight-signature"] as string | undefined,
            timestamp: req.headers["greenlight-timestamp"] as string | undefined,
          },
          body,
        );
        const fail = this.failing || this.failNext > 0;
        if (this.failNext > 0) this.failNext--;
        const status = !signatureOk ? 401 : fail ? 500 : 204;
        const event = JSON.parse(body) as Omit<Received, "attempt" | "status" | "signatureOk" | "idHeaderOk">;
        this.requests.push({
          ...event,
          attempt: Number(req.headers["greenlight-delivery-attempt"]),
          status,
          signatureOk,
          idHeaderOk: req.headers["greenlight-event-id"] === event.id,
        });
        res.writeHead(status).end();
        for (const w of this.waiters) w();
      });
    });
    await new Promise<void>((resolve) => this.server?.listen(0, "127.0.0.1", resolve));
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/hook`;
  }

  /** Deliveries accepted (2xx), in arrival order. */
  get accepted(): Received[] {
    return this.requests.filter((r) => r.status < 300);
  }

  /** Resolves once `pred` holds over the requests so far (checked on each arrival). */
  waitUntil(pred: (r: WebhookReceiver) => boolean, timeoutMs = 30_000): Promise<void> {
    return new Promise((resolve, reject) => {
      const check = () => {
        if (!pred(this)) return;
        this.waiters.delete(check);
        clearTimeout(timer);
        resolve();
      };
      const timer = setTimeout(() => {
        this.waiters.delete(check);
        reject(
          new Error(
            `receiver: not reached in ${timeoutMs} ms; got ${JSON.stringify(this.requests.slice(-5))}`,
          ),
        );
      }, timeoutMs);
      this.waiters.add(check);
      check();
    });
  }

  close(): Promise<void> {
    return new Promise((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }
}

/** The first arrival of each event id, in arrival order: must be in seq order for at-least-once in order. */
export function firstArrivals(list: readonly Received[]): Received[] {
  const seen = new Set<string>();
  return list.filter((r) => !seen.has(r.id) && seen.add(r.id));
}
