/**
 * The write-cost baseline (scenarios/write-cost.ts): the official driver alone, making the same
 * documents' writes an `addNote` commits — the note, its version's counter `$inc`, the
 * production's `eventSeq` allocation and the NOTE_ADDED event — as one transaction with the
 * server's concerns, against the same store. No GraphQL, no auth, no reads, no change stream:
 * what a note costs the store and a client that only writes it.
 *
 * The documents are copies (new ids) of a note and an event the server wrote, so sizes, fields and
 * indexes touched are the server's own. Driven over IPC: { t: "run", n } → { t: "done" }.
 */
import { MongoClient, ObjectId, type Document } from "mongodb";

interface Init {
  t: "init";
  uri: string;
  db: string;
  noteId: string;
}
type ToBare = Init | { t: "run"; n: number } | { t: "stop" };
export type FromBare = { t: "ready" } | { t: "done"; ms: number } | { t: "error"; message: string };

const send = (m: FromBare) => process.send?.(m);
let client: MongoClient | null = null;
let templates: { note: Document; event: Document } | null = null;
let dbName = "";

async function init(m: Init): Promise<void> {
  client = await MongoClient.connect(m.uri);
  dbName = m.db;
  const db = client.db(dbName);
  const note = await db.collection("notes").findOne({ _id: new ObjectId(m.noteId) });
  const event = await db.collection("events").findOne({ noteId: new ObjectId(m.noteId) });
  if (!note || !event) throw new Error(`bare writer: note ${m.noteId} or its event not found`);
  templates = { note, event };
  send({ t: "ready" });
}

const TX = { readConcern: { level: "snapshot" }, writeConcern: { w: "majority" } } as const;

async function one(): Promise<void> {
  if (!client || !templates) throw new Error("bare writer: not initialised");
  const db = client.db(dbName);
  const { note, event } = templates;
  const session = client.startSession();
  try {
    await session.withTransaction(async () => {
      const now = new Date();
      const noteDoc = { ...note, _id: new ObjectId(), createdAt: now, updatedAt: now };
      await db.collection("notes").insertOne(noteDoc, { session });
      await db
        .collection("versions")
        .updateOne(
          { _id: note.versionId, "noteCounts.live": { $exists: true } },
          { $inc: { "noteCounts.live.OPEN": 1 } },
          { session },
        );
      const seq = await db
        .collection("productions")
        .findOneAndUpdate(
          { _id: note.productionId },
          { $inc: { eventSeq: 1 } },
          { returnDocument: "after", projection: { eventSeq: 1 }, session },
        );
      await db
        .collection("events")
        .insertMany([{ ...event, _id: new ObjectId(), seq: seq?.eventSeq, at: now, noteId: noteDoc._id }], {
          ordered: true,
          session,
        });
    }, TX);
  } finally {
    await session.endSession();
  }
}

process.on("message", (m: ToBare) => {
  const run = async () => {
    if (m.t === "init") await init(m);
    else if (m.t === "run") {
      const t = performance.now();
      for (let i = 0; i < m.n; i++) await one();
      send({ t: "done", ms: performance.now() - t });
    } else {
      await client?.close();
      process.exit(0);
    }
  };
  run().catch((err: unknown) =>
    send({ t: "error", message: err instanceof Error ? err.message : String(err) }),
  );
});
