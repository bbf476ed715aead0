import type { Types } from "mongoose";
import type { Context } from "../core/context.js";
import { badInput } from "../errors/app-errors.js";
import { CarriedNoteConnection, CarriedNoteEdge, toCarriedNote } from "./carried-note.type.js";
import { PageInfo } from "./note-connection.type.js";
import { NoteCarryModel } from "./note-carry.model.js";
import { decodeNoteCursor, encodeNoteCursor } from "./note.cursor.js";
import { type PageArgs, validateFirst } from "./note.query.js";

/** The current run's carries into a version, oldest first, paged like Version.notes. */
export async function carriedNotes(
  ctx: Context,
  version: { id: string },
  page: PageArgs,
): Promise<CarriedNoteConnection> {
  const first = validateFirst(page.first);
  const filter = { versionId: version.id, current: true };
  let afterId: Types.ObjectId | null = null;
  if (page.after != null) {
    // Cursors share the notes' opaque format (an id); the id must be a carry of this version.
    afterId = decodeNoteCursor(page.after);
    const known = afterId ? await ctx.loaders.noteCarryById.load(String(afterId)) : null;
    if (!known || String(known.versionId) !== version.id)
      throw badInput(`Unknown cursor "${page.after}".`, { after: "unknown cursor" });
  }
  const [docs, totalCount] = await Promise.all([
    NoteCarryModel.find(afterId ? { ...filter, _id: { $gt: afterId } } : filter)
      .sort({ _id: 1 })
      .limit(first + 1)
      .lean(),
    NoteCarryModel.countDocuments(filter),
  ]);
  const edges = docs.slice(0, first).map((d) => {
    ctx.loaders.noteCarryById.prime(String(d._id), d);
    return Object.assign(new CarriedNoteEdge(), {
      cursor: encodeNoteCursor(String(d._id)),
      node: toCarriedNote(d),
    });
  });
  return Object.assign(new CarriedNoteConnection(), {
    edges,
    totalCount,
    pageInfo: Object.assign(new PageInfo(), {
      hasNextPage: docs.length > first,
      endCursor: edges.at(-1)?.cursor ?? null,
    }),
  });
}
