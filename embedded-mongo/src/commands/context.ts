import type { Document, ObjectId } from "bson";
import type { CursorRegistry } from "../cursors/registry.js";
import type { Engine } from "../engine/engine.js";
import type { OpenChangeStream } from "../engine/hooks.js";
import type { Transactions } from "../sessions/transactions.js";
import type { FailPoints } from "./fail-points.js";

/** Facts about the running server that replies (hello, serverStatus) report. */
export interface ServerInfo {
  host: string;
  port: number;
  replSet: string | null;
  startedAt: Date;
  processId: ObjectId;
  electionId: ObjectId;
  connections: () => number;
  openChangeStream: OpenChangeStream | null;
  log: (level: "info" | "warn" | "error", msg: string, meta?: object) => void;
  /** Test-only fail points; null unless started with `enableTestCommands`. */
  failPoints: FailPoints | null;
}

/** Per-connection state a command can see. */
export interface ConnectionInfo {
  id: number;
  remote: string;
  /** Resolves when the socket closes (awaitable hello stops waiting). */
  closed: Promise<void>;
  /** The driver's `appName`, from the handshake (failCommand's `appName` matches it). */
  appName?: string;
  /** Drop the socket without a reply (fail points simulate network errors with it). */
  close: () => void;
}

export interface CommandContext {
  db: string;
  /** The command name as sent (first key of the body). */
  name: string;
  cmd: Document;
  engine: Engine;
  cursors: CursorRegistry;
  server: ServerInfo;
  conn: ConnectionInfo;
  /** Hex of `lsid.id`, when the command runs in a session. */
  session: string | undefined;
  /** Open multi-document transactions and their locks (src/sessions/). */
  txns: Transactions;
  /** False for `w: 0` / moreToCome: nobody waits, so don't wait for durability either. */
  acknowledged: boolean;
}

export type Handler = (ctx: CommandContext) => Document | Promise<Document>;
