import mongoose, { Schema, type Connection } from "mongoose";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTarget, type Target } from "./support/target.js";

interface Author {
  name: string;
  email: string;
}
interface Post {
  title: string;
  author: mongoose.Types.ObjectId;
  tags: string[];
  likes: number;
  publishedAt?: Date;
}

let target: Target;
let conn: Connection;
let Authors: mongoose.Model<Author>;
let Posts: mongoose.Model<Post>;

beforeAll(async () => {
  target = await startTarget("mongoose");
  conn = await mongoose
    .createConnection(target.uri, { dbName: target.dbName, serverSelectionTimeoutMS: 5000 })
    .asPromise();
  Authors = conn.model<Author>(
    "Author",
    new Schema<Author>({ name: String, email: { type: String, unique: true, required: true } }),
  );
  Posts = conn.model<Post>(
    "Post",
    new Schema<Post>({
      title: { type: String, index: true },
      author: { type: Schema.Types.ObjectId, ref: "Author" },
      tags: [String],
      likes: { type: Number, default: 0 },
      publishedAt: Date,
    }),
  );
  await Authors.init();
  await Posts.init();
});
afterAll(async () => {
  await conn.close();
  await target.close();
});

describe("mongoose on the embedded store", () => {
  it("creates, reads, updates and deletes documents", async () => {
    const a = await Authors.create({ name: "Ann", email: "ann@x" });
    const p = await Posts.create({ title: "Pilot", author: a._id, tags: ["tv"], publishedAt: new Date(0) });
    const found = await Posts.findById(p._id).lean();
    expect(found?.title).toBe("Pilot");
    expect(found?.likes).toBe(0);
    await Posts.updateOne({ _id: p._id }, { $inc: { likes: 2 }, $addToSet: { tags: "drama" } });
    const doc = await Posts.findById(p._id);
    expect(doc?.likes).toBe(2);
    expect(doc?.tags).toEqual(["tv", "drama"]);
    doc!.title = "Pilot (v2)";
    await doc!.save();
    expect((await Posts.findOne({ title: "Pilot (v2)" }).lean())?._id.equals(p._id)).toBe(true);
    await Posts.deleteOne({ _id: p._id });
    expect(await Posts.countDocuments()).toBe(0);
  });

  it("builds schema indexes and surfaces unique violations as E11000", async () => {
    const names = (await Authors.listIndexes()).map((i: { name: string }) => i.name);
    expect(names).toContain("email_1");
    await Authors.create({ name: "Bob", email: "bob@x" });
    const err = await Authors.create({ name: "Bob 2", email: "bob@x" }).catch((e: unknown) => e);
    expect((err as { code?: number }).code).toBe(11000);
    expect((err as { keyValue?: object }).keyValue).toEqual({ email: "bob@x" });
  });

  it("populates references and runs aggregations", async () => {
    const a = await Authors.create({ name: "Cid", email: "cid@x" });
    await Posts.insertMany([
      { title: "A", author: a._id, likes: 3 },
      { title: "B", author: a._id, likes: 4 },
    ]);
    const p = await Posts.findOne({ title: "A" }).populate<{ author: Author }>("author").lean();
    expect(p?.author.name).toBe("Cid");
    const [agg] = await Posts.aggregate<{ _id: mongoose.Types.ObjectId; total: number }>([
      { $match: { author: a._id } },
      { $group: { _id: "$author", total: { $sum: "$likes" } } },
    ]);
    expect(agg?.total).toBe(7);
    expect(agg?._id.equals(a._id)).toBe(true);
  });

  it("findOneAndUpdate with upsert and new", async () => {
    const r = await Posts.findOneAndUpdate(
      { title: "Upserted" },
      { $set: { likes: 9 } },
      { upsert: true, new: true },
    ).lean();
    expect(r?.likes).toBe(9);
    expect(r?.title).toBe("Upserted");
  });

  it("syncIndexes, timestamps on upsert, exists and streaming cursors", async () => {
    const Notes = conn.model(
      "Note",
      new Schema({ body: String, version: { type: Number, index: true } }, { timestamps: true }),
    );
    await Notes.syncIndexes();
    expect((await Notes.listIndexes()).map((i: { name: string }) => i.name)).toEqual(["_id_", "version_1"]);
    const up = await Notes.findOneAndUpdate(
      { version: 1 },
      { body: "x" },
      { upsert: true, new: true },
    ).lean();
    expect(up?.createdAt).toBeInstanceOf(Date);
    expect(up?.updatedAt).toBeInstanceOf(Date);
    expect(await Notes.exists({ version: 1 })).toBeTruthy();
    expect(await Notes.exists({ version: 2 })).toBeNull();
    await Notes.insertMany(Array.from({ length: 30 }, (_, i) => ({ body: `n${i}`, version: i + 2 })));
    let seen = 0;
    for await (const n of Notes.find().sort({ version: 1 }).batchSize(7).cursor()) {
      expect(n.version).toBe(seen + 1);
      seen++;
    }
    expect(seen).toBe(31);
    expect(await Notes.distinct("version", { version: { $lte: 3 } })).toEqual([1, 2, 3]);
  });

  it("allows collection.watch() (the driver accepts the replica-set topology)", async () => {
    const stream = Posts.watch();
    const next = new Promise<{ operationType: string; fullDocument?: { title?: string } }>(
      (resolve, reject) => {
        stream.once("change", resolve);
        stream.once("error", reject);
      },
    );
    // Wait until the server has opened the change stream before writing.
    await new Promise<void>((r) => stream.once("resumeTokenChanged", () => r()));
    await Posts.create({ title: "Live", likes: 1 });
    const ev = await next;
    expect(ev.operationType).toBe("insert");
    expect(ev.fullDocument?.title).toBe("Live");
    await stream.close();
  });
});
