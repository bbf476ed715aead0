import type { IncomingMessage } from "node:http";
import type { WebSocket } from "ws";
import type { Viewer } from "../core/context.js";
import { Close, CloseReason } from "../realtime/close-codes.js";
import type { IdentityWatch } from "../realtime/identity-watch.js";
import { resolveViewer } from "./context.js";
import { sessionCookieOf } from "../auth/session-cookie.js";

/**
 * Per-connection state, kept by the socket's protocol state (ws-protocol.ts). Only the identity: an
 * idle connection must stay small (≤ 20 KB), so no DataLoaders are kept per connection or per
 * subscription, and nothing of the `connection_init` (the token) or of a `subscribe` message.
 */
export interface Connection {
  viewer: Viewer;
  clientIp: string | null;
  userId: string;
}

/**
 * `connection_init` and close: the token through the shared viewer resolution (app/context.ts),
 * a per-user connection cap (4429 above it), and the identity watch that closes the socket when
 * its session or token ends.
 */
export class Connections {
  private readonly byUser = new Map<string, number>();

  constructor(
    private readonly maxPerUser: number,
    private readonly identities: IdentityWatch<WebSocket>,
    private readonly identified: (socket: WebSocket, userId: string) => void,
  ) {}

  async connect(
    socket: WebSocket,
    request: IncomingMessage,
    params: Record<string, unknown>,
  ): Promise<Connection | null> {
    const raw = params.authorization ?? params.Authorization;
    // connectionParams for tools; the browser's handshake carried the cookie (its Origin checked
    // at the upgrade, ws.ts).
    const cookie = sessionCookieOf(request.headers);
    const authorization = typeof raw === "string" ? raw : cookie ? `Bearer ${cookie}` : null;
    if (!authorization) return null;
    const { viewer } = await resolveViewer(authorization);
    if (!viewer) return null;
    const userId = viewer.userId;
    const count = this.byUser.get(userId) ?? 0;
    if (count >= this.maxPerUser) {
      socket.close(Close.TooManyConnections, CloseReason.TooManyConnections);
      return null;
    }
    // Closed while authenticating: onClose has already run without a conn to release.
    if (socket.readyState !== socket.OPEN) return null;
    this.byUser.set(userId, count + 1);
    this.identities.add(socket, viewer);
    this.identified(socket, userId);
    return { viewer, clientIp: request.socket.remoteAddress ?? null, userId };
  }

  close(socket: WebSocket, conn: Connection | null): void {
    if (!conn) return;
    this.identities.remove(socket);
    const left = (this.byUser.get(conn.userId) ?? 1) - 1;
    if (left > 0) this.byUser.set(conn.userId, left);
    else this.byUser.delete(conn.userId);
  }
}
