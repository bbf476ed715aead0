/**
 * Socket state for the banner and for resubscribing: `epoch` grows by one each time the socket
 * (re)connects, so subscribers can restart their streams with the last cursor they saw.
 */
export type SocketStatus = "idle" | "connecting" | "connected" | "reconnecting" | "offline";

export interface ConnectionState {
  readonly status: SocketStatus;
  /** Number of successful connections so far; a change after the first means "reconnected". */
  readonly epoch: number;
  /** The browser's own online signal: "offline" with this true is a dropped socket, not a dead network. */
  readonly network: boolean;
}

type Listener = () => void;

export class ConnectionStore {
  private state: ConnectionState = { status: "idle", epoch: 0, network: true };
  /** The socket's own status; `state.status` is this unless the browser says it is offline. */
  private socket: SocketStatus = "idle";
  private networkUp = true;
  private readonly listeners = new Set<Listener>();

  readonly getSnapshot = (): ConnectionState => this.state;

  readonly subscribe = (listener: Listener): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  /** "Reconnecting" only after a lost connection; a fresh or lazily reopened socket is just "connecting". */
  connecting(): void {
    const lost = this.socket === "offline" || this.socket === "reconnecting";
    this.setSocket(lost ? "reconnecting" : "connecting");
  }

  connected(): void {
    this.setSocket("connected", this.state.epoch + 1);
  }

  /** The client closed an idle socket on purpose (no subscriptions left): nothing is missing. */
  idle(): void {
    this.setSocket("idle");
  }

  /** An unexpected close, before or after a first connection: live updates are not flowing. */
  closed(): void {
    this.setSocket("offline");
  }

  /**
   * The browser's own online/offline signal. A socket can look open for tens of seconds after the
   * network went away (until a ping times out), so going offline is shown at once, not then.
   */
  network(online: boolean): void {
    this.networkUp = online;
    this.setSocket(this.socket);
  }

  private setSocket(socket: SocketStatus, epoch = this.state.epoch): void {
    this.socket = socket;
    const status = this.networkUp ? socket : "offline";
    const network = this.networkUp;
    if (status === this.state.status && epoch === this.state.epoch && network === this.state.network) return;
    this.state = { status, epoch, network };
    for (const l of this.listeners) l();
  }
}

export const connection = new ConnectionStore();
