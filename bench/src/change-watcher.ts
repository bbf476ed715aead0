/**
 * The change-stream floor: a process that only watches one collection through the official
 * driver (`fullDocument: "updateLookup"`, as the server's change feed does) and counts changes.
 * Its CPU per change, read from /proc by the orchestrator, is what any server built on MongoDB
 * change streams pays per change before doing anything with it.
 */
import { MongoClient } from "mongodb";

export type ToWatcher = { t: "stop" };
export type FromWatcher = { t: "ready" } | { t: "seen"; n: number };

const [uri, dbName, collName] = process.argv.slice(2) as [string, string, string];
const send = (m: FromWatcher) => process.send?.(m);

const client = await MongoClient.connect(uri);
const stream = client.db(dbName).collection(collName).watch([], { fullDocument: "updateLookup" });
let n = 0;
stream.on("change", () => {
  n++;
  send({ t: "seen", n });
});
// The first getMore is in place once the aggregate has answered (its post-batch token).
stream.once("resumeTokenChanged", () => send({ t: "ready" }));
process.on("message", async (m: ToWatcher) => {
  if (m.t !== "stop") return;
  await stream.close();
  await client.close();
  process.exit(0);
});
process.on("disconnect", () => process.exit(0));
