import { graphql } from "../../../gql";

/** A note's drawing, as the picture overlay and the still renderer draw it. */
export const NoteDrawingFragment = graphql(`
  fragment NoteDrawing on Note {
    drawing { shapes { tool color size points text } }
  }
`);
