import { graphql } from "../../../gql";

/** Pages of 200 (the API's maximum) until the whole version is loaded; the panel filters locally. */
export const VersionNotesDocument = graphql(`
  query VersionNotes($versionId: ID!, $after: String) {
    version(id: $versionId) {
      id
      notes(first: 200, after: $after) {
        totalCount
        pageInfo { hasNextPage endCursor }
        edges { cursor node { ...NoteItem } }
      }
    }
  }
`);

export const AddNoteDocument = graphql(`
  mutation AddNote($input: AddNoteInput!) {
    addNote(input: $input) {
      ...NoteItem
      version { id noteCounts { ...NoteCountsItem } }
    }
  }
`);

export const ReplyToNoteDocument = graphql(`
  mutation ReplyToNote($noteId: ID!, $body: String!) {
    replyToNote(noteId: $noteId, body: $body) {
      ...ReplyItem
    }
  }
`);

export const SetNoteStatusDocument = graphql(`
  mutation SetNoteStatus($noteId: ID!, $status: NoteStatus!, $inVersionId: ID) {
    setNoteStatus(noteId: $noteId, status: $status, inVersionId: $inVersionId) {
      id
      status
      statusChangedAt
      statusChangedBy { ...NoteUser }
      version { id noteCounts { ...NoteCountsItem } }
    }
  }
`);

export const DeleteNoteDocument = graphql(`
  mutation DeleteNote($noteId: ID!) {
    deleteNote(noteId: $noteId) {
      id
      deletedAt
      version { id noteCounts { ...NoteCountsItem } }
    }
  }
`);

export const EditNoteDocument = graphql(`
  mutation EditNote($input: EditNoteInput!) {
    editNote(input: $input) {
      id
      body
      category
      editedAt
      assignee { ...NoteUser }
      mentions { kind label role user { id } }
    }
  }
`);

/**
 * OPEN/IN_PROGRESS notes of every earlier version of the asset (first 200: the API's maximum), with
 * what the viewer may do to each from this room (`inRoom`), and this version's placements, which
 * hold "still applies".
 */
export const OpenNotesFromPreviousDocument = graphql(`
  query OpenNotesFromPrevious($versionId: ID!) {
    version(id: $versionId) {
      id
      openNotesFromPrevious(first: 200) {
        totalCount
        edges { cursor node { ...CarriedNote inRoom: viewerCan(inVersionId: $versionId) { setStatus } } }
      }
      carriedNotes(first: 200) { edges { node { ...CarriedConfirmation } } }
    }
  }
`);

/** "Still applies" on a note carried to this version; the answer merges into the placement. */
export const ConfirmCarriedNoteDocument = graphql(`
  mutation ConfirmCarriedNote($noteId: ID!, $versionId: ID!) {
    confirmCarriedNote(noteId: $noteId, versionId: $versionId) { ...CarriedConfirmation }
  }
`);
