import mongoose, { Schema, type Connection } from "mongoose";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTarget, type Target } from "./support/target.js";

// The mongoose-driven bugs of issue #10, each through mongoose as an app sends it.
let target: Target;
let conn: Connection;

beforeAll(async () => {
  target = await startTarget("mongoose-issue10");
  conn = await mongoose
    .createConnection(target.uri, { dbName: target.dbName, serverSelectionTimeoutMS: 5000 })
    .asPromise();
});
afterAll(async () => {
  await conn.close();
  await target.close();
});

const Child = new Schema({ name: String, n: Number, tags: [String] }, { timestamps: true });
const ParentSchema = new Schema({
  title: String,
  secret: String,
  children: [Child],
  ids: [Schema.Types.ObjectId],
});
type ParentModel = mongoose.Model<mongoose.InferSchemaType<typeof ParentSchema>>;
let model: ParentModel | undefined;
const Parent = (): ParentModel => {
  model ??= conn.model("Parent", ParentSchema) as unknown as ParentModel;
  return model;
};
/** `new Model(doc).save()`, typed as one document. */
async function save(M: ParentModel, d: object) {
  const doc = new M(d);
  await doc.save();
  return doc;
}

describe("mongoose on the embedded store (issue #10 bugs)", () => {
  it("doc.arr[i].list.push(x); save() pushes through the array index", async () => {
    const P = Parent();
    const p = await save(P, { title: "a", children: [{ name: "c", tags: ["x"] }] });
    p.children[0]?.tags.push("y");
    await p.save();
    expect((await P.findById(p._id).lean())?.children[0]?.tags).toEqual(["x", "y"]);
  });

  it("two positional paths under one array ($, $[], $[e]) apply, with child timestamps", async () => {
    const P = Parent();
    const p = await save(P, {
      title: "b",
      children: [
        { name: "c1", n: 1 },
        { name: "c2", n: 2 },
      ],
    });
    const before = (await P.findById(p._id).lean())!.children[0]!.updatedAt as Date;
    await P.updateOne({ _id: p._id, "children.n": 1 }, { $set: { "children.$.name": "first" } });
    const one = (await P.findById(p._id).lean())!.children[0]!;
    expect(one.name).toBe("first");
    expect((one.updatedAt as Date).getTime()).toBeGreaterThanOrEqual(before.getTime());
    await P.updateOne({ _id: p._id }, { $set: { "children.$[].name": "all", "children.$[].n": 7 } });
    await P.updateOne(
      { _id: p._id },
      { $set: { "children.$[c].name": "second", "children.$[c].n": 8 } },
      { arrayFilters: [{ "c._id": p.children[1]!._id }] },
    );
    const kids = (await P.findById(p._id).lean())!.children;
    expect(kids.map((c) => [c.name, c.n])).toEqual([
      ["all", 7],
      ["second", 8],
    ]);
  });

  it("$set on 'a.$.n' with $push on 'a.$.tags' applies both (no silent drop)", async () => {
    const P = Parent();
    const p = await save(P, { title: "c", children: [{ n: 1 }, { n: 2, tags: [] }] });
    const r = await P.updateOne(
      { _id: p._id, "children.n": 2 },
      { $set: { "children.$.n": 20 }, $push: { "children.$.tags": "x" } },
    );
    expect(r.modifiedCount).toBe(1);
    const kid = (await P.findById(p._id).lean())!.children[1]!;
    expect([kid.n, kid.tags]).toEqual([20, ["x"]]);
  });

  it("$pull with $or / $and / $nor conditions removes what they match", async () => {
    const P = Parent();
    const p = await save(P, { title: "d", children: [{ n: 1 }, { n: 2 }, { n: 3 }] });
    await P.updateOne({ _id: p._id }, { $pull: { children: { $or: [{ n: 1 }, { n: 2 }] } } });
    expect((await P.findById(p._id).lean())!.children.map((c) => c.n)).toEqual([3]);
    await P.updateOne({ _id: p._id }, { $push: { children: [{ n: 4 }, { n: 5 }] } });
    await P.updateOne(
      { _id: p._id },
      { $pull: { children: { $and: [{ n: { $gt: 3 } }, { n: { $lt: 5 } }] } } },
    );
    expect((await P.findById(p._id).lean())!.children.map((c) => c.n)).toEqual([3, 5]);
    await P.updateOne({ _id: p._id }, { $pull: { children: { $nor: [{ n: 3 }] } } });
    expect((await P.findById(p._id).lean())!.children.map((c) => c.n)).toEqual([3]);
  });

  it("projections: select('_id'), $slice alone, $slice with an exclusion, $elemMatch with $in", async () => {
    const P = Parent();
    const id = new mongoose.Types.ObjectId();
    const p = await save(P, {
      title: "e",
      secret: "s",
      children: [{ n: 1 }, { n: 2 }, { n: 3 }],
      ids: [id],
    });
    expect(await P.findById(p._id).select("_id").lean()).toEqual({ _id: p._id });
    expect(
      await P.findOneAndUpdate({ _id: p._id }, { title: "e2" }, { projection: { _id: 1 } }).lean(),
    ).toEqual({ _id: p._id });
    const sliced = await P.findById(p._id)
      .select({ children: { $slice: 1 } })
      .lean();
    expect([sliced?.title, sliced?.secret, sliced?.children.length]).toEqual(["e2", "s", 1]);
    const excl = await P.findById(p._id)
      .select({ children: { $slice: -1 }, secret: 0 })
      .lean();
    expect([excl?.secret, excl?.children.map((c) => c.n)]).toEqual([undefined, [3]]);
    const em = await P.findById(p._id)
      .select({ ids: { $elemMatch: { $in: [id] } } })
      .lean();
    expect(em?.ids?.map(String)).toEqual([String(id)]);
  });

  it("$type (objectId, binData, double vs int, long), $bitsAllSet on binData, $all on a scalar, binData ranges", async () => {
    const T = conn.model(
      "Typed",
      new Schema({ ref: Schema.Types.ObjectId, bin: Buffer, d: Number, i: Number, big: BigInt, s: String }),
    );
    await T.create({
      ref: new mongoose.Types.ObjectId(),
      bin: Buffer.from([0b101]),
      d: 1.5,
      i: 3,
      big: 2n ** 40n,
      s: "x",
    });
    expect(await T.countDocuments({ ref: { $type: "objectId" } })).toBe(1);
    expect(await T.countDocuments({ bin: { $type: "binData" } })).toBe(1);
    expect(await T.countDocuments({ d: { $type: "double" } })).toBe(1);
    expect(await T.countDocuments({ i: { $type: "double" } })).toBe(0);
    expect(await T.countDocuments({ i: { $type: "int" } })).toBe(1);
    expect(await T.countDocuments({ big: { $type: "long" } })).toBe(1);
    expect(await T.countDocuments({ bin: { $bitsAllSet: [0, 2] } })).toBe(1);
    expect(await T.countDocuments({ bin: { $bitsAllSet: [1] } })).toBe(0);
    expect(await T.countDocuments({ s: { $all: ["x"] } })).toBe(1);
    expect(await T.countDocuments({ bin: { $gte: Buffer.from([0]) } })).toBe(1);
    expect(await T.countDocuments({ bin: { $gt: Buffer.from([9, 9]) } })).toBe(0);
  });
});
