import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { buildProduction, type BuiltProduction } from "../test/domain-factories.js";
import { startTestServer, type TestServer } from "../test/harness.js";
import { Types } from "mongoose";
import { EventType } from "./event.enums.js";
import { EventModel } from "./event.model.js";
import { recordEvents } from "./event.service.js";

let server: TestServer;
let prod: BuiltProduction;

beforeAll(async () => {
  server = await startTestServer();
  prod = await buildProduction(server, { members: { DIRECTOR: 1 } });
});
afterAll(async () => server?.close());
afterEach(() => vi.restoreAllMocks());

const productionId = () => new Types.ObjectId(prod.id);
const networkError = () => Object.assign(new Error("connection closed"), { name: "MongoNetworkError" });

describe("recordEvents under transient faults", () => {
  it("retries an insert that failed, keeping the allocated seqs", async () => {
    const spy = vi.spyOn(EventModel.collection, "insertMany").mockRejectedValueOnce(networkError());
    const records = await recordEvents(productionId(), null, [
      { type: EventType.STAGE_CHANGED, stage: "FILMING" },
    ]);
    expect(spy).toHaveBeenCalledTimes(2);
    expect(records).toHaveLength(1);
    const stored = await EventModel.find({ _id: records[0]?._id }).lean();
    expect(stored).toHaveLength(1);
    expect(stored[0]?.seq).toBe(records[0]?.seq);
  });

  it("recognises its own insert when the acknowledgement was lost, without duplicating it", async () => {
    const real = EventModel.collection.insertMany.bind(EventModel.collection);
    // The first attempt lands in the database but its reply never arrives.
    vi.spyOn(EventModel.collection, "insertMany").mockImplementationOnce((async (docs: unknown) => {
      await real(docs as never);
      throw networkError();
    }) as never);
    const before = await EventModel.countDocuments({ productionId: productionId() });
    const records = await recordEvents(productionId(), null, [
      { type: EventType.STAGE_CHANGED, stage: "FINAL_CUT" },
      { type: EventType.STAGE_CHANGED, stage: "RELEASED" },
    ]);
    expect(records.map((r) => r.stage)).toEqual(["FINAL_CUT", "RELEASED"]);
    expect(await EventModel.countDocuments({ productionId: productionId() })).toBe(before + 2);
    expect(records[1]!.seq).toBe(records[0]!.seq + 1);
  });

  it("takes fresh seqs when its block has aged past half the settle window, so readers never see it filled late", async () => {
    const realNow = Date.now.bind(Date);
    let firstSeq = 0;
    vi.spyOn(EventModel.collection, "insertMany").mockImplementationOnce((async (docs: unknown) => {
      firstSeq = (docs as Array<{ seq: number }>)[0]?.seq ?? 0;
      // The store stays away for three seconds.
      vi.spyOn(Date, "now").mockImplementation(() => realNow() + 3_000);
      throw networkError();
    }) as never);
    const records = await recordEvents(productionId(), null, [
      { type: EventType.STAGE_CHANGED, stage: "FILMING" },
    ]);
    expect(records).toHaveLength(1);
    expect(firstSeq).toBeGreaterThan(0);
    expect(records[0]!.seq).toBeGreaterThan(firstSeq);
    expect(await EventModel.countDocuments({ productionId: productionId(), seq: firstSeq })).toBe(0);
  });
});
