import { registerEnumType } from "type-graphql";

export enum ReviewDecision {
  APPROVE = "APPROVE",
  REQUEST_CHANGES = "REQUEST_CHANGES",
}

registerEnumType(ReviewDecision, { name: "ReviewDecision" });

/** What locking does with the version's notes still open. */
export enum LockOpenNotes {
  /** They stay open and are listed on the next version, to resolve there. */
  CARRY = "CARRY",
  /** They are closed as won't-fix in the lock's transaction, each with its NOTE_STATUS_CHANGED. */
  WONT_FIX = "WONT_FIX",
}

registerEnumType(LockOpenNotes, {
  name: "LockOpenNotes",
  description: "What lockVersion does with the notes still open (default CARRY).",
});
