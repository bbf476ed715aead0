import { graphql } from "../../../gql";

/** One side of a compare: what its player, timeline and labels need. */
export const CompareSideFragment = graphql(`
  fragment CompareSide on Version {
    id
    number
    status
    mediaUrl
    frameRate
    startTimecode
    durationFrames
    asset { id kind title }
  }
`);

export const CompareVersionsDocument = graphql(`
  query CompareVersions($a: ID!, $b: ID!) {
    compareVersions(a: $a, b: $b) {
      kind
      diffed
      alignment { sameClock summary }
      lines { kind aLine bLine text }
      a { ...CompareSide }
      b { ...CompareSide }
    }
  }
`);
