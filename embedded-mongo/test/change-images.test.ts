import { type ChangeStream, type Document, MongoServerError } from "mongodb";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { connect, rejection } from "./support/target.js";

/**
 * collMod, pre/post images and MongoDB 7's expanded events through the driver. Runs unchanged
 * against a real replica set when MONGODB_URI is set.
 */
let ctx: Awaited<ReturnType<typeof connect>>;
beforeAll(async () => {
  ctx = await connect("images");
});
afterAll(() => ctx.close());

type Doc = { _id: number; arr?: number[] } & Document;
let n = 0;
const infoOf = async (name: string) =>
  (await ctx.db.listCollections({ name }).toArray())[0] as Document | undefined;
async function freshColl(preAndPost: boolean) {
  const name = `c${n++}`;
  await ctx.db.createCollection(name, { changeStreamPreAndPostImages: { enabled: preAndPost } });
  return ctx.db.collection<Doc>(name);
}

/** Open a stream and make sure the server has started it before writes happen. */
async function started(cs: ChangeStream): Promise<ChangeStream> {
  expect(await cs.tryNext()).toBeNull();
  return cs;
}

describe("collMod", () => {
  it("toggles changeStreamPreAndPostImages and lists it", async () => {
    const c = await freshColl(false);
    await ctx.db.command({ collMod: c.collectionName, changeStreamPreAndPostImages: { enabled: true } });
    const info = await infoOf(c.collectionName);
    expect(info?.options).toMatchObject({ changeStreamPreAndPostImages: { enabled: true } });
    expect(info?.info?.uuid).toBeDefined();
  });

  it("refuses unknown options (40415) and missing collections (26)", async () => {
    const c = await freshColl(false);
    const e = await rejection(ctx.db.command({ collMod: c.collectionName, bogus: 1 }));
    expect(e.code).toBe(40415);
    const m = await rejection(ctx.db.command({ collMod: "nope_missing" }));
    expect(m.code).toBe(26);
  });

  it("prepares an index for uniqueness, then converts it or lists the violations (359)", async () => {
    const c = await freshColl(false);
    await c.insertMany([
      { _id: 1, x: 1, y: 1 },
      { _id: 2, x: 1, y: 2 },
      { _id: 3, x: 2, y: 3 },
    ]);
    await c.createIndex({ x: 1 });
    await c.createIndex({ y: 1 });
    await ctx.db.command({ collMod: c.collectionName, index: { keyPattern: { x: 1 }, prepareUnique: true } });
    expect((await rejection(c.insertOne({ _id: 4, x: 1 }))).code).toBe(11000);
    const e = await rejection(
      ctx.db.command({ collMod: c.collectionName, index: { keyPattern: { x: 1 }, unique: true } }),
    );
    expect(e.code).toBe(359);
    expect((e as unknown as MongoServerError).errorResponse.violations).toEqual([{ ids: [1, 2] }]);
    await ctx.db.command({ collMod: c.collectionName, index: { name: "y_1", prepareUnique: true } });
    const r = await ctx.db.command({ collMod: c.collectionName, index: { name: "y_1", unique: true } });
    expect(r).toMatchObject({ unique_new: true });
    const y = (await c.listIndexes().toArray()).find((i) => i.name === "y_1");
    expect(y).toMatchObject({ unique: true });
  });

  it("hides an index from the planner (a hint naming it fails)", async () => {
    const c = await freshColl(false);
    await c.insertOne({ _id: 1, z: 1 });
    await c.createIndex({ z: 1 });
    await ctx.db.command({ collMod: c.collectionName, index: { name: "z_1", hidden: true } });
    expect((await c.listIndexes().toArray()).find((i) => i.name === "z_1")).toMatchObject({ hidden: true });
    await rejection(c.find({ z: 1 }).hint("z_1").toArray());
  });
});

describe("pre- and post-images", () => {
  it("carries fullDocumentBeforeChange and the post-image when the collection keeps images", async () => {
    const c = await freshColl(true);
    await c.insertOne({ _id: 1, v: 0 });
    const cs = await started(
      c.watch([], { fullDocument: "required", fullDocumentBeforeChange: "required", maxAwaitTimeMS: 50 }),
    );
    await c.updateOne({ _id: 1 }, { $set: { v: 1 } });
    await c.replaceOne({ _id: 1 }, { v: 2 });
    await c.deleteOne({ _id: 1 });
    const events = [await cs.next(), await cs.next(), await cs.next()] as Document[];
    expect(events.map((e) => [e.operationType, e.fullDocumentBeforeChange, e.fullDocument])).toEqual([
      ["update", { _id: 1, v: 0 }, { _id: 1, v: 1 }],
      ["replace", { _id: 1, v: 1 }, { _id: 1, v: 2 }],
      ["delete", { _id: 1, v: 2 }, undefined],
    ]);
    await cs.close();
  });

  it("gives null with whenAvailable and fails with required (47) when images are off", async () => {
    const c = await freshColl(false);
    await c.insertOne({ _id: 1 });
    const lax = await started(
      c.watch([], {
        fullDocument: "whenAvailable",
        fullDocumentBeforeChange: "whenAvailable",
        maxAwaitTimeMS: 50,
      }),
    );
    const strict = await started(c.watch([], { fullDocumentBeforeChange: "required", maxAwaitTimeMS: 50 }));
    await c.updateOne({ _id: 1 }, { $set: { x: 1 } });
    expect(await lax.next()).toMatchObject({ fullDocument: null, fullDocumentBeforeChange: null });
    expect((await rejection(strict.next())).code).toBe(47);
    await lax.close();
    await strict.close();
  });
});

describe("showExpandedEvents", () => {
  it("reports create, createIndexes, modify, dropIndexes and rename with collectionUUID", async () => {
    const name = `x${n++}`;
    const cs = await started(ctx.db.watch([], { showExpandedEvents: true, maxAwaitTimeMS: 50 }));
    const plain = await started(ctx.db.watch([], { maxAwaitTimeMS: 50 }));
    const c = await ctx.db.createCollection<Doc>(name);
    await c.createIndex({ a: 1 });
    await ctx.db.command({ collMod: name, validationLevel: "moderate" });
    await c.dropIndex("a_1");
    await c.insertOne({ _id: 1 });
    await c.rename(`${name}_r`);
    const got: Document[] = [];
    for (let i = 0; i < 6; i++) got.push((await cs.next()) as Document);
    expect(got.map((e) => e.operationType)).toEqual([
      "create",
      "createIndexes",
      "modify",
      "dropIndexes",
      "insert",
      "rename",
    ]);
    const uuid = (await infoOf(`${name}_r`))?.info?.uuid;
    for (const e of got) expect(e.collectionUUID).toEqual(uuid);
    expect(got[1]?.operationDescription.indexes[0]).toMatchObject({ key: { a: 1 }, name: "a_1" });
    expect(got[2]?.operationDescription).toEqual({ validationLevel: "moderate" });
    expect(got[5]?.operationDescription).toEqual({ to: { db: ctx.db.databaseName, coll: `${name}_r` } });
    // Without the flag, only the insert and the rename.
    const a = (await plain.next()) as Document;
    const b = (await plain.next()) as Document;
    expect([a.operationType, b.operationType, a.collectionUUID]).toEqual(["insert", "rename", undefined]);
    await cs.close();
    await plain.close();
  });

  it("reports disambiguatedPaths, and truncatedArrays for a pipeline update", async () => {
    const c = await freshColl(false);
    await c.insertOne({ _id: 1, a: [{ "1": 1 }], o: { "2": 0 }, arr: [1, 2, 3] });
    const cs = await started(c.watch([], { showExpandedEvents: true, maxAwaitTimeMS: 50 }));
    await c.updateOne({ _id: 1 }, { $set: { "a.0.1": 2, "o.2": 1 } });
    await c.updateOne({ _id: 1 }, [{ $set: { arr: [1, 5] } }]);
    await c.updateOne({ _id: 1 }, { $push: { arr: 9 } } as Document);
    const [u1, u2, u3] = [await cs.next(), await cs.next(), await cs.next()] as Document[];
    expect(u1?.updateDescription).toEqual({
      updatedFields: { "a.0.1": 2, "o.2": 1 },
      removedFields: [],
      truncatedArrays: [],
      disambiguatedPaths: { "a.0.1": ["a", 0, "1"], "o.2": ["o", "2"] },
    });
    expect(u2?.updateDescription).toMatchObject({
      updatedFields: { "arr.1": 5 },
      truncatedArrays: [{ field: "arr", newSize: 2 }],
    });
    expect(u3?.updateDescription.updatedFields).toEqual({ "arr.2": 9 });
    await cs.close();
  });
});
