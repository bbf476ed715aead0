import { requireViewer } from "../auth/auth-checker.js";
import type { Context } from "../core/context.js";
import { badInput, conflict, notFound } from "../errors/app-errors.js";
import { isId } from "../core/ids.js";
import { type MemberRef, requireMembership } from "../productions/production.access.js";
import type { Types } from "mongoose";
import type { VersionDoc } from "../versions/version.model.js";
import type { NoteDoc } from "./note.model.js";

/** NOT_FOUND unless the note exists and the viewer is a member of its production. */
export async function requireNote(
  ctx: Context,
  noteId: string,
): Promise<{ note: NoteDoc; version: VersionDoc; member: MemberRef }> {
  requireViewer(ctx);
  const note = isId(noteId) ? await ctx.loaders.noteById.load(noteId) : null;
  if (!note) throw notFound("Note");
  const [member, version] = await Promise.all([
    requireMembership(ctx, String(note.productionId), "Note"),
    ctx.loaders.versionById.load(String(note.versionId)),
  ]);
  if (!version) throw notFound("Note");
  return { note, version, member };
}

/**
 * A version a note is acted on from (its room), in the note's production: NOT_FOUND alike when it
 * does not exist or is another production's, so ids of other productions tell nothing.
 */
export async function roomVersion(
  ctx: Context,
  id: string,
  productionId: Types.ObjectId,
): Promise<VersionDoc> {
  const v = isId(id) ? await ctx.loaders.versionById.load(id) : null;
  if (!v || !v.productionId.equals(productionId)) throw notFound("Version");
  return v;
}

export const MAX_BODY = 10_000;

/** Note and reply bodies: 1..10,000 characters, not only whitespace. Stored as written. */
export function validBody(body: string | null | undefined, field = "body"): string {
  const text = body ?? "";
  if (text.trim().length === 0) throw badInput(`${field} must not be empty.`, { [field]: "required" });
  if (text.length > MAX_BODY)
    throw badInput(`${field} must be at most ${MAX_BODY} characters.`, { [field]: "too long" });
  return text;
}

export function assertNotDeleted(note: Pick<NoteDoc, "deletedAt">): void {
  if (note.deletedAt) throw conflict("The note was deleted.");
}
