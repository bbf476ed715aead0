import { writeOutsideCommands } from "./harness.js";
import { Types } from "mongoose";
import { recountNotes } from "../notes/note-counters.js";
import { NoteModel } from "../notes/note.model.js";
import { buildNote } from "./domain-factories.js";
import type { BuiltUser } from "./factories.js";
import type { TestServer } from "./harness.js";

/**
 * `n` notes on `versionId`: one made through the API, the rest copies of it written straight to
 * the store (thousands through the API would take minutes), each on its own frame; the version's
 * counters are rebuilt so it reads as if every note had been added.
 */
export async function addNoteCopies(
  server: TestServer,
  author: BuiltUser,
  versionId: string,
  n: number,
  body = "A note",
): Promise<void> {
  const first = await buildNote(server, author, versionId, { time: { startFrame: 0 } }, body);
  const template = await NoteModel.findById(first).lean();
  if (!template) throw new Error("the note just added is missing");
  const { _id, ...rest } = template;
  await writeOutsideCommands(() =>
    NoteModel.insertMany(
      Array.from({ length: n - 1 }, (_, i) => ({ ...rest, anchor: { ...rest.anchor, startFrame: i + 1 } })),
    ),
  );
  await recountNotes(new Types.ObjectId(versionId));
}
