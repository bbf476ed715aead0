/**
 * The change-stream floor: a process that only watches one collection through the official
 * driver (`fullDocument: "updateLookup"`, as the server's change feed does) and counts changes.
 * Its CPU per change, read from /proc by the orchestrator, is what any server built on MongoDB
 * change streams pays per change before doing anything with it.
 */
import { MongoClient } from "mongodb";

export type ToWatcher = { t: "await"; n: number } | { t: "stop" };
export type FromWatcher = { t: "ready" } | { t: "seen"; n: number };

const [uri, dbName, collName] = process.argv.slice(2) as [string, string, string];
const send = (m: FromWatcher) => process.send?.(m);

const client = await MongoClient.connect(uri);
const stream = client.db(dbName).collection(collName).watch([], { fullDocument: "updateLookup" });
// Counting is all it does per change; it reports only when asked (an IPC message per change
// would be measured as part of the floor).
let n = 0;
let awaited = Number.POSITIVE_INFINITY;
const report = () => {
  if (n < awaited) return;
  awaited = Number.POSITIVE_INFINITY;
  send({ t: "seen", n });
};
stream.on("change", () => {
  n++;
  report();
});
// The first getMore is in place once the aggregate has answered (its post-batch token).
stream.once("resumeTokenChanged", () => send({ t: "ready" }));
process.on("message", async (m: ToWatcher) => {
  if (m.t === "await") {
    awaited = m.n;
    report();
    return;
  }
  await stream.close();
  await client.close();
  process.exit(0);
});
process.on("disconnect", () => process.exit(0));
