import { graphql } from "../../../gql";

export const PresenceViewerFragment = graphql(`
  fragment PresenceViewerItem on PresenceViewer {
    role
    frame
    line
    playing
    updatedAt
    user { id name initials }
  }
`);

export const PresenceDocument = graphql(`
  query Presence($versionId: ID!) {
    presence(versionId: $versionId) { ...PresenceViewerItem }
  }
`);

export const PresenceUpdatesDocument = graphql(`
  subscription PresenceUpdates($versionId: ID!) {
    presence(versionId: $versionId) {
      versionId
      viewers { ...PresenceViewerItem }
    }
  }
`);

export const JoinVersionDocument = graphql(`
  mutation JoinVersion($versionId: ID!) { joinVersion(versionId: $versionId) }
`);

export const UpdatePresenceDocument = graphql(`
  mutation UpdatePresence($versionId: ID!, $frame: Int, $line: Int, $playing: Boolean) {
    updatePresence(versionId: $versionId, frame: $frame, line: $line, playing: $playing)
  }
`);

export const LeaveVersionDocument = graphql(`
  mutation LeaveVersion($versionId: ID!) { leaveVersion(versionId: $versionId) }
`);
