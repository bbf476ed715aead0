import { graphql } from "../../../gql";

/** Everything the review panel shows; events and mutations select it so the cache stays whole. */
export const ReviewPanelFragment = graphql(`
  fragment ReviewPanelVersion on Version {
    id
    status
    viewerCan { addVersion addNote submitForReview review lock reason }
    approvalProgress { role required approvedAt approvedBy { id name initials } }
    statusHistory { from to at by { id name initials } }
    reviews { role decision comment createdAt reviewer { id name initials } }
    noteCounts { ...NoteCountsItem }
  }
`);

export const SubmitForReviewDocument = graphql(`
  mutation SubmitForReview($versionId: ID!) {
    submitForReview(versionId: $versionId) { id ...ReviewPanelVersion }
  }
`);

export const ReviewVersionDocument = graphql(`
  mutation ReviewVersion($versionId: ID!, $decision: ReviewDecision!, $comment: String) {
    reviewVersion(versionId: $versionId, decision: $decision, comment: $comment) { id ...ReviewPanelVersion }
  }
`);

export const LockVersionDocument = graphql(`
  mutation LockVersion($versionId: ID!, $openNotes: LockOpenNotes) {
    lockVersion(versionId: $versionId, openNotes: $openNotes) { id ...ReviewPanelVersion }
  }
`);
