import mongoose, { Types } from "mongoose";
import { ProductionStage } from "../productions/production.enums.js";
import { afterEach, describe, expect, it, vi } from "vitest";
import { NoteModel } from "../notes/note.model.js";
import { ProductionModel } from "../productions/production.model.js";
import { writeOutsideCommands } from "../test/harness.js";
import { useProductionWorld } from "../test/production-world.js";
import { installWriteGuard } from "../test/write-guard.js";
import { commandStats, runCommand } from "./command.js";
import { EventType } from "./event.enums.js";
import { EventModel } from "./event.model.js";
import { type EventDraft, recordEvents } from "./event.service.js";

const world = useProductionWorld({ DIRECTOR: 1 });
afterEach(() => vi.restoreAllMocks());

const productionId = () => new Types.ObjectId(world.prod.id);
const seqOf = async () => (await ProductionModel.findById(productionId()).lean())?.eventSeq ?? -1;

describe("runCommand", () => {
  it("commits a command's documents and its events together, with consecutive seqs", async () => {
    const before = await seqOf();
    const noteId = new Types.ObjectId();
    const events = await runCommand("test/two-events", async (tx) => {
      await NoteModel.collection.insertOne(
        { _id: noteId, productionId: productionId() },
        { session: tx.session },
      );
      return recordEvents(tx, productionId(), null, [
        { type: EventType.STAGE_CHANGED, stage: ProductionStage.FILMING },
        { type: EventType.STAGE_CHANGED, stage: ProductionStage.RELEASED },
      ]);
    });
    expect(events.map((e) => e.seq)).toEqual([before + 1, before + 2]);
    expect(await seqOf()).toBe(before + 2);
    expect(await NoteModel.collection.countDocuments({ _id: noteId })).toBe(1);
    expect(await EventModel.countDocuments({ _id: { $in: events.map((e) => e._id) } })).toBe(2);
  });

  it("refuses an event whose payload is not its type's, and the command's writes with it", async () => {
    const before = await seqOf();
    const noteId = new Types.ObjectId();
    await expect(
      runCommand("test/bad-payload", async (tx) => {
        await NoteModel.collection.insertOne(
          { _id: noteId, productionId: productionId() },
          { session: tx.session },
        );
        // A command that forgot the version: the type system refuses it, and so does recordEvents.
        const draft = { type: EventType.NOTE_ADDED, noteId } as unknown as EventDraft;
        return recordEvents(tx, productionId(), null, [draft]);
      }),
    ).rejects.toThrow("recordEvents: NOTE_ADDED.versionId must be a id");
    expect(await seqOf()).toBe(before);
    expect(await NoteModel.collection.countDocuments({ _id: noteId })).toBe(0);
  });

  it("leaves nothing behind when the command fails after its writes: no document, no seq, no event", async () => {
    const before = await seqOf();
    const eventsBefore = await EventModel.countDocuments({ productionId: productionId() });
    const noteId = new Types.ObjectId();
    await expect(
      runCommand("test/fails-late", async (tx) => {
        await NoteModel.collection.insertOne(
          { _id: noteId, productionId: productionId() },
          { session: tx.session },
        );
        await recordEvents(tx, productionId(), null, [
          { type: EventType.STAGE_CHANGED, stage: ProductionStage.FILMING },
        ]);
        throw new Error("the process died here");
      }),
    ).rejects.toThrow("the process died here");
    expect(await seqOf()).toBe(before);
    expect(await NoteModel.collection.countDocuments({ _id: noteId })).toBe(0);
    expect(await EventModel.countDocuments({ productionId: productionId() })).toBe(eventsBefore);
  });

  it("re-runs the body on a TransientTransactionError and commits once", async () => {
    const stats = commandStats();
    let runs = 0;
    const events = await runCommand("test/transient", async (tx) => {
      runs++;
      const recorded = await recordEvents(tx, productionId(), null, [
        { type: EventType.STAGE_CHANGED, stage: ProductionStage.FILMING },
      ]);
      if (runs === 1) {
        const err = new mongoose.mongo.MongoServerError({ message: "WriteConflict", code: 112 });
        err.addErrorLabel("TransientTransactionError");
        throw err;
      }
      return recorded;
    });
    expect(runs).toBe(2);
    expect(commandStats().retries).toBe(stats.retries + 1);
    expect(await EventModel.countDocuments({ productionId: productionId(), seq: events[0]?.seq })).toBe(1);
  });

  it("serialises concurrent commands on one production: seq order is commit order, no gaps", async () => {
    const before = await seqOf();
    const all = await Promise.all(
      Array.from({ length: 8 }, () =>
        runCommand("test/concurrent", (tx) =>
          recordEvents(tx, productionId(), null, [
            { type: EventType.STAGE_CHANGED, stage: ProductionStage.FILMING },
          ]),
        ),
      ),
    );
    const seqs = all.map((e) => e[0]?.seq ?? 0).sort((a, b) => a - b);
    expect(seqs).toEqual(Array.from({ length: 8 }, (_, i) => before + 1 + i));
  });

  it("re-runs conflicting commands one at a time: each commits after one conflict at most", async () => {
    // Every addNote bumps its version's counters and the production's seq: N at once all write
    // the same two documents. Retried immediately they abort each other over and over.
    const n = 24;
    const stats = commandStats();
    let runs = 0;
    const before = await seqOf();
    await Promise.all(
      Array.from({ length: n }, () =>
        runCommand("test/contended", async (tx) => {
          runs++;
          await ProductionModel.collection.updateOne(
            { _id: productionId() },
            { $inc: { contended: 1 } },
            { session: tx.session },
          );
          return recordEvents(tx, productionId(), null, [
            { type: EventType.STAGE_CHANGED, stage: ProductionStage.FILMING },
          ]);
        }),
      ),
    );
    expect(await seqOf()).toBe(before + n);
    expect(commandStats().commits - stats.commits).toBe(n);
    // Each body ran at most twice: once optimistically, once in the lane.
    expect(runs).toBeLessThanOrEqual(2 * n);
    expect(commandStats().failures).toBe(stats.failures);
  });

  it("fails only the command whose body throws when conflicting commands share the lane", async () => {
    const n = 12;
    const before = await seqOf();
    const settled = await Promise.allSettled(
      Array.from({ length: n }, (_, i) =>
        runCommand("test/contended-one-bad", async (tx) => {
          const recorded = await recordEvents(tx, productionId(), null, [
            { type: EventType.STAGE_CHANGED, stage: ProductionStage.FILMING },
          ]);
          if (i === 5) throw new Error("bad command");
          return recorded;
        }),
      ),
    );
    expect(settled.filter((r) => r.status === "rejected").map((r) => String(r.reason))).toEqual([
      "Error: bad command",
    ]);
    // The others committed, with consecutive seqs and no event of the failed one.
    expect(await seqOf()).toBe(before + n - 1);
    expect(await EventModel.countDocuments({ productionId: productionId(), seq: { $gt: before } })).toBe(
      n - 1,
    );
  });
});

describe("the write guard", () => {
  it("reports a write made outside a command, and not one made in a command", async () => {
    const guard = installWriteGuard(mongoose.connection.getClient(), mongoose.connection.name);
    try {
      await runCommand("test/inside", ({ session }) =>
        NoteModel.collection.insertOne({ productionId: productionId() }, { session }),
      );
      expect(guard.takeViolations()).toEqual([]);
      // Fixtures may write directly through `allow` (the harness's guard is told the same).
      await writeOutsideCommands(() =>
        guard.allow(async () => {
          await NoteModel.collection.insertOne({ productionId: productionId() });
        }),
      );
      expect(guard.takeViolations()).toEqual([]);
    } finally {
      guard.stop();
    }
  });

  it("catches driver and mongoose writes alike", async () => {
    const guard = installWriteGuard(mongoose.connection.getClient(), mongoose.connection.name);
    try {
      // The harness's own guard must not fail this file for the violations made on purpose.
      await writeOutsideCommands(async () => {
        await NoteModel.collection.insertOne({ productionId: productionId() });
        await NoteModel.updateMany({ productionId: productionId() }, { $set: { body: "x" } });
      });
      expect(guard.takeViolations()).toEqual([
        "insert on notes outside a command (no transaction)",
        "update on notes outside a command (no transaction)",
      ]);
    } finally {
      guard.stop();
    }
  });
});
