import mongoose, { type PipelineStage } from "mongoose";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestServer, type TestServer } from "../test/harness.js";
import { UserModel } from "../users/user.model.js";
import { boundedQueries, DbBound } from "./db-bound.js";

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer(); // registers every model (the whole schema is built)
});
afterAll(async () => {
  await server?.close();
});

/** Commands the driver has checked a pool connection out for, peak over `fn`. */
async function peakCheckouts(fn: () => Promise<unknown>): Promise<number> {
  const client = mongoose.connection.getClient();
  let out = 0;
  let peak = 0;
  const onOut = () => {
    out++;
    peak = Math.max(peak, out);
  };
  const onIn = () => {
    out--;
  };
  client.on("connectionCheckedOut", onOut);
  client.on("connectionCheckedIn", onIn);
  try {
    await fn();
  } finally {
    client.off("connectionCheckedOut", onOut);
    client.off("connectionCheckedIn", onIn);
  }
  return peak;
}

const parallelReads = () =>
  Promise.all([
    UserModel.find({}).limit(5).lean(),
    UserModel.findOne({ email: "nobody@example.test" }).lean(),
    UserModel.countDocuments({}),
    UserModel.aggregate([{ $match: {} }, { $limit: 1 }]),
    UserModel.find({ name: "x" }).lean(),
  ]);

describe("DbBound (realtime's explicit database handle)", () => {
  it("every model's schema uses the bound's plugin (a model without it escapes the bound)", () => {
    const names = mongoose.modelNames();
    expect(names.length).toBeGreaterThan(10);
    const unbounded = names.filter(
      // `plugins` is mongoose's record of applied plugins (not in its typings).
      (n) =>
        !(mongoose.model(n).schema as unknown as { plugins: Array<{ fn: unknown }> }).plugins.some(
          (p) => p.fn === boundedQueries,
        ),
    );
    expect(unbounded).toEqual([]);
  });

  it("runs the parallel queries of work inside it one command at a time; outside, in parallel", async () => {
    const bound = new DbBound(1);
    await parallelReads(); // warm the pool
    const inside = await peakCheckouts(() => bound.run(parallelReads));
    const outside = await peakCheckouts(parallelReads);
    expect(inside).toBe(1);
    expect(outside).toBeGreaterThan(1);
  });

  it("gives the permit back when a query fails", async () => {
    const bound = new DbBound(1);
    await expect(
      bound.run(() => UserModel.aggregate([{ $notAStage: {} } as unknown as PipelineStage]).exec()),
    ).rejects.toThrow();
    await expect(bound.run(() => UserModel.find({ _id: "not-an-id" }).lean())).rejects.toThrow();
    // Both permits are back: these would wait forever otherwise.
    const [n] = await bound.run(() =>
      Promise.all([UserModel.countDocuments({}), UserModel.countDocuments({})]),
    );
    expect(n).toBeGreaterThanOrEqual(0);
    expect(bound.pending).toBe(0);
  });
});
