import { existsSync, statSync } from "node:fs";
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

  it.skipIf(process.platform === "win32")(
    "unixSocket: the same store over a Unix socket, transactions and change streams included; removed on close",
    async () => {
      const srv = await startEmbeddedMongo({ unixSocket: true });
      const socketUri = srv.socketUri as string;
      expect(socketUri).toMatch(/^mongodb:\/\/%2F.*store\.sock\/\?directConnection=true$/);
      const path = decodeURIComponent(/^mongodb:\/\/([^/]+)\//.exec(socketUri)?.[1] ?? "");
      const overSocket = new MongoClient(socketUri);
      const overTcp = new MongoClient(srv.uri);
      try {
        const coll = overSocket.db("d").collection<{ _id: number; n: number }>("c");
        const stream = coll.watch([], { fullDocument: "updateLookup" });
        const first = stream.next();
        const session = overSocket.startSession();
        await session.withTransaction(async () => {
          await coll.insertOne({ _id: 1, n: 1 }, { session });
          await coll.updateOne({ _id: 1 }, { $inc: { n: 1 } }, { session });
        });
        await session.endSession();
        expect((await first).operationType).toBe("insert");
        const second = await stream.next();
        expect("fullDocument" in second && second.fullDocument).toEqual({ _id: 1, n: 2 });
        await stream.close();
        // One engine behind both listeners.
        const viaTcp = overTcp.db("d").collection<{ _id: number; n: number }>("c");
        expect(await viaTcp.findOne({ _id: 1 })).toEqual({ _id: 1, n: 2 });
      } finally {
        await overSocket.close();
        await overTcp.close();
        await srv.close();
      }
      expect(existsSync(path)).toBe(false);
    },
  );

  it.skipIf(process.platform === "win32")(
    "tcp: false listens on the Unix socket only (0600), and its uri is that socket",
    async () => {
      const srv = await startEmbeddedMongo({ unixSocket: true, tcp: false });
      try {
        expect(srv.port).toBe(0);
        expect(srv.uri).toBe(srv.socketUri);
        const path = decodeURIComponent(/^mongodb:\/\/([^/]+)\//.exec(srv.uri)?.[1] ?? "");
        expect(statSync(path).mode & 0o777).toBe(0o600);
        const c = new MongoClient(srv.uri);
        try {
          expect((await c.db("admin").command({ ping: 1 })).ok).toBe(1);
        } finally {
          await c.close();
        }
      } finally {
        await srv.close();
      }
      await expect(startEmbeddedMongo({ tcp: false })).rejects.toThrow(/needs unixSocket/);
    },
  );

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
