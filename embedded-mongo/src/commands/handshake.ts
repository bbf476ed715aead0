import { type Document, Long, Timestamp } from "bson";
import { MAX_BSON_OBJECT_SIZE, MAX_MESSAGE_SIZE } from "../wire/messages.js";
import type { CommandContext, Handler, ServerInfo } from "./context.js";
import { CommandError } from "./errors.js";

export const SERVER_VERSION = "7.0.14";
const MAX_AWAIT_MS = 10_000;

export function clusterTimestamp(ctx: CommandContext): Timestamp {
  const { t, i } = ctx.engine.lastCommitted().ts;
  // Before the first write, report "now" so drivers get a sane operationTime; increment 0 keeps
  // it before a first commit in the same second (whose increment is 1).
  return t === 0
    ? new Timestamp({ t: Math.floor(ctx.server.startedAt.getTime() / 1000), i: 0 })
    : new Timestamp({ t, i });
}

/** The store's topology never changes: one process id, counter 0. */
export function topologyVersion(s: ServerInfo): Document {
  return { processId: s.processId, counter: Long.fromNumber(0) };
}

function helloReply(ctx: CommandContext): Document {
  const s = ctx.server;
  const me = `${s.host}:${s.port}`;
  const reply: Document = {
    helloOk: true,
    isWritablePrimary: true,
    topologyVersion: topologyVersion(s),
    maxBsonObjectSize: MAX_BSON_OBJECT_SIZE,
    maxMessageSizeBytes: MAX_MESSAGE_SIZE,
    maxWriteBatchSize: 100_000,
    localTime: new Date(),
    logicalSessionTimeoutMinutes: 30,
    connectionId: ctx.conn.id,
    minWireVersion: 0,
    maxWireVersion: 21,
    readOnly: false,
  };
  if (ctx.name.toLowerCase() === "ismaster") {
    reply.ismaster = true;
    delete reply.isWritablePrimary;
  }
  if (s.replSet) {
    const ts = clusterTimestamp(ctx);
    const wall = new Date(ts.high * 1000);
    Object.assign(reply, {
      hosts: [me],
      setName: s.replSet,
      setVersion: 1,
      secondary: false,
      primary: me,
      me,
      electionId: s.electionId,
      lastWrite: {
        opTime: { ts, t: Long.fromNumber(1) },
        lastWriteDate: wall,
        majorityOpTime: { ts, t: Long.fromNumber(1) },
        majorityWriteDate: wall,
      },
    });
  }
  return { ...reply, ok: 1 };
}

/**
 * hello / isMaster. A monitoring request carrying `topologyVersion` + `maxAwaitTimeMS` is an
 * awaitable hello: our topology never changes, so wait out the period (or until the socket
 * closes) instead of answering at once, which would make the driver poll in a tight loop.
 */
const hello: Handler = async (ctx) => {
  const appName = (ctx.cmd.client as { application?: { name?: unknown } } | undefined)?.application?.name;
  if (typeof appName === "string") ctx.conn.appName = appName;
  const wait = ctx.cmd.maxAwaitTimeMS;
  if (ctx.cmd.topologyVersion && wait !== undefined) {
    const ms = Math.min(Number(wait), MAX_AWAIT_MS);
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([
      new Promise<void>((r) => {
        timer = setTimeout(r, ms);
      }),
      ctx.conn.closed,
    ]);
    clearTimeout(timer);
  }
  return helloReply(ctx);
};

const buildInfo: Handler = () => ({
  version: SERVER_VERSION,
  gitVersion: "embedded",
  modules: [],
  allocator: "system",
  javascriptEngine: "none",
  sysInfo: "deprecated",
  versionArray: SERVER_VERSION.split(".").map(Number).concat(0),
  openssl: { running: "disabled", compiled: "disabled" },
  buildEnvironment: { distmod: "embedded", target_os: process.platform },
  bits: 64,
  debug: false,
  maxBsonObjectSize: MAX_BSON_OBJECT_SIZE,
  storageEngines: ["embedded"],
  ok: 1,
});

const PARAMETERS: Document = {
  featureCompatibilityVersion: { version: "7.0" },
  maxBSONDepth: 100,
  cursorTimeoutMillis: Long.fromNumber(600_000),
  transactionLifetimeLimitSeconds: 60,
  authenticationMechanisms: [],
};

const getParameter: Handler = (ctx) => {
  const out: Document = {};
  const all =
    ctx.cmd.getParameter === "*" ||
    (typeof ctx.cmd.getParameter === "object" && ctx.cmd.getParameter?.allParameters);
  for (const [k, v] of Object.entries(PARAMETERS)) if (all || k in ctx.cmd) out[k] = v;
  if (Object.keys(out).length === 0)
    return { ok: 0, errmsg: "no option found to get", code: 72, codeName: "InvalidOptions" };
  return { ...out, ok: 1 };
};

const serverStatus: Handler = (ctx) => {
  const uptimeMs = Date.now() - ctx.server.startedAt.getTime();
  const mem = process.memoryUsage();
  return {
    host: `${ctx.server.host}:${ctx.server.port}`,
    version: SERVER_VERSION,
    process: "embedded-mongo",
    pid: Long.fromNumber(process.pid),
    uptime: Math.floor(uptimeMs / 1000),
    uptimeMillis: Long.fromNumber(uptimeMs),
    localTime: new Date(),
    connections: { current: ctx.server.connections(), available: 10_000 },
    mem: { bits: 64, resident: Math.round(mem.rss / 2 ** 20), virtual: Math.round(mem.heapTotal / 2 ** 20) },
    metrics: { cursor: { open: { total: Long.fromNumber(ctx.cursors.size) } } },
    ok: 1,
  };
};

/** Enough replica-set status for health checks that ask a single-node set. */
const replSetGetStatus: Handler = (ctx) => {
  const s = ctx.server;
  if (!s.replSet) throw new CommandError("NoReplicationEnabled", "not running with --replSet");
  const ts = clusterTimestamp(ctx);
  return {
    set: s.replSet,
    date: new Date(),
    myState: 1,
    term: Long.fromNumber(1),
    members: [
      {
        _id: 0,
        name: `${s.host}:${s.port}`,
        health: 1,
        state: 1,
        stateStr: "PRIMARY",
        uptime: Math.floor((Date.now() - s.startedAt.getTime()) / 1000),
        optime: { ts, t: Long.fromNumber(1) },
        self: true,
      },
    ],
    ok: 1,
  };
};

export const handshakeCommands: Record<string, Handler> = {
  replSetGetStatus,
  replSetInitiate: (ctx) => {
    if (!ctx.server.replSet)
      throw new CommandError("NoReplicationEnabled", "This node was not started with replication enabled.");
    throw new CommandError("AlreadyInitialized", "already initialized");
  },
  hello,
  isMaster: hello,
  ismaster: hello,
  ping: () => ({ ok: 1 }),
  buildInfo,
  buildinfo: buildInfo,
  getParameter,
  serverStatus,
  hostInfo: () => ({
    system: { hostname: "localhost", currentTime: new Date() },
    os: { type: process.platform },
    ok: 1,
  }),
  whatsmyuri: (ctx) => ({ you: ctx.conn.remote, ok: 1 }),
  connectionStatus: () => ({ authInfo: { authenticatedUsers: [], authenticatedUserRoles: [] }, ok: 1 }),
  getCmdLineOpts: (ctx) => ({ argv: ["embedded-mongo"], parsed: { net: { port: ctx.server.port } }, ok: 1 }),
  getLog: () => ({ totalLinesWritten: 0, log: [], ok: 1 }),
  logout: () => ({ ok: 1 }),
  endSessions: (ctx) => {
    const ids = Array.isArray(ctx.cmd.endSessions) ? (ctx.cmd.endSessions as Document[]) : [];
    for (const s of ids) {
      const hex = sessionHex(s);
      if (hex) ctx.cursors.killSession(hex);
    }
    return { ok: 1 };
  },
  refreshSessions: () => ({ ok: 1 }),
  startSession: () => ({ ok: 1 }),
};

/** Hex of an lsid document's UUID. */
export function sessionHex(lsid: unknown): string | undefined {
  const id = (lsid as { id?: { buffer?: Uint8Array } } | undefined)?.id;
  return id?.buffer ? Buffer.from(id.buffer).toString("hex") : undefined;
}
