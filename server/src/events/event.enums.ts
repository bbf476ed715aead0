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

registerEnumType(EventType, {
  name: "EventType",
  description: "What a production event records; the ids on the event name what changed.",
  valuesConfig: {
    MEMBER_ADDED: { description: "A member was added (addMember)." },
    MEMBER_REMOVED: { description: "A member was removed (removeMember)." },
    STAGE_CHANGED: { description: "The production's stage changed (setProductionStage)." },
    EPISODE_ADDED: { description: "An episode was added to a series." },
    ASSET_CREATED: { description: "An asset was created (createAsset)." },
    VERSION_ADDED: { description: "A version was added to an asset (addVersion); versionId is the new one." },
    VERSION_SUPERSEDED: {
      description:
        "On the version a new one follows (versionId: the older one), recorded with VERSION_ADDED.",
    },
    NOTE_ADDED: { description: "A note was added (addNote)." },
    NOTE_UPDATED: { description: "A note was edited by its author (editNote)." },
    NOTE_DELETED: { description: "A note was deleted." },
    NOTE_STATUS_CHANGED: {
      description: "A note's status changed (setNoteStatus, or a lock closing open notes as WONT_FIX).",
    },
    NOTE_CARRIED: {
      description:
        "An open note was placed in a newer version (carryId: its placement, with outcome and previous anchor).",
    },
    NOTE_CARRY_CONFIRMED: {
      description: "A carried note was confirmed as still applying on the version it was carried to.",
    },
    REPLY_ADDED: { description: "A reply was added to a note (replyToNote)." },
    REVIEW_REQUESTED: { description: "A version was submitted for review (submitForReview)." },
    REVIEW_DECIDED: { description: "A reviewer approved or requested changes (reviewVersion)." },
    VERSION_STATUS_CHANGED: {
      description: "A version's status changed; comes after the event that caused it.",
    },
    EDIT_ATTACHED: { description: "A cut version's edit (EDL or OTIO) was attached or replaced." },
  },
});
