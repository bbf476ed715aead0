import mongoose, { type Connection, Schema } from "mongoose";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTarget, type Target } from "./support/target.js";

interface Note {
  text: string;
  version: number;
  replies: { text: string }[];
}
interface Counter {
  _id: string;
  seq: number;
}
interface Event {
  type: string;
  noteId: mongoose.Types.ObjectId;
}

let target: Target;
let conn: Connection;
let Notes: mongoose.Model<Note>;
let Counters: mongoose.Model<Counter>;
let Events: mongoose.Model<Event>;

beforeAll(async () => {
  target = await startTarget("txn_mongoose");
  conn = await mongoose
    .createConnection(target.uri, { dbName: target.dbName, serverSelectionTimeoutMS: 5000 })
    .asPromise();
  Notes = conn.model<Note>(
    "Note",
    new Schema<Note>(
      { text: String, version: Number, replies: [new Schema({ text: String }, { timestamps: true })] },
      { timestamps: true },
    ),
  );
  Counters = conn.model<Counter>("Counter", new Schema<Counter>({ _id: String, seq: Number }));
  Events = conn.model<Event>("Event", new Schema<Event>({ type: String, noteId: Schema.Types.ObjectId }));
  await Promise.all([Notes.init(), Counters.init(), Events.init()]);
  await Counters.create({ _id: "notes", seq: 0 });
});
afterAll(async () => {
  await conn.close();
  await target.close();
});

describe("transactions through mongoose", () => {
  it("connection.transaction() commits a document, a counter and an event together", async () => {
    const note = await conn.transaction(async (session) => {
      const [n] = await Notes.create([{ text: "fix the mix at 01:02", version: 1 }], { session });
      await Counters.updateOne({ _id: "notes" }, { $inc: { seq: 1 } }, { session });
      await Events.create([{ type: "NOTE_CREATED", noteId: n!._id }], { session });
      // Inside: own writes; outside: nothing yet.
      expect(await Events.countDocuments({ noteId: n!._id }).session(session)).toBe(1);
      expect(await Events.countDocuments({ noteId: n!._id })).toBe(0);
      return n!;
    });
    expect(await Notes.findById(note._id).lean()).toMatchObject({ text: "fix the mix at 01:02" });
    expect((await Counters.findById("notes").lean())?.seq).toBe(1);
    expect(await Events.countDocuments({ noteId: note._id })).toBe(1);
  });

  it("a throw inside connection.transaction() rolls every write back", async () => {
    const before = await Events.countDocuments();
    await expect(
      conn.transaction(async (session) => {
        await Events.create([{ type: "DOOMED", noteId: new mongoose.Types.ObjectId() }], { session });
        await Counters.updateOne({ _id: "notes" }, { $inc: { seq: 100 } }, { session });
        throw new Error("validation failed after the writes");
      }),
    ).rejects.toThrow("validation failed");
    expect(await Events.countDocuments()).toBe(before);
    expect((await Counters.findById("notes").lean())?.seq).toBe(1);
  });

  it("doc.save() with a session, subdocument timestamps included, commits as one", async () => {
    const note = await Notes.create({ text: "t", version: 1, replies: [{ text: "first" }] });
    await conn.transaction(async (session) => {
      const doc = await Notes.findById(note._id).session(session).orFail();
      doc.replies[0]!.text = "edited";
      doc.replies.push({ text: "second" });
      doc.version += 1;
      await doc.save();
      await Events.create([{ type: "NOTE_EDITED", noteId: doc._id }], { session });
    });
    const saved = await Notes.findById(note._id).lean().orFail();
    expect(saved.version).toBe(2);
    expect(saved.replies.map((r) => r.text)).toEqual(["edited", "second"]);
  });

  it("concurrent transactions on one counter all land (write conflicts are retried)", async () => {
    await Promise.all(
      Array.from({ length: 6 }, () =>
        conn.transaction(async (session) => {
          const c = await Counters.findById("notes").session(session).orFail();
          c.seq += 1;
          await c.save();
        }),
      ),
    );
    expect((await Counters.findById("notes").lean())?.seq).toBe(7);
  });
});
