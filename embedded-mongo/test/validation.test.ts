import type { Db } from "mongodb";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { connect, REAL, rejection } from "./support/target.js";

let ctx: Awaited<ReturnType<typeof connect>>;
let db: Db;

beforeAll(async () => {
  ctx = await connect("validation");
  db = ctx.db;
});
afterAll(() => ctx.close());

const emailRule = { email: { $type: "string" }, age: { $gte: 0 } };

describe("document validation (validator, validationLevel, validationAction)", () => {
  it("inserts, updates, upserts and findAndModify that fail the validator answer 121 with errInfo", async () => {
    await db.createCollection("v_strict", { validator: emailRule });
    const c = db.collection("v_strict");
    await c.insertOne({ _id: 1 as never, email: "a@x", age: 3 });
    const ins = await rejection(c.insertOne({ _id: 2 as never, email: 5, age: 3 }));
    expect(ins.code).toBe(121);
    expect((ins.errInfo as { failingDocumentId: unknown }).failingDocumentId).toBe(2);
    // Two failing clauses: details name them under $and.
    const both = await rejection(c.insertOne({ _id: 3 as never, email: 5, age: -1 }));
    expect((both.errInfo as { details: { operatorName: string } }).details.operatorName).toBe("$and");

    expect((await rejection(c.updateOne({ _id: 1 as never }, { $set: { age: -1 } }))).code).toBe(121);
    expect(
      (await rejection(c.updateOne({ _id: 9 as never }, { $set: { age: 1 } }, { upsert: true }))).code,
    ).toBe(121);
    const fam = await rejection(c.findOneAndUpdate({ _id: 1 as never }, { $unset: { email: "" } }));
    expect(fam.code).toBe(121);
    expect(await c.find().toArray()).toEqual([{ _id: 1, email: "a@x", age: 3 }]);
  });

  it("an ordered insertMany stops at the first invalid document, an unordered one skips it", async () => {
    await db.createCollection("v_batch", { validator: emailRule });
    const c = db.collection("v_batch");
    const docs = [{ email: "a", age: 1 }, { email: 1 }, { email: "c", age: 2 }];
    const ordered = await rejection(c.insertMany(docs.map((d) => ({ ...d }))));
    expect(ordered.code).toBe(121);
    expect(await c.countDocuments()).toBe(1);
    await rejection(
      c.insertMany(
        docs.map((d) => ({ ...d })),
        { ordered: false },
      ),
    );
    expect(await c.countDocuments()).toBe(3);
  });

  it("bypassDocumentValidation lets a write through", async () => {
    await db.createCollection("v_bypass", { validator: emailRule });
    const c = db.collection("v_bypass");
    expect((await rejection(c.insertOne({ email: 1 }))).code).toBe(121);
    await c.insertOne({ email: 1 }, { bypassDocumentValidation: true });
    await c.updateOne({}, { $set: { age: -5 } }, { bypassDocumentValidation: true });
    expect(await c.countDocuments({ age: -5 })).toBe(1);
  });

  it.skipIf(REAL)("$jsonSchema validators are stored and not enforced (README)", async () => {
    await db.createCollection("v_schema", { validator: { $jsonSchema: { required: ["name"] } } });
    await db.collection("v_schema").insertOne({ other: 1 });
    expect(await db.collection("v_schema").countDocuments()).toBe(1);
  });

  it("moderate lets updates of already invalid documents through; warn and off never refuse", async () => {
    const c = db.collection("v_levels");
    await c.insertMany([
      { _id: 1 as never, email: 1 },
      { _id: 2 as never, email: "b" },
    ]);
    await db.command({
      collMod: "v_levels",
      validator: { email: { $type: "string" } },
      validationLevel: "moderate",
    });
    await c.updateOne({ _id: 1 as never }, { $set: { n: 1 } });
    expect((await rejection(c.updateOne({ _id: 2 as never }, { $set: { email: 2 } }))).code).toBe(121);
    expect((await rejection(c.insertOne({ email: 3 }))).code).toBe(121);

    await db.command({ collMod: "v_levels", validationAction: "warn" });
    await c.insertOne({ _id: 3 as never, email: 3 });
    await db.command({ collMod: "v_levels", validationAction: "error", validationLevel: "off" });
    await c.insertOne({ _id: 4 as never, email: 4 });
    expect(await c.countDocuments()).toBe(4);
  });

  it("$merge into a validated collection is checked too", async () => {
    await db.createCollection("v_target", { validator: { n: { $type: "number" } } });
    await db.collection("v_src").insertMany([{ n: "x" }]);
    const e = await rejection(
      db
        .collection("v_src")
        .aggregate([{ $merge: { into: "v_target" } }])
        .toArray(),
    );
    expect(e.code).toBe(121);
    expect(await db.collection("v_target").countDocuments()).toBe(0);
  });
});
