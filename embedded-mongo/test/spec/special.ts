// The unified format's "testRunner" operations that this runner needs (assertions on
// collections, indexes, sessions and lsids; createEntities; wait; fail points, which the runner
// turns off after the test).
import { setTimeout as sleep } from "node:timers/promises";
import type { Document } from "bson";
import type { ClientSession, MongoClient } from "mongodb";
import { MatchError, valuesEqual } from "./match.js";
import type { OperationContext } from "./operations.js";
import type { TestEnv } from "./run-test.js";

type Ctx = OperationContext & { env: TestEnv };

const TXN_STATES: Record<string, string> = {
  NO_TRANSACTION: "none",
  STARTING_TRANSACTION: "starting",
  TRANSACTION_IN_PROGRESS: "in_progress",
  TRANSACTION_COMMITTED: "committed",
  TRANSACTION_COMMITTED_EMPTY: "committed",
  TRANSACTION_ABORTED: "aborted",
};

async function collectionNames(ctx: Ctx, db: string): Promise<string[]> {
  const list = await ctx.env.internal.db(db).listCollections({}, { nameOnly: true }).toArray();
  return list.map((c) => c.name);
}

async function indexNames(ctx: Ctx, db: string, coll: string): Promise<string[]> {
  const list = await ctx.env.internal.db(db).collection(coll).listIndexes().toArray();
  return list.map((i) => i.name as string);
}

function check(ok: boolean, msg: string): void {
  if (!ok) throw new MatchError(msg);
}

function lastTwoLsids(ctx: Ctx, client: string): [unknown, unknown] {
  const started = ctx.entities.clientEntity(client).started;
  check(started.length >= 2, `${client}: fewer than two commands were started`);
  return [started.at(-2)?.command?.lsid, started.at(-1)?.command?.lsid];
}

function dirty(session: ClientSession): boolean {
  return Boolean((session as unknown as { serverSession?: { isDirty?: boolean } }).serverSession?.isDirty);
}

export async function runSpecialOperation(op: Document, ctx: Ctx): Promise<unknown> {
  const a = (op.arguments ?? {}) as Document;
  const session = () => ctx.entities.session(a.session);
  switch (op.name) {
    case "createEntities":
      return ctx.entities.create(a.entities);
    case "assertCollectionExists":
      return check(
        (await collectionNames(ctx, a.databaseName)).includes(a.collectionName),
        "collection missing",
      );
    case "assertCollectionNotExists":
      return check(
        !(await collectionNames(ctx, a.databaseName)).includes(a.collectionName),
        "collection exists",
      );
    case "assertIndexExists":
      return check(
        (await indexNames(ctx, a.databaseName, a.collectionName)).includes(a.indexName),
        "index missing",
      );
    case "assertIndexNotExists": {
      const names = await indexNames(ctx, a.databaseName, a.collectionName).catch(() => [] as string[]);
      return check(!names.includes(a.indexName), "index exists");
    }
    case "assertSessionDirty":
      return check(dirty(session()), "session is not dirty");
    case "assertSessionNotDirty":
      return check(!dirty(session()), "session is dirty");
    case "assertSessionPinned":
      return check(Boolean(session().isPinned), "session is not pinned");
    case "assertSessionUnpinned":
      return check(!session().isPinned, "session is pinned");
    case "assertSessionTransactionState": {
      const state =
        TXN_STATES[(session() as unknown as { transaction: { state: string } }).transaction.state];
      return check(state === a.state, `transaction state ${state}, expected ${a.state}`);
    }
    case "assertSameLsidOnLastTwoCommands": {
      const [x, y] = lastTwoLsids(ctx, a.client);
      return check(valuesEqual(x, y), "the last two commands used different lsids");
    }
    case "assertDifferentLsidOnLastTwoCommands": {
      const [x, y] = lastTwoLsids(ctx, a.client);
      return check(!valuesEqual(x, y), "the last two commands used the same lsid");
    }
    case "failPoint":
    case "targetedFailPoint": {
      // One replica-set member: a session's pinned server is the client's server.
      const client =
        op.name === "failPoint"
          ? ctx.entities.clientEntity(a.client).client
          : (session() as unknown as { client: MongoClient }).client;
      const fp = a.failPoint as Document;
      await client.db("admin").command(fp);
      ctx.entities.failPointsSet.add(String(fp.configureFailPoint));
      return undefined;
    }
    case "wait":
      return sleep(Number(a.ms));
    default:
      throw new Error(`unsupported testRunner operation ${op.name}`);
  }
}
