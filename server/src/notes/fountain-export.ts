import { Types } from "mongoose";
import type { Context } from "../core/context.js";
import type { Version } from "../versions/version.type.js";
import { writeFountainNotes } from "./fountain-notes.js";
import { NoteCarryModel } from "./note-carry.model.js";
import { NoteStatus } from "./note.enums.js";
import { NoteModel } from "./note.model.js";

const OPEN = [NoteStatus.OPEN, NoteStatus.IN_PROGRESS];
/** Bounds one export's reads; a script with more open notes than this exports the first ones. */
const MAX_EXPORTED_NOTES = 5_000;

/**
 * A script version as Fountain with its open notes, its own and those carried onto it, each as
 * `[[Author (STATUS): body]]` at the end of its last line (notes/fountain-notes.ts).
 */
export async function fountainWithNotes(ctx: Context, version: Version): Promise<string | null> {
  if (version.text == null) return null;
  const vid = new Types.ObjectId(version.id);
  const own = await NoteModel.find({ versionId: vid, deletedAt: null, status: { $in: OPEN } })
    .sort({ _id: 1 })
    .limit(MAX_EXPORTED_NOTES)
    .lean();
  const carries = await NoteCarryModel.find({ versionId: vid, current: true })
    .sort({ _id: 1 })
    .limit(MAX_EXPORTED_NOTES)
    .lean();
  const carriedNotes = await Promise.all(carries.map((c) => ctx.loaders.noteById.load(String(c.noteId))));
  const placed = [
    ...own.map((n) => ({ note: n, line: n.anchor.lineEnd ?? 1 })),
    ...carries.flatMap((c, i) => {
      const n = carriedNotes[i];
      return n && !n.deletedAt && OPEN.includes(n.status) ? [{ note: n, line: c.anchor.lineEnd ?? 1 }] : [];
    }),
  ];
  const authors = await Promise.all(placed.map((p) => ctx.loaders.userById.load(String(p.note.authorId))));
  return writeFountainNotes(
    version.text,
    placed.map((p, i) => ({
      line: p.line,
      body: p.note.body,
      author: authors[i]?.name ?? "Former member",
      status: p.note.status,
    })),
  );
}
