/**
 * The notes page as the review screen asks for it: 50 notes with authors, anchors and replies
 * with their authors. Used by the round-trip test.
 */
export const NOTES_PAGE_QUERY = `query NotesPage($v: ID!, $first: Int, $after: String) {
  version(id: $v) {
    id status
    notes(first: $first, after: $after) {
      totalCount
      pageInfo { hasNextPage endCursor }
      edges { cursor node {
        id body status createdAt category authorRole replyCount
        author { id name initials }
        anchor { __typename ... on TimeAnchor { startFrame endFrame startTimecode endTimecode stem } ... on ScriptAnchor { lineStart lineEnd quote } }
        replies { id body createdAt author { id name initials } }
      } }
    }
  }
}`;
