import { type Document, Long, Binary } from "bson";
import { RetryCache } from "../sessions/retry-cache.js";
import { isTransactional, runAutocommit, runInTransaction, transactionCommands } from "../sessions/run.js";
import { aggregateCommands } from "./aggregate.js";
import { catalogCommands } from "./catalog.js";
import type { CommandContext, Handler } from "./context.js";
import { CommandError } from "./errors.js";
import { explainCommands } from "./explain.js";
import { configureFailPoint, withFailCommand } from "./fail-points.js";
import { findAndModify } from "./find-and-modify.js";
import { clusterTimestamp, handshakeCommands, sessionHex } from "./handshake.js";
import { indexCommands } from "./indexes.js";
import { readCommands } from "./read.js";
import { withViews } from "./views.js";
import { writeCommands } from "./write.js";

/** Credentials in the URI make the driver authenticate; say plainly why that cannot work. */
const refuseAuth: Handler = () => {
  throw new CommandError(
    "AuthenticationFailed",
    "Authentication is not supported by the embedded store; remove the credentials from the connection string",
  );
};

export const COMMANDS: Record<string, Handler> = withViews({
  ...handshakeCommands,
  ...catalogCommands,
  ...indexCommands,
  ...readCommands,
  ...writeCommands,
  ...aggregateCommands,
  ...explainCommands,
  findAndModify,
  findandmodify: findAndModify,
  ...transactionCommands,
  configureFailPoint,
  saslStart: refuseAuth,
  saslContinue: refuseAuth,
  authenticate: refuseAuth,
});

/** Commands whose (lsid, txnNumber) make them retryable writes. */
const RETRYABLE = new Set(["insert", "update", "delete", "findAndModify", "findandmodify"]);

/** Commands that never carry session/cluster-time gossip in their reply. */
const NO_GOSSIP = new Set(["hello", "isMaster", "ismaster"]);

const ZERO_HASH = new Binary(Buffer.alloc(20), 0);

function route(ctx: CommandContext, handler: Handler, retry: RetryCache): Promise<Document> {
  const { cmd, name, session } = ctx;
  if (isTransactional(cmd, name)) return runInTransaction(ctx, handler);
  if (session && cmd.txnNumber !== undefined && RETRYABLE.has(name)) {
    const key = RetryCache.key(session, cmd.txnNumber);
    const prior = retry.get(key);
    if (prior) return Promise.resolve(prior);
    const keep = () => ctx.server.failPoints?.applied(cmd) ?? true;
    return retry.run(key, () => runAutocommit(ctx, handler), keep);
  }
  return runAutocommit(ctx, handler);
}

export type DispatchContext = Omit<CommandContext, "name" | "db" | "session">;

/**
 * Run one command document and produce its reply document. Never throws: every failure
 * becomes an `{ ok: 0 }` reply.
 */
export async function dispatch(base: DispatchContext, retry: RetryCache): Promise<Document> {
  const cmd = base.cmd;
  const name = Object.keys(cmd)[0] ?? "";
  let reply: Document;
  try {
    const db = cmd.$db;
    if (typeof db !== "string" || db.length === 0) {
      throw new CommandError("Location40571", "OP_MSG requests require a $db argument");
    }
    const handler = Object.hasOwn(COMMANDS, name) ? COMMANDS[name] : undefined;
    if (!handler) throw new CommandError("CommandNotFound", `no such command: '${name}'`);
    const session = sessionHex(cmd.lsid);
    const ctx: CommandContext = { ...base, name, db, session };
    reply = await withFailCommand(ctx, () => route(ctx, handler, retry));
  } catch (e) {
    if (e instanceof CommandError) reply = e.toReply();
    else {
      base.server.log("error", `command ${name} failed`, { error: (e as Error).stack ?? String(e) });
      reply = {
        ok: 0,
        errmsg: `internal error: ${(e as Error).message}`,
        code: 1,
        codeName: "InternalError",
      };
    }
  }
  if (base.server.replSet && !NO_GOSSIP.has(name)) {
    const ts = clusterTimestamp({ ...base, name, db: "admin", session: undefined });
    reply.$clusterTime = { clusterTime: ts, signature: { hash: ZERO_HASH, keyId: Long.fromNumber(0) } };
    reply.operationTime = ts;
  }
  return reply;
}
