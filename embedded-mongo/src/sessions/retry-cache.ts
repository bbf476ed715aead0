import type { Document } from "bson";

const MAX_ENTRIES = 50_000;

/**
 * Replies of retryable writes by (lsid, txnNumber): a retried write with the same pair gets the
 * recorded reply instead of being applied again. Bounded; the oldest entries go first, which is
 * safe because drivers retry at most once, right away.
 */
export class RetryCache {
  private readonly replies = new Map<string, Document>();
  /** Writes still running, so a retry racing the original waits for its reply. */
  private readonly running = new Map<string, Promise<Document>>();

  static key(session: string, txnNumber: unknown): string {
    return `${session}:${String(txnNumber)}`;
  }

  get(key: string): Document | Promise<Document> | undefined {
    return this.replies.get(key) ?? this.running.get(key);
  }

  /** Runs the write once; its reply is kept for retries when ok and `keep` agrees. */
  async run(key: string, exec: () => Promise<Document>, keep: () => boolean = () => true): Promise<Document> {
    const p = exec();
    this.running.set(key, p);
    try {
      const reply = await p;
      if (reply.ok === 1 && keep()) this.record(key, reply);
      return reply;
    } finally {
      this.running.delete(key);
    }
  }

  private record(key: string, reply: Document): void {
    this.replies.set(key, reply);
    if (this.replies.size > MAX_ENTRIES) {
      const oldest = this.replies.keys().next().value;
      if (oldest !== undefined) this.replies.delete(oldest);
    }
  }
}
