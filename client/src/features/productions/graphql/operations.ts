import { graphql } from "../../../gql";

export const ProductionCardFragment = graphql(`
  fragment ProductionCard on Production {
    id
    title
    stage
    kind
    myRole
    createdAt
    members { role user { id } }
  }
`);

export const ProductionsDocument = graphql(`
  query Productions {
    productions { ...ProductionCard }
  }
`);

export const CreateProductionDocument = graphql(`
  mutation CreateProduction($input: CreateProductionInput!) {
    createProduction(input: $input) { ...ProductionCard }
  }
`);

export const AssetRowFragment = graphql(`
  fragment AssetRow on Asset {
    id
    kind
    title
    createdAt
    episode { id number title }
    latestVersion { id number status createdAt revision { color label } }
  }
`);

export const MemberRowFragment = graphql(`
  fragment MemberRow on Member {
    role
    joinedAt
    user { id name email initials }
  }
`);

export const ProductionPageDocument = graphql(`
  query ProductionPage($id: ID!) {
    production(id: $id) {
      id
      title
      stage
      kind
      myRole
      createdAt
      lastEventCursor
      viewerCan { addMember setStage createScript createCut createMix addEpisode }
      members { ...MemberRow }
      episodes { id number title }
      assets { ...AssetRow }
    }
  }
`);

export const ActivityEventFragment = graphql(`
  fragment ActivityEvent on ProductionEvent {
    id
    cursor
    type
    at
    productionId
    actor { id name initials }
    stage
    fromStatus
    toStatus
    approvals
    approvalsRequired
    member { ...MemberRow }
    episode { id number title }
    asset { ...AssetRow }
    version {
      id
      number
      status
      asset { id title kind latestVersion { id number status createdAt revision { color label } } }
    }
    note { id body version { id number asset { id title kind } } }
    reply { id body }
    review { decision role comment }
  }
`);

export const ProductionEventsPageDocument = graphql(`
  query ProductionEventsPage($id: ID!, $after: String) {
    production(id: $id) {
      id
      events(after: $after, first: 500) { ...ActivityEvent }
    }
  }
`);

export const ProductionEventsDocument = graphql(`
  subscription ProductionEvents($productionId: ID!, $after: String) {
    productionEvents(productionId: $productionId, after: $after) { ...ActivityEvent }
  }
`);

export const SetStageDocument = graphql(`
  mutation SetProductionStage($productionId: ID!, $stage: ProductionStage!) {
    setProductionStage(productionId: $productionId, stage: $stage) { id stage }
  }
`);

export const AddMemberDocument = graphql(`
  mutation AddMember($productionId: ID!, $email: String!, $role: Role!) {
    addMember(productionId: $productionId, email: $email, role: $role) { ...MemberRow }
  }
`);

export const AddEpisodeDocument = graphql(`
  mutation AddEpisode($productionId: ID!, $number: Int!, $title: String!) {
    addEpisode(productionId: $productionId, number: $number, title: $title) { id number title }
  }
`);

export const CreateAssetDocument = graphql(`
  mutation CreateAsset($input: CreateAssetInput!) {
    createAsset(input: $input) { ...AssetRow }
  }
`);
