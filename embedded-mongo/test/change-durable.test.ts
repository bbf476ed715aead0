import type { Document } from "bson";
import { MongoClient, type ResumeToken } from "mongodb";
import mongoose, { Schema } from "mongoose";
import { describe, expect, it } from "vitest";
import { startEmbeddedMongo } from "../src/index.js";
import { tempDir } from "./journal-fixture.js";
import { REAL, startTarget } from "./support/target.js";

describe("change streams across a store restart (file mode)", () => {
  it.skipIf(REAL)(
    "resumes from a token taken before the restart with every later event exactly once",
    async () => {
      const t = tempDir("change-restart");
      try {
        // Run 1: write a..c, remember the token of "a" and the high-water mark after "c".
        let store = await startEmbeddedMongo({ dbPath: t.dir });
        let client = new MongoClient(store.uri);
        let coll = client.db("r").collection("events");
        const probe = coll.watch([], { maxAwaitTimeMS: 20 });
        await probe.tryNext();
        const start = probe.resumeToken;
        await probe.close();
        await coll.insertMany([{ k: "a" }, { k: "b" }, { k: "c" }]);
        const cs = coll.watch([], { resumeAfter: start, maxAwaitTimeMS: 20 });
        const tokA = (await cs.next())._id as ResumeToken;
        await cs.next();
        await cs.next();
        expect(await cs.tryNext()).toBeNull();
        const hwm = cs.resumeToken;
        await cs.close();
        await client.close();
        await store.close();

        // Run 2: same directory, new process state; write d, e.
        store = await startEmbeddedMongo({ dbPath: t.dir });
        client = new MongoClient(store.uri);
        coll = client.db("r").collection("events");
        await coll.insertMany([{ k: "d" }, { k: "e" }]);
        const keys = async (token: ResumeToken) => {
          const s = coll.watch([], { resumeAfter: token, maxAwaitTimeMS: 20 });
          const out: string[] = [];
          for (let e = await s.tryNext(); e; e = await s.tryNext())
            out.push((e as { fullDocument: Document }).fullDocument.k);
          await s.close();
          return out;
        };
        expect(await keys(tokA)).toEqual(["b", "c", "d", "e"]);
        expect(await keys(hwm)).toEqual(["d", "e"]);
        await client.close();
        await store.close();
      } finally {
        t.cleanup();
      }
    },
  );
});

describe("mongoose Model.watch()", () => {
  it("delivers change events for model writes", async () => {
    const target = await startTarget("mwatch");
    const conn = await mongoose
      .createConnection(target.uri, { dbName: target.dbName, serverSelectionTimeoutMS: 5000 })
      .asPromise();
    try {
      const Cue = conn.model("Cue", new Schema({ label: String, at: Number }));
      await Cue.createCollection();
      // A driver-level probe gives the current resume token, so the mongoose stream (opened
      // lazily) still sees every write made after this point.
      const probe = Cue.collection.watch([], { maxAwaitTimeMS: 20 });
      await probe.tryNext();
      const stream = Cue.watch([], { resumeAfter: probe.resumeToken, fullDocument: "updateLookup" });
      await probe.close();
      const events: Document[] = [];
      const twoEvents = new Promise<void>((resolve) =>
        stream.on("change", (e: Document) => {
          events.push(e);
          if (events.length === 2) resolve();
        }),
      );
      const cue = await Cue.create({ label: "open", at: 1 });
      await Cue.updateOne({ _id: cue._id }, { $set: { at: 2 } });
      await twoEvents;
      expect(events[0]).toMatchObject({ operationType: "insert", fullDocument: { label: "open", at: 1 } });
      expect(events[1]).toMatchObject({ operationType: "update", fullDocument: { label: "open", at: 2 } });
      await stream.close();
    } finally {
      await conn.close();
      await target.close();
    }
  });
});
