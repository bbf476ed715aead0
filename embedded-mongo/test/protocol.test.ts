import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startEmbeddedMongo, type EmbeddedMongo } from "../src/index.js";
import { crc32c } from "../src/wire/crc32c.js";
import { opMsg, opQuery, RawClient, rawFrame } from "./support/raw-client.js";
import { REAL } from "./support/target.js";

// Raw-socket abuse targets the embedded server only (a real mongod closes sockets its own way).
describe.skipIf(REAL)("wire protocol", () => {
  let srv: EmbeddedMongo;
  let bystander: RawClient;

  beforeAll(async () => {
    srv = await startEmbeddedMongo();
    bystander = await RawClient.open(srv.host, srv.port);
  });
  afterAll(async () => {
    bystander.close();
    await srv.close();
  });

  const open = () => RawClient.open(srv.host, srv.port);

  /** The shared connection still answers: one bad client never affects the others. */
  async function bystanderAlive(): Promise<void> {
    bystander.send(opMsg({ ping: 1, $db: "admin" }, { requestId: 77 }));
    const r = await bystander.reply();
    expect(r?.responseTo).toBe(77);
    expect(r?.body.ok).toBe(1);
  }

  it("computes CRC-32C (Castagnoli) check values", () => {
    expect(crc32c(Buffer.from("123456789"))).toBe(0xe3069283);
    expect(crc32c(Buffer.alloc(32))).toBe(0x8a9136aa);
  });

  it("answers OP_MSG, with and without a checksum", async () => {
    const c = await open();
    c.send(opMsg({ ping: 1, $db: "admin" }, { requestId: 5 }));
    expect(await c.reply()).toMatchObject({ responseTo: 5, body: { ok: 1 } });
    c.send(opMsg({ ping: 1, $db: "admin" }, { requestId: 6, checksum: true }));
    expect(await c.reply()).toMatchObject({ responseTo: 6, body: { ok: 1 } });
    c.close();
  });

  it("rejects a checksum mismatch with an error reply", async () => {
    const c = await open();
    c.send(opMsg({ ping: 1, $db: "admin" }, { checksum: "corrupt" }));
    const r = await c.reply();
    expect(r?.body.ok).toBe(0);
    expect(r?.body.errmsg).toMatch(/checksum/);
    c.close();
    await bystanderAlive();
  });

  it("merges document sequences (kind 1) into the command", async () => {
    const c = await open();
    c.send(
      opMsg(
        { insert: "seq", $db: "proto" },
        { sequences: [["documents", [{ _id: 1 }, { _id: 2 }, { _id: 3 }]]] },
      ),
    );
    expect((await c.reply())?.body).toMatchObject({ n: 3, ok: 1 });
    c.close();
  });

  it("sends no reply for moreToCome, and keeps order", async () => {
    const c = await open();
    c.send(opMsg({ insert: "mtc", documents: [{ a: 1 }], $db: "proto" }, { flags: 2, requestId: 1 }));
    c.send(opMsg({ count: "mtc", $db: "proto" }, { requestId: 2 }));
    const r = await c.reply();
    expect(r?.responseTo).toBe(2);
    expect(r?.body.n).toBe(1);
    c.close();
  });

  it("answers the legacy OP_QUERY handshake with OP_REPLY and refuses other OP_QUERY", async () => {
    const c = await open();
    c.send(opQuery("admin.$cmd", { isMaster: 1, helloOk: true }, 9));
    const f = await c.next();
    expect(f?.readInt32LE(12)).toBe(1);
    c.send(opQuery("admin.$cmd", { isMaster: 1 }, 10));
    expect((await c.reply())?.body).toMatchObject({ ismaster: true, ok: 1 });
    c.send(opQuery("proto.coll", { find: "x" }, 11));
    expect((await c.reply())?.body.ok).toBe(0);
    c.close();
  });

  it("answers malformed BSON with an error and keeps the connection", async () => {
    const c = await open();
    const bad = Buffer.from([0x10, 0, 0, 0, 0x02, 0x61, 0, 0xff, 0xff, 0xff, 0x7f, 0x62, 0, 0, 0, 0]);
    c.send(opMsg(bad, { requestId: 3 }));
    const r = await c.reply();
    expect(r?.body.ok).toBe(0);
    c.send(opMsg({ ping: 1, $db: "admin" }, { requestId: 4 }));
    expect((await c.reply())?.responseTo).toBe(4);
    c.close();
  });

  it("errors on a missing $db and on unknown section kinds", async () => {
    const c = await open();
    c.send(opMsg({ ping: 1 }));
    expect((await c.reply())?.body.code).toBe(40571);
    const frame = opMsg({ ping: 1, $db: "admin" });
    frame[20] = 7;
    c.send(frame);
    expect((await c.reply())?.body.ok).toBe(0);
    c.close();
  });

  it("closes the connection on a bad length, an oversize message, an unknown opcode or OP_COMPRESSED", async () => {
    for (const frame of [
      rawFrame(2013, Buffer.alloc(4), 8),
      rawFrame(2013, Buffer.alloc(4), 48_000_001),
      rawFrame(9999, Buffer.alloc(8)),
      rawFrame(2012, Buffer.alloc(16)),
    ]) {
      const c = await open();
      c.send(frame);
      expect(await c.next()).toBeNull();
      await c.closed;
    }
    await bystanderAlive();
  });

  it("refuses documents over 16 MiB without crashing", async () => {
    const c = await open();
    const big = { _id: 1, blob: "x".repeat(17 * 1024 * 1024) };
    c.send(opMsg({ insert: "big", $db: "proto" }, { sequences: [["documents", [big]]] }));
    const r = await c.reply();
    expect(r?.body).toMatchObject({ ok: 0, code: 10334, codeName: "BSONObjectTooLarge" });
    c.close();
    await bystanderAlive();
  });

  it("survives a client that disconnects mid-frame", async () => {
    const c = await open();
    c.send(opMsg({ ping: 1, $db: "admin" }).subarray(0, 10));
    c.close();
    await c.closed;
    await bystanderAlive();
  });
});
