import type { Db } from "mongodb";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { connect, rejection } from "./support/target.js";

let ctx: Awaited<ReturnType<typeof connect>>;
let db: Db;

interface Job {
  _id: number;
  state: string;
  pri: number;
  tries?: number;
}

beforeAll(async () => {
  ctx = await connect("fam");
  db = ctx.db;
  await db.collection<Job>("jobs").insertMany([
    { _id: 1, state: "ready", pri: 1 },
    { _id: 2, state: "ready", pri: 5 },
    { _id: 3, state: "done", pri: 9 },
  ]);
});
afterAll(() => ctx.close());

describe("findAndModify", () => {
  it("returns the pre-image by default, honouring sort", async () => {
    const r = await db
      .collection<Job>("jobs")
      .findOneAndUpdate({ state: "ready" }, { $set: { state: "running" } }, { sort: { pri: -1 } });
    expect(r).toEqual({ _id: 2, state: "ready", pri: 5 });
  });

  it("returns the post-image with new / returnDocument after and projects fields", async () => {
    const r = await db
      .collection<Job>("jobs")
      .findOneAndUpdate(
        { _id: 1 },
        { $inc: { tries: 1 } },
        { returnDocument: "after", projection: { tries: 1 } },
      );
    expect(r).toEqual({ _id: 1, tries: 1 });
  });

  it("reports lastErrorObject for updates, upserts and misses", async () => {
    const upd = await db.command({
      findAndModify: "jobs",
      query: { _id: 1 },
      update: { $inc: { tries: 1 } },
    });
    expect(upd.lastErrorObject).toEqual({ n: 1, updatedExisting: true });
    const ups = await db.command({
      findAndModify: "jobs",
      query: { _id: 7 },
      update: { $set: { state: "new" } },
      upsert: true,
      new: true,
    });
    expect(ups.lastErrorObject).toEqual({ n: 1, updatedExisting: false, upserted: 7 });
    expect(ups.value).toEqual({ _id: 7, state: "new" });
    const miss = await db.command({ findAndModify: "jobs", query: { _id: 99 }, update: { $set: { x: 1 } } });
    expect(miss.lastErrorObject).toEqual({ n: 0, updatedExisting: false });
    expect(miss.value).toBeNull();
  });

  it("replaces and removes", async () => {
    const c = db.collection<Job>("jobs");
    const rep = await c.findOneAndReplace(
      { _id: 3 },
      { state: "archived", pri: 0 },
      { returnDocument: "after" },
    );
    expect(rep).toEqual({ _id: 3, state: "archived", pri: 0 });
    const del = await c.findOneAndDelete({ _id: 3 });
    expect(del?._id).toBe(3);
    expect(await c.findOne({ _id: 3 })).toBeNull();
    const rm = await db.command({ findAndModify: "jobs", query: { _id: 3 }, remove: true });
    expect(rm.lastErrorObject).toEqual({ n: 0 });
  });

  it("rejects contradictory options", async () => {
    const e = await rejection(
      db.command({ findAndModify: "jobs", query: {}, remove: true, update: { $set: { a: 1 } } }),
    );
    expect(e.code).toBe(9);
    const e2 = await rejection(db.command({ findAndModify: "jobs", query: {} }));
    expect(e2.code).toBe(9);
  });
});
