import type { Types } from "mongoose";
import { parseId } from "../core/ids.js";

/**
 * Note cursors: base64url of "n1:<noteId>". Pages are ordered by _id (creation order), which is
 * stable: a note keeps its place whatever happens to it later.
 */
export function encodeNoteCursor(noteId: string): string {
  return Buffer.from(`n1:${noteId}`, "utf8").toString("base64url");
}

/** The note id of a cursor, or null when malformed. */
export function decodeNoteCursor(cursor: string): Types.ObjectId | null {
  if (typeof cursor !== "string" || cursor.length === 0 || cursor.length > 100) return null;
  if (!/^[A-Za-z0-9_-]+$/.test(cursor)) return null;
  const m = /^n1:([0-9a-f]{24})$/.exec(Buffer.from(cursor, "base64url").toString("utf8"));
  return m ? parseId(m[1]) : null;
}
