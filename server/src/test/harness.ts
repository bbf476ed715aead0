import { randomBytes } from "node:crypto";
import mongoose from "mongoose";
import { type Config, type Env, testConfig } from "../config/config.js";
import { connectDatabase, type Database } from "../app/database.js";
import { createLogger } from "../core/logger.js";
import { setRuntime } from "../core/runtime.js";
import { type AppServer, createAppServer } from "../app/server.js";
import { installWriteGuard, type WriteGuard } from "./write-guard.js";

export interface GqlOptions {
  /** Sends `Authorization: Bearer <token>`. */
  token?: string;
  headers?: Record<string, string>;
}

export interface GqlResponse<T = Record<string, unknown>> {
  status: number;
  headers: Headers;
  body: {
    data?: T | null;
    errors?: Array<{ message: string; path?: (string | number)[]; extensions?: Record<string, unknown> }>;
  };
}

export interface TestServer {
  /** Base URL, e.g. http://127.0.0.1:54321 (GraphQL at `${url}/graphql`). */
  url: string;
  graphqlUrl: string;
  /** ws:// URL of /graphql for graphql-ws clients. */
  wsUrl: string;
  config: Config;
  app: AppServer;
  /** POSTs one operation as JSON; never throws on GraphQL errors. */
  gql<T = Record<string, unknown>>(
    query: string,
    variables?: Record<string, unknown>,
    options?: GqlOptions,
  ): Promise<GqlResponse<T>>;
  /** `t.as(user).gql(query, variables)`: the same call with `user.token` sent for you. */
  as(who: { token: string }): {
    gql<T = Record<string, unknown>>(
      query: string,
      variables?: Record<string, unknown>,
    ): Promise<GqlResponse<T>>;
  };
  close(): Promise<void>;
}

// One store + one mongoose connection per process (vitest runs each file in its own fork).
let database: Promise<Database> | undefined;
let writeGuard: WriteGuard | undefined;

/**
 * Runs a fixture that writes to the store directly (bulk loads, crafted states) past the write
 * guard. Server code never needs it: its writes are commands.
 */
export function writeOutsideCommands<T>(fn: () => Promise<T>): Promise<T> {
  return writeGuard ? writeGuard.allow(fn) : fn();
}
let users = 0;

export interface StartTestServerOptions {
  /** Extra environment for this file's config, e.g. `{ SIGNIN_FREE_FAILURES: "3" }`. */
  env?: Env;
  /** Collects the server's log as JSON lines here (at LOG_LEVEL, default info) instead of printing it. */
  logTo?: LogSink;
}

/** A log destination tests read: every JSON line, and a wait for the first that matches. */
export class LogSink {
  readonly lines: Array<Record<string, unknown>> = [];
  private waiters = new Set<() => void>();
  write(line: string): void {
    this.lines.push(JSON.parse(line) as Record<string, unknown>);
    for (const w of this.waiters) w();
  }
  /** Resolves with the first line (in arrival order) matching; rejects after `timeoutMs`. */
  waitFor(
    pred: (line: Record<string, unknown>) => boolean,
    timeoutMs = 10_000,
  ): Promise<Record<string, unknown>> {
    return new Promise((resolve, reject) => {
      const check = () => {
        const hit = this.lines.find(pred);
        if (!hit) return false;
        this.waiters.delete(check);
        clearTimeout(timer);
        resolve(hit);
        return true;
      };
      const timer = setTimeout(() => {
        this.waiters.delete(check);
        reject(
          new Error(
            `no matching log line in ${timeoutMs} ms; last lines: ${JSON.stringify(this.lines.slice(-5))}`,
          ),
        );
      }, timeoutMs);
      if (!check()) this.waiters.add(check);
    });
  }
}

/**
 * Starts the embedded store in memory, connects mongoose to a fresh database, and serves the app
 * on a free port. Call once per test file (beforeAll) and `close()` in afterAll. A second call in
 * the same file starts another server on the same database (a second "process"), but config is
 * process-wide: the last server started sets it for all.
 */
export async function startTestServer(options: StartTestServerOptions = {}): Promise<TestServer> {
  const config = testConfig(options.logTo ? { LOG_LEVEL: "info", ...options.env } : options.env);
  const logger = options.logTo
    ? createLogger(config.logLevel, true, options.logTo)
    : createLogger(config.logLevel);
  setRuntime(config, "embedded", logger);
  const dbName = `test_${randomBytes(6).toString("hex")}`;
  database ??= connectDatabase(config, logger, { dbPath: null, dbName, monitorCommands: true }).then((db) => {
    writeGuard = installWriteGuard(mongoose.connection.getClient(), mongoose.connection.name);
    return db;
  });
  const db = await database;
  users++;
  const app = await createAppServer({ config });
  const url = await app.start(0, "127.0.0.1");
  const graphqlUrl = `${url}/graphql`;

  const server: TestServer = {
    url,
    graphqlUrl,
    wsUrl: graphqlUrl.replace(/^http/, "ws"),
    config,
    app,
    async gql<T>(query: string, variables?: Record<string, unknown>, opts: GqlOptions = {}) {
      const res = await fetch(graphqlUrl, {
        method: "POST",
        headers: {
          "content-type": "application/json",
          accept: "application/graphql-response+json, application/json",
          ...(opts.token ? { authorization: `Bearer ${opts.token}` } : {}),
          ...opts.headers,
        },
        body: JSON.stringify({ query, variables }),
      });
      const text = await res.text();
      let body: GqlResponse<T>["body"];
      try {
        body = JSON.parse(text) as GqlResponse<T>["body"];
      } catch {
        throw new Error(`Non-JSON response (${res.status}): ${text.slice(0, 200)}`);
      }
      return { status: res.status, headers: res.headers, body };
    },
    as(who) {
      return { gql: (query, variables) => server.gql(query, variables, { token: who.token }) };
    },
    async close() {
      await app.stop();
      users--;
      if (users === 0) {
        database = undefined;
        const violations = writeGuard?.takeViolations() ?? [];
        writeGuard?.stop();
        writeGuard = undefined;
        await db.close();
        // Fails the file (afterAll) that made a write no command owns: see write-guard.ts.
        if (violations.length > 0) {
          throw new Error(`Writes outside a command:\n${[...new Set(violations)].join("\n")}`);
        }
      }
    },
  };
  return server;
}

/** Returns `data` or throws with the errors, for steps that are not what a test is about. */
export function expectData<T>(res: GqlResponse<T>): T {
  if (res.body.errors?.length || !res.body.data) {
    throw new Error(`GraphQL errors (${res.status}): ${JSON.stringify(res.body.errors ?? res.body)}`);
  }
  return res.body.data;
}

/** The first error's code, for `expect(errorCode(res)).toBe("NOT_FOUND")`. */
export function errorCode(res: GqlResponse<unknown>): string | undefined {
  return res.body.errors?.[0]?.extensions?.code as string | undefined;
}
