import { registerEnumType } from "type-graphql";

export enum ReviewDecision {
  APPROVE = "APPROVE",
  REQUEST_CHANGES = "REQUEST_CHANGES",
}

registerEnumType(ReviewDecision, {
  name: "ReviewDecision",
  description: "A reviewer's decision on a version IN_REVIEW.",
  valuesConfig: {
    APPROVE: {
      description:
        "Approve; the version becomes APPROVED once every approving role with a member has approved.",
    },
    REQUEST_CHANGES: { description: "Ask for changes; the version becomes CHANGES_REQUESTED at once." },
  },
});

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
  valuesConfig: {
    CARRY: { description: "They stay open and are listed on the next version, to resolve there." },
    WONT_FIX: {
      description:
        "They are closed as WONT_FIX in the lock's transaction, each with its NOTE_STATUS_CHANGED.",
    },
  },
});
