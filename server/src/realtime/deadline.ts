import type { Logger } from "../core/logger.js";
import type { Viewer } from "../core/context.js";
import type { Group } from "./channel-batch.js";
import type { ExecutionScope, GroupSpec } from "./ports.js";
import type { FrameSink } from "./sinks.js";

export const TIMED_OUT: unique symbol = Symbol("timed out");

/** `work`'s value, or TIMED_OUT once `ms` passed first (`work` itself goes on; its result is dropped). */
export function withDeadline<T>(work: Promise<T>, ms: number): Promise<T | typeof TIMED_OUT> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<typeof TIMED_OUT>((resolve) => {
    timer = setTimeout(resolve, ms, TIMED_OUT);
  });
  return Promise.race([work, deadline]).finally(() => clearTimeout(timer));
}

/** A channel's per-execution time limit (WS_EXECUTION_TIMEOUT_MS); `ms` unset: no limit. */
export class ExecutionDeadline {
  constructor(
    readonly ms: number | undefined,
    private readonly logger: Logger,
    private readonly productionId: string,
  ) {}

  /**
   * One execution for the whole group as `viewer` (null: it overran). One that overruns the time
   * limit ends the group's subscriptions with an error, so no group holds up the channel's other
   * subscribers event after event; its work finishes unobserved.
   */
  async executeGroup(g: Group, viewer: Viewer, root: unknown, scope: ExecutionScope): Promise<Buffer | null> {
    const payload = await this.timed(g.spec.execute(root, viewer, scope));
    if (payload !== TIMED_OUT) return payload;
    this.logger.warn("realtime: an execution overran its time limit; its group ended", {
      productionId: this.productionId,
      ms: this.ms,
      subscribers: g.sinks.size,
    });
    const err = this.tooSlow();
    for (const s of [...g.sinks]) s.fail(err);
    return null;
  }

  /** Replay: one execution for one subscriber, failing it past the limit. */
  async sendTo(sink: FrameSink, spec: GroupSpec, root: unknown, scope: ExecutionScope): Promise<void> {
    const payload = await this.timed(spec.execute(root, sink.viewer, scope));
    if (payload === TIMED_OUT) sink.fail(this.tooSlow());
    else sink.send(payload);
  }

  /** `work`'s payload, or TIMED_OUT once the limit passed first. */
  timed(work: Promise<Buffer>): Promise<Buffer | typeof TIMED_OUT> {
    return this.ms ? withDeadline(work, this.ms) : work;
  }

  /** What a subscriber whose execution overran the limit is told. */
  tooSlow(): Error {
    return new Error(
      `Each event of this subscription took longer than ${this.ms} ms to compute; subscribe again with fewer fields.`,
    );
  }
}
