import type { Db, MongoClient } from "mongodb";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { connect, REAL, rejection } from "./support/target.js";

let ctx: Awaited<ReturnType<typeof connect>>;
let db: Db;
let client: MongoClient;

beforeAll(async () => {
  ctx = await connect("hs");
  db = ctx.db;
  client = ctx.client;
});
afterAll(() => ctx.close());

describe("server commands", () => {
  it("hello describes a writable primary", async () => {
    const h = await db.admin().command({ hello: 1 });
    expect(h.isWritablePrimary).toBe(true);
    expect(h.maxWireVersion).toBeGreaterThanOrEqual(17);
    expect(h.maxBsonObjectSize).toBe(16 * 1024 * 1024);
    expect(h.maxMessageSizeBytes).toBe(48_000_000);
    expect(h.maxWriteBatchSize).toBe(100_000);
    expect(h.logicalSessionTimeoutMinutes).toBe(30);
    expect(h.localTime).toBeInstanceOf(Date);
    expect(typeof h.connectionId).toBe("number");
    if (!REAL) {
      expect(h.setName).toBe("rs0");
      expect(h.hosts).toEqual([h.me]);
      expect(h.primary).toBe(h.me);
      expect(h.topologyVersion.processId).toBeDefined();
      expect(h.minWireVersion).toBe(0);
      expect(h.maxWireVersion).toBe(21);
    }
    const legacy = await db.admin().command({ isMaster: 1 });
    expect(legacy.ismaster).toBe(true);
  });

  it("ping, buildInfo, getParameter, serverStatus", async () => {
    expect((await db.admin().command({ ping: 1 })).ok).toBe(1);
    const b = await db.admin().command({ buildInfo: 1 });
    expect(typeof b.version).toBe("string");
    if (!REAL) expect(b.version).toMatch(/^7\.0\./);
    const p = await db.admin().command({ getParameter: 1, featureCompatibilityVersion: 1 });
    expect(p.featureCompatibilityVersion.version).toMatch(/^\d+\.\d+$/);
    const s = await db.admin().command({ serverStatus: 1 });
    expect(s.ok).toBe(1);
    expect(s.connections.current).toBeGreaterThan(0);
  });

  it.skipIf(REAL)(
    "answers replSetGetStatus for the single-node set and refuses a second initiate",
    async () => {
      const st = await db.admin().command({ replSetGetStatus: 1 });
      expect(st.set).toBe("rs0");
      expect(st.members).toHaveLength(1);
      expect(st.members[0]).toMatchObject({ stateStr: "PRIMARY", self: true });
      expect((await rejection(db.admin().command({ replSetInitiate: {} }))).code).toBe(23);
    },
  );

  it("unknown commands fail with CommandNotFound naming the command", async () => {
    const e = await rejection(db.command({ fooBar: 1 }));
    expect(e.code).toBe(59);
    expect(e.codeName).toBe("CommandNotFound");
    expect(e.message).toBe("no such command: 'fooBar'");
  });

  it("listDatabases includes databases with data", async () => {
    await db.collection("x").insertOne({ a: 1 });
    const r = await client.db("admin").admin().listDatabases();
    expect(r.databases.map((d) => d.name)).toContain(db.databaseName);
    const names = await client.db("admin").admin().listDatabases({ nameOnly: true });
    expect(names.databases.find((d) => d.name === db.databaseName)).toBeDefined();
  });
});
