import { leanByIdLoader, leanGroupLoader } from "../core/lean-loaders.js";
import { NoteCarryModel, type NoteCarryDoc } from "./note-carry.model.js";
import { NoteModel, type NoteDoc } from "./note.model.js";
import { MAX_REPLIES_PER_NOTE, ReplyModel, type ReplyDoc } from "./reply.model.js";

/** Per-request loaders of the notes domain; registered in app/loaders.ts. */
export function noteLoaders() {
  return {
    noteById: leanByIdLoader<NoteDoc>(NoteModel),
    noteCarryById: leanByIdLoader<NoteCarryDoc>(NoteCarryModel),
    replyById: leanByIdLoader<ReplyDoc>(ReplyModel),
    /** A page of notes' threads in one query, oldest reply first. */
    repliesByNoteId: leanGroupLoader<ReplyDoc>(ReplyModel, "noteId", MAX_REPLIES_PER_NOTE),
  };
}

declare module "../core/context.js" {
  interface Loaders extends ReturnType<typeof noteLoaders> {}
}
