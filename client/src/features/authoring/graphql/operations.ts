import { graphql } from "../../../gql";

/**
 * The new version with what the asset row and the review room's version picker read, so the cache
 * shows it everywhere without a refetch.
 */
export const AddVersionDocument = graphql(`
  mutation AddVersion($input: AddVersionInput!) {
    addVersion(input: $input) {
      id
      number
      asset {
        id
        kind
        latestVersion { id number status createdAt revision { color label } }
        versions { id number status createdAt revision { color label } }
      }
    }
  }
`);
