import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { MongoClient } from "mongodb";
import { afterAll, describe, expect, it } from "vitest";
import { startEmbeddedMongo } from "../src/index.js";
import { rejection } from "./support/target.js";

const dir = mkdtempSync(join(tmpdir(), "emdb-restart-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function withServer<T>(fn: (c: MongoClient) => Promise<T>): Promise<T> {
  const srv = await startEmbeddedMongo({ dbPath: dir });
  const c = new MongoClient(srv.uri);
  try {
    return await fn(c);
  } finally {
    await c.close();
    await srv.close();
  }
}

describe("engine state across a restart with dbPath", () => {
  it("rebuilds collections, documents and enforced indexes from what was committed", async () => {
    await withServer(async (c) => {
      const col = c.db("app").collection("users");
      await col.createIndex({ email: 1 }, { unique: true });
      await col.insertMany([
        { _id: 1, email: "a" },
        { _id: 2, email: "b" },
      ] as never[]);
      await col.updateOne({ _id: 1 as never }, { $set: { name: "Ann" } });
      await col.deleteOne({ _id: 2 as never });
      await c.db("app").collection("tmp").insertOne({ x: 1 });
      await c.db("app").collection("tmp").rename("kept");
    });
    await withServer(async (c) => {
      const db = c.db("app");
      expect(await db.collection("users").find().toArray()).toEqual([{ _id: 1, email: "a", name: "Ann" }]);
      expect((await db.collection("users").listIndexes().toArray()).map((i) => i.name)).toEqual([
        "_id_",
        "email_1",
      ]);
      expect((await rejection(db.collection("users").insertOne({ email: "a" }))).code).toBe(11000);
      const names = (await db.listCollections().toArray()).map((x) => x.name).sort();
      expect(names).toEqual(["kept", "users"]);
      const r = await db.command({ explain: { find: "users", filter: { email: "a" } } });
      expect(r.executionStats.totalDocsExamined).toBe(1);
    });
  });

  it("keeps collection UUIDs, collMod options and pre-images", async () => {
    const uuidOf = async (c: MongoClient) =>
      ((await c.db("meta").listCollections({ name: "m" }).toArray())[0] as { info?: { uuid?: unknown } })
        ?.info?.uuid;
    const first = await withServer(async (c) => {
      const db = c.db("meta");
      await db.createCollection("m");
      await db.command({ collMod: "m", changeStreamPreAndPostImages: { enabled: true } });
      await db.collection("m").insertOne({ _id: 1, v: 0 } as never);
      return uuidOf(c);
    });
    expect(first).toBeDefined();
    await withServer(async (c) => {
      expect(await uuidOf(c)).toEqual(first);
      const [info] = await c.db("meta").listCollections({ name: "m" }).toArray();
      expect((info as { options: unknown }).options).toEqual({
        changeStreamPreAndPostImages: { enabled: true },
      });
      const cs = c.db("meta").collection("m").watch([], { fullDocumentBeforeChange: "required" });
      expect(await cs.tryNext()).toBeNull();
      await c
        .db("meta")
        .collection("m")
        .updateOne({ _id: 1 as never }, { $set: { v: 1 } });
      expect(((await cs.next()) as { fullDocumentBeforeChange?: unknown }).fullDocumentBeforeChange).toEqual({
        _id: 1,
        v: 0,
      });
      await cs.close();
    });
  });
});
