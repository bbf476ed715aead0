import { graphql } from "../../../gql";

/** What the script room adds to the version: revision marks and the notes carried onto it. */
export const ScriptFollowDocument = graphql(`
  query ScriptFollow($versionId: ID!) {
    version(id: $versionId) {
      id
      changedLines
      carriedNotes(first: 200) {
        totalCount
        edges { node { ...CarriedPlacement } }
      }
    }
  }
`);
