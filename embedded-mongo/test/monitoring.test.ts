import { MongoClient } from "mongodb";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTarget, type Target } from "./support/target.js";

let target: Target;
beforeAll(async () => {
  target = await startTarget("monitoring");
});
afterAll(async () => target?.close());

describe("server monitoring", () => {
  // The driver's default streaming monitor (exhaust hello): every streamed reply must carry
  // moreToCome, or each heartbeat fails and the driver clears the connection pool.
  it("keeps the driver's streaming heartbeats healthy: no failures, no pool clears", async () => {
    const client = new MongoClient(target.uri, { heartbeatFrequencyMS: 200 });
    let failed = 0;
    let cleared = 0;
    let succeeded = 0;
    client.on("serverHeartbeatFailed", () => failed++);
    client.on("connectionPoolCleared", () => cleared++);
    const enough = new Promise<void>((resolve) =>
      client.on("serverHeartbeatSucceeded", (e) => {
        // Awaited heartbeats are the streamed ones (after the first, plain hello).
        if (e.awaited && ++succeeded >= 5) resolve();
      }),
    );
    await client.connect();
    await client.db(target.dbName).collection("monitor").insertOne({ a: 1 });
    await enough;
    expect(await client.db(target.dbName).collection("monitor").countDocuments()).toBe(1);
    expect({ failed, cleared }).toEqual({ failed: 0, cleared: 0 });
    await client.close();
  }, 30_000);
});
