import type { Db } from "mongodb";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { connect, rejection } from "./support/target.js";

let ctx: Awaited<ReturnType<typeof connect>>;
let db: Db;

beforeAll(async () => {
  ctx = await connect("catalog");
  db = ctx.db;
});
afterAll(() => ctx.close());

describe("catalog commands", () => {
  it("create fails with NamespaceExists for an existing collection", async () => {
    await db.createCollection("made");
    const e = await rejection(db.command({ create: "made" }));
    expect(e.code).toBe(48);
    expect(e.codeName).toBe("NamespaceExists");
  });

  it("listCollections supports filter and nameOnly with a cursor reply", async () => {
    await db.collection("alpha").insertOne({ a: 1 });
    await db.collection("beta").insertOne({ b: 1 });
    const all = (await db.listCollections().toArray()).map((c) => c.name).sort();
    expect(all).toEqual(expect.arrayContaining(["alpha", "beta", "made"]));
    const one = await db.listCollections({ name: "alpha" }, { nameOnly: true }).toArray();
    expect(one).toEqual([{ name: "alpha", type: "collection" }]);
    const raw = await db.command({ listCollections: 1, filter: { name: "beta" } });
    expect(raw.cursor.firstBatch[0]).toMatchObject({ name: "beta", type: "collection", options: {} });
    expect(raw.cursor.ns).toBe(`${db.databaseName}.$cmd.listCollections`);
  });

  it("renameCollection moves documents and indexes; dropTarget replaces", async () => {
    await db.collection("src").createIndex({ k: 1 }, { unique: true });
    await db.collection("src").insertMany([{ k: 1 }, { k: 2 }]);
    await db.collection("src").rename("dst");
    expect(await db.collection("dst").countDocuments()).toBe(2);
    expect((await db.collection("dst").listIndexes().toArray()).map((i) => i.name)).toEqual(["_id_", "k_1"]);
    expect((await rejection(db.collection("dst").insertOne({ k: 1 }))).code).toBe(11000);
    await db.collection("other").insertOne({ z: 1 });
    expect((await rejection(db.collection("other").rename("dst"))).code).toBe(48);
    await db.collection("other").rename("dst", { dropTarget: true });
    expect(await db.collection("dst").countDocuments()).toBe(1);
    expect((await rejection(db.collection("missing").rename("x"))).code).toBe(26);
  });

  it("collStats reports counts", async () => {
    await db.collection("stats").insertMany([{ a: 1 }, { a: 2 }]);
    const s = await db.command({ collStats: "stats" });
    expect(s.count).toBe(2);
    expect(s.nindexes).toBe(1);
  });

  it("drop and dropDatabase", async () => {
    await db.collection("gone").insertOne({ a: 1 });
    expect(await db.collection("gone").drop()).toBe(true);
    expect((await db.listCollections({ name: "gone" }).toArray()).length).toBe(0);
    const other = ctx.client.db(`${db.databaseName}_x`);
    await other.collection("c").insertOne({ a: 1 });
    await other.dropDatabase();
    expect((await other.listCollections().toArray()).length).toBe(0);
  });
});
