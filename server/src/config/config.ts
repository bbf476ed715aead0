import { existsSync, readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { type Env, parseDuration, Reader } from "./reader.js";
import { parseWebhookConfig, type WebhookConfig } from "./webhooks.js";

export { type Env, parseDuration } from "./reader.js";

/**
 * The one place that reads `process.env`. Everything else receives a `Config`.
 * Parsing collects every problem before failing so a misconfigured deploy is fixed in one pass.
 */

export type NodeEnv = "development" | "production" | "test";
export type LogLevel = "debug" | "info" | "warn" | "error" | "silent";

export interface Limits {
  /** Largest accepted HTTP request body, counted while streaming. */
  maxBodyBytes: number;
  /** Deepest selection nesting in one operation. */
  maxDepth: number;
  /** Most aliased fields in one operation (alias bombs). */
  maxAliases: number;
  /** Highest estimated cost (list fields multiplied by their `first`). */
  maxCost: number;
  /** Most lexical tokens in one document (parse-time bomb guard). */
  maxTokens: number;
  /** Longest GraphQL document (query text) in bytes, refused before parsing, on HTTP and WebSocket. */
  maxDocumentBytes: number;
  /** Bytes of parsed documents (text + AST) each document cache (HTTP, WebSocket) may keep. */
  documentCacheBytes: number;
  /** `exportMarkers` of a version with more live notes than this is refused (its cost is its notes). */
  maxExportNotes: number;
  /** An export whose text is longer than this is refused. */
  maxExportBytes: number;
  /** Exports rendered at once in this process; more wait their turn. */
  exportConcurrency: number;
  /** Failed sign-ins per (email, client IP) before each further attempt waits (1 s, 2 s, 4 s ...). */
  signInFreeFailures: number;
  /** The first of those waits; each next one doubles. */
  signInFirstDelaySeconds: number;
  /** Longest wait between two sign-in attempts of one (email, client IP). */
  signInMaxDelaySeconds: number;
  /** Accounts created per client IP inside `signInWindowSeconds`. */
  signUpMaxPerIp: number;
  /** Failed sign-ins per client IP inside `signInWindowSeconds` before refusing. */
  signInMaxFailuresPerIp: number;
  signInWindowSeconds: number;
}

export interface Config {
  nodeEnv: NodeEnv;
  isProduction: boolean;
  isDevelopment: boolean;
  /**
   * Stack traces, "did you mean" suggestions and internal close reasons in responses. Only
   * `pnpm dev` turns it on (ERROR_DETAILS=true); never in production.
   */
  errorDetails: boolean;
  port: number;
  host: string;
  /** Behind a reverse proxy: take the client address from X-Forwarded-For (its last hop). */
  trustProxy: boolean;
  /** `null` means: start the embedded store in-process. */
  mongodbUri: string | null;
  dataDir: string;
  /** Where the embedded store keeps its files (`DATA_DIR/db`). */
  embeddedDbPath: string;
  /**
   * The in-process embedded store also listens on loopback TCP (for mongosh and other tools).
   * Off by default: it has no authentication, and the server itself uses a private Unix socket.
   */
  embeddedStoreTcp: boolean;
  /** Signs access tokens when set; null: the keys live in the database (auth/signing-keys.ts). */
  jwtSecret: Uint8Array | null;
  /** Former JWT_SECRETs, still accepted for verification (rotation). */
  jwtPreviousSecrets: readonly Uint8Array[];
  tokenTtlSeconds: number;
  logLevel: LogLevel;
  /** json: one JSON object per line (production default); text: `[level] msg {fields}`. */
  logFormat: "json" | "text";
  seedDemo: boolean;
  clientDist: string;
  mediaDir: string;
  /**
   * Hosts a version's mediaUrl may point at (https only, no credentials), besides this server's
   * /media/ paths. Empty (the default): /media/ only. Also the CSP's media-src.
   */
  mediaHosts: readonly string[];
  repoRoot: string;
  version: string;
  limits: Limits;
  /** Realtime (GraphQL over WebSocket); see docs/realtime.md. Owned by the realtime helper. */
  realtime: RealtimeConfig;
  webhooks: WebhookConfig;
}

// ---- Realtime (issue 4): appended by the realtime helper. ----
export interface RealtimeConfig {
  connectionInitTimeoutMs: number;
  keepAliveMs: number;
  maxPayloadBytes: number;
  maxSubscriptionsPerConnection: number;
  maxConnectionsPerUser: number;
  /** A socket whose unsent bytes exceed this is a slow consumer and is closed with 1013. */
  maxBufferedBytes: number;
  presenceTtlSeconds: number;
  /** Per-event cost (app/limits.ts estimate) a socket's subscriptions may hold together. */
  maxSubscriptionCostPerConnection: number;
  /** The same across one user's sockets in this process. */
  maxSubscriptionCostPerUser: number;
  /** One event's execution for one group past this ends that group's subscriptions. */
  executionTimeoutMs: number;
}

function parseRealtimeConfig(r: Reader): RealtimeConfig {
  return {
    connectionInitTimeoutMs: r.int("WS_CONNECTION_INIT_TIMEOUT_MS", 3_000, 100, 60_000),
    keepAliveMs: r.int("WS_KEEPALIVE_MS", 12_000, 0, 300_000),
    maxPayloadBytes: r.int("WS_MAX_PAYLOAD_BYTES", 1_048_576, 1_024, 16 * 1_048_576),
    maxSubscriptionsPerConnection: r.int("WS_MAX_SUBSCRIPTIONS_PER_CONNECTION", 100, 1, 10_000),
    maxConnectionsPerUser: r.int("WS_MAX_CONNECTIONS_PER_USER", 20, 1, 10_000),
    maxBufferedBytes: r.int("WS_MAX_BUFFERED_BYTES", 4 * 1_048_576, 1_024, 256 * 1_048_576),
    presenceTtlSeconds: r.int("PRESENCE_TTL_SECONDS", 30, 2, 3_600),
    maxSubscriptionCostPerConnection: r.int("WS_MAX_SUBSCRIPTION_COST_PER_CONNECTION", 5_000, 1, 10_000_000),
    maxSubscriptionCostPerUser: r.int("WS_MAX_SUBSCRIPTION_COST_PER_USER", 10_000, 1, 100_000_000),
    executionTimeoutMs: r.int("WS_EXECUTION_TIMEOUT_MS", 2_000, 10, 600_000),
  };
}
// ---- End realtime. ----

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join("\n")}`);
    this.name = "ConfigError";
  }
}

/**
 * The server package's folder: the nearest package.json above this module, which is
 * server/src/config in development and server/dist in the compiled build (scripts/build-server.mjs).
 */
function serverRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, "package.json")) && dirname(dir) !== dir) dir = dirname(dir);
  return dir;
}
const SERVER_ROOT = serverRoot();
export const REPO_ROOT = resolve(SERVER_ROOT, "..");

const LOG_LEVELS: readonly LogLevel[] = ["debug", "info", "warn", "error", "silent"];
const NODE_ENVS: readonly NodeEnv[] = ["development", "production", "test"];

function readVersion(): string {
  try {
    const pkg = JSON.parse(readFileSync(join(SERVER_ROOT, "package.json"), "utf8")) as { version?: string };
    return pkg.version ?? "0.0.0";
  } catch {
    return "0.0.0";
  }
}

/**
 * JWT_SECRET, if given. Unset (the default, in every mode) means the signing keys live in the
 * database, created once and shared by every process (auth/signing-keys.ts).
 */
function resolveJwtSecret(r: Reader): Uint8Array | null {
  const given = r.raw("JWT_SECRET");
  if (given === undefined || given === "") return null;
  if (given.length < 32)
    r.problems.push("JWT_SECRET must be at least 32 characters (try: openssl rand -hex 32).");
  return new TextEncoder().encode(given);
}

/** Secrets that signed tokens before the current JWT_SECRET; they still verify until those expire. */
function resolvePreviousSecrets(r: Reader): Uint8Array[] {
  const raw = r.raw("JWT_PREVIOUS_SECRETS") ?? "";
  const secrets = raw
    .split(",")
    .map((s) => s.trim())
    .filter((s) => s !== "");
  if (secrets.some((s) => s.length < 32))
    r.problems.push("JWT_PREVIOUS_SECRETS: each secret must be at least 32 characters.");
  if (secrets.length > 0 && r.raw("JWT_SECRET") === undefined)
    r.problems.push(
      "JWT_PREVIOUS_SECRETS needs JWT_SECRET (without it the keys live in the database; rotate with `pnpm rotate-key`).",
    );
  return secrets.map((s) => new TextEncoder().encode(s));
}

/** Pure parse of an environment map (tests pass their own). */
export function parseConfig(env: Env): Config {
  const r = new Reader(env, REPO_ROOT);
  const nodeEnv = r.oneOf("NODE_ENV", NODE_ENVS, "development");
  const dataDir = r.path("DATA_DIR", join(REPO_ROOT, ".data"));
  const ttlRaw = r.raw("TOKEN_TTL") ?? "12h";
  let tokenTtlSeconds = parseDuration(ttlRaw);
  if (tokenTtlSeconds === null) {
    r.problems.push(`TOKEN_TTL="${ttlRaw}" must be a duration like 12h, 30m, 7d or a number of seconds.`);
    tokenTtlSeconds = 12 * 3_600;
  }
  const mongodbUri = r.raw("MONGODB_URI") ?? null;
  if (mongodbUri !== null && !/^mongodb(\+srv)?:\/\//.test(mongodbUri)) {
    r.problems.push(
      `MONGODB_URI must start with mongodb:// or mongodb+srv:// (unset it to use the embedded store).`,
    );
  }
  const config: Config = {
    nodeEnv,
    isProduction: nodeEnv === "production",
    isDevelopment: nodeEnv === "development",
    errorDetails: nodeEnv !== "production" && r.bool("ERROR_DETAILS", false),
    port: r.int("PORT", 4000, 0, 65_535),
    host: r.raw("HOST") ?? "127.0.0.1",
    trustProxy: r.bool("TRUST_PROXY", false),
    mongodbUri,
    dataDir,
    embeddedDbPath: join(dataDir, "db"),
    embeddedStoreTcp: r.bool("EMBEDDED_STORE_TCP", false),
    jwtSecret: resolveJwtSecret(r),
    jwtPreviousSecrets: resolvePreviousSecrets(r),
    tokenTtlSeconds,
    logLevel: r.oneOf("LOG_LEVEL", LOG_LEVELS, nodeEnv === "test" ? "warn" : "info"),
    logFormat: r.oneOf("LOG_FORMAT", ["json", "text"] as const, nodeEnv === "production" ? "json" : "text"),
    seedDemo: r.bool("SEED_DEMO", true),
    clientDist: r.path("CLIENT_DIST", join(REPO_ROOT, "client", "dist")),
    mediaDir: r.path("MEDIA_DIR", join(SERVER_ROOT, "media")),
    mediaHosts: r.hosts("MEDIA_HOSTS"),
    repoRoot: REPO_ROOT,
    version: readVersion(),
    limits: {
      maxBodyBytes: r.int("MAX_BODY_BYTES", 1_048_576, 1_024, 100 * 1_048_576),
      maxDepth: r.int("MAX_QUERY_DEPTH", 12, 2, 100),
      maxAliases: r.int("MAX_QUERY_ALIASES", 30, 1, 1_000),
      maxCost: r.int("MAX_QUERY_COST", 25_000, 1, 10_000_000),
      maxTokens: r.int("MAX_QUERY_TOKENS", 5_000, 100, 1_000_000),
      maxDocumentBytes: r.int("MAX_DOCUMENT_BYTES", 100_000, 1_024, 10 * 1_048_576),
      documentCacheBytes: r.int("DOCUMENT_CACHE_BYTES", 16 * 1_048_576, 0, 1_024 * 1_048_576),
      maxExportNotes: r.int("MAX_EXPORT_NOTES", 5_000, 1, 1_000_000),
      maxExportBytes: r.int("MAX_EXPORT_BYTES", 16 * 1_048_576, 1_024, 1_024 * 1_048_576),
      exportConcurrency: r.int("EXPORT_CONCURRENCY", 2, 1, 64),
      signInFreeFailures: r.int("SIGNIN_FREE_FAILURES", 5, 1, 10_000),
      signInFirstDelaySeconds: r.int("SIGNIN_FIRST_DELAY_SECONDS", 1, 1, 3_600),
      signInMaxDelaySeconds: r.int("SIGNIN_MAX_DELAY_SECONDS", 60, 1, 3_600),
      signUpMaxPerIp: r.int("SIGNUP_MAX_PER_IP", 20, 1, 100_000),
      signInMaxFailuresPerIp: r.int("SIGNIN_MAX_FAILURES_PER_IP", 100, 1, 100_000),
      signInWindowSeconds: r.int("SIGNIN_WINDOW_SECONDS", 900, 1, 86_400),
    },
    realtime: parseRealtimeConfig(r), // realtime helper
    webhooks: parseWebhookConfig(r),
  };
  if (r.problems.length > 0) throw new ConfigError(r.problems);
  return deepFreeze(config);
}

function deepFreeze<T extends object>(o: T): Readonly<T> {
  for (const v of Object.values(o)) {
    if (v && typeof v === "object" && !(v instanceof Uint8Array)) deepFreeze(v as object);
  }
  return Object.freeze(o);
}

let loaded: Config | undefined;

/** Reads `.env` (if present, without overriding real variables) and `process.env`, once. */
export function loadConfig(): Config {
  if (loaded) return loaded;
  const envFile = join(REPO_ROOT, ".env");
  if (existsSync(envFile)) process.loadEnvFile(envFile);
  loaded = parseConfig(process.env);
  return loaded;
}

/** Builds a config for tests: isolated, in-memory friendly, overridable. */
export function testConfig(overrides: Env = {}): Config {
  // Test files sign many users up from one address; the sign-up limit has its own test.
  return parseConfig({
    NODE_ENV: "test",
    PORT: "0",
    SEED_DEMO: "false",
    SIGNUP_MAX_PER_IP: "100000",
    ...overrides,
  });
}
