import { graphql } from "../../../gql";

/** Replaces (or, with clearDrawing, removes) a note's drawing; the stream tells the other viewers. */
export const EditNoteDrawingDocument = graphql(`
  mutation EditNoteDrawing($input: EditNoteInput!) {
    editNote(input: $input) {
      id
      editedAt
      ...NoteDrawing
    }
  }
`);
