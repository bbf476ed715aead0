import { AsyncLocalStorage } from "node:async_hooks";
import mongoose from "mongoose";
import { realtimeDb } from "./limiter.js";

/**
 * "Realtime holds at most two pool connections": the change stream's getMore, plus one command at a
 * time for everything else realtime does. Group executions run the domain's resolvers and loaders,
 * which query through mongoose in parallel (one execution can have four queries in flight), so the
 * bound is applied per command: inside `inRealtimeScope`, every mongoose query and aggregate waits
 * for the single `realtimeDb` permit. Outside the scope (HTTP requests, naive mode) nothing changes
 * beyond one AsyncLocalStorage lookup per query.
 */
const scope = new AsyncLocalStorage<true>();
let installed = false;

type Exec = (this: unknown, ...args: unknown[]) => Promise<unknown>;

function limitExec(proto: { exec: Exec }): void {
  const original = proto.exec;
  proto.exec = function limitedExec(this: unknown, ...args: unknown[]) {
    if (!scope.getStore()) return original.apply(this, args);
    // Leave the scope for the command itself, so that anything mongoose runs inside it (populate)
    // does not wait for the permit this command holds.
    return scope.exit(() => realtimeDb.run(() => original.apply(this, args)));
  };
}

function install(): void {
  if (installed) return;
  installed = true;
  limitExec(mongoose.Query.prototype as unknown as { exec: Exec });
  limitExec(mongoose.Aggregate.prototype as unknown as { exec: Exec });
}

/** Runs `fn` with its database commands bounded to one at a time (see above). */
export function inRealtimeScope<T>(fn: () => Promise<T>): Promise<T> {
  install();
  return scope.run(true, fn);
}
