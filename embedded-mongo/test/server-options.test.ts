import { MongoClient } from "mongodb";
import { describe, expect, it } from "vitest";
import { parseArgs, UsageError } from "../src/cli-args.js";
import { startEmbeddedMongo } from "../src/index.js";
import { rejection } from "./support/target.js";

describe("startEmbeddedMongo options", () => {
  it("refuses a non-loopback host unless allowPublicBind", async () => {
    await expect(startEmbeddedMongo({ host: "0.0.0.0" })).rejects.toThrow(/refusing to bind/);
  });

  it("answers as a standalone with replSet: null and then refuses change streams", async () => {
    const srv = await startEmbeddedMongo({ replSet: null });
    expect(srv.uri).toBe(`mongodb://127.0.0.1:${srv.port}/?directConnection=true`);
    const c = new MongoClient(srv.uri);
    try {
      const hello = await c.db("admin").command({ hello: 1 });
      expect(hello.setName).toBeUndefined();
      const e = await rejection(
        c
          .db("d")
          .collection("c")
          .aggregate([{ $changeStream: {} }])
          .toArray(),
      );
      expect(e.code).toBe(40573);
    } finally {
      await c.close();
      await srv.close();
    }
  });

  it("closes idempotently", async () => {
    const srv = await startEmbeddedMongo();
    await Promise.all([srv.close(), srv.close()]);
  });
});

describe("CLI arguments", () => {
  it("parses flags and defaults", () => {
    const o = parseArgs(["--port", "0", "--dbpath=/tmp/x", "--replSet", "rs9", "--host", "::1"]);
    expect(o).toMatchObject({
      port: 0,
      dbPath: "/tmp/x",
      replSet: "rs9",
      host: "::1",
      allowPublicBind: false,
    });
    expect(parseArgs([]).dbPath).toMatch(/\.data\/db$/);
    expect(parseArgs(["--no-replSet"]).replSet).toBeNull();
    expect(parseArgs([]).enableTestCommands).toBe(false);
    expect(parseArgs(["--enableTestCommands"]).enableTestCommands).toBe(true);
  });

  it("rejects bad flags clearly", () => {
    expect(() => parseArgs(["--bogus"])).toThrow(UsageError);
    expect(() => parseArgs(["--port", "abc"])).toThrow(/--port must be an integer/);
    expect(() => parseArgs(["--dbpath"])).toThrow(/needs a value/);
  });
});

describe("server monitoring", () => {
  it("holds awaitable hello until maxAwaitTimeMS instead of answering in a tight loop", async () => {
    const srv = await startEmbeddedMongo();
    const c = new MongoClient(srv.uri, { heartbeatFrequencyMS: 500 });
    try {
      // The driver's `duration` for awaited heartbeats is an RTT estimate, so time it ourselves.
      let startedAt = 0;
      const held = new Promise<number>((resolve) => {
        c.on("serverHeartbeatStarted", (e) => {
          if (e.awaited) startedAt = performance.now();
        });
        c.on("serverHeartbeatSucceeded", (e) => {
          if (e.awaited && startedAt) resolve(performance.now() - startedAt);
        });
      });
      await c.connect();
      expect(await held).toBeGreaterThanOrEqual(400);
    } finally {
      await c.close();
      await srv.close();
    }
  });
});

describe("authentication", () => {
  it("explains that credentials are not supported", async () => {
    const srv = await startEmbeddedMongo();
    const c = new MongoClient(srv.uri.replace("mongodb://", "mongodb://user:pw@"), {
      serverSelectionTimeoutMS: 2000,
    });
    try {
      const e = await rejection(c.connect());
      expect(e.message).toMatch(/Authentication is not supported by the embedded store/);
    } finally {
      await c.close();
      await srv.close();
    }
  });
});
