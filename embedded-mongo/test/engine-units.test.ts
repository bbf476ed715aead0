import { Decimal128, Long, ObjectId } from "bson";
import { describe, expect, it } from "vitest";
import { canonicalKey, cloneValue, compareValues } from "../src/engine/bson-order.js";
import { Collection } from "../src/engine/collection.js";
import { Engine } from "../src/engine/engine.js";
import { plan } from "../src/engine/planner.js";
import { findDocs } from "../src/engine/query.js";
import { SortedList } from "../src/engine/sorted-list.js";
import { runTtlPass } from "../src/engine/ttl.js";
import { MemoryPersistence } from "../src/storage/memory.js";

describe("BSON ordering", () => {
  it("orders across types like MongoDB", () => {
    const values = [true, new Date(0), new ObjectId(), [1], { a: 1 }, "s", 3, null];
    const sorted = [...values].sort(compareValues);
    expect(
      sorted.map((v) =>
        v === null
          ? "null"
          : Array.isArray(v)
            ? "array"
            : v instanceof Date
              ? "date"
              : typeof v === "object" && "_bsontype" in v
                ? "oid"
                : typeof v,
      ),
    ).toEqual(["null", "number", "string", "object", "array", "oid", "boolean", "date"]);
  });

  it("treats numeric types as equal by value", () => {
    expect(compareValues(1, Long.fromNumber(1))).toBe(0);
    expect(compareValues(Decimal128.fromString("2.5"), 2.5)).toBe(0);
    expect(canonicalKey(1)).toBe(canonicalKey(Long.fromNumber(1)));
    expect(canonicalKey({ a: 1, b: 2 })).not.toBe(canonicalKey({ b: 2, a: 1 }));
  });

  it("clones containers but keeps bson values", () => {
    const oid = new ObjectId();
    const src = { o: oid, d: new Date(5), a: [{ x: 1 }] };
    const copy = cloneValue(src);
    expect(copy.o).toBe(oid);
    expect(copy.d).not.toBe(src.d);
    copy.a[0]!.x = 2;
    expect(src.a[0]!.x).toBe(1);
  });
});

describe("SortedList", () => {
  it("keeps order across chunk splits and removes exact elements", () => {
    const l = new SortedList<number>((a, b) => a - b);
    const xs = Array.from({ length: 5000 }, (_, i) => (i * 7919) % 5000);
    for (const x of xs) l.insert(x);
    expect([...l.all()]).toEqual([...xs].sort((a, b) => a - b));
    expect(l.remove(1234)).toBe(true);
    expect(l.remove(1234)).toBe(false);
    expect(l.size).toBe(4999);
    expect([...l.from((x) => x >= 4997)]).toEqual([4997, 4998, 4999]);
    expect([...l.all(true)].slice(0, 2)).toEqual([4999, 4998]);
  });
});

describe("planner", () => {
  function coll(n: number): Collection {
    const c = new Collection("d", "c");
    c.createIndex({ name: "k_1", key: { k: 1 } });
    c.createIndex({ name: "tags_1", key: { tags: 1 } });
    for (let i = 0; i < n; i++) c.insert({ _id: i, k: i % 50, tags: [`t${i % 3}`, "all"], s: `s${i}` });
    return c;
  }

  it("uses the _id map, equality, $in and ranges", () => {
    const c = coll(1000);
    expect(plan(c, { _id: 5 }).kind).toBe("IDHACK");
    const eq = plan(c, { k: 7 });
    expect(eq).toMatchObject({ kind: "IXSCAN", index: "k_1" });
    c.docsExamined = 0;
    expect(findDocs(c, { filter: { k: { $in: [1, 2] }, s: { $exists: true } } }).docs).toHaveLength(40);
    expect(c.docsExamined).toBe(40);
    c.docsExamined = 0;
    expect(findDocs(c, { filter: { k: { $gte: 48 } } }).docs).toHaveLength(40);
    expect(c.docsExamined).toBe(40);
    expect(plan(c, { s: "s1" }).kind).toBe("COLLSCAN");
  });

  it("deduplicates multikey matches", () => {
    const c = coll(30);
    expect(findDocs(c, { filter: { tags: { $in: ["t1", "all"] } } }).docs).toHaveLength(30);
  });

  it("keeps index entries in step with updates and deletes", () => {
    const c = coll(10);
    c.replace(canonicalKey(3), { _id: 3, k: 99, tags: [] });
    expect(findDocs(c, { filter: { k: 99 } }).docs.map((d) => d._id)).toEqual([3]);
    expect(findDocs(c, { filter: { k: 3 } }).docs).toHaveLength(0);
    c.delete(canonicalKey(3));
    expect(findDocs(c, { filter: { k: 99 } }).docs).toHaveLength(0);
  });
});

describe("TTL monitor pass", () => {
  it("removes documents past expireAfterSeconds and commits the deletes", async () => {
    const engine = new Engine(new MemoryPersistence());
    await engine.open();
    const committed: string[] = [];
    engine.onCommitted((ops) => {
      for (const c of ops) committed.push(c.op.op);
    });
    engine.applyOp({ op: "create", db: "d", coll: "s", options: {} });
    engine.applyOp({
      op: "createIndexes",
      db: "d",
      coll: "s",
      indexes: [{ name: "at_1", key: { at: 1 }, expireAfterSeconds: 60 }],
    });
    const c = engine.collection("d", "s")!;
    const now = Date.now();
    c.insert({ _id: 1, at: new Date(now - 120_000) });
    c.insert({ _id: 2, at: new Date(now - 10_000) });
    c.insert({ _id: 3, at: "not a date" });
    c.insert({ _id: 4, at: [new Date(now), new Date(now - 61_000)] });
    expect(await runTtlPass(engine, now)).toBe(2);
    expect([...c.docs.values()].map((d) => d._id)).toEqual([2, 3]);
    expect(committed).toEqual(["delete", "delete"]);
  });
});

describe("$or planning", () => {
  it("unions index scans when every branch is indexed, each document once", () => {
    const c = new Collection("d", "m");
    c.createIndex({ name: "p_u", key: { p: 1, u: 1 }, unique: true });
    c.createIndex({ name: "a_1", key: { a: 1 } });
    for (let i = 0; i < 500; i++) c.insert({ _id: i, p: i % 10, u: i, a: i % 7 });
    expect(
      plan(c, {
        $or: [
          { p: 1, u: 1 },
          { p: 2, u: 2 },
        ],
      }).kind,
    ).toBe("IXSCAN");
    c.docsExamined = 0;
    const r = findDocs(c, { filter: { $or: [{ p: 1, u: 1 }, { p: 2, u: 2 }, { p: 1, u: 1 }, { _id: 3 }] } });
    expect(r.docs.map((d) => d._id).sort()).toEqual([1, 2, 3]);
    // A repeated branch fetches its document again before the union drops it.
    expect(c.docsExamined).toBe(4);
    expect(plan(c, { $or: [{ a: 1 }, { z: 1 }] }).kind).toBe("COLLSCAN");
    expect(findDocs(c, { filter: { $or: [{ a: 1 }, { u: { $lt: 3 } }] } }).docs).toHaveLength(72 + 3 - 1);
  });
});
