import { registerEnumType } from "type-graphql";

export enum EventType {
  MEMBER_ADDED = "MEMBER_ADDED",
  MEMBER_REMOVED = "MEMBER_REMOVED",
  STAGE_CHANGED = "STAGE_CHANGED",
  EPISODE_ADDED = "EPISODE_ADDED",
  ASSET_CREATED = "ASSET_CREATED",
  VERSION_ADDED = "VERSION_ADDED",
  /**
   * On the version a new one follows (versionId: the older one), recorded with VERSION_ADDED, so a room
   * on the older version hears of the newer one on its own stream (asset: its versions now).
   */
  VERSION_SUPERSEDED = "VERSION_SUPERSEDED",
  NOTE_ADDED = "NOTE_ADDED",
  NOTE_UPDATED = "NOTE_UPDATED",
  NOTE_DELETED = "NOTE_DELETED",
  NOTE_STATUS_CHANGED = "NOTE_STATUS_CHANGED",
  /** An open note placed in a newer version (carryId: its NoteCarry, with outcome and previous anchor). */
  NOTE_CARRIED = "NOTE_CARRIED",
  /**
   * A carried note confirmed as still applying on the version it was carried to (versionId: that
   * version; carryId: the placement confirmed).
   */
  NOTE_CARRY_CONFIRMED = "NOTE_CARRY_CONFIRMED",
  REPLY_ADDED = "REPLY_ADDED",
  REVIEW_REQUESTED = "REVIEW_REQUESTED",
  REVIEW_DECIDED = "REVIEW_DECIDED",
  VERSION_STATUS_CHANGED = "VERSION_STATUS_CHANGED",
  /** A CUT version's edit (EDL/OTIO) was attached or replaced (edits/attach-edit.command.ts). */
  EDIT_ATTACHED = "EDIT_ATTACHED",
}

registerEnumType(EventType, { name: "EventType" });
