/**
 * Runs the embedded store in its own process for the benchmark (so the driver's CPU cost is not
 * charged to the store): prints `URI <uri>` once listening, exits when stdin closes.
 */
import { startEmbeddedMongo } from "../src/index.js";

const dbPath = process.argv[2];
const store = await startEmbeddedMongo(dbPath ? { dbPath } : {});
process.stdout.write(`URI ${store.uri}\n`);
process.stdin.resume();
process.stdin.on("end", () => {
  void store.close().then(() => process.exit(0));
});
