import { DbBound } from "../core/db-bound.js";

/**
 * Realtime's explicit database handle: everything realtime does in the database (subscription
 * authorisation, tail and replay reads, role refreshes, presence loads, group executions) runs in
 * `realtimeDb.run`, one command at a time. With the change stream's own connection, realtime
 * holds at most two pool connections however many subscribers there are, and a reconnect storm
 * queues here instead of taking the pool HTTP requests need (docs/realtime.md).
 */
export const realtimeDb = new DbBound(1);
