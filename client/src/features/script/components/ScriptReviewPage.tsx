import { useQuery } from "@apollo/client/react";
import { useCallback, useMemo, useState } from "react";
import type { NoteItemFragment } from "../../../gql/graphql";
import { useKeydown } from "../../../lib/hotkeys";
import { usePresenceBroadcast, usePresenceViewers } from "../../presence/usePresence";
import { ReviewRoomLayout } from "../../versions/components/ReviewRoomLayout";
import { type ReadyRoom, ReviewRoomPage } from "../../versions/components/ReviewRoomPage";
import { RoomNotes } from "../../versions/components/RoomNotes";
import { useNewNoteKey } from "../../versions/hooks/useNewNoteKey";
import { splitLines } from "@greenlight/common/lines";
import { parseFountain } from "../fountain/parse";
import { ScriptFollowDocument } from "../graphql/operations";
import { useRoomLink } from "../../versions/hooks/useRoomLink";
import { type LineSelection, revisionTint, ScreenplayView } from "./ScreenplayView";

export function ScriptReviewPage() {
  return <ReviewRoomPage kind="SCRIPT" render={(r) => <ScriptRoom room={r} />} />;
}

const linesLabel = (s: LineSelection) =>
  s.start === s.end ? `Line ${s.start}` : `Lines ${s.start}–${s.end}`;

function ScriptRoom({ room }: { room: ReadyRoom }) {
  const { version } = room;
  const text = version.text ?? "";
  const script = useMemo(() => parseFountain(text), [text]);
  const sourceLines = useMemo(() => splitLines(text), [text]);
  const [selection, setSelection] = useState<LineSelection | null>(null);
  const [selectedNoteId, setSelectedNoteId] = useState<string | null>(null);
  const [visible, setVisible] = useState<readonly NoteItemFragment[]>([]);
  const follow = useQuery(ScriptFollowDocument, {
    variables: { versionId: version.id },
    fetchPolicy: "cache-and-network",
  });
  const changedLines = useMemo(
    () => new Set(follow.data?.version?.changedLines ?? []),
    [follow.data?.version?.changedLines],
  );
  // Still-open notes only: one resolved since it was carried no longer needs a place here.
  const carried = useMemo(
    () =>
      (follow.data?.version?.carriedNotes.edges ?? [])
        .map((e) => e.node)
        .filter((c) => !c.note.deletedAt && (c.note.status === "OPEN" || c.note.status === "IN_PROGRESS")),
    [follow.data],
  );

  usePresenceBroadcast(version.id, { line: selection?.start ?? null, playing: false });
  const viewers = usePresenceViewers(version.id, room.me?.id);
  const others = useMemo(() => {
    const m = new Map<number, { id: string; initials: string; name: string }[]>();
    for (const v of viewers) {
      if (v.line == null) continue;
      const list = m.get(v.line) ?? [];
      list.push({ id: v.user.id, initials: v.user.initials, name: v.user.name });
      m.set(v.line, list);
    }
    return m;
  }, [viewers]);

  useKeydown((e) => {
    if (e.key === "Escape") setSelection(null);
  });
  useNewNoteKey();

  const onNoteClick = useCallback((note: NoteItemFragment) => {
    setSelectedNoteId(note.id);
    if (note.anchor.__typename !== "ScriptAnchor") return;
    document
      .querySelector(`.screenplay [data-line="${note.anchor.lineStart}"]`)
      ?.scrollIntoView({ block: "center", behavior: "smooth" });
  }, []);

  useRoomLink({
    ready: true,
    notes: room.notes.notes,
    notesComplete: room.notes.complete,
    openNote: onNoteClick,
    selectedNoteId,
    t: null,
  });

  const submit = (body: string, category: NoteItemFragment["category"], assigneeId: string | null) => {
    if (!selection) return Promise.resolve();
    const quote = sourceLines.slice(selection.start - 1, selection.end).join("\n");
    const done = room.addNote(
      { body, category, assigneeId, script: { lineStart: selection.start, lineEnd: selection.end } },
      { __typename: "ScriptAnchor", lineStart: selection.start, lineEnd: selection.end, quote },
    );
    setSelection(null);
    return done;
  };

  const revision = version.revision;
  return (
    <ReviewRoomLayout
      room={room}
      headerExtra={
        revision ? (
          <span className="row small revision-chip" data-testid="revision">
            <span
              className="swatch"
              style={{ background: revisionTint(revision.color) }}
              aria-hidden="true"
            />
            {revision.label}
          </span>
        ) : null
      }
      stage={
        <div className="script-stage">
          {text ? (
            <ScreenplayView
              script={script}
              revisionColor={revision?.color ?? null}
              notes={visible}
              selection={selection}
              onSelect={setSelection}
              selectedNoteId={selectedNoteId}
              onNoteClick={onNoteClick}
              others={others}
              carried={carried}
              changedLines={changedLines}
            />
          ) : (
            <p className="empty">This version has no text.</p>
          )}
        </div>
      }
      notes={
        <RoomNotes
          room={room}
          selectedNoteId={selectedNoteId}
          anchorLabel={(n) =>
            n.anchor.__typename === "ScriptAnchor"
              ? linesLabel({ start: n.anchor.lineStart, end: n.anchor.lineEnd })
              : ""
          }
          onSelect={onNoteClick}
          onVisibleChange={setVisible}
          composerAnchor={selection ? linesLabel(selection) : null}
          onSubmit={submit}
          onCancel={() => setSelection(null)}
          emptyHint="— click a line number (Shift+click: range)"
        />
      }
    />
  );
}
