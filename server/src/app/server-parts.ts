import "reflect-metadata";
import mongoose from "mongoose";

/**
 * The parts a separate GraphQL server process reuses when it is built from this one (the bench's
 * baseline server, bench/src/baseline/): the same config, runtime, database, schema, identities,
 * subscription authorisation, contexts and event feed. This server does not import this file; it
 * is the one entry (`@greenlight/server/parts`) other workspace packages may take the server's
 * internals through, so what they depend on is listed in one place.
 */
export { loadConfig } from "../config/config.js";
export type { Config } from "../config/config.js";
export { setRuntime } from "../core/runtime.js";
export type { Logger } from "../core/logger.js";
export type { Viewer } from "../core/context.js";
export { connectDatabase } from "./database.js";
export { buildGreenlightSchema } from "./schema.js";
export { contextOf, resolveViewer } from "./context.js";
export { createFormatError } from "./format-error.js";
export { authorizeSubscription, type AuthorizedSubscription } from "./ws-authorize.js";
export { EventFeed, eventsSource } from "../events/event.feed.js";
export type { EventDoc } from "../events/event.model.js";
export { Close, CloseReason } from "../realtime/close-codes.js";

/** The connected database handle (after `connectDatabase`), for `EventFeed`'s `db` option. */
export function database(): mongoose.mongo.Db | undefined {
  return mongoose.connection.db;
}
