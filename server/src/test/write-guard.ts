import type { mongo } from "mongoose";

type CommandStartedEvent = mongo.CommandStartedEvent;

/**
 * The test-mode check behind "nothing writes outside a command": every write command the server
 * sends (insert, update, delete, findAndModify, bulkWrite) must carry a transaction (`txnNumber`
 * with `autocommit: false`), which only `runCommand` (events/command.ts) opens. It watches the
 * driver's own command monitoring, so mongoose calls and raw `Model.collection` calls are seen
 * alike. The harness fails the test file that caused a violation.
 */
const WRITE_COMMANDS = new Set(["insert", "update", "delete", "findAndModify", "bulkWrite"]);

/**
 * Writes that are not a mutation's changes, so no command owns them. Each says why.
 * - login_attempts: sign-in throttling counts failures, which fail their mutation; a transaction
 *   would roll the count back with it.
 * - presence: the heartbeat (joinVersion/updatePresence, and a throttled trailing write from a
 *   timer after the mutation returned), one document with a TTL and no event.
 * - signing_keys: the token keyring, created by the first token signed (an atomic upsert that
 *   every process agrees on) and rotated by an operator; one document, no event.
 */
const EXEMPT_COLLECTIONS = new Set(["login_attempts", "presence", "signing_keys"]);

/** api_tokens: authentication stamps `lastUsedAt` (at most once a minute), not a mutation. */
function isTokenUseStamp(collection: string, command: Record<string, unknown>): boolean {
  if (collection !== "api_tokens") return false;
  const updates = command.updates as Array<{ u?: Record<string, unknown> }> | undefined;
  return (
    !!updates?.length &&
    updates.every((u) => {
      const keys = Object.keys(u.u ?? {});
      const set = (u.u?.$set ?? {}) as Record<string, unknown>;
      return keys.length === 1 && keys[0] === "$set" && Object.keys(set).join() === "lastUsedAt";
    })
  );
}

export interface WriteGuard {
  /** One line per write made outside a transaction since the guard was installed or last read. */
  takeViolations(): string[];
  /** Runs `fn` with the guard off: test fixtures that write directly to build a state. */
  allow<T>(fn: () => Promise<T>): Promise<T>;
  stop(): void;
}

export function installWriteGuard(client: mongo.MongoClient, databaseName: string): WriteGuard {
  let violations: string[] = [];
  let allowed = 0;
  const onCommand = (ev: CommandStartedEvent) => {
    if (!WRITE_COMMANDS.has(ev.commandName) || ev.databaseName !== databaseName || allowed > 0) return;
    const command = ev.command as Record<string, unknown>;
    const collection = String(command[ev.commandName]);
    if (EXEMPT_COLLECTIONS.has(collection) || isTokenUseStamp(collection, command)) return;
    if (command.txnNumber !== undefined && command.autocommit === false) return;
    violations.push(`${ev.commandName} on ${collection} outside a command (no transaction)`);
  };
  client.on("commandStarted", onCommand);
  return {
    takeViolations() {
      const out = violations;
      violations = [];
      return out;
    },
    async allow(fn) {
      allowed++;
      try {
        return await fn();
      } finally {
        allowed--;
      }
    },
    stop: () => client.off("commandStarted", onCommand),
  };
}
