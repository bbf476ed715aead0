import type { Db, MongoClient } from "mongodb";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { connect, REAL, rejection } from "./support/target.js";

let ctx: Awaited<ReturnType<typeof connect>>;
let db: Db;
let client: MongoClient;

beforeAll(async () => {
  ctx = await connect("txn_ddl");
  db = ctx.db;
  client = ctx.client;
});
afterAll(() => ctx.close());

const names = async () => (await db.listCollections({}, { nameOnly: true }).toArray()).map((c) => c.name);
const indexNames = async (coll: string) => (await db.collection(coll).indexes()).map((i) => i.name);

describe("create and createIndexes inside a transaction (MongoDB 7 on a replica set)", () => {
  it("a collection and its index created in a transaction appear at commit, with its documents", async () => {
    const session = client.startSession();
    try {
      session.startTransaction();
      await db.createCollection("ddl_new", { session });
      await db.collection("ddl_new").createIndex({ email: 1 }, { unique: true, session });
      await db.collection("ddl_new").insertOne({ email: "a@x" }, { session });
      expect(await names()).not.toContain("ddl_new");
      // The transaction sees its own collection, index and documents.
      expect(await db.collection("ddl_new").countDocuments({}, { session })).toBe(1);
      const dup = await rejection(db.collection("ddl_new").insertOne({ email: "a@x" }, { session }));
      expect(dup.code).toBe(11000);
    } finally {
      await session.endSession();
    }
    // The duplicate aborted that transaction: nothing of it exists.
    expect(await names()).not.toContain("ddl_new");

    const s2 = client.startSession();
    try {
      await s2.withTransaction(async () => {
        await db.createCollection("ddl_new", { session: s2 });
        await db.collection("ddl_new").createIndex({ email: 1 }, { unique: true, session: s2 });
        await db.collection("ddl_new").insertOne({ email: "a@x" }, { session: s2 });
      });
    } finally {
      await s2.endSession();
    }
    expect(await names()).toContain("ddl_new");
    expect(await indexNames("ddl_new")).toEqual(["_id_", "email_1"]);
    expect(await db.collection("ddl_new").countDocuments()).toBe(1);
    expect((await rejection(db.collection("ddl_new").insertOne({ email: "a@x" }))).code).toBe(11000);
  });

  it("createIndexes on a missing collection creates it at commit; on an existing one it is refused (263)", async () => {
    const session = client.startSession();
    try {
      await session.withTransaction(async () => {
        await db.collection("ddl_implicit").createIndex({ x: 1 }, { session });
        expect(await names()).not.toContain("ddl_implicit");
      });
      expect(await indexNames("ddl_implicit")).toEqual(["_id_", "x_1"]);

      session.startTransaction();
      const e = await rejection(db.collection("ddl_implicit").createIndex({ y: 1 }, { session }));
      expect(e.codeName).toBe("OperationNotSupportedInTransaction");
      await session.abortTransaction().catch(() => {});
    } finally {
      await session.endSession();
    }
    expect(await indexNames("ddl_implicit")).toEqual(["_id_", "x_1"]);
  });

  it("create of an existing collection answers NamespaceExists and aborts the transaction", async () => {
    await db.createCollection("ddl_exists");
    const session = client.startSession();
    try {
      session.startTransaction();
      await db.collection("ddl_other").insertOne({ a: 1 }, { session });
      const e = await rejection(db.createCollection("ddl_exists", { session }));
      expect(e.codeName).toBe("NamespaceExists");
      const after = await rejection(db.collection("ddl_other").insertOne({ a: 2 }, { session }));
      expect(after.codeName).toBe("NoSuchTransaction");
    } finally {
      await session.endSession();
    }
    expect(await names()).not.toContain("ddl_other");
  });

  // MongoDB makes the outside create wait on the transaction's locks instead; the store lets it
  // run and fails the commit, so the transaction retries either way.
  it.skipIf(REAL)(
    "a collection someone else creates before the commit makes the commit conflict (transient)",
    async () => {
      const session = client.startSession();
      try {
        session.startTransaction();
        await db.createCollection("ddl_race", { session });
        await db.createCollection("ddl_race");
        const e = await rejection(session.commitTransaction());
        expect(e.errorLabels ?? []).toContain("TransientTransactionError");
      } finally {
        await session.endSession();
      }
    },
  );
});
