import { graphql } from "../../../gql";

/** A person as notes show them: avatar initials and name. */
export const NoteUserFragment = graphql(`
  fragment NoteUser on User {
    id
    name
    initials
  }
`);

export const ReplyItemFragment = graphql(`
  fragment ReplyItem on Reply {
    id
    body
    createdAt
    authorRole
    author { ...NoteUser }
  }
`);

/** Everything a note card, the margin and the timeline markers render. */
export const NoteItemFragment = graphql(`
  fragment NoteItem on Note {
    id
    body
    status
    category
    createdAt
    updatedAt
    editedAt
    deletedAt
    authorRole
    replyCount
    author { ...NoteUser }
    assignee { ...NoteUser }
    anchor {
      __typename
      ... on ScriptAnchor { lineStart lineEnd quote }
      ... on TimeAnchor { startFrame endFrame startTimecode endTimecode stem }
    }
    mentions { kind label role user { id } }
    viewerCan { edit delete setStatus reply }
    replies { ...ReplyItem }
    ...NoteDrawing
  }
`);

export const NoteCountsFragment = graphql(`
  fragment NoteCountsItem on NoteCounts {
    total
    open
    inProgress
    resolved
    wontFix
  }
`);

/** A note still open on an earlier version, with that version's number for its card. */
export const CarriedNoteFragment = graphql(`
  fragment CarriedNote on Note {
    ...NoteItem
    version { id number }
  }
`);
