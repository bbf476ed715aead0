import { useMutation, useQuery } from "@apollo/client/react";
import { useCallback, useMemo, useState } from "react";
import type { CarriedConfirmationFragment, NoteItemFragment, NoteStatus } from "../../../gql/graphql";
import {
  ConfirmCarriedNoteDocument,
  OpenNotesFromPreviousDocument,
  SetNoteStatusDocument,
} from "../graphql/operations";
import { carriedProblem } from "../lib/carriedErrors";
import type { MentionMember } from "../lib/mentions";
import { NoteCard } from "./NoteCard";
import { StillApplies } from "./StillApplies";

interface Props {
  /** The version this room shows: carried notes are resolved and confirmed "in" it. */
  versionId: string;
  members: readonly MentionMember[];
  writable: boolean;
  onReply: (note: NoteItemFragment, body: string) => Promise<unknown>;
}

const stillOpen = (s: NoteStatus) => s === "OPEN" || s === "IN_PROGRESS";

function anchorOf(note: NoteItemFragment): string {
  const a = note.anchor;
  if (a.__typename === "TimeAnchor") return a.startTimecode;
  if (a.__typename === "ScriptAnchor")
    return a.lineStart === a.lineEnd ? `Line ${a.lineStart}` : `Lines ${a.lineStart}–${a.lineEnd}`;
  return "";
}

interface CarriedProps {
  note: NoteItemFragment;
  versionNumber: number;
  ownVersionId: string;
  placement: CarriedConfirmationFragment | undefined;
  roomId: string;
  members: readonly MentionMember[];
  writable: boolean;
  onReply: (note: NoteItemFragment, body: string) => Promise<unknown>;
}

/** One carried note: its card (status as asked from this room) and "Still applies". */
function CarriedItem({
  note,
  versionNumber,
  ownVersionId,
  placement,
  roomId,
  members,
  writable,
  onReply,
}: CarriedProps) {
  // No optimistic counts here: those belong to the note's own version, which this room doesn't show.
  const [setStatus] = useMutation(SetNoteStatusDocument);
  const [confirm, { loading }] = useMutation(ConfirmCarriedNoteDocument);
  const [error, setError] = useState<string | null>(null);
  const onStatus = useCallback(
    (n: NoteItemFragment, status: NoteStatus) =>
      setStatus({ variables: { noteId: n.id, status, inVersionId: roomId } }).catch((e: unknown) => {
        throw new Error(carriedProblem(e, "status"));
      }),
    [setStatus, roomId],
  );
  const onConfirm = useCallback(() => {
    setError(null);
    confirm({ variables: { noteId: note.id, versionId: roomId } }).catch((e: unknown) =>
      setError(carriedProblem(e, "confirm")),
    );
  }, [confirm, note.id, roomId]);
  const noop = useCallback(() => undefined, []);

  return (
    <li data-testid="carried-note" data-note-id={note.id}>
      <span className="badge plain" title={`Written on version ${versionNumber}`}>
        v{versionNumber}
      </span>
      <NoteCard
        note={note}
        versionId={ownVersionId}
        anchorLabel={anchorOf(note)}
        selected={false}
        members={members}
        writable={writable}
        onSelect={noop}
        onStatus={onStatus}
        onReply={onReply}
      />
      {placement ? (
        <StillApplies
          placement={placement}
          canConfirm={writable && note.viewerCan.setStatus}
          busy={loading}
          onConfirm={onConfirm}
        />
      ) : null}
      {error ? (
        <p className="alert small" role="alert">
          {error}
        </p>
      ) : null}
    </li>
  );
}

/**
 * Notes still open on earlier versions, collapsed under the list, so a note written on v2 is not lost
 * when v3 arrives. They are worked on from this room: status changes pass it as `inVersionId` (so a
 * note of a locked version can still be closed here), the buttons follow `viewerCan(inVersionId)`,
 * and "Still applies" confirms the placement. Resolving one drops it from the section (its status
 * comes back from the cache, from my answer or the room's live stream).
 */
export function CarriedOverNotes({ versionId, members, writable, onReply }: Props) {
  const { data } = useQuery(OpenNotesFromPreviousDocument, {
    variables: { versionId },
    fetchPolicy: "cache-and-network",
  });
  const notes = useMemo(
    () =>
      (data?.version?.openNotesFromPrevious.edges ?? [])
        .map((e) => e.node)
        .filter((n) => stillOpen(n.status) && !n.deletedAt)
        // The card reads viewerCan.setStatus; here it is the answer for this room, not the note's own.
        .map((n) => ({ ...n, viewerCan: { ...n.viewerCan, setStatus: n.inRoom.setStatus } })),
    [data],
  );
  const placements = useMemo(
    () => new Map((data?.version?.carriedNotes.edges ?? []).map((e) => [e.node.note.id, e.node])),
    [data],
  );
  if (notes.length === 0) return null;
  const page = data?.version?.openNotesFromPrevious;
  // Beyond the first page (not the ones resolved since loading): the API pages at 200.
  const more = Math.max(0, (page?.totalCount ?? 0) - (page?.edges.length ?? 0));

  return (
    <details className="carried" data-testid="carried-notes">
      <summary>{`Open from earlier versions (${more > 0 ? `${notes.length} of ${notes.length + more}` : notes.length})`}</summary>
      <ul className="carried-list">
        {notes.map((n) => (
          <CarriedItem
            key={n.id}
            note={n}
            versionNumber={n.version.number}
            ownVersionId={n.version.id}
            placement={placements.get(n.id)}
            roomId={versionId}
            members={members}
            writable={writable}
            onReply={onReply}
          />
        ))}
      </ul>
    </details>
  );
}
