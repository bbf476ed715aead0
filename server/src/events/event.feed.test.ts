import mongoose, { Types } from "mongoose";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { ChangeDoc } from "../core/change-stream.js";
import type { Logger } from "../core/logger.js";
import { NoteModel } from "../notes/note.model.js";
import { ProductionStage } from "../productions/production.enums.js";
import { startTestServer, type TestServer } from "../test/harness.js";
import { buildProduction, type BuiltProduction } from "../test/domain-factories.js";
import { runCommand } from "./command.js";
import { EventType } from "./event.enums.js";
import { EVENTS_COLLECTION, eventsSource, type FeedSource, feedPipeline } from "./event.feed.js";
import { EventModel } from "./event.model.js";
import { recordEvents } from "./event.service.js";

const noop = () => {};
const logger = (): Logger & { error: ReturnType<typeof vi.fn> } =>
  ({ debug: noop, info: noop, warn: noop, error: vi.fn() }) as never;

describe("feedPipeline", () => {
  it("asks the store for each source's collection and operations, and only the fields used", () => {
    const sources: FeedSource[] = [
      { coll: "events", operations: ["insert"], onChange: noop },
      { coll: "presence", onChange: noop },
      {
        coll: "api_tokens",
        operations: ["update"],
        keep: ["updateDescription.updatedFields.revokedAt"],
        onChange: noop,
      },
    ];
    expect(feedPipeline(sources)).toEqual([
      {
        $match: {
          $or: [
            { "ns.coll": "events", operationType: { $in: ["insert"] } },
            { "ns.coll": "presence" },
            { "ns.coll": "api_tokens", operationType: { $in: ["update"] } },
          ],
        },
      },
      {
        $project: {
          operationType: 1,
          ns: 1,
          documentKey: 1,
          fullDocument: 1,
          "updateDescription.updatedFields.revokedAt": 1,
        },
      },
    ]);
  });
});

describe("eventsSource", () => {
  const base = {
    _id: new Types.ObjectId(),
    productionId: new Types.ObjectId(),
    seq: 3,
    at: new Date(),
    actorId: null,
  };
  const insert = (doc: object) => ({ operationType: "insert", fullDocument: doc }) as unknown as ChangeDoc;

  it("hands on a valid event and drops (and logs) one whose payload is not its type's", () => {
    const seen: unknown[] = [];
    const log = logger();
    const source = eventsSource((e) => seen.push(e), log);
    const good = { ...base, type: EventType.STAGE_CHANGED, stage: ProductionStage.FILMING };
    source.onChange(insert(good));
    source.onChange(insert({ ...base, type: EventType.NOTE_ADDED, noteId: new Types.ObjectId() }));
    expect(seen).toEqual([good]);
    expect(log.error).toHaveBeenCalledWith("events: malformed event in the change stream", {
      seq: 3,
      problem: "NOTE_ADDED.versionId must be a id",
    });
  });
});

describe("the feed's pipeline on the store", () => {
  let server: TestServer;
  let prod: BuiltProduction;
  beforeAll(async () => {
    server = await startTestServer();
    prod = await buildProduction(server, {});
  });
  afterAll(async () => server?.close());

  it("delivers events and notes with only the projected fields, and nothing the sources did not ask for", async () => {
    const db = mongoose.connection.db;
    if (!db) throw new Error("not connected");
    const sources: FeedSource[] = [
      { coll: EVENTS_COLLECTION, operations: ["insert"], onChange: noop },
      { coll: NoteModel.collection.collectionName, operations: ["insert"], onChange: noop },
    ];
    const stream = db.watch(feedPipeline(sources), { fullDocument: "updateLookup" });
    const changes: ChangeDoc[] = [];
    const got = new Promise<void>((resolve) =>
      stream.on("change", (c: ChangeDoc) => {
        changes.push(c);
        if (changes.length === 2) resolve();
      }),
    );
    // Opened once the first getMore is under way: wait for the post-batch token.
    await new Promise((resolve) => stream.once("resumeTokenChanged", resolve));
    const pid = new Types.ObjectId(prod.id);
    const noteId = new Types.ObjectId();
    await runCommand("test/feed-shape", async (tx) => {
      // A change to a collection no source names: not sent.
      await EventModel.db.collection("feed_test_other").insertOne({ x: 1 }, { session: tx.session });
      await NoteModel.collection.insertOne({ _id: noteId, productionId: pid }, { session: tx.session });
      await recordEvents(tx, pid, null, [{ type: EventType.STAGE_CHANGED, stage: ProductionStage.SCRIPT }]);
    });
    await got;
    await stream.close();
    expect(changes.map((c) => ("ns" in c && "coll" in c.ns ? c.ns.coll : null))).toEqual(["notes", "events"]);
    for (const c of changes) {
      expect(Object.keys(c).sort()).toEqual(["_id", "documentKey", "fullDocument", "ns", "operationType"]);
    }
    expect((changes[1] as { fullDocument: Record<string, unknown> }).fullDocument).toMatchObject({
      type: EventType.STAGE_CHANGED,
      stage: ProductionStage.SCRIPT,
    });
  });
});
