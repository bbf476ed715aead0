import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Double, Int32, Long, MongoClient, type Collection, type Document } from "mongodb";
import mongoose, { Schema } from "mongoose";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startEmbeddedMongo } from "../src/index.js";
import { arith } from "../src/engine/fast-update.js";
import { keepNumberTypes, promotedCopy, restoreNumberTypes } from "../src/bson/number-types.js";
import { REAL, connect, rejection } from "./support/target.js";

// BSON number types survive a round trip as MongoDB keeps them: a Double 1.0 stays a double and a
// Long stays an int64 (issue #10: they came back as int32).
let env: Awaited<ReturnType<typeof connect>>;
let col: Collection<Document>;
const RAW = { promoteValues: false } as const;

beforeAll(async () => {
  env = await connect("number_types");
  col = env.db.collection("nums");
});
afterAll(() => env.close());

/** The stored document as BSON types, not promoted to JS numbers. */
const raw = (id: number) => col.findOne({ _id: id as never }, RAW);

describe("BSON number types through the driver", () => {
  it("keeps int32, integral double, non-integral double and int64 as sent", async () => {
    await col.insertOne({
      _id: 1 as never,
      i: 3,
      d: new Double(1),
      f: 2.5,
      l: Long.fromNumber(5),
      a: [new Double(2)],
    });
    const got = await raw(1);
    expect(got?.i).toEqual(new Int32(3));
    expect(got?.d).toEqual(new Double(1));
    expect(got?.f).toEqual(new Double(2.5));
    expect(got?.l).toEqual(Long.fromNumber(5));
    expect(got?.a).toEqual([new Double(2)]);
    expect(await col.countDocuments({ d: { $type: "double" } })).toBe(1);
    expect(await col.countDocuments({ l: { $type: "long" } })).toBe(1);
    expect(await col.countDocuments({ i: { $type: "int" } })).toBe(1);
    // Equality across number types is by value, as in MongoDB.
    expect(await col.countDocuments({ d: 1, l: 5 })).toBe(1);
  });

  it("$set, replacement and findAndModify store the sent type", async () => {
    await col.insertOne({ _id: 2 as never, v: 0 });
    await col.updateOne({ _id: 2 as never }, { $set: { v: new Double(7), w: Long.fromNumber(8) } });
    expect((await raw(2))?.v).toEqual(new Double(7));
    expect((await raw(2))?.w).toEqual(Long.fromNumber(8));
    await col.replaceOne({ _id: 2 as never }, { v: new Double(9) });
    expect((await raw(2))?.v).toEqual(new Double(9));
    await col.findOneAndUpdate({ _id: 2 as never }, { $set: { v: new Double(10) } });
    expect((await raw(2))?.v).toEqual(new Double(10));
  });

  it("$inc and $mul give MongoDB's result types", async () => {
    await col.insertOne({ _id: 3 as never, d: new Double(1), l: Long.fromNumber(1), i: 2147483647, j: 2 });
    await col.updateOne({ _id: 3 as never }, { $inc: { d: 1, l: 1, i: 1 }, $mul: { j: new Double(2) } });
    const got = await raw(3);
    expect(got?.d).toEqual(new Double(2));
    expect(got?.l).toEqual(Long.fromNumber(2));
    expect(got?.i).toEqual(Long.fromNumber(2147483648)); // int32 overflow becomes int64
    expect(got?.j).toEqual(new Double(4));
  });

  it("a pipeline update keeps the types of fields it does not change; aggregation still adds them", async () => {
    await col.insertOne({ _id: 4 as never, d: new Double(3), l: Long.fromNumber(4) });
    await col.updateOne({ _id: 4 as never }, [{ $set: { s: { $add: ["$d", "$l"] } } }]);
    const got = await raw(4);
    expect(got?.d).toEqual(new Double(3));
    expect(got?.l).toEqual(Long.fromNumber(4));
    expect(Number(got?.s)).toBe(7);
    const [sum] = await col
      .aggregate([{ $match: { _id: 4 } }, { $group: { _id: null, t: { $sum: { $add: ["$d", "$l"] } } } }])
      .toArray();
    expect(sum?.t).toBe(7);
    expect(await col.countDocuments({ $expr: { $gt: ["$d", 2] }, _id: 4 as never })).toBe(1);
  });

  it("refuses an int64 overflow instead of wrapping", async () => {
    await col.insertOne({ _id: 5 as never, l: Long.MAX_VALUE });
    const e = await rejection(col.updateOne({ _id: 5 as never }, { $inc: { l: 1 } }));
    expect(e.code).toBe(2);
  });
});

describe.skipIf(REAL)("BSON number types across a restart (journal and snapshot)", () => {
  const dir = mkdtempSync(join(tmpdir(), "emdb-numbers-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  it("replays a Double and a Long with their types", async () => {
    for (const round of [0, 1]) {
      const srv = await startEmbeddedMongo({ dbPath: dir });
      const c = new MongoClient(srv.uri);
      try {
        const kept = c.db("app").collection("n");
        if (round === 0) await kept.insertOne({ _id: 1 as never, d: new Double(1), l: Long.fromNumber(2) });
        else
          expect(await kept.findOne({}, RAW)).toEqual({
            _id: new Int32(1),
            d: new Double(1),
            l: Long.fromNumber(2),
          });
      } finally {
        await c.close();
        await srv.close();
      }
    }
  });
});

describe("BSON number types through mongoose", () => {
  let conn: mongoose.Connection;
  beforeAll(async () => {
    conn = await mongoose.createConnection(env.target.uri, { dbName: env.target.dbName }).asPromise();
  });
  afterAll(() => conn.close());

  it("Schema.Types.Double and BigInt are stored as double and long", async () => {
    const M = conn.model("Measure", new Schema({ gain: Schema.Types.Double, frames: BigInt }));
    const m = await M.create({ gain: 1, frames: 48n });
    expect(await M.countDocuments({ _id: m._id, gain: { $type: "double" }, frames: { $type: "long" } })).toBe(
      1,
    );
    // Hydrated (not lean, where the driver's promoteLongs gives a number) the schema casts it back.
    expect((await M.findById(m._id))?.frames).toBe(48n);
  });
});

describe("number-type helpers", () => {
  it("keepNumberTypes keeps only what a JS number cannot carry", () => {
    const d = keepNumberTypes({
      a: new Int32(1),
      b: new Double(2),
      c: new Double(2.5),
      e: Long.fromNumber(3),
      n: [new Int32(4)],
    });
    expect(d).toEqual({ a: 1, b: new Double(2), c: 2.5, e: Long.fromNumber(3), n: [4] });
  });

  it("promotedCopy never mutates its input and returns it when nothing changes", () => {
    const src = { x: { y: new Double(1) }, z: [1] };
    const out = promotedCopy(src);
    expect(out).toEqual({ x: { y: 1 }, z: [1] });
    expect(src.x.y).toEqual(new Double(1));
    expect(out.z).toBe(src.z);
    const plain = { a: 1 };
    expect(promotedCopy(plain)).toBe(plain);
  });

  it("restoreNumberTypes puts types back only where the value is unchanged", () => {
    const before = { a: new Double(1), b: Long.fromNumber(2) };
    expect(restoreNumberTypes(before, { a: 1, b: 3 })).toEqual({ a: new Double(1), b: 3 });
  });

  it("arith widens int32 < int64 < double", () => {
    expect(arith("$inc", 1, 2)).toBe(3);
    expect(arith("$inc", undefined, Long.fromNumber(2))).toEqual(Long.fromNumber(2));
    expect(arith("$mul", undefined, new Double(2))).toEqual(new Double(0));
    expect(arith("$inc", 1, 0.5)).toBe(1.5);
  });
});
