/**
 * Child process of test/crash.test.ts: runs the store in file mode and hammers it with concurrent
 * acknowledged writers through the official driver, printing a line per acknowledged write:
 *   A <_id>            one insertOne
 *   B <batch> <count>  one insertMany (a single journal record: all or nothing)
 * The parent SIGKILLs this process at a random moment.
 */
import { MongoClient } from "mongodb";
import { startEmbeddedMongo } from "../src/index.js";
import { crashDoc } from "./crash-docs.js";

const [dbPath, round] = process.argv.slice(2) as [string, string];
const store = await startEmbeddedMongo({ dbPath });
const client = new MongoClient(store.uri, { maxPoolSize: 8 });
await client.connect();
const coll = client.db("crash").collection("docs");
process.stdout.write("READY\n");

const WRITERS = 6;
await Promise.all(
  Array.from({ length: WRITERS }, async (_, w) => {
    for (let n = 0; ; n++) {
      const key = `r${round}-w${w}-n${n}`;
      if (n % 3 === 2) {
        const docs = Array.from({ length: 5 }, (_, j) => crashDoc(`${key}-${j}`, key));
        await coll.insertMany(docs);
        process.stdout.write(`B ${key} 5\n`);
      } else {
        await coll.insertOne(crashDoc(key, null));
        process.stdout.write(`A ${key}\n`);
      }
    }
  }),
);
