import type { Viewer } from "../core/context.js";
import { buildFrame, frameHead } from "./frames.js";
import { Close, CloseReason } from "./close-codes.js";

/** The part of a `ws` WebSocket the realtime layer writes to. */
export interface FrameSocket {
  readonly readyState: number;
  readonly bufferedAmount: number;
  send(data: Buffer, options: { binary: boolean; compress: boolean }): void;
  close(code?: number, reason?: string): void;
  /**
   * The TCP socket under a `ws` WebSocket (ws's own field; absent in test fakes). Corking it
   * around several sends makes their frames one writev: the system call, not the bytes, is most
   * of a small frame's cost.
   */
  readonly _socket?: { cork(): void; uncork(): void } | null;
}

const OPEN = 1;
// Text frames (graphql-ws clients parse strings), never compressed (perMessageDeflate is off).
const SEND_OPTIONS = { binary: false, compress: false } as const;

/** What a channel needs of any subscriber. */
export interface Sink {
  readonly userId: string;
  /** Highest seq this subscriber has been sent (replay and live): the seam's duplicate guard. */
  lastSeq: number;
  readonly ended: boolean;
  /** Ends the subscription: graphql-ws then sends `complete` (removed member, shutdown). */
  end(): void;
  /** Set by the channel: unregisters the sink when the client completes or disconnects. */
  onEnd: (() => void) | null;
}

/**
 * Closes a socket whose client stopped reading. Pending frames stay queued until `ws` gives up on
 * the close handshake, but nothing more is queued, so memory stays bounded.
 */
export function closeSlowConsumer(socket: FrameSocket): void {
  socket.close(Close.SlowConsumer, CloseReason.SlowConsumer);
}

/**
 * Who hears that a multiplexed subscription ended: the socket's protocol state (app/ws-protocol.ts),
 * which then sends `complete`, or `error` when it failed.
 */
export interface FrameSinkOwner {
  sinkEnded(sink: FrameSink): void;
}

/**
 * A multiplexed subscription: events are written straight to the socket as pre-serialised frames
 * (`send`). Nothing else is kept per subscription (no generator, promise or closure: an idle
 * subscribed connection must stay small); its end is reported to `owner`.
 */
export class FrameSink implements Sink {
  lastSeq = 0;
  ended = false;
  onEnd: (() => void) | null = null;
  /** Set by the protocol once the subscription is registered under `id`. */
  owner: FrameSinkOwner | null = null;
  /** Why it ended, when it failed (reported as an `error` message instead of `complete`). */
  failure: Error | null = null;
  /** Per-event cost reserved for it (app/ws-budget.ts), given back when it ends. */
  cost = 0;
  budget: { release(sink: FrameSink): void } | null = null;
  private readonly head: string;

  constructor(
    readonly id: string,
    readonly socket: FrameSocket,
    /** Shared with the connection's other subscriptions; the group executes as one of its viewers. */
    readonly viewer: Viewer,
    private readonly maxBufferedBytes: number,
  ) {
    this.head = frameHead(id);
  }

  get userId(): string {
    return this.viewer.userId;
  }

  /** Hot path: one bounds check, one buffer concat, one write. */
  send(payload: Buffer): void {
    const socket = this.socket;
    if (this.ended || socket.readyState !== OPEN) return;
    if (socket.bufferedAmount > this.maxBufferedBytes) {
      closeSlowConsumer(socket);
      return;
    }
    socket.send(buildFrame(this.head, payload), SEND_OPTIONS);
  }

  /** Sends several payloads in one write (see FrameSocket._socket). */
  sendAll(payloads: readonly Buffer[]): void {
    if (payloads.length === 1) {
      this.send(payloads[0] as Buffer);
      return;
    }
    const tcp = this.socket._socket;
    tcp?.cork();
    try {
      for (const p of payloads) this.send(p);
    } finally {
      tcp?.uncork();
    }
  }

  end(): void {
    if (this.ended) return;
    this.ended = true;
    this.onEnd?.();
    this.onEnd = null;
    this.owner?.sinkEnded(this);
    this.owner = null;
    this.budget?.release(this);
  }

  /** Ends the subscription with an `error` message carrying `err`'s message. */
  fail(err: Error): void {
    if (this.ended) return;
    this.failure = err;
    this.end();
  }
}
