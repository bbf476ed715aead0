/**
 * Child process of test/crash-txn.test.ts: runs the store in file mode while several clients (one
 * MongoClient each) run multi-document transactions through the official driver. Each transaction
 * inserts three items, bumps its writer's account and the shared total (writers conflict there and
 * retry on TransientTransactionError). It prints, per transaction key:
 *   P <key>   commitTransaction is about to be sent (before this: nothing of it may survive)
 *   C <key>   commitTransaction acknowledged (it must survive whole)
 *   X <key>   deliberately aborted (nothing of it may survive)
 * The parent SIGKILLs this process at a random moment.
 */
import { once } from "node:events";
import { type ClientSession, MongoClient, MongoError } from "mongodb";
import { startEmbeddedMongo } from "../src/index.js";

const [dbPath, round] = process.argv.slice(2) as [string, string];
// The parent starts the next round's child while this round runs (loading the modules is most of
// a start on a busy machine) and says go on stdin once the directory is free and checked.
process.stdout.write("LOADED\n");
await once(process.stdin, "data");
const store = await startEmbeddedMongo({ dbPath });
const CLIENTS = Number(process.env.CRASH_TXN_CLIENTS ?? 4);
const clients = await Promise.all(
  Array.from({ length: CLIENTS }, () => new MongoClient(store.uri, { maxPoolSize: 2 }).connect()),
);
process.stdout.write("READY\n");

async function attempt(client: MongoClient, session: ClientSession, w: number, key: string, keep: boolean) {
  const db = client.db("crash");
  const items = db.collection<{ _id: string; txn: string; writer: number; j: number }>("items");
  const accounts = db.collection<{ _id: string; n: number; last?: string }>("accounts");
  session.startTransaction({ readConcern: { level: "snapshot" }, writeConcern: { w: "majority" } });
  await items.insertMany(
    [0, 1, 2].map((j) => ({ _id: `${key}-${j}`, txn: key, writer: w, j })),
    { session },
  );
  await accounts.updateOne({ _id: `w${w}` }, { $inc: { n: 1 } }, { session, upsert: true });
  await accounts.updateOne(
    { _id: "total" },
    { $inc: { n: 1 }, $set: { last: key } },
    { session, upsert: true },
  );
  if (!keep) {
    await session.abortTransaction();
    process.stdout.write(`X ${key}\n`);
    return;
  }
  process.stdout.write(`P ${key}\n`);
  await session.commitTransaction();
  process.stdout.write(`C ${key}\n`);
}

await Promise.all(
  clients.map(async (client, w) => {
    const session = client.startSession();
    for (let n = 0; ; n++) {
      const key = `r${round}-w${w}-n${n}`;
      for (;;) {
        try {
          await attempt(client, session, w, key, n % 5 !== 4);
          break;
        } catch (e) {
          if (session.inTransaction()) await session.abortTransaction().catch(() => {});
          if (e instanceof MongoError && e.hasErrorLabel("TransientTransactionError")) continue;
          throw e;
        }
      }
    }
  }),
);
