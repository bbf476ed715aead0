/* eslint-disable */
import * as types from './graphql';
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';

/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "\n  mutation SignIn($email: String!, $password: String!) {\n    signIn(email: $email, password: $password) {\n      user { id name email initials }\n    }\n  }\n": typeof types.SignInDocument,
    "\n  mutation SignUp($input: SignUpInput!) {\n    signUp(input: $input) {\n      user { id name email initials }\n    }\n  }\n": typeof types.SignUpDocument,
    "\n  mutation SignOut {\n    signOut\n  }\n": typeof types.SignOutDocument,
    "\n  query Me {\n    me { id name email initials }\n  }\n": typeof types.MeDocument,
    "\n  mutation SignOutEverywhere($keepApiTokens: Boolean!) {\n    signOutEverywhere(keepApiTokens: $keepApiTokens)\n  }\n": typeof types.SignOutEverywhereDocument,
    "\n  mutation AddVersion($input: AddVersionInput!) {\n    addVersion(input: $input) {\n      id\n      number\n      asset {\n        id\n        kind\n        latestVersion { id number status createdAt revision { color label } }\n        versions { id number status createdAt revision { color label } }\n      }\n    }\n  }\n": typeof types.AddVersionDocument,
    "\n  fragment CompareSide on Version {\n    id\n    number\n    status\n    mediaUrl\n    frameRate\n    startTimecode\n    durationFrames\n    asset { id kind title }\n  }\n": typeof types.CompareSideFragmentDoc,
    "\n  query CompareVersions($a: ID!, $b: ID!) {\n    compareVersions(a: $a, b: $b) {\n      kind\n      diffed\n      alignment { sameClock summary }\n      lines { kind aLine bLine text }\n      a { ...CompareSide }\n      b { ...CompareSide }\n    }\n  }\n": typeof types.CompareVersionsDocument,
    "\n  fragment CarriedTimePlacement on CarriedNote {\n    id\n    outcome\n    method\n    detail\n    anchor { __typename ... on TimeAnchor { startFrame endFrame startTimecode endTimecode stem } }\n    previousAnchor { __typename ... on TimeAnchor { startFrame endFrame startTimecode stem } }\n    fromVersion { id number }\n    note { id body status deletedAt author { id name initials } }\n  }\n": typeof types.CarriedTimePlacementFragmentDoc,
    "\n  query TimedFollow($versionId: ID!) {\n    version(id: $versionId) {\n      id\n      carriedNotes(first: 200) {\n        totalCount\n        edges { node { ...CarriedTimePlacement } }\n      }\n    }\n  }\n": typeof types.TimedFollowDocument,
    "\n  fragment NoteDrawing on Note {\n    drawing { shapes { tool color size points text } }\n  }\n": typeof types.NoteDrawingFragmentDoc,
    "\n  mutation EditNoteDrawing($input: EditNoteInput!) {\n    editNote(input: $input) {\n      id\n      editedAt\n      ...NoteDrawing\n    }\n  }\n": typeof types.EditNoteDrawingDocument,
    "\n  fragment CutEditSummary on CutEdit {\n    id\n    format\n    fileName\n    name\n    frameRate\n    eventCount\n    markerCount\n    warnings\n    revision\n    attachedAt\n    attachedBy { id name }\n  }\n": typeof types.CutEditSummaryFragmentDoc,
    "\n  query VersionEdit($versionId: ID!) {\n    version(id: $versionId) {\n      id\n      edit { ...CutEditSummary }\n    }\n  }\n": typeof types.VersionEditDocument,
    "\n  mutation AttachEdit($input: AttachEditInput!) {\n    attachEdit(input: $input) { ...CutEditSummary }\n  }\n": typeof types.AttachEditDocument,
    "\n  fragment CarriedConfirmation on CarriedNote {\n    id\n    stillApplies\n    confirmedAt\n    confirmedBy { ...NoteUser }\n    note { id }\n  }\n": typeof types.CarriedConfirmationFragmentDoc,
    "\n  fragment NoteUser on User {\n    id\n    name\n    initials\n  }\n": typeof types.NoteUserFragmentDoc,
    "\n  fragment ReplyItem on Reply {\n    id\n    body\n    createdAt\n    authorRole\n    author { ...NoteUser }\n  }\n": typeof types.ReplyItemFragmentDoc,
    "\n  fragment NoteItem on Note {\n    id\n    body\n    status\n    category\n    createdAt\n    updatedAt\n    editedAt\n    deletedAt\n    authorRole\n    replyCount\n    author { ...NoteUser }\n    assignee { ...NoteUser }\n    anchor {\n      __typename\n      ... on ScriptAnchor { lineStart lineEnd quote }\n      ... on TimeAnchor { startFrame endFrame startTimecode endTimecode stem }\n    }\n    mentions { kind label role user { id } }\n    viewerCan { edit delete setStatus reply }\n    replies { ...ReplyItem }\n    ...NoteDrawing\n  }\n": typeof types.NoteItemFragmentDoc,
    "\n  fragment NoteCountsItem on NoteCounts {\n    total\n    open\n    inProgress\n    resolved\n    wontFix\n  }\n": typeof types.NoteCountsItemFragmentDoc,
    "\n  fragment CarriedNote on Note {\n    ...NoteItem\n    version { id number }\n  }\n": typeof types.CarriedNoteFragmentDoc,
    "\n  query VersionNotes($versionId: ID!, $after: String) {\n    version(id: $versionId) {\n      id\n      notes(first: 200, after: $after) {\n        totalCount\n        pageInfo { hasNextPage endCursor }\n        edges { cursor node { ...NoteItem } }\n      }\n    }\n  }\n": typeof types.VersionNotesDocument,
    "\n  mutation AddNote($input: AddNoteInput!) {\n    addNote(input: $input) {\n      ...NoteItem\n      version { id noteCounts { ...NoteCountsItem } }\n    }\n  }\n": typeof types.AddNoteDocument,
    "\n  mutation ReplyToNote($noteId: ID!, $body: String!) {\n    replyToNote(noteId: $noteId, body: $body) {\n      ...ReplyItem\n    }\n  }\n": typeof types.ReplyToNoteDocument,
    "\n  mutation SetNoteStatus($noteId: ID!, $status: NoteStatus!, $inVersionId: ID) {\n    setNoteStatus(noteId: $noteId, status: $status, inVersionId: $inVersionId) {\n      id\n      status\n      statusChangedAt\n      statusChangedBy { ...NoteUser }\n      version { id noteCounts { ...NoteCountsItem } }\n    }\n  }\n": typeof types.SetNoteStatusDocument,
    "\n  mutation DeleteNote($noteId: ID!) {\n    deleteNote(noteId: $noteId) {\n      id\n      deletedAt\n      version { id noteCounts { ...NoteCountsItem } }\n    }\n  }\n": typeof types.DeleteNoteDocument,
    "\n  mutation EditNote($input: EditNoteInput!) {\n    editNote(input: $input) {\n      id\n      body\n      category\n      editedAt\n      assignee { ...NoteUser }\n      mentions { kind label role user { id } }\n    }\n  }\n": typeof types.EditNoteDocument,
    "\n  query OpenNotesFromPrevious($versionId: ID!) {\n    version(id: $versionId) {\n      id\n      openNotesFromPrevious(first: 200) {\n        totalCount\n        edges { cursor node { ...CarriedNote inRoom: viewerCan(inVersionId: $versionId) { setStatus } } }\n      }\n      carriedNotes(first: 200) { edges { node { ...CarriedConfirmation } } }\n    }\n  }\n": typeof types.OpenNotesFromPreviousDocument,
    "\n  mutation ConfirmCarriedNote($noteId: ID!, $versionId: ID!) {\n    confirmCarriedNote(noteId: $noteId, versionId: $versionId) { ...CarriedConfirmation }\n  }\n": typeof types.ConfirmCarriedNoteDocument,
    "\n  fragment PresenceViewerItem on PresenceViewer {\n    role\n    frame\n    line\n    playing\n    updatedAt\n    user { id name initials }\n  }\n": typeof types.PresenceViewerItemFragmentDoc,
    "\n  query Presence($versionId: ID!) {\n    presence(versionId: $versionId) { ...PresenceViewerItem }\n  }\n": typeof types.PresenceDocument,
    "\n  subscription PresenceUpdates($versionId: ID!) {\n    presence(versionId: $versionId) {\n      versionId\n      viewers { ...PresenceViewerItem }\n    }\n  }\n": typeof types.PresenceUpdatesDocument,
    "\n  mutation JoinVersion($versionId: ID!) { joinVersion(versionId: $versionId) }\n": typeof types.JoinVersionDocument,
    "\n  mutation UpdatePresence($versionId: ID!, $frame: Int, $line: Int, $playing: Boolean) {\n    updatePresence(versionId: $versionId, frame: $frame, line: $line, playing: $playing)\n  }\n": typeof types.UpdatePresenceDocument,
    "\n  mutation LeaveVersion($versionId: ID!) { leaveVersion(versionId: $versionId) }\n": typeof types.LeaveVersionDocument,
    "\n  fragment ProductionCard on Production {\n    id\n    title\n    stage\n    kind\n    myRole\n    createdAt\n    members { role user { id } }\n  }\n": typeof types.ProductionCardFragmentDoc,
    "\n  query Productions {\n    productions { ...ProductionCard }\n  }\n": typeof types.ProductionsDocument,
    "\n  mutation CreateProduction($input: CreateProductionInput!) {\n    createProduction(input: $input) { ...ProductionCard }\n  }\n": typeof types.CreateProductionDocument,
    "\n  fragment AssetRow on Asset {\n    id\n    kind\n    title\n    createdAt\n    episode { id number title }\n    latestVersion { id number status createdAt revision { color label } }\n  }\n": typeof types.AssetRowFragmentDoc,
    "\n  fragment MemberRow on Member {\n    role\n    joinedAt\n    user { id name email initials }\n  }\n": typeof types.MemberRowFragmentDoc,
    "\n  query ProductionPage($id: ID!) {\n    production(id: $id) {\n      id\n      title\n      stage\n      kind\n      myRole\n      createdAt\n      lastEventCursor\n      viewerCan { addMember setStage createScript createCut createMix addEpisode }\n      members { ...MemberRow }\n      episodes { id number title }\n      assets { ...AssetRow }\n    }\n  }\n": typeof types.ProductionPageDocument,
    "\n  fragment ActivityEvent on ProductionEvent {\n    id\n    cursor\n    type\n    at\n    productionId\n    actor { id name initials }\n    stage\n    fromStatus\n    toStatus\n    approvals\n    approvalsRequired\n    member { ...MemberRow }\n    episode { id number title }\n    asset { ...AssetRow }\n    version {\n      id\n      number\n      status\n      asset { id title kind latestVersion { id number status createdAt revision { color label } } }\n    }\n    note { id body version { id number asset { id title kind } } }\n    reply { id body }\n    review { decision role comment }\n  }\n": typeof types.ActivityEventFragmentDoc,
    "\n  query ProductionEventsPage($id: ID!, $after: String) {\n    production(id: $id) {\n      id\n      events(after: $after, first: 500) { ...ActivityEvent }\n    }\n  }\n": typeof types.ProductionEventsPageDocument,
    "\n  subscription ProductionEvents($productionId: ID!, $after: String) {\n    productionEvents(productionId: $productionId, after: $after) { ...ActivityEvent }\n  }\n": typeof types.ProductionEventsDocument,
    "\n  mutation SetProductionStage($productionId: ID!, $stage: ProductionStage!) {\n    setProductionStage(productionId: $productionId, stage: $stage) { id stage }\n  }\n": typeof types.SetProductionStageDocument,
    "\n  mutation AddMember($productionId: ID!, $email: String!, $role: Role!) {\n    addMember(productionId: $productionId, email: $email, role: $role) { ...MemberRow }\n  }\n": typeof types.AddMemberDocument,
    "\n  mutation AddEpisode($productionId: ID!, $number: Int!, $title: String!) {\n    addEpisode(productionId: $productionId, number: $number, title: $title) { id number title }\n  }\n": typeof types.AddEpisodeDocument,
    "\n  mutation CreateAsset($input: CreateAssetInput!) {\n    createAsset(input: $input) { ...AssetRow }\n  }\n": typeof types.CreateAssetDocument,
    "\n  fragment ReviewPanelVersion on Version {\n    id\n    status\n    viewerCan { addVersion addNote submitForReview review lock reason }\n    approvalProgress { role required approvedAt approvedBy { id name initials } }\n    statusHistory { from to at by { id name initials } }\n    reviews { role decision comment createdAt reviewer { id name initials } }\n    noteCounts { ...NoteCountsItem }\n  }\n": typeof types.ReviewPanelVersionFragmentDoc,
    "\n  mutation SubmitForReview($versionId: ID!) {\n    submitForReview(versionId: $versionId) { id ...ReviewPanelVersion }\n  }\n": typeof types.SubmitForReviewDocument,
    "\n  mutation ReviewVersion($versionId: ID!, $decision: ReviewDecision!, $comment: String) {\n    reviewVersion(versionId: $versionId, decision: $decision, comment: $comment) { id ...ReviewPanelVersion }\n  }\n": typeof types.ReviewVersionDocument,
    "\n  mutation LockVersion($versionId: ID!, $openNotes: LockOpenNotes) {\n    lockVersion(versionId: $versionId, openNotes: $openNotes) { id ...ReviewPanelVersion }\n  }\n": typeof types.LockVersionDocument,
    "\n  fragment CarriedPlacement on CarriedNote {\n    id\n    outcome\n    method\n    detail\n    run\n    anchor { __typename ... on ScriptAnchor { lineStart lineEnd quote } }\n    previousAnchor { __typename ... on ScriptAnchor { lineStart lineEnd quote } }\n    fromVersion { id number }\n    note { id body status deletedAt author { id name initials } }\n  }\n": typeof types.CarriedPlacementFragmentDoc,
    "\n  query ScriptFollow($versionId: ID!) {\n    version(id: $versionId) {\n      id\n      changedLines\n      carriedNotes(first: 200) {\n        totalCount\n        edges { node { ...CarriedPlacement } }\n      }\n    }\n  }\n": typeof types.ScriptFollowDocument,
    "\n  query VersionRoom($versionId: ID!) {\n    version(id: $versionId) {\n      id\n      number\n      status\n      createdAt\n      text\n      lineCount\n      mediaUrl\n      frameRate\n      frameRateFps\n      startTimecode\n      durationFrames\n      durationTimecode\n      lastEventCursor\n      revision { color label }\n      stems { stem mediaUrl }\n      loudness { integratedLkfs truePeakDbtp loudnessRange }\n      createdBy { id name initials }\n      asset {\n        id\n        kind\n        title\n        episode { id number title }\n        production {\n          id\n          title\n          myRole\n          members { role user { id name initials email } }\n        }\n        versions { id number status createdAt revision { color label } }\n      }\n      ...ReviewPanelVersion\n    }\n    me { id name initials }\n  }\n": typeof types.VersionRoomDocument,
    "\n  subscription VersionEvents($versionId: ID!, $after: String) {\n    versionEvents(versionId: $versionId, after: $after) {\n      id\n      cursor\n      type\n      at\n      actor { id name initials }\n      note {\n        ...NoteItem\n        version { id noteCounts { ...NoteCountsItem } }\n      }\n      reply { ...ReplyItem }\n      carriedNote { ...CarriedConfirmation }\n      version { id ...ReviewPanelVersion }\n      asset { id versions { id number status createdAt revision { color label } } }\n    }\n  }\n": typeof types.VersionEventsDocument,
    "\n  query NewerVersion($versionId: ID!) {\n    version(id: $versionId) {\n      id\n      carriedNotes(first: 1) { totalCount }\n    }\n  }\n": typeof types.NewerVersionDocument,
    "\n  query ExportMarkers($versionId: ID!, $format: MarkerFormat!, $part: Int, $excel: Boolean) {\n    version(id: $versionId) {\n      id\n      exportMarkers(format: $format, part: $part, excel: $excel)\n    }\n  }\n": typeof types.ExportMarkersDocument,
    "\n  query ExportMarkerParts($versionId: ID!, $format: MarkerFormat!) {\n    version(id: $versionId) {\n      id\n      exportMarkerParts(format: $format)\n    }\n  }\n": typeof types.ExportMarkerPartsDocument,
};
const documents: Documents = {
    "\n  mutation SignIn($email: String!, $password: String!) {\n    signIn(email: $email, password: $password) {\n      user { id name email initials }\n    }\n  }\n": types.SignInDocument,
    "\n  mutation SignUp($input: SignUpInput!) {\n    signUp(input: $input) {\n      user { id name email initials }\n    }\n  }\n": types.SignUpDocument,
    "\n  mutation SignOut {\n    signOut\n  }\n": types.SignOutDocument,
    "\n  query Me {\n    me { id name email initials }\n  }\n": types.MeDocument,
    "\n  mutation SignOutEverywhere($keepApiTokens: Boolean!) {\n    signOutEverywhere(keepApiTokens: $keepApiTokens)\n  }\n": types.SignOutEverywhereDocument,
    "\n  mutation AddVersion($input: AddVersionInput!) {\n    addVersion(input: $input) {\n      id\n      number\n      asset {\n        id\n        kind\n        latestVersion { id number status createdAt revision { color label } }\n        versions { id number status createdAt revision { color label } }\n      }\n    }\n  }\n": types.AddVersionDocument,
    "\n  fragment CompareSide on Version {\n    id\n    number\n    status\n    mediaUrl\n    frameRate\n    startTimecode\n    durationFrames\n    asset { id kind title }\n  }\n": types.CompareSideFragmentDoc,
    "\n  query CompareVersions($a: ID!, $b: ID!) {\n    compareVersions(a: $a, b: $b) {\n      kind\n      diffed\n      alignment { sameClock summary }\n      lines { kind aLine bLine text }\n      a { ...CompareSide }\n      b { ...CompareSide }\n    }\n  }\n": types.CompareVersionsDocument,
    "\n  fragment CarriedTimePlacement on CarriedNote {\n    id\n    outcome\n    method\n    detail\n    anchor { __typename ... on TimeAnchor { startFrame endFrame startTimecode endTimecode stem } }\n    previousAnchor { __typename ... on TimeAnchor { startFrame endFrame startTimecode stem } }\n    fromVersion { id number }\n    note { id body status deletedAt author { id name initials } }\n  }\n": types.CarriedTimePlacementFragmentDoc,
    "\n  query TimedFollow($versionId: ID!) {\n    version(id: $versionId) {\n      id\n      carriedNotes(first: 200) {\n        totalCount\n        edges { node { ...CarriedTimePlacement } }\n      }\n    }\n  }\n": types.TimedFollowDocument,
    "\n  fragment NoteDrawing on Note {\n    drawing { shapes { tool color size points text } }\n  }\n": types.NoteDrawingFragmentDoc,
    "\n  mutation EditNoteDrawing($input: EditNoteInput!) {\n    editNote(input: $input) {\n      id\n      editedAt\n      ...NoteDrawing\n    }\n  }\n": types.EditNoteDrawingDocument,
    "\n  fragment CutEditSummary on CutEdit {\n    id\n    format\n    fileName\n    name\n    frameRate\n    eventCount\n    markerCount\n    warnings\n    revision\n    attachedAt\n    attachedBy { id name }\n  }\n": types.CutEditSummaryFragmentDoc,
    "\n  query VersionEdit($versionId: ID!) {\n    version(id: $versionId) {\n      id\n      edit { ...CutEditSummary }\n    }\n  }\n": types.VersionEditDocument,
    "\n  mutation AttachEdit($input: AttachEditInput!) {\n    attachEdit(input: $input) { ...CutEditSummary }\n  }\n": types.AttachEditDocument,
    "\n  fragment CarriedConfirmation on CarriedNote {\n    id\n    stillApplies\n    confirmedAt\n    confirmedBy { ...NoteUser }\n    note { id }\n  }\n": types.CarriedConfirmationFragmentDoc,
    "\n  fragment NoteUser on User {\n    id\n    name\n    initials\n  }\n": types.NoteUserFragmentDoc,
    "\n  fragment ReplyItem on Reply {\n    id\n    body\n    createdAt\n    authorRole\n    author { ...NoteUser }\n  }\n": types.ReplyItemFragmentDoc,
    "\n  fragment NoteItem on Note {\n    id\n    body\n    status\n    category\n    createdAt\n    updatedAt\n    editedAt\n    deletedAt\n    authorRole\n    replyCount\n    author { ...NoteUser }\n    assignee { ...NoteUser }\n    anchor {\n      __typename\n      ... on ScriptAnchor { lineStart lineEnd quote }\n      ... on TimeAnchor { startFrame endFrame startTimecode endTimecode stem }\n    }\n    mentions { kind label role user { id } }\n    viewerCan { edit delete setStatus reply }\n    replies { ...ReplyItem }\n    ...NoteDrawing\n  }\n": types.NoteItemFragmentDoc,
    "\n  fragment NoteCountsItem on NoteCounts {\n    total\n    open\n    inProgress\n    resolved\n    wontFix\n  }\n": types.NoteCountsItemFragmentDoc,
    "\n  fragment CarriedNote on Note {\n    ...NoteItem\n    version { id number }\n  }\n": types.CarriedNoteFragmentDoc,
    "\n  query VersionNotes($versionId: ID!, $after: String) {\n    version(id: $versionId) {\n      id\n      notes(first: 200, after: $after) {\n        totalCount\n        pageInfo { hasNextPage endCursor }\n        edges { cursor node { ...NoteItem } }\n      }\n    }\n  }\n": types.VersionNotesDocument,
    "\n  mutation AddNote($input: AddNoteInput!) {\n    addNote(input: $input) {\n      ...NoteItem\n      version { id noteCounts { ...NoteCountsItem } }\n    }\n  }\n": types.AddNoteDocument,
    "\n  mutation ReplyToNote($noteId: ID!, $body: String!) {\n    replyToNote(noteId: $noteId, body: $body) {\n      ...ReplyItem\n    }\n  }\n": types.ReplyToNoteDocument,
    "\n  mutation SetNoteStatus($noteId: ID!, $status: NoteStatus!, $inVersionId: ID) {\n    setNoteStatus(noteId: $noteId, status: $status, inVersionId: $inVersionId) {\n      id\n      status\n      statusChangedAt\n      statusChangedBy { ...NoteUser }\n      version { id noteCounts { ...NoteCountsItem } }\n    }\n  }\n": types.SetNoteStatusDocument,
    "\n  mutation DeleteNote($noteId: ID!) {\n    deleteNote(noteId: $noteId) {\n      id\n      deletedAt\n      version { id noteCounts { ...NoteCountsItem } }\n    }\n  }\n": types.DeleteNoteDocument,
    "\n  mutation EditNote($input: EditNoteInput!) {\n    editNote(input: $input) {\n      id\n      body\n      category\n      editedAt\n      assignee { ...NoteUser }\n      mentions { kind label role user { id } }\n    }\n  }\n": types.EditNoteDocument,
    "\n  query OpenNotesFromPrevious($versionId: ID!) {\n    version(id: $versionId) {\n      id\n      openNotesFromPrevious(first: 200) {\n        totalCount\n        edges { cursor node { ...CarriedNote inRoom: viewerCan(inVersionId: $versionId) { setStatus } } }\n      }\n      carriedNotes(first: 200) { edges { node { ...CarriedConfirmation } } }\n    }\n  }\n": types.OpenNotesFromPreviousDocument,
    "\n  mutation ConfirmCarriedNote($noteId: ID!, $versionId: ID!) {\n    confirmCarriedNote(noteId: $noteId, versionId: $versionId) { ...CarriedConfirmation }\n  }\n": types.ConfirmCarriedNoteDocument,
    "\n  fragment PresenceViewerItem on PresenceViewer {\n    role\n    frame\n    line\n    playing\n    updatedAt\n    user { id name initials }\n  }\n": types.PresenceViewerItemFragmentDoc,
    "\n  query Presence($versionId: ID!) {\n    presence(versionId: $versionId) { ...PresenceViewerItem }\n  }\n": types.PresenceDocument,
    "\n  subscription PresenceUpdates($versionId: ID!) {\n    presence(versionId: $versionId) {\n      versionId\n      viewers { ...PresenceViewerItem }\n    }\n  }\n": types.PresenceUpdatesDocument,
    "\n  mutation JoinVersion($versionId: ID!) { joinVersion(versionId: $versionId) }\n": types.JoinVersionDocument,
    "\n  mutation UpdatePresence($versionId: ID!, $frame: Int, $line: Int, $playing: Boolean) {\n    updatePresence(versionId: $versionId, frame: $frame, line: $line, playing: $playing)\n  }\n": types.UpdatePresenceDocument,
    "\n  mutation LeaveVersion($versionId: ID!) { leaveVersion(versionId: $versionId) }\n": types.LeaveVersionDocument,
    "\n  fragment ProductionCard on Production {\n    id\n    title\n    stage\n    kind\n    myRole\n    createdAt\n    members { role user { id } }\n  }\n": types.ProductionCardFragmentDoc,
    "\n  query Productions {\n    productions { ...ProductionCard }\n  }\n": types.ProductionsDocument,
    "\n  mutation CreateProduction($input: CreateProductionInput!) {\n    createProduction(input: $input) { ...ProductionCard }\n  }\n": types.CreateProductionDocument,
    "\n  fragment AssetRow on Asset {\n    id\n    kind\n    title\n    createdAt\n    episode { id number title }\n    latestVersion { id number status createdAt revision { color label } }\n  }\n": types.AssetRowFragmentDoc,
    "\n  fragment MemberRow on Member {\n    role\n    joinedAt\n    user { id name email initials }\n  }\n": types.MemberRowFragmentDoc,
    "\n  query ProductionPage($id: ID!) {\n    production(id: $id) {\n      id\n      title\n      stage\n      kind\n      myRole\n      createdAt\n      lastEventCursor\n      viewerCan { addMember setStage createScript createCut createMix addEpisode }\n      members { ...MemberRow }\n      episodes { id number title }\n      assets { ...AssetRow }\n    }\n  }\n": types.ProductionPageDocument,
    "\n  fragment ActivityEvent on ProductionEvent {\n    id\n    cursor\n    type\n    at\n    productionId\n    actor { id name initials }\n    stage\n    fromStatus\n    toStatus\n    approvals\n    approvalsRequired\n    member { ...MemberRow }\n    episode { id number title }\n    asset { ...AssetRow }\n    version {\n      id\n      number\n      status\n      asset { id title kind latestVersion { id number status createdAt revision { color label } } }\n    }\n    note { id body version { id number asset { id title kind } } }\n    reply { id body }\n    review { decision role comment }\n  }\n": types.ActivityEventFragmentDoc,
    "\n  query ProductionEventsPage($id: ID!, $after: String) {\n    production(id: $id) {\n      id\n      events(after: $after, first: 500) { ...ActivityEvent }\n    }\n  }\n": types.ProductionEventsPageDocument,
    "\n  subscription ProductionEvents($productionId: ID!, $after: String) {\n    productionEvents(productionId: $productionId, after: $after) { ...ActivityEvent }\n  }\n": types.ProductionEventsDocument,
    "\n  mutation SetProductionStage($productionId: ID!, $stage: ProductionStage!) {\n    setProductionStage(productionId: $productionId, stage: $stage) { id stage }\n  }\n": types.SetProductionStageDocument,
    "\n  mutation AddMember($productionId: ID!, $email: String!, $role: Role!) {\n    addMember(productionId: $productionId, email: $email, role: $role) { ...MemberRow }\n  }\n": types.AddMemberDocument,
    "\n  mutation AddEpisode($productionId: ID!, $number: Int!, $title: String!) {\n    addEpisode(productionId: $productionId, number: $number, title: $title) { id number title }\n  }\n": types.AddEpisodeDocument,
    "\n  mutation CreateAsset($input: CreateAssetInput!) {\n    createAsset(input: $input) { ...AssetRow }\n  }\n": types.CreateAssetDocument,
    "\n  fragment ReviewPanelVersion on Version {\n    id\n    status\n    viewerCan { addVersion addNote submitForReview review lock reason }\n    approvalProgress { role required approvedAt approvedBy { id name initials } }\n    statusHistory { from to at by { id name initials } }\n    reviews { role decision comment createdAt reviewer { id name initials } }\n    noteCounts { ...NoteCountsItem }\n  }\n": types.ReviewPanelVersionFragmentDoc,
    "\n  mutation SubmitForReview($versionId: ID!) {\n    submitForReview(versionId: $versionId) { id ...ReviewPanelVersion }\n  }\n": types.SubmitForReviewDocument,
    "\n  mutation ReviewVersion($versionId: ID!, $decision: ReviewDecision!, $comment: String) {\n    reviewVersion(versionId: $versionId, decision: $decision, comment: $comment) { id ...ReviewPanelVersion }\n  }\n": types.ReviewVersionDocument,
    "\n  mutation LockVersion($versionId: ID!, $openNotes: LockOpenNotes) {\n    lockVersion(versionId: $versionId, openNotes: $openNotes) { id ...ReviewPanelVersion }\n  }\n": types.LockVersionDocument,
    "\n  fragment CarriedPlacement on CarriedNote {\n    id\n    outcome\n    method\n    detail\n    run\n    anchor { __typename ... on ScriptAnchor { lineStart lineEnd quote } }\n    previousAnchor { __typename ... on ScriptAnchor { lineStart lineEnd quote } }\n    fromVersion { id number }\n    note { id body status deletedAt author { id name initials } }\n  }\n": types.CarriedPlacementFragmentDoc,
    "\n  query ScriptFollow($versionId: ID!) {\n    version(id: $versionId) {\n      id\n      changedLines\n      carriedNotes(first: 200) {\n        totalCount\n        edges { node { ...CarriedPlacement } }\n      }\n    }\n  }\n": types.ScriptFollowDocument,
    "\n  query VersionRoom($versionId: ID!) {\n    version(id: $versionId) {\n      id\n      number\n      status\n      createdAt\n      text\n      lineCount\n      mediaUrl\n      frameRate\n      frameRateFps\n      startTimecode\n      durationFrames\n      durationTimecode\n      lastEventCursor\n      revision { color label }\n      stems { stem mediaUrl }\n      loudness { integratedLkfs truePeakDbtp loudnessRange }\n      createdBy { id name initials }\n      asset {\n        id\n        kind\n        title\n        episode { id number title }\n        production {\n          id\n          title\n          myRole\n          members { role user { id name initials email } }\n        }\n        versions { id number status createdAt revision { color label } }\n      }\n      ...ReviewPanelVersion\n    }\n    me { id name initials }\n  }\n": types.VersionRoomDocument,
    "\n  subscription VersionEvents($versionId: ID!, $after: String) {\n    versionEvents(versionId: $versionId, after: $after) {\n      id\n      cursor\n      type\n      at\n      actor { id name initials }\n      note {\n        ...NoteItem\n        version { id noteCounts { ...NoteCountsItem } }\n      }\n      reply { ...ReplyItem }\n      carriedNote { ...CarriedConfirmation }\n      version { id ...ReviewPanelVersion }\n      asset { id versions { id number status createdAt revision { color label } } }\n    }\n  }\n": types.VersionEventsDocument,
    "\n  query NewerVersion($versionId: ID!) {\n    version(id: $versionId) {\n      id\n      carriedNotes(first: 1) { totalCount }\n    }\n  }\n": types.NewerVersionDocument,
    "\n  query ExportMarkers($versionId: ID!, $format: MarkerFormat!, $part: Int, $excel: Boolean) {\n    version(id: $versionId) {\n      id\n      exportMarkers(format: $format, part: $part, excel: $excel)\n    }\n  }\n": types.ExportMarkersDocument,
    "\n  query ExportMarkerParts($versionId: ID!, $format: MarkerFormat!) {\n    version(id: $versionId) {\n      id\n      exportMarkerParts(format: $format)\n    }\n  }\n": types.ExportMarkerPartsDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 *
 *
 * @example
 * ```ts
 * const query = graphql(`query GetUser($id: ID!) { user(id: $id) { name } }`);
 * ```
 *
 * The query argument is unknown!
 * Please regenerate the types.
 */
export function graphql(source: string): unknown;

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SignIn($email: String!, $password: String!) {\n    signIn(email: $email, password: $password) {\n      user { id name email initials }\n    }\n  }\n"): (typeof documents)["\n  mutation SignIn($email: String!, $password: String!) {\n    signIn(email: $email, password: $password) {\n      user { id name email initials }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SignUp($input: SignUpInput!) {\n    signUp(input: $input) {\n      user { id name email initials }\n    }\n  }\n"): (typeof documents)["\n  mutation SignUp($input: SignUpInput!) {\n    signUp(input: $input) {\n      user { id name email initials }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SignOut {\n    signOut\n  }\n"): (typeof documents)["\n  mutation SignOut {\n    signOut\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Me {\n    me { id name email initials }\n  }\n"): (typeof documents)["\n  query Me {\n    me { id name email initials }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SignOutEverywhere($keepApiTokens: Boolean!) {\n    signOutEverywhere(keepApiTokens: $keepApiTokens)\n  }\n"): (typeof documents)["\n  mutation SignOutEverywhere($keepApiTokens: Boolean!) {\n    signOutEverywhere(keepApiTokens: $keepApiTokens)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AddVersion($input: AddVersionInput!) {\n    addVersion(input: $input) {\n      id\n      number\n      asset {\n        id\n        kind\n        latestVersion { id number status createdAt revision { color label } }\n        versions { id number status createdAt revision { color label } }\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation AddVersion($input: AddVersionInput!) {\n    addVersion(input: $input) {\n      id\n      number\n      asset {\n        id\n        kind\n        latestVersion { id number status createdAt revision { color label } }\n        versions { id number status createdAt revision { color label } }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment CompareSide on Version {\n    id\n    number\n    status\n    mediaUrl\n    frameRate\n    startTimecode\n    durationFrames\n    asset { id kind title }\n  }\n"): (typeof documents)["\n  fragment CompareSide on Version {\n    id\n    number\n    status\n    mediaUrl\n    frameRate\n    startTimecode\n    durationFrames\n    asset { id kind title }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CompareVersions($a: ID!, $b: ID!) {\n    compareVersions(a: $a, b: $b) {\n      kind\n      diffed\n      alignment { sameClock summary }\n      lines { kind aLine bLine text }\n      a { ...CompareSide }\n      b { ...CompareSide }\n    }\n  }\n"): (typeof documents)["\n  query CompareVersions($a: ID!, $b: ID!) {\n    compareVersions(a: $a, b: $b) {\n      kind\n      diffed\n      alignment { sameClock summary }\n      lines { kind aLine bLine text }\n      a { ...CompareSide }\n      b { ...CompareSide }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment CarriedTimePlacement on CarriedNote {\n    id\n    outcome\n    method\n    detail\n    anchor { __typename ... on TimeAnchor { startFrame endFrame startTimecode endTimecode stem } }\n    previousAnchor { __typename ... on TimeAnchor { startFrame endFrame startTimecode stem } }\n    fromVersion { id number }\n    note { id body status deletedAt author { id name initials } }\n  }\n"): (typeof documents)["\n  fragment CarriedTimePlacement on CarriedNote {\n    id\n    outcome\n    method\n    detail\n    anchor { __typename ... on TimeAnchor { startFrame endFrame startTimecode endTimecode stem } }\n    previousAnchor { __typename ... on TimeAnchor { startFrame endFrame startTimecode stem } }\n    fromVersion { id number }\n    note { id body status deletedAt author { id name initials } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query TimedFollow($versionId: ID!) {\n    version(id: $versionId) {\n      id\n      carriedNotes(first: 200) {\n        totalCount\n        edges { node { ...CarriedTimePlacement } }\n      }\n    }\n  }\n"): (typeof documents)["\n  query TimedFollow($versionId: ID!) {\n    version(id: $versionId) {\n      id\n      carriedNotes(first: 200) {\n        totalCount\n        edges { node { ...CarriedTimePlacement } }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment NoteDrawing on Note {\n    drawing { shapes { tool color size points text } }\n  }\n"): (typeof documents)["\n  fragment NoteDrawing on Note {\n    drawing { shapes { tool color size points text } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation EditNoteDrawing($input: EditNoteInput!) {\n    editNote(input: $input) {\n      id\n      editedAt\n      ...NoteDrawing\n    }\n  }\n"): (typeof documents)["\n  mutation EditNoteDrawing($input: EditNoteInput!) {\n    editNote(input: $input) {\n      id\n      editedAt\n      ...NoteDrawing\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment CutEditSummary on CutEdit {\n    id\n    format\n    fileName\n    name\n    frameRate\n    eventCount\n    markerCount\n    warnings\n    revision\n    attachedAt\n    attachedBy { id name }\n  }\n"): (typeof documents)["\n  fragment CutEditSummary on CutEdit {\n    id\n    format\n    fileName\n    name\n    frameRate\n    eventCount\n    markerCount\n    warnings\n    revision\n    attachedAt\n    attachedBy { id name }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query VersionEdit($versionId: ID!) {\n    version(id: $versionId) {\n      id\n      edit { ...CutEditSummary }\n    }\n  }\n"): (typeof documents)["\n  query VersionEdit($versionId: ID!) {\n    version(id: $versionId) {\n      id\n      edit { ...CutEditSummary }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AttachEdit($input: AttachEditInput!) {\n    attachEdit(input: $input) { ...CutEditSummary }\n  }\n"): (typeof documents)["\n  mutation AttachEdit($input: AttachEditInput!) {\n    attachEdit(input: $input) { ...CutEditSummary }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment CarriedConfirmation on CarriedNote {\n    id\n    stillApplies\n    confirmedAt\n    confirmedBy { ...NoteUser }\n    note { id }\n  }\n"): (typeof documents)["\n  fragment CarriedConfirmation on CarriedNote {\n    id\n    stillApplies\n    confirmedAt\n    confirmedBy { ...NoteUser }\n    note { id }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment NoteUser on User {\n    id\n    name\n    initials\n  }\n"): (typeof documents)["\n  fragment NoteUser on User {\n    id\n    name\n    initials\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment ReplyItem on Reply {\n    id\n    body\n    createdAt\n    authorRole\n    author { ...NoteUser }\n  }\n"): (typeof documents)["\n  fragment ReplyItem on Reply {\n    id\n    body\n    createdAt\n    authorRole\n    author { ...NoteUser }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment NoteItem on Note {\n    id\n    body\n    status\n    category\n    createdAt\n    updatedAt\n    editedAt\n    deletedAt\n    authorRole\n    replyCount\n    author { ...NoteUser }\n    assignee { ...NoteUser }\n    anchor {\n      __typename\n      ... on ScriptAnchor { lineStart lineEnd quote }\n      ... on TimeAnchor { startFrame endFrame startTimecode endTimecode stem }\n    }\n    mentions { kind label role user { id } }\n    viewerCan { edit delete setStatus reply }\n    replies { ...ReplyItem }\n    ...NoteDrawing\n  }\n"): (typeof documents)["\n  fragment NoteItem on Note {\n    id\n    body\n    status\n    category\n    createdAt\n    updatedAt\n    editedAt\n    deletedAt\n    authorRole\n    replyCount\n    author { ...NoteUser }\n    assignee { ...NoteUser }\n    anchor {\n      __typename\n      ... on ScriptAnchor { lineStart lineEnd quote }\n      ... on TimeAnchor { startFrame endFrame startTimecode endTimecode stem }\n    }\n    mentions { kind label role user { id } }\n    viewerCan { edit delete setStatus reply }\n    replies { ...ReplyItem }\n    ...NoteDrawing\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment NoteCountsItem on NoteCounts {\n    total\n    open\n    inProgress\n    resolved\n    wontFix\n  }\n"): (typeof documents)["\n  fragment NoteCountsItem on NoteCounts {\n    total\n    open\n    inProgress\n    resolved\n    wontFix\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment CarriedNote on Note {\n    ...NoteItem\n    version { id number }\n  }\n"): (typeof documents)["\n  fragment CarriedNote on Note {\n    ...NoteItem\n    version { id number }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query VersionNotes($versionId: ID!, $after: String) {\n    version(id: $versionId) {\n      id\n      notes(first: 200, after: $after) {\n        totalCount\n        pageInfo { hasNextPage endCursor }\n        edges { cursor node { ...NoteItem } }\n      }\n    }\n  }\n"): (typeof documents)["\n  query VersionNotes($versionId: ID!, $after: String) {\n    version(id: $versionId) {\n      id\n      notes(first: 200, after: $after) {\n        totalCount\n        pageInfo { hasNextPage endCursor }\n        edges { cursor node { ...NoteItem } }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AddNote($input: AddNoteInput!) {\n    addNote(input: $input) {\n      ...NoteItem\n      version { id noteCounts { ...NoteCountsItem } }\n    }\n  }\n"): (typeof documents)["\n  mutation AddNote($input: AddNoteInput!) {\n    addNote(input: $input) {\n      ...NoteItem\n      version { id noteCounts { ...NoteCountsItem } }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ReplyToNote($noteId: ID!, $body: String!) {\n    replyToNote(noteId: $noteId, body: $body) {\n      ...ReplyItem\n    }\n  }\n"): (typeof documents)["\n  mutation ReplyToNote($noteId: ID!, $body: String!) {\n    replyToNote(noteId: $noteId, body: $body) {\n      ...ReplyItem\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SetNoteStatus($noteId: ID!, $status: NoteStatus!, $inVersionId: ID) {\n    setNoteStatus(noteId: $noteId, status: $status, inVersionId: $inVersionId) {\n      id\n      status\n      statusChangedAt\n      statusChangedBy { ...NoteUser }\n      version { id noteCounts { ...NoteCountsItem } }\n    }\n  }\n"): (typeof documents)["\n  mutation SetNoteStatus($noteId: ID!, $status: NoteStatus!, $inVersionId: ID) {\n    setNoteStatus(noteId: $noteId, status: $status, inVersionId: $inVersionId) {\n      id\n      status\n      statusChangedAt\n      statusChangedBy { ...NoteUser }\n      version { id noteCounts { ...NoteCountsItem } }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DeleteNote($noteId: ID!) {\n    deleteNote(noteId: $noteId) {\n      id\n      deletedAt\n      version { id noteCounts { ...NoteCountsItem } }\n    }\n  }\n"): (typeof documents)["\n  mutation DeleteNote($noteId: ID!) {\n    deleteNote(noteId: $noteId) {\n      id\n      deletedAt\n      version { id noteCounts { ...NoteCountsItem } }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation EditNote($input: EditNoteInput!) {\n    editNote(input: $input) {\n      id\n      body\n      category\n      editedAt\n      assignee { ...NoteUser }\n      mentions { kind label role user { id } }\n    }\n  }\n"): (typeof documents)["\n  mutation EditNote($input: EditNoteInput!) {\n    editNote(input: $input) {\n      id\n      body\n      category\n      editedAt\n      assignee { ...NoteUser }\n      mentions { kind label role user { id } }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query OpenNotesFromPrevious($versionId: ID!) {\n    version(id: $versionId) {\n      id\n      openNotesFromPrevious(first: 200) {\n        totalCount\n        edges { cursor node { ...CarriedNote inRoom: viewerCan(inVersionId: $versionId) { setStatus } } }\n      }\n      carriedNotes(first: 200) { edges { node { ...CarriedConfirmation } } }\n    }\n  }\n"): (typeof documents)["\n  query OpenNotesFromPrevious($versionId: ID!) {\n    version(id: $versionId) {\n      id\n      openNotesFromPrevious(first: 200) {\n        totalCount\n        edges { cursor node { ...CarriedNote inRoom: viewerCan(inVersionId: $versionId) { setStatus } } }\n      }\n      carriedNotes(first: 200) { edges { node { ...CarriedConfirmation } } }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ConfirmCarriedNote($noteId: ID!, $versionId: ID!) {\n    confirmCarriedNote(noteId: $noteId, versionId: $versionId) { ...CarriedConfirmation }\n  }\n"): (typeof documents)["\n  mutation ConfirmCarriedNote($noteId: ID!, $versionId: ID!) {\n    confirmCarriedNote(noteId: $noteId, versionId: $versionId) { ...CarriedConfirmation }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment PresenceViewerItem on PresenceViewer {\n    role\n    frame\n    line\n    playing\n    updatedAt\n    user { id name initials }\n  }\n"): (typeof documents)["\n  fragment PresenceViewerItem on PresenceViewer {\n    role\n    frame\n    line\n    playing\n    updatedAt\n    user { id name initials }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Presence($versionId: ID!) {\n    presence(versionId: $versionId) { ...PresenceViewerItem }\n  }\n"): (typeof documents)["\n  query Presence($versionId: ID!) {\n    presence(versionId: $versionId) { ...PresenceViewerItem }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription PresenceUpdates($versionId: ID!) {\n    presence(versionId: $versionId) {\n      versionId\n      viewers { ...PresenceViewerItem }\n    }\n  }\n"): (typeof documents)["\n  subscription PresenceUpdates($versionId: ID!) {\n    presence(versionId: $versionId) {\n      versionId\n      viewers { ...PresenceViewerItem }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation JoinVersion($versionId: ID!) { joinVersion(versionId: $versionId) }\n"): (typeof documents)["\n  mutation JoinVersion($versionId: ID!) { joinVersion(versionId: $versionId) }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdatePresence($versionId: ID!, $frame: Int, $line: Int, $playing: Boolean) {\n    updatePresence(versionId: $versionId, frame: $frame, line: $line, playing: $playing)\n  }\n"): (typeof documents)["\n  mutation UpdatePresence($versionId: ID!, $frame: Int, $line: Int, $playing: Boolean) {\n    updatePresence(versionId: $versionId, frame: $frame, line: $line, playing: $playing)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation LeaveVersion($versionId: ID!) { leaveVersion(versionId: $versionId) }\n"): (typeof documents)["\n  mutation LeaveVersion($versionId: ID!) { leaveVersion(versionId: $versionId) }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment ProductionCard on Production {\n    id\n    title\n    stage\n    kind\n    myRole\n    createdAt\n    members { role user { id } }\n  }\n"): (typeof documents)["\n  fragment ProductionCard on Production {\n    id\n    title\n    stage\n    kind\n    myRole\n    createdAt\n    members { role user { id } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Productions {\n    productions { ...ProductionCard }\n  }\n"): (typeof documents)["\n  query Productions {\n    productions { ...ProductionCard }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateProduction($input: CreateProductionInput!) {\n    createProduction(input: $input) { ...ProductionCard }\n  }\n"): (typeof documents)["\n  mutation CreateProduction($input: CreateProductionInput!) {\n    createProduction(input: $input) { ...ProductionCard }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment AssetRow on Asset {\n    id\n    kind\n    title\n    createdAt\n    episode { id number title }\n    latestVersion { id number status createdAt revision { color label } }\n  }\n"): (typeof documents)["\n  fragment AssetRow on Asset {\n    id\n    kind\n    title\n    createdAt\n    episode { id number title }\n    latestVersion { id number status createdAt revision { color label } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment MemberRow on Member {\n    role\n    joinedAt\n    user { id name email initials }\n  }\n"): (typeof documents)["\n  fragment MemberRow on Member {\n    role\n    joinedAt\n    user { id name email initials }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ProductionPage($id: ID!) {\n    production(id: $id) {\n      id\n      title\n      stage\n      kind\n      myRole\n      createdAt\n      lastEventCursor\n      viewerCan { addMember setStage createScript createCut createMix addEpisode }\n      members { ...MemberRow }\n      episodes { id number title }\n      assets { ...AssetRow }\n    }\n  }\n"): (typeof documents)["\n  query ProductionPage($id: ID!) {\n    production(id: $id) {\n      id\n      title\n      stage\n      kind\n      myRole\n      createdAt\n      lastEventCursor\n      viewerCan { addMember setStage createScript createCut createMix addEpisode }\n      members { ...MemberRow }\n      episodes { id number title }\n      assets { ...AssetRow }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment ActivityEvent on ProductionEvent {\n    id\n    cursor\n    type\n    at\n    productionId\n    actor { id name initials }\n    stage\n    fromStatus\n    toStatus\n    approvals\n    approvalsRequired\n    member { ...MemberRow }\n    episode { id number title }\n    asset { ...AssetRow }\n    version {\n      id\n      number\n      status\n      asset { id title kind latestVersion { id number status createdAt revision { color label } } }\n    }\n    note { id body version { id number asset { id title kind } } }\n    reply { id body }\n    review { decision role comment }\n  }\n"): (typeof documents)["\n  fragment ActivityEvent on ProductionEvent {\n    id\n    cursor\n    type\n    at\n    productionId\n    actor { id name initials }\n    stage\n    fromStatus\n    toStatus\n    approvals\n    approvalsRequired\n    member { ...MemberRow }\n    episode { id number title }\n    asset { ...AssetRow }\n    version {\n      id\n      number\n      status\n      asset { id title kind latestVersion { id number status createdAt revision { color label } } }\n    }\n    note { id body version { id number asset { id title kind } } }\n    reply { id body }\n    review { decision role comment }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ProductionEventsPage($id: ID!, $after: String) {\n    production(id: $id) {\n      id\n      events(after: $after, first: 500) { ...ActivityEvent }\n    }\n  }\n"): (typeof documents)["\n  query ProductionEventsPage($id: ID!, $after: String) {\n    production(id: $id) {\n      id\n      events(after: $after, first: 500) { ...ActivityEvent }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription ProductionEvents($productionId: ID!, $after: String) {\n    productionEvents(productionId: $productionId, after: $after) { ...ActivityEvent }\n  }\n"): (typeof documents)["\n  subscription ProductionEvents($productionId: ID!, $after: String) {\n    productionEvents(productionId: $productionId, after: $after) { ...ActivityEvent }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SetProductionStage($productionId: ID!, $stage: ProductionStage!) {\n    setProductionStage(productionId: $productionId, stage: $stage) { id stage }\n  }\n"): (typeof documents)["\n  mutation SetProductionStage($productionId: ID!, $stage: ProductionStage!) {\n    setProductionStage(productionId: $productionId, stage: $stage) { id stage }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AddMember($productionId: ID!, $email: String!, $role: Role!) {\n    addMember(productionId: $productionId, email: $email, role: $role) { ...MemberRow }\n  }\n"): (typeof documents)["\n  mutation AddMember($productionId: ID!, $email: String!, $role: Role!) {\n    addMember(productionId: $productionId, email: $email, role: $role) { ...MemberRow }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AddEpisode($productionId: ID!, $number: Int!, $title: String!) {\n    addEpisode(productionId: $productionId, number: $number, title: $title) { id number title }\n  }\n"): (typeof documents)["\n  mutation AddEpisode($productionId: ID!, $number: Int!, $title: String!) {\n    addEpisode(productionId: $productionId, number: $number, title: $title) { id number title }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateAsset($input: CreateAssetInput!) {\n    createAsset(input: $input) { ...AssetRow }\n  }\n"): (typeof documents)["\n  mutation CreateAsset($input: CreateAssetInput!) {\n    createAsset(input: $input) { ...AssetRow }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment ReviewPanelVersion on Version {\n    id\n    status\n    viewerCan { addVersion addNote submitForReview review lock reason }\n    approvalProgress { role required approvedAt approvedBy { id name initials } }\n    statusHistory { from to at by { id name initials } }\n    reviews { role decision comment createdAt reviewer { id name initials } }\n    noteCounts { ...NoteCountsItem }\n  }\n"): (typeof documents)["\n  fragment ReviewPanelVersion on Version {\n    id\n    status\n    viewerCan { addVersion addNote submitForReview review lock reason }\n    approvalProgress { role required approvedAt approvedBy { id name initials } }\n    statusHistory { from to at by { id name initials } }\n    reviews { role decision comment createdAt reviewer { id name initials } }\n    noteCounts { ...NoteCountsItem }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SubmitForReview($versionId: ID!) {\n    submitForReview(versionId: $versionId) { id ...ReviewPanelVersion }\n  }\n"): (typeof documents)["\n  mutation SubmitForReview($versionId: ID!) {\n    submitForReview(versionId: $versionId) { id ...ReviewPanelVersion }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ReviewVersion($versionId: ID!, $decision: ReviewDecision!, $comment: String) {\n    reviewVersion(versionId: $versionId, decision: $decision, comment: $comment) { id ...ReviewPanelVersion }\n  }\n"): (typeof documents)["\n  mutation ReviewVersion($versionId: ID!, $decision: ReviewDecision!, $comment: String) {\n    reviewVersion(versionId: $versionId, decision: $decision, comment: $comment) { id ...ReviewPanelVersion }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation LockVersion($versionId: ID!, $openNotes: LockOpenNotes) {\n    lockVersion(versionId: $versionId, openNotes: $openNotes) { id ...ReviewPanelVersion }\n  }\n"): (typeof documents)["\n  mutation LockVersion($versionId: ID!, $openNotes: LockOpenNotes) {\n    lockVersion(versionId: $versionId, openNotes: $openNotes) { id ...ReviewPanelVersion }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment CarriedPlacement on CarriedNote {\n    id\n    outcome\n    method\n    detail\n    run\n    anchor { __typename ... on ScriptAnchor { lineStart lineEnd quote } }\n    previousAnchor { __typename ... on ScriptAnchor { lineStart lineEnd quote } }\n    fromVersion { id number }\n    note { id body status deletedAt author { id name initials } }\n  }\n"): (typeof documents)["\n  fragment CarriedPlacement on CarriedNote {\n    id\n    outcome\n    method\n    detail\n    run\n    anchor { __typename ... on ScriptAnchor { lineStart lineEnd quote } }\n    previousAnchor { __typename ... on ScriptAnchor { lineStart lineEnd quote } }\n    fromVersion { id number }\n    note { id body status deletedAt author { id name initials } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ScriptFollow($versionId: ID!) {\n    version(id: $versionId) {\n      id\n      changedLines\n      carriedNotes(first: 200) {\n        totalCount\n        edges { node { ...CarriedPlacement } }\n      }\n    }\n  }\n"): (typeof documents)["\n  query ScriptFollow($versionId: ID!) {\n    version(id: $versionId) {\n      id\n      changedLines\n      carriedNotes(first: 200) {\n        totalCount\n        edges { node { ...CarriedPlacement } }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query VersionRoom($versionId: ID!) {\n    version(id: $versionId) {\n      id\n      number\n      status\n      createdAt\n      text\n      lineCount\n      mediaUrl\n      frameRate\n      frameRateFps\n      startTimecode\n      durationFrames\n      durationTimecode\n      lastEventCursor\n      revision { color label }\n      stems { stem mediaUrl }\n      loudness { integratedLkfs truePeakDbtp loudnessRange }\n      createdBy { id name initials }\n      asset {\n        id\n        kind\n        title\n        episode { id number title }\n        production {\n          id\n          title\n          myRole\n          members { role user { id name initials email } }\n        }\n        versions { id number status createdAt revision { color label } }\n      }\n      ...ReviewPanelVersion\n    }\n    me { id name initials }\n  }\n"): (typeof documents)["\n  query VersionRoom($versionId: ID!) {\n    version(id: $versionId) {\n      id\n      number\n      status\n      createdAt\n      text\n      lineCount\n      mediaUrl\n      frameRate\n      frameRateFps\n      startTimecode\n      durationFrames\n      durationTimecode\n      lastEventCursor\n      revision { color label }\n      stems { stem mediaUrl }\n      loudness { integratedLkfs truePeakDbtp loudnessRange }\n      createdBy { id name initials }\n      asset {\n        id\n        kind\n        title\n        episode { id number title }\n        production {\n          id\n          title\n          myRole\n          members { role user { id name initials email } }\n        }\n        versions { id number status createdAt revision { color label } }\n      }\n      ...ReviewPanelVersion\n    }\n    me { id name initials }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription VersionEvents($versionId: ID!, $after: String) {\n    versionEvents(versionId: $versionId, after: $after) {\n      id\n      cursor\n      type\n      at\n      actor { id name initials }\n      note {\n        ...NoteItem\n        version { id noteCounts { ...NoteCountsItem } }\n      }\n      reply { ...ReplyItem }\n      carriedNote { ...CarriedConfirmation }\n      version { id ...ReviewPanelVersion }\n      asset { id versions { id number status createdAt revision { color label } } }\n    }\n  }\n"): (typeof documents)["\n  subscription VersionEvents($versionId: ID!, $after: String) {\n    versionEvents(versionId: $versionId, after: $after) {\n      id\n      cursor\n      type\n      at\n      actor { id name initials }\n      note {\n        ...NoteItem\n        version { id noteCounts { ...NoteCountsItem } }\n      }\n      reply { ...ReplyItem }\n      carriedNote { ...CarriedConfirmation }\n      version { id ...ReviewPanelVersion }\n      asset { id versions { id number status createdAt revision { color label } } }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query NewerVersion($versionId: ID!) {\n    version(id: $versionId) {\n      id\n      carriedNotes(first: 1) { totalCount }\n    }\n  }\n"): (typeof documents)["\n  query NewerVersion($versionId: ID!) {\n    version(id: $versionId) {\n      id\n      carriedNotes(first: 1) { totalCount }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ExportMarkers($versionId: ID!, $format: MarkerFormat!, $part: Int, $excel: Boolean) {\n    version(id: $versionId) {\n      id\n      exportMarkers(format: $format, part: $part, excel: $excel)\n    }\n  }\n"): (typeof documents)["\n  query ExportMarkers($versionId: ID!, $format: MarkerFormat!, $part: Int, $excel: Boolean) {\n    version(id: $versionId) {\n      id\n      exportMarkers(format: $format, part: $part, excel: $excel)\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ExportMarkerParts($versionId: ID!, $format: MarkerFormat!) {\n    version(id: $versionId) {\n      id\n      exportMarkerParts(format: $format)\n    }\n  }\n"): (typeof documents)["\n  query ExportMarkerParts($versionId: ID!, $format: MarkerFormat!) {\n    version(id: $versionId) {\n      id\n      exportMarkerParts(format: $format)\n    }\n  }\n"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;