import { type DestinationStream, type Logger as PinoLogger, pino } from "pino";
import type { LogLevel } from "../config/config.js";

/** Structured logging on pino: one JSON line per entry (LOG_FORMAT=json), or a readable line. */
export interface Logger {
  debug(msg: string, fields?: Record<string, unknown>): void;
  info(msg: string, fields?: Record<string, unknown>): void;
  warn(msg: string, fields?: Record<string, unknown>): void;
  error(msg: string, fields?: Record<string, unknown>): void;
  /** The pino logger underneath (pino-http's access log writes through it). */
  readonly pino: PinoLogger;
}

/**
 * Never logged in clear, wherever they appear in a line's fields: credentials in headers, and
 * tokens, passwords and secrets in anything a caller passes (variables, connection params).
 */
export const REDACT_PATHS = [
  "req.headers.authorization",
  "req.headers.cookie",
  'res.headers["set-cookie"]',
  "authorization",
  "password",
  "token",
  "secret",
  "*.authorization",
  "*.password",
  "*.token",
  "*.secret",
  "*.*.password",
  "*.*.token",
];

/**
 * The readable format for a terminal: `[level] msg {fields}`, warnings and errors on stderr, as
 * before pino. Hand-written (a dozen lines) rather than pino-pretty, which runs a worker thread
 * and brings eight dependencies for the same line.
 */
function readableDestination(): DestinationStream {
  return {
    write(line: string) {
      const {
        level,
        msg,
        time: _time,
        pid: _pid,
        hostname: _host,
        ...fields
      } = JSON.parse(line) as Record<string, unknown>;
      const extra = Object.keys(fields).length > 0 ? ` ${JSON.stringify(fields)}` : "";
      const stream =
        level === "warn" || level === "error" || level === "fatal" ? process.stderr : process.stdout;
      stream.write(`[${String(level)}] ${String(msg)}${extra}\n`);
    },
  };
}

export function createLogger(level: LogLevel, json = false, destination?: DestinationStream): Logger {
  const base = pino(
    {
      level,
      base: undefined, // no pid/hostname: the process manager adds those
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: { level: (label) => ({ level: label }) },
      redact: { paths: REDACT_PATHS, censor: "[redacted]" },
    },
    // Asynchronous: a synchronous write to a pipe whose reader lags (a log shipper, a process
    // manager) gets EAGAIN, on which sonic-boom blocks the event loop 100 ms per retry and, in a
    // burst (a thousand sockets connecting), recurses until the stack overflows and the process
    // dies (seen in `pnpm bench`). pino flushes what is buffered synchronously on exit.
    destination ?? (json ? pino.destination({ sync: false }) : readableDestination()),
  );
  return wrap(base);
}

function wrap(base: PinoLogger): Logger {
  return {
    debug: (m, f) => base.debug(f ?? {}, m),
    info: (m, f) => base.info(f ?? {}, m),
    warn: (m, f) => base.warn(f ?? {}, m),
    error: (m, f) => base.error(f ?? {}, m),
    pino: base,
  };
}
