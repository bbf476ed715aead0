import type { Config } from "../config/config.js";
import { createLogger, type Logger } from "./logger.js";

/**
 * Process-wide runtime set once by `createAppServer` (or the test harness) so that the shared
 * context factory and services reach config and logger without threading them through
 * type-graphql's resolver construction.
 */
export interface Runtime {
  config: Config;
  logger: Logger;
  /** "embedded" when the in-process store serves the data, "external" for MONGODB_URI. */
  database: "embedded" | "external";
}

let current: Runtime | undefined;

export function setRuntime(config: Config, database: Runtime["database"], logger?: Logger): Runtime {
  current = {
    config,
    database,
    logger: logger ?? createLogger(config.logLevel, config.logFormat === "json"),
  };
  return current;
}

export function runtime(): Runtime {
  if (!current) throw new Error("Runtime not initialised: call setRuntime() (createAppServer does) first.");
  return current;
}
