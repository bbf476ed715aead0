import { useMutation, useQuery } from "@apollo/client/react";
import { useCallback, useMemo } from "react";
import type { NoteItemFragment, NoteStatus } from "../../../gql/graphql";
import { OpenNotesFromPreviousDocument, SetNoteStatusDocument } from "../graphql/operations";
import type { MentionMember } from "../lib/mentions";
import { NoteCard } from "./NoteCard";

interface Props {
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

/**
 * Notes still open on earlier versions, collapsed under the list, so a note written on v2 is not lost
 * when v3 arrives. Resolving one here drops it from the section (its status comes back from the cache).
 */
export function CarriedOverNotes({ versionId, members, writable, onReply }: Props) {
  const { data } = useQuery(OpenNotesFromPreviousDocument, {
    variables: { versionId },
    fetchPolicy: "cache-and-network",
  });
  // No optimistic counts here: those belong to the note's own version, which this room doesn't show.
  const [setStatus] = useMutation(SetNoteStatusDocument);
  const onStatus = useCallback(
    (note: NoteItemFragment, status: NoteStatus) => setStatus({ variables: { noteId: note.id, status } }),
    [setStatus],
  );
  const noop = useCallback(() => undefined, []);
  const notes = useMemo(
    () =>
      (data?.version?.openNotesFromPrevious.edges ?? [])
        .map((e) => e.node)
        .filter((n) => stillOpen(n.status) && !n.deletedAt),
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
          <li key={n.id}>
            <span className="badge plain" title={`Written on version ${n.version.number}`}>
              v{n.version.number}
            </span>
            <NoteCard
              note={n}
              versionId={n.version.id}
              anchorLabel={anchorOf(n)}
              selected={false}
              members={members}
              writable={writable}
              onSelect={noop}
              onStatus={onStatus}
              onReply={onReply}
            />
          </li>
        ))}
      </ul>
    </details>
  );
}
