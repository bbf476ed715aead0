import { graphql } from "../../../gql";

/** What a cut or mix room adds to the version: the notes carried onto it by the conform. */
export const TimedFollowDocument = graphql(`
  query TimedFollow($versionId: ID!) {
    version(id: $versionId) {
      id
      carriedNotes(first: 200) {
        totalCount
        edges { node { ...CarriedTimePlacement } }
      }
    }
  }
`);
