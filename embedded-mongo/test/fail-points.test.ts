import { type Document, MongoClient, MongoServerError } from "mongodb";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type EmbeddedMongo, startEmbeddedMongo } from "../src/index.js";
import { rejection } from "./support/target.js";

// Fail points are test-only commands of the embedded store (mongod: enableTestCommands), so these
// tests start their own servers rather than use MONGODB_URI.
let plain: EmbeddedMongo;
let testing: EmbeddedMongo;
const clients: MongoClient[] = [];

async function client(uri: string, opts: Document = {}): Promise<MongoClient> {
  const c = new MongoClient(uri, { serverSelectionTimeoutMS: 5000, ...opts });
  clients.push(c);
  await c.connect();
  return c;
}

const arm = (c: MongoClient, fp: Document) => c.db("admin").command(fp);
const off = (c: MongoClient, name: string) =>
  c.db("admin").command({ configureFailPoint: name, mode: "off" });

beforeAll(async () => {
  [plain, testing] = await Promise.all([
    startEmbeddedMongo(),
    startEmbeddedMongo({ enableTestCommands: true }),
  ]);
});
afterAll(async () => {
  for (const c of clients) await c.close(true);
  await Promise.all([plain.close(), testing.close()]);
});

describe("configureFailPoint is a test command", () => {
  it("is an unknown command unless the server was started with enableTestCommands", async () => {
    const c = await client(plain.uri);
    const err = await rejection(arm(c, { configureFailPoint: "failCommand", mode: "alwaysOn" }));
    expect(err.code).toBe(59);
    expect(err.message).toContain("no such command: 'configureFailPoint'");
  });

  it("runs on admin only and knows its fail points by name", async () => {
    const c = await client(testing.uri);
    const notAdmin = c.db("x").command({ configureFailPoint: "failCommand", mode: "off" });
    expect((await rejection(notAdmin)).code).toBe(13);
    expect((await rejection(arm(c, { configureFailPoint: "nope", mode: "off" }))).code).toBe(144);
    const badMode = arm(c, { configureFailPoint: "failCommand", mode: { sometimes: 1 } });
    expect((await rejection(badMode)).code).toBe(2);
  });
});

describe("failCommand", () => {
  it("fails the named command `times` times with the code and mongod's labels", async () => {
    const c = await client(testing.uri, { retryWrites: false });
    const coll = c.db("fp").collection("codes");
    await arm(c, {
      configureFailPoint: "failCommand",
      mode: { times: 1 },
      data: { failCommands: ["insert"], errorCode: 91 },
    });
    const err = await rejection(coll.insertOne({ _id: 1 } as Document));
    expect(err).toBeInstanceOf(MongoServerError);
    expect([err.code, err.codeName]).toEqual([91, "ShutdownInProgress"]);
    // Not a retryable write (retryWrites: false sends no txnNumber), so no RetryableWriteError.
    expect((err as unknown as MongoServerError).hasErrorLabel("RetryableWriteError")).toBe(false);
    await coll.insertOne({ _id: 2 } as Document);
    expect(await coll.countDocuments()).toBe(1);
    expect((await off(c, "failCommand")).count).toBe(1);
  });

  it("a retryable write gets RetryableWriteError, and the driver's retry applies it once", async () => {
    const c = await client(testing.uri, { monitorCommands: true });
    const failed: string[] = [];
    c.on("commandFailed", (e) => failed.push(e.commandName));
    const coll = c.db("fp").collection("retry");
    await arm(c, {
      configureFailPoint: "failCommand",
      mode: { times: 1 },
      data: { failCommands: ["insert"], errorCode: 10107 },
    });
    await coll.insertOne({ _id: 1 } as Document);
    expect(failed).toEqual(["insert"]);
    expect(await coll.countDocuments()).toBe(1);
  });

  it("inside a transaction the label is TransientTransactionError and withTransaction retries", async () => {
    const c = await client(testing.uri);
    const coll = c.db("fp").collection("txn");
    await coll.insertOne({ _id: 0 } as Document);
    await arm(c, {
      configureFailPoint: "failCommand",
      mode: { times: 1 },
      data: { failCommands: ["insert"], errorCode: 112 },
    });
    const session = c.startSession();
    let attempts = 0;
    await session.withTransaction(async () => {
      attempts++;
      await coll.insertOne({ _id: 1 } as Document, { session });
    });
    await session.endSession();
    expect(attempts).toBe(2);
    expect(await coll.countDocuments()).toBe(2);
  });

  it("closeConnection drops the socket of the connection whose appName matches, only", async () => {
    const a = await client(testing.uri, { appName: "victim", retryReads: false });
    const b = await client(testing.uri, { appName: "bystander", retryReads: false });
    await arm(a, {
      configureFailPoint: "failCommand",
      mode: { times: 1 },
      data: { failCommands: ["find"], closeConnection: true, appName: "victim" },
    });
    await b.db("fp").collection("x").findOne({});
    const err = await rejection(a.db("fp").collection("x").findOne({}));
    expect(err.name).toBe("MongoNetworkError");
    await a.db("fp").collection("x").findOne({});
  });

  it("writeConcernError is added to the reply of a write that applied", async () => {
    const c = await client(testing.uri, { retryWrites: false });
    const coll = c.db("fp").collection("wce");
    await arm(c, {
      configureFailPoint: "failCommand",
      mode: { times: 1 },
      data: { failCommands: ["insert"], writeConcernError: { code: 64, errmsg: "waiting timed out" } },
    });
    const err = await rejection(coll.insertOne({ _id: 1 } as Document));
    expect(err.name).toBe("MongoWriteConcernError");
    expect(err.code).toBe(64);
    expect(await coll.countDocuments()).toBe(1);
  });

  it("blockConnection delays the command by blockTimeMS", async () => {
    const c = await client(testing.uri);
    await arm(c, {
      configureFailPoint: "failCommand",
      mode: { times: 1 },
      data: { failCommands: ["ping"], blockConnection: true, blockTimeMS: 150 },
    });
    const t0 = performance.now();
    await c.db("admin").command({ ping: 1 });
    expect(performance.now() - t0).toBeGreaterThanOrEqual(140);
  });
});

describe("onPrimaryTransactionalWrite and failGetMoreAfterCursorCheckout", () => {
  it("a retryable write that fails before commit is applied by the retry, once", async () => {
    const c = await client(testing.uri);
    const coll = c.db("fp").collection("primary");
    await arm(c, {
      configureFailPoint: "onPrimaryTransactionalWrite",
      mode: { times: 1 },
      data: { failBeforeCommitExceptionCode: 1 },
    });
    await coll.insertOne({ _id: 1 } as Document);
    expect(await coll.countDocuments()).toBe(1);
    await arm(c, {
      configureFailPoint: "onPrimaryTransactionalWrite",
      mode: { times: 2 },
      data: { failBeforeCommitExceptionCode: 1 },
    });
    await rejection(coll.insertOne({ _id: 2 } as Document));
    expect(await coll.countDocuments()).toBe(1);
  });

  it("a change stream resumes after a resumable getMore error", async () => {
    const c = await client(testing.uri);
    const coll = c.db("fp").collection("stream");
    await coll.insertOne({ _id: 0 } as Document);
    const stream = coll.watch();
    await stream.tryNext();
    await arm(c, {
      configureFailPoint: "failGetMoreAfterCursorCheckout",
      mode: { times: 1 },
      data: { errorCode: 10107 },
    });
    await coll.insertOne({ _id: 1 } as Document);
    const change = (await stream.next()) as Document;
    expect(change.documentKey).toEqual({ _id: 1 });
    await stream.close();
  });
});
