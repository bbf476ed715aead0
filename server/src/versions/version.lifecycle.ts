import type { ClientSession, Types } from "mongoose";
import { badInput, conflict } from "../errors/app-errors.js";
import { VersionStatus } from "./version.enums.js";
import { VersionModel, type VersionDoc } from "./version.model.js";

/** What a version in one status allows. */
export interface StatusRules {
  /** submitForReview (opens a round: -> IN_REVIEW). */
  submit: boolean;
  /** reviewVersion (approve or request changes). */
  review: boolean;
  /** lockVersion (-> LOCKED, final). */
  lock: boolean;
  /** New notes, replies and note changes. */
  acceptsNotes: boolean;
}

/** The version life cycle, one row per status: the one place these rules are written. */
export const VERSION_LIFECYCLE = {
  [VersionStatus.DRAFT]: { submit: true, review: false, lock: false, acceptsNotes: true },
  [VersionStatus.IN_REVIEW]: { submit: false, review: true, lock: false, acceptsNotes: true },
  [VersionStatus.CHANGES_REQUESTED]: { submit: true, review: false, lock: false, acceptsNotes: true },
  [VersionStatus.APPROVED]: { submit: false, review: false, lock: true, acceptsNotes: true },
  [VersionStatus.LOCKED]: { submit: false, review: false, lock: false, acceptsNotes: false },
} as const satisfies Record<VersionStatus, StatusRules>;

/** The statuses from which `action` is allowed (a transition's `from`). */
export function statusesAllowing(action: keyof StatusRules): VersionStatus[] {
  return (Object.keys(VERSION_LIFECYCLE) as VersionStatus[]).filter((s) => VERSION_LIFECYCLE[s][action]);
}

export function acceptsNotes(status: VersionStatus): boolean {
  return VERSION_LIFECYCLE[status].acceptsNotes;
}

/** A version that takes no notes (LOCKED) refuses notes, replies and note changes (CONFLICT). */
export function assertAcceptsNotes(version: Pick<VersionDoc, "status">): void {
  if (!acceptsNotes(version.status)) throw conflict("The version is locked; it takes no more notes.");
}

type RoomVersion = Pick<VersionDoc, "_id" | "assetId" | "number" | "status">;

const isLaterVersion = (own: RoomVersion, room: RoomVersion) =>
  room.assetId.equals(own.assetId) && room.number > own.number;

/** Whether noteChangeRoom(own, room) would allow a change (viewerCan's answer, without throwing). */
export function noteChangeableIn(own: RoomVersion, room: RoomVersion | null): boolean {
  if (!room || room._id.equals(own._id)) return acceptsNotes(own.status);
  return isLaterVersion(own, room) && acceptsNotes(room.status);
}

/**
 * The version a note's status change is made in: the note's own, or `room`, a later version of the
 * same asset that the note stands on as an open note of an earlier version (carried over). A locked
 * version stays final (its status and history never move), yet the notes it left open are closed
 * where the work went on; the change records the room it was made in. The room must take notes.
 * Returns the version whose status the command re-checks in its transaction.
 */
export function noteChangeRoom(own: RoomVersion, room: RoomVersion | null): RoomVersion {
  if (!room || room._id.equals(own._id)) {
    assertAcceptsNotes(own);
    return own;
  }
  if (!isLaterVersion(own, room)) {
    throw badInput("inVersionId must be the note's version or a later version of the same asset.", {
      inVersionId: "not a later version of the note's asset",
    });
  }
  assertAcceptsNotes(room);
  return room;
}

/**
 * The same check inside a command's transaction, on its snapshot: a lock committed before the
 * snapshot is seen here; one committed after it wrote the production's event counter, as the note
 * command does, so one of the two transactions conflicts and re-runs after the other, and then sees
 * it. No note therefore commits after its version's lock, whatever the checks outside read.
 */
export async function assertAcceptsNotesInTx(
  session: ClientSession,
  versionId: Types.ObjectId,
): Promise<void> {
  const current = await VersionModel.collection.findOne<Pick<VersionDoc, "status">>(
    { _id: versionId },
    { projection: { _id: 0, status: 1 }, session },
  );
  if (current) assertAcceptsNotes(current);
}

/**
 * Moves a version from one of `from` to `to` with one conditional update, so concurrent callers
 * cannot both transition it. Returns the updated version, or null when the status had moved on.
 */
export async function transition(
  session: ClientSession,
  version: VersionDoc,
  from: readonly VersionStatus[],
  to: VersionStatus,
  by: Types.ObjectId,
  extra: { round?: number; newRound?: boolean } = {},
): Promise<VersionDoc | null> {
  const at = new Date();
  const filter: Record<string, unknown> = { _id: version._id, status: { $in: from } };
  if (extra.round !== undefined) filter.round = extra.round;
  const update: Record<string, unknown> = {
    $set: { status: to, ...(extra.newRound ? { submittedAt: at } : {}) },
    $push: { statusHistory: { from: version.status, to, by, at } },
  };
  if (extra.newRound) update.$inc = { round: 1 };
  // The history entry's `from` is the status we read; the filter guarantees it was one of `from`.
  return VersionModel.findOneAndUpdate(filter, update, { returnDocument: "after", session }).lean();
}
