import { createServer, type Server, type Socket } from "node:net";
import { ObjectId } from "bson";
import { openChangeStream } from "../changestreams/index.js";
import type { ServerInfo } from "../commands/context.js";
import { FailPoints } from "../commands/fail-points.js";
import { CursorRegistry } from "../cursors/registry.js";
import type { Engine } from "../engine/engine.js";
import { RetryCache } from "../sessions/retry-cache.js";
import { Transactions } from "../sessions/transactions.js";
import { Connection } from "./connection.js";

export type Logger = (level: "info" | "warn" | "error", msg: string, meta?: object) => void;

/** The TCP side: accepts sockets and gives each a Connection sharing one engine. */
export class WireServer {
  private readonly server: Server;
  /** A second listener on a Unix socket (`listenPath`), for a client in the same machine. */
  private pathServer: Server | null = null;
  private readonly connections = new Map<number, Connection>();
  private nextConnectionId = 1;
  readonly cursors = new CursorRegistry();
  private readonly retry = new RetryCache();
  private readonly txns: Transactions;
  readonly info: ServerInfo;

  constructor(
    private readonly engine: Engine,
    opts: { host: string; replSet: string | null; log: Logger; enableTestCommands?: boolean },
  ) {
    this.info = {
      host: opts.host,
      port: 0,
      replSet: opts.replSet,
      startedAt: new Date(),
      processId: new ObjectId(),
      electionId: new ObjectId("7fffffff0000000000000001"),
      connections: () => this.connections.size,
      openChangeStream,
      log: opts.log,
      failPoints: opts.enableTestCommands ? new FailPoints() : null,
    };
    this.txns = new Transactions(engine);
    this.server = createServer((s) => this.accept(s));
  }

  private accept(socket: Socket): void {
    const id = this.nextConnectionId++;
    const conn = new Connection(id, socket, {
      engine: this.engine,
      cursors: this.cursors,
      server: this.info,
      retry: this.retry,
      txns: this.txns,
    });
    this.connections.set(id, conn);
    void conn.closed.then(() => {
      this.connections.delete(id);
      this.cursors.connectionClosed(id);
    });
  }

  listen(port: number, host: string): Promise<number> {
    return new Promise((resolve, reject) => {
      this.server.once("error", reject);
      this.server.listen(port, host, () => {
        this.server.off("error", reject);
        const addr = this.server.address();
        const bound = typeof addr === "object" && addr ? addr.port : port;
        this.info.port = bound;
        resolve(bound);
      });
    });
  }

  /** Also accept connections on a Unix domain socket at `path` (same protocol, same engine). */
  listenPath(path: string): Promise<void> {
    const server = createServer((s) => this.accept(s));
    return new Promise((resolve, reject) => {
      server.once("error", reject);
      server.listen(path, () => {
        server.off("error", reject);
        this.pathServer = server;
        resolve();
      });
    });
  }

  async close(): Promise<void> {
    const pathServer = this.pathServer;
    const closingPath = pathServer
      ? new Promise<void>((r) => pathServer.close(() => r()))
      : Promise.resolve();
    const closing = new Promise<void>((r) => this.server.close(() => r()));
    for (const c of this.connections.values()) c.destroy();
    this.cursors.closeAll();
    this.txns.snapshots.close();
    await Promise.all([closing, closingPath]);
  }
}
