/**
 * Socket state for the banner and for resubscribing: `epoch` grows by one each time the socket
 * (re)connects, so subscribers can restart their streams with the last cursor they saw.
 */
export type SocketStatus = "idle" | "connecting" | "connected" | "reconnecting" | "offline";

export interface ConnectionState {
  readonly status: SocketStatus;
  /** Number of successful connections so far; a change after the first means "reconnected". */
  readonly epoch: number;
}

type Listener = () => void;

export class ConnectionStore {
  private state: ConnectionState = { status: "idle", epoch: 0 };
  private readonly listeners = new Set<Listener>();

  readonly getSnapshot = (): ConnectionState => this.state;

  readonly subscribe = (listener: Listener): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  /** "Reconnecting" only after a lost connection; a fresh or lazily reopened socket is just "connecting". */
  connecting(): void {
    const lost = this.state.status === "offline" || this.state.status === "reconnecting";
    this.set({ ...this.state, status: lost ? "reconnecting" : "connecting" });
  }

  connected(): void {
    this.set({ status: "connected", epoch: this.state.epoch + 1 });
  }

  /** The client closed an idle socket on purpose (no subscriptions left): nothing is missing. */
  idle(): void {
    this.set({ ...this.state, status: "idle" });
  }

  /** An unexpected close, before or after a first connection: live updates are not flowing. */
  closed(): void {
    this.set({ ...this.state, status: "offline" });
  }

  private set(next: ConnectionState): void {
    if (next.status === this.state.status && next.epoch === this.state.epoch) return;
    this.state = next;
    for (const l of this.listeners) l();
  }
}

export const connection = new ConnectionStore();
