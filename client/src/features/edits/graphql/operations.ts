import { graphql } from "../../../gql";

/** What the cut room shows of a version's edit (EDL/OTIO) and what attachEdit answers. */
export const CutEditSummaryFragment = graphql(`
  fragment CutEditSummary on CutEdit {
    id
    format
    fileName
    name
    frameRate
    eventCount
    markerCount
    warnings
    revision
    attachedAt
    attachedBy { id name }
  }
`);

export const VersionEditDocument = graphql(`
  query VersionEdit($versionId: ID!) {
    version(id: $versionId) {
      id
      edit { ...CutEditSummary }
    }
  }
`);

export const AttachEditDocument = graphql(`
  mutation AttachEdit($input: AttachEditInput!) {
    attachEdit(input: $input) { ...CutEditSummary }
  }
`);
