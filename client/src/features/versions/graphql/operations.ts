import { graphql } from "../../../gql";

/** The review room's version: media/text, the asset's other versions, members for @mentions. */
export const VersionRoomDocument = graphql(`
  query VersionRoom($versionId: ID!) {
    version(id: $versionId) {
      id
      number
      status
      createdAt
      text
      lineCount
      mediaUrl
      frameRate
      frameRateFps
      startTimecode
      durationFrames
      durationTimecode
      lastEventCursor
      revision { color label }
      stems { stem mediaUrl }
      loudness { integratedLkfs truePeakDbtp loudnessRange }
      createdBy { id name initials }
      asset {
        id
        kind
        title
        episode { id number title }
        production {
          id
          title
          myRole
          members { role user { id name initials email } }
        }
        versions { id number status createdAt revision { color label } }
      }
      ...ReviewPanelVersion
    }
    me { id name initials }
  }
`);

/**
 * Everything one version's stream can change, selected with the same fragments the screens render, so
 * writing an event into the cache updates every view of it.
 */
export const VersionEventsDocument = graphql(`
  subscription VersionEvents($versionId: ID!, $after: String) {
    versionEvents(versionId: $versionId, after: $after) {
      id
      cursor
      type
      at
      actor { id name initials }
      note {
        ...NoteItem
        version { id noteCounts { ...NoteCountsItem } }
      }
      reply { ...ReplyItem }
      carriedNote { ...CarriedConfirmation }
      version { id ...ReviewPanelVersion }
      asset { id versions { id number status createdAt revision { color label } } }
    }
  }
`);

/** How many of the room's open notes a newer version took over (for "Open v2 · 3 notes carried over"). */
export const NewerVersionDocument = graphql(`
  query NewerVersion($versionId: ID!) {
    version(id: $versionId) {
      id
      carriedNotes(first: 1) { totalCount }
    }
  }
`);

export const ExportMarkersDocument = graphql(`
  query ExportMarkers($versionId: ID!, $format: MarkerFormat!, $part: Int, $excel: Boolean) {
    version(id: $versionId) {
      id
      exportMarkers(format: $format, part: $part, excel: $excel)
    }
  }
`);

export const ExportMarkerPartsDocument = graphql(`
  query ExportMarkerParts($versionId: ID!, $format: MarkerFormat!) {
    version(id: $versionId) {
      id
      exportMarkerParts(format: $format)
    }
  }
`);
