import { Types } from "mongoose";
import type { CommandTx } from "../events/command.js";
import { EventType } from "../events/event.enums.js";
import type { EventDraft } from "../events/event.service.js";
import { badInput } from "../errors/app-errors.js";
import type { Role } from "../productions/production.enums.js";
import type { ScriptNoteImport } from "../versions/script-note-import.js";
import type { VersionDoc } from "../versions/version.model.js";
import { type FountainNote, readFountainNotes } from "./fountain-notes.js";
import { validBody } from "./note.access.js";
import { resolveAnchor } from "./note.anchor.js";
import { bumpNoteCounts } from "./note-counters.js";
import { newNoteDoc } from "./note.document.js";
import { NoteStatus } from "./note.enums.js";
import { NoteModel } from "./note.model.js";

/** One script's notes are written in one transaction: a cap keeps its size and time bounded. */
export const MAX_IMPORTED_NOTES = 500;

/**
 * Takes the `[[notes]]` out of a SCRIPT's Fountain text before it is stored. Counted before the
 * reader runs, so a text of thousands of `[[` is refused without parsing it.
 */
export function takeFountainNotes(text: string): { text: string; notes: FountainNote[] } {
  const opens = text.split("[[").length - 1;
  if (opens > MAX_IMPORTED_NOTES) {
    throw badInput(`A script may bring at most ${MAX_IMPORTED_NOTES} [[notes]]; this one has ${opens}.`, {
      text: `at most ${MAX_IMPORTED_NOTES} [[notes]]`,
    });
  }
  const read = readFountainNotes(text);
  for (const [i, n] of read.notes.entries()) validBody(n.body, `text (note ${i + 1})`);
  return read;
}

/** versions/script-note-import.ts's importer: registered from app/. */
export function importFountainNotes(text: string): ScriptNoteImport {
  const { text: stripped, notes } = takeFountainNotes(text);
  return {
    text: stripped,
    count: notes.length,
    write: (tx, version, author) => writeImportedNotes(tx, version, notes, author),
  };
}

/**
 * Writes the imported notes on the new version inside addVersion's transaction, the caller as
 * their author. The status the export wrote ("Author (STATUS): body") is kept, so an export
 * imported again gives back the same bodies and statuses; the author text is not a user and is
 * dropped with its brackets.
 */
export async function writeImportedNotes(
  tx: CommandTx,
  version: VersionDoc,
  notes: readonly FountainNote[],
  author: { userId: Types.ObjectId; role: Role },
): Promise<EventDraft[]> {
  if (notes.length === 0) return [];
  const now = new Date();
  const live: Partial<Record<NoteStatus, number>> = {};
  const docs = notes.map((n) => {
    const status = importedStatus(n.status);
    live[status] = (live[status] ?? 0) + 1;
    return {
      ...newNoteDoc({
        _id: new Types.ObjectId(),
        versionId: version._id,
        assetId: version.assetId,
        productionId: version.productionId,
        authorId: author.userId,
        authorRole: author.role,
        body: n.body,
        anchor: resolveAnchor(version, { script: { lineStart: n.line, lineEnd: n.line } }),
        category: null,
        assigneeId: null,
        mentions: [],
        drawing: null,
        createdAt: now,
      }),
      status,
    };
  });
  await NoteModel.collection.insertMany(docs, { session: tx.session });
  await bumpNoteCounts(tx.session, version._id, { live });
  return docs.map((d) => ({ type: EventType.NOTE_ADDED, noteId: d._id, versionId: version._id }) as const);
}

function importedStatus(status: string | null): NoteStatus {
  const known = Object.values(NoteStatus) as string[];
  return status && known.includes(status) ? (status as NoteStatus) : NoteStatus.OPEN;
}
