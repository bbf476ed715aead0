import { useCallback, useMemo } from "react";
import type { NoteItemFragment, NoteStatus } from "../../../gql/graphql";
import type { Viewer } from "../../notes/lib/filters";
import type { MentionMember } from "../../notes/lib/mentions";
import { useAddNote, useReply, useSetNoteStatus } from "../../notes/hooks/useNoteMutations";
import { useVersionNotes } from "./useVersionNotes";
import { type RoomVersion, useVersionRoom } from "./useVersionRoom";

const zeroCounts = {
  __typename: "NoteCounts" as const,
  total: 0,
  open: 0,
  inProgress: 0,
  resolved: 0,
  wontFix: 0,
};

/** Everything the three review screens share: the version, its notes, who I am, and note actions. */
export function useReviewRoom(versionId: string) {
  const roomQuery = useVersionRoom(versionId);
  const version: RoomVersion | null = roomQuery.data?.version ?? null;
  const me = roomQuery.data?.me ?? null;
  const myRole = version?.asset.production.myRole ?? null;
  const notes = useVersionNotes(versionId);
  const counts = version?.noteCounts ?? zeroCounts;

  const members = useMemo<readonly MentionMember[]>(() => version?.asset.production.members ?? [], [version]);
  const viewer = useMemo<Viewer>(() => ({ id: me?.id ?? "", role: myRole }), [me?.id, myRole]);

  const [addNote] = useAddNote(versionId, me, myRole, counts, members);
  const [reply] = useReply(me, myRole);
  const [setStatus] = useSetNoteStatus(versionId, counts);

  const onReply = useCallback((note: NoteItemFragment, body: string) => reply(note.id, body), [reply]);
  const onStatus = useCallback((note: NoteItemFragment, s: NoteStatus) => setStatus(note, s), [setStatus]);

  const locked = version?.status === "LOCKED";
  const writable = !!version && !locked && myRole !== "VIEWER";
  const composerBlocked = !version
    ? "Loading…"
    : locked
      ? "This version is locked; notes are closed."
      : !version.viewerCan.addNote
        ? "Your role can read notes but not add them."
        : null;

  return {
    query: roomQuery,
    version,
    me,
    myRole,
    notes,
    members,
    viewer,
    writable,
    composerBlocked,
    addNote,
    onReply,
    onStatus,
  };
}

export type ReviewRoom = ReturnType<typeof useReviewRoom>;
