import mongoose from "mongoose";
import { ProductionStage } from "../productions/production.enums.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AssetKind } from "../assets/asset.enums.js";
import { buildUser } from "../test/factories.js";
import {
  ALL_ROLES_ONCE,
  type BuiltProduction,
  buildNote,
  buildProduction,
  buildVersion,
  gqlAs,
} from "../test/domain-factories.js";
import { expectData, startTestServer, type TestServer, writeOutsideCommands } from "../test/harness.js";
import { EVENT_SETTLE_MS } from "../core/event-order.js";
import { EventType } from "../events/event.enums.js";
import { EventModel } from "../events/event.model.js";
import { ProductionModel } from "../productions/production.model.js";
import { currentHub } from "./hub.js";
import { realtimeStats } from "./realtime-request.js";
import {
  connectAs,
  eventOf,
  nextsOf,
  openRaw,
  type RawClient,
  waitForSubscribers,
} from "../test/ws-test-client.js";

const oid = (id: string) => new mongoose.Types.ObjectId(id);

let server: TestServer;
let prod: BuiltProduction;
let versionId: string;
const clients: RawClient[] = [];

const EVENTS = `subscription($p: ID!, $after: String) {
  productionEvents(productionId: $p, after: $after) { cursor type note { id body } }
}`;

async function client(token: string | null): Promise<RawClient> {
  const c = await connectAs(server.wsUrl, token);
  clients.push(c);
  return c;
}

beforeAll(async () => {
  server = await startTestServer({ env: { PRESENCE_TTL_SECONDS: "2" } });
  prod = await buildProduction(server, { members: ALL_ROLES_ONCE });
  versionId = (await buildVersion(server, prod, AssetKind.CUT)).versionId;
});
afterAll(async () => {
  await Promise.all(clients.map((c) => c.close()));
  await server?.close();
});

/** Subscribes and proves the subscription is live (a fresh event arrives), returning its cursor. */
async function subscribeLive(
  c: RawClient,
  id: string,
  query = EVENTS,
  variables: Record<string, unknown> = { p: prod.id },
) {
  c.subscribe(id, query, variables);
  // Live-only subscriptions start at the channel's position: wait until attached by writing until
  // one arrives (a subscription attaches within one store round trip).
  for (let i = 0; ; i++) {
    await buildNote(server, prod.showrunner, versionId, { time: { startFrame: 0 } }, `probe ${id} ${i}`);
    try {
      return eventOf(await c.waitFor(nextsOf(id), 1_000));
    } catch (err) {
      if (i > 5) throw err;
    }
  }
}

describe("connection auth", () => {
  it("closes with 4403 without a token or with a bad one", async () => {
    for (const payload of [{}, { authorization: "Bearer nope" }]) {
      const c = await openRaw(server.wsUrl);
      c.send({ type: "connection_init", payload });
      expect((await c.closed).code).toBe(4403);
    }
  });

  it("accepts a user token and an API token", async () => {
    const c = await client(prod.showrunner.token);
    expect(c.messages[0]?.type).toBe("connection_ack");
    const api = expectData(
      await gqlAs<{ createApiToken: { token: string } }>(
        server,
        prod.showrunner,
        `mutation { createApiToken(name: "ws") { token } }`,
      ),
    ).createApiToken.token;
    const c2 = await client(api);
    expect(c2.messages[0]?.type).toBe("connection_ack");
  });
});

describe("subscription authorisation", () => {
  it("answers a non-member with NOT_FOUND, sends no events, and keeps the socket open", async () => {
    const outsider = await buildUser(server);
    const c = await client(outsider.token);
    c.subscribe("x", EVENTS, { p: prod.id });
    const err = await c.waitFor((m) => m.type === "error" && m.id === "x");
    expect((err.payload as Array<{ extensions: { code: string } }>)[0]?.extensions.code).toBe("NOT_FOUND");
    c.send({ type: "ping" });
    await c.waitFor((m) => m.type === "pong");
    await buildNote(server, prod.showrunner, versionId);
    c.send({ type: "ping" });
    await c.waitForCount((m) => m.type === "pong", 2);
    expect(c.messages.filter((m) => m.type === "next")).toHaveLength(0);
  });

  it("answers an unknown cursor with BAD_USER_INPUT", async () => {
    const c = await client(prod.as("VIEWER").token);
    c.subscribe("bad", EVENTS, { p: prod.id, after: "bm90LWEtY3Vyc29y" });
    const err = await c.waitFor((m) => m.type === "error" && m.id === "bad");
    expect((err.payload as Array<{ extensions: { code: string } }>)[0]?.extensions.code).toBe(
      "BAD_USER_INPUT",
    );
  });
});

describe("delivery", () => {
  it("delivers 20 notes in order, with cursors in Production.events order", async () => {
    const c = await client(prod.as("EDITOR").token);
    const first = await subscribeLive(c, "s");
    for (let i = 0; i < 20; i++)
      await buildNote(server, prod.as("DIRECTOR"), versionId, { time: { startFrame: i } }, `note ${i}`);
    const msgs = await c.waitForCount(nextsOf("s"), 21);
    const events = msgs.slice(1).map(eventOf);
    expect(events.map((e) => e.note?.body)).toEqual(Array.from({ length: 20 }, (_, i) => `note ${i}`));
    const listed = expectData(
      await gqlAs<{ production: { events: Array<{ cursor: string }> } }>(
        server,
        prod.showrunner,
        `query($p: ID!, $a: String) { production(id: $p) { events(after: $a, first: 50) { cursor } } }`,
        { p: prod.id, a: first.cursor },
      ),
    ).production.events.map((e) => e.cursor);
    expect(events.map((e) => e.cursor)).toEqual(listed.slice(0, 20));
  });

  it("shows each event's note as of that event (notes primed from the change stream stay fresh)", async () => {
    const c = await client(prod.as("EDITOR").token);
    await subscribeLive(
      c,
      "st",
      `subscription($p: ID!) { productionEvents(productionId: $p) { type note { id status body } } }`,
    );
    const noteId = await buildNote(server, prod.showrunner, versionId, { time: { startFrame: 0 } }, "fresh?");
    const STATUS = `mutation($n: ID!, $s: NoteStatus!) { setNoteStatus(noteId: $n, status: $s) { status } }`;
    expectData(await gqlAs(server, prod.showrunner, STATUS, { n: noteId, s: "IN_PROGRESS" }));
    expectData(await gqlAs(server, prod.showrunner, STATUS, { n: noteId, s: "RESOLVED" }));
    const about = (m: { type: string; id?: string; payload?: unknown }) =>
      nextsOf("st")(m) && JSON.stringify(m.payload).includes(noteId);
    const events = (await c.waitForCount(about, 3)).map(
      (m) =>
        (m.payload as { data: { productionEvents: { type: string; note: { status: string } } } }).data
          .productionEvents,
    );
    expect(events.map((e) => [e.type, e.note.status])).toEqual([
      ["NOTE_ADDED", expect.any(String)],
      ["NOTE_STATUS_CHANGED", expect.stringMatching(/IN_PROGRESS|RESOLVED/)],
      ["NOTE_STATUS_CHANGED", "RESOLVED"],
    ]);
  });

  it("shows the version as of each event (remembered versions are dropped when they change)", async () => {
    const c = await client(prod.as("EDITOR").token);
    const q = `subscription($p: ID!) { productionEvents(productionId: $p) { type version { id status } actor { id name } } }`;
    const { versionId: vid } = await buildVersion(server, prod, AssetKind.CUT);
    await subscribeLive(c, "vs", q);
    // Two events about the version while it is DRAFT: the second one reuses the first one's read.
    await buildNote(server, prod.showrunner, vid, { time: { startFrame: 0 } }, "draft 1");
    await buildNote(server, prod.showrunner, vid, { time: { startFrame: 0 } }, "draft 2");
    expectData(
      await gqlAs(
        server,
        prod.showrunner,
        `mutation($v: ID!) { submitForReview(versionId: $v) { status } }`,
        { v: vid },
      ),
    );
    const about = (m: { type: string; id?: string; payload?: unknown }) =>
      nextsOf("vs")(m) && JSON.stringify(m.payload).includes(vid);
    const events = (await c.waitForCount(about, 4)).map(
      (m) =>
        (m.payload as { data: { productionEvents: { type: string; version: { status: string } } } }).data
          .productionEvents,
    );
    expect(events.map((e) => [e.type, e.version.status])).toEqual([
      ["NOTE_ADDED", "DRAFT"],
      ["NOTE_ADDED", "DRAFT"],
      ["REVIEW_REQUESTED", "IN_REVIEW"],
      ["VERSION_STATUS_CHANGED", "IN_REVIEW"],
    ]);
  });

  it("resumes after a disconnect with exactly the missed events, then goes on live", async () => {
    const c = await client(prod.as("WRITER").token);
    const last = await subscribeLive(c, "r");
    await c.close();
    for (let i = 0; i < 5; i++)
      await buildNote(server, prod.showrunner, versionId, { time: { startFrame: i } }, `missed ${i}`);
    const c2 = await client(prod.as("WRITER").token);
    c2.subscribe("r2", EVENTS, { p: prod.id, after: last.cursor });
    const replayed = (await c2.waitForCount(nextsOf("r2"), 5)).map(eventOf);
    expect(replayed.map((e) => e.note?.body)).toEqual([0, 1, 2, 3, 4].map((i) => `missed ${i}`));
    await buildNote(server, prod.showrunner, versionId, { time: { startFrame: 0 } }, "after resume");
    const all = (await c2.waitForCount(nextsOf("r2"), 6)).map(eventOf);
    expect(all[5]?.note?.body).toBe("after resume");
    expect(new Set(all.map((e) => e.cursor)).size).toBe(6);
  });

  it("stops delivering to a removed member at once (their subscription completes)", async () => {
    const temp = await buildUser(server);
    expectData(
      await gqlAs(
        server,
        prod.showrunner,
        `mutation($p: ID!, $e: String!) { addMember(productionId: $p, email: $e, role: VIEWER) { role } }`,
        {
          p: prod.id,
          e: temp.email,
        },
      ),
    );
    const c = await client(temp.token);
    await subscribeLive(c, "gone");
    expectData(
      await gqlAs(
        server,
        prod.showrunner,
        `mutation($p: ID!, $u: ID!) { removeMember(productionId: $p, userId: $u) }`,
        {
          p: prod.id,
          u: temp.user.id,
        },
      ),
    );
    await c.waitFor((m) => m.type === "complete" && m.id === "gone");
    const before = c.messages.filter(nextsOf("gone")).length;
    await buildNote(server, prod.showrunner, versionId, { time: { startFrame: 0 } }, "secret");
    // A member subscribed on another socket sees the note: by then the removed one would have too.
    const w = await client(prod.as("PRODUCER").token);
    w.subscribe("w", EVENTS, { p: prod.id });
    await buildNote(server, prod.showrunner, versionId, { time: { startFrame: 0 } }, "later");
    await w.waitFor(nextsOf("w"), 5_000);
    expect(c.messages.filter(nextsOf("gone")).length).toBe(before);
  });
});

describe("hold-back (the ordering rule of event-order.ts, live)", () => {
  it("holds a later seq until the earlier one is inserted, then delivers both in seq order", async () => {
    const c = await client(prod.as("EDITOR").token);
    await subscribeLive(c, "h1");
    // A writer that allocated a seq and has not inserted yet (another process, slow).
    const allocated = await writeOutsideCommands(() =>
      ProductionModel.findOneAndUpdate(
        { _id: prod.id },
        { $inc: { eventSeq: 1 } },
        { returnDocument: "after" },
      ).lean(),
    );
    const slowSeq = allocated?.eventSeq as number;
    const seen = c.messages.filter(nextsOf("h1")).length;
    await buildNote(server, prod.showrunner, versionId, { time: { startFrame: 0 } }, "after the gap");
    await writeOutsideCommands(() =>
      EventModel.create({
        productionId: oid(prod.id),
        seq: slowSeq,
        type: EventType.STAGE_CHANGED,
        at: new Date(),
        actorId: null,
        stage: ProductionStage.FILMING,
      }),
    );
    const [late, next] = (await c.waitForCount(nextsOf("h1"), seen + 2)).slice(seen).map(eventOf);
    expect(late?.type).toBe("STAGE_CHANGED");
    expect(next?.note?.body).toBe("after the gap");
  });

  it("skips a seq abandoned by a crashed writer after the settle window, as Production.events does", async () => {
    const c = await client(prod.as("EDITOR").token);
    const last = await subscribeLive(c, "h2");
    await writeOutsideCommands(() =>
      // never inserted
      ProductionModel.updateOne({ _id: prod.id }, { $inc: { eventSeq: 1 } }),
    );
    const seen = c.messages.filter(nextsOf("h2")).length;
    const started = Date.now();
    await buildNote(
      server,
      prod.showrunner,
      versionId,
      { time: { startFrame: 0 } },
      "after the abandoned seq",
    );
    const [after] = (await c.waitForCount(nextsOf("h2"), seen + 1, 10_000)).slice(seen).map(eventOf);
    expect(after?.note?.body).toBe("after the abandoned seq");
    expect(Date.now() - started).toBeGreaterThanOrEqual(EVENT_SETTLE_MS - 100);
    const listed = expectData(
      await gqlAs<{ production: { events: Array<{ cursor: string }> } }>(
        server,
        prod.showrunner,
        `query($p: ID!, $a: String) { production(id: $p) { events(after: $a) { cursor } } }`,
        { p: prod.id, a: last.cursor },
      ),
    ).production.events.map((e) => e.cursor);
    expect(listed.at(-1)).toBe(after?.cursor);
  });
});

describe("pool use", () => {
  it("holds at most 2 pool connections while publishing (change stream + one command at a time)", async () => {
    const own = await buildProduction(server, { members: { EDITOR: 1, DIRECTOR: 1, WRITER: 1 } });
    const vid = (await buildVersion(server, own, AssetKind.CUT)).versionId;
    const noteId = await buildNote(server, own.showrunner, vid, { time: { startFrame: 0 } }, "pooled");
    // Three groups (three roles), each executing the note, its author, version and reply count.
    const FEED = `subscription($p: ID!) { productionEvents(productionId: $p) {
      cursor actor { id name } note { id body replyCount authorRole author { id name } version { id number } } } }`;
    const sockets = await Promise.all(
      ["EDITOR", "DIRECTOR", "WRITER"].map((r) => client(own.as(r as never).token)),
    );
    for (const [i, c] of sockets.entries()) c.subscribe(`g${i}`, FEED, { p: own.id });
    await waitForSubscribers(own.id, 3);
    const mongoClient = mongoose.connection.getClient();
    let out = 0;
    let peak = 0;
    const onOut = () => {
      out++;
      peak = Math.max(peak, out);
    };
    const onIn = () => {
      out = Math.max(0, out - 1);
    };
    const allocated = await writeOutsideCommands(() =>
      ProductionModel.findOneAndUpdate(
        { _id: own.id },
        { $inc: { eventSeq: 1 } },
        { returnDocument: "after" },
      ).lean(),
    );
    // Checked out right now: the change stream's pending getMore (it holds its connection).
    mongoClient.on("connectionCheckedOut", onOut);
    mongoClient.on("connectionCheckedIn", onIn);
    out = 1;
    peak = 1;
    await writeOutsideCommands(() =>
      EventModel.create({
        productionId: oid(own.id),
        seq: allocated?.eventSeq as number,
        type: EventType.NOTE_ADDED,
        at: new Date(),
        actorId: oid(own.showrunner.user.id),
        noteId: oid(noteId),
        versionId: oid(vid),
      }),
    );
    const peakWithInsert = peak;
    peak = out; // from here on, only realtime uses the pool
    await Promise.all(sockets.map((c, i) => c.waitFor(nextsOf(`g${i}`))));
    mongoClient.off("connectionCheckedOut", onOut);
    mongoClient.off("connectionCheckedIn", onIn);
    expect(peak).toBeLessThanOrEqual(2);
    expect(peakWithInsert).toBeLessThanOrEqual(3); // + the test's own insert
    expect(eventOf(sockets[0]?.messages.find(nextsOf("g0")) as never).note?.body).toBe("pooled");
  });
});

describe("versionEvents", () => {
  it("delivers only the version's events, and resumes from a cursor", async () => {
    const other = (await buildVersion(server, prod, AssetKind.CUT)).versionId;
    const VERSION = `subscription($v: ID!, $after: String) { versionEvents(versionId: $v, after: $after) { cursor type note { body } } }`;
    const c = await client(prod.as("DIRECTOR").token);
    const already = currentHub()?.subscriberCount(prod.id) ?? 0;
    c.subscribe("v", VERSION, { v: other });
    await waitForSubscribers(prod.id, already + 1);
    for (let i = 0; i < 6; i++) {
      await buildNote(
        server,
        prod.showrunner,
        i % 2 ? versionId : other,
        { time: { startFrame: 0 } },
        `v${i}`,
      );
    }
    const got = (await c.waitForCount(nextsOf("v"), 3)).map(eventOf);
    expect(got.map((e) => e.note?.body)).toEqual(["v0", "v2", "v4"]);
    c.subscribe("v2", VERSION, { v: other, after: got[0]?.cursor });
    const replayed = (await c.waitForCount(nextsOf("v2"), 2)).map(eventOf);
    expect(replayed.map((e) => e.note?.body)).toEqual(["v2", "v4"]);
  });
});

describe("multiplexing", () => {
  it("executes the resolvers once per event for 1,000 identical subscribers", async () => {
    // A production of its own: other tests' groups would execute too (once each).
    prod = await buildProduction(server, { members: { EDITOR: 1 } });
    versionId = (await buildVersion(server, prod, AssetKind.CUT)).versionId;
    const editor = prod.as("EDITOR");
    const sockets: RawClient[] = [];
    for (let s = 0; s < 10; s++) sockets.push(await client(editor.token));
    // First subscription proves the group is live; the other 999 join the same group.
    await subscribeLive(sockets[0] as RawClient, "m0");
    for (let i = 1; i < 1_000; i++) (sockets[i % 10] as RawClient).subscribe(`m${i}`, EVENTS, { p: prod.id });
    await waitForSubscribers(prod.id, 1_000);
    const before = realtimeStats.resolverCalls;
    const execBefore = realtimeStats.executions;
    await buildNote(server, prod.showrunner, versionId, { time: { startFrame: 1 } }, "to everyone");
    const isFanout = (m: { type: string; id?: string; payload?: unknown }) =>
      m.type === "next" &&
      m.id !== undefined &&
      m.id.startsWith("m") &&
      JSON.stringify(m.payload).includes("to everyone");
    const counts = await Promise.all(sockets.map((s) => s.waitForCount(isFanout, 100, 15_000)));
    expect(counts.flat()).toHaveLength(1_000);
    expect(realtimeStats.resolverCalls - before).toBe(1);
    expect(realtimeStats.executions - execBefore).toBe(1);
    // One change stream for the whole process, however many subscribers.
    expect(currentHub()?.feed.opens).toBe(1);
  }, 60_000);
});
