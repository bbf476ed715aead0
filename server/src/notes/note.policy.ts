import { KIND_MAKER_ROLE } from "../assets/asset.policy.js";
import type { AssetKind } from "../assets/asset.enums.js";
import { Role } from "../productions/production.enums.js";
import type { PolicyMember } from "../productions/production.policy.js";

export interface PolicyNote {
  authorId: string;
}

/** addNote: every role but VIEWER. */
export const canAddNote = (member: PolicyMember): boolean => member.role !== Role.VIEWER;

/** replyToNote: every role but VIEWER. */
export const canReply = (member: PolicyMember): boolean => member.role !== Role.VIEWER;

/** setNoteStatus: the author, SHOWRUNNER, PRODUCER, and the kind's maker. */
export function canSetNoteStatus(member: PolicyMember, note: PolicyNote, kind: AssetKind): boolean {
  if (member.role === Role.VIEWER) return false; // a viewer-turned author may no longer write
  return (
    note.authorId === member.userId ||
    member.role === Role.SHOWRUNNER ||
    member.role === Role.PRODUCER ||
    member.role === KIND_MAKER_ROLE[kind]
  );
}

/** editNote: the author only (and not once demoted to VIEWER). */
export const canEditNote = (member: PolicyMember, note: PolicyNote): boolean =>
  member.role !== Role.VIEWER && note.authorId === member.userId;

/** deleteNote: the author or the SHOWRUNNER. */
export const canDeleteNote = (member: PolicyMember, note: PolicyNote): boolean =>
  (member.role !== Role.VIEWER && note.authorId === member.userId) || member.role === Role.SHOWRUNNER;
